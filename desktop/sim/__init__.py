"""Local Gemini Live simulator (a real TLS WebSocket server speaking the Live wire protocol)."""

from desktop.sim.record import Arrival, FrameRecord
from desktop.sim.scenario import Fault, Scenario, ScenarioError, parse
from desktop.sim.server import SimServer

__all__ = ["Arrival", "Fault", "FrameRecord", "Scenario", "ScenarioError", "SimServer", "parse"]
