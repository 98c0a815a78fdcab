"""Local Gemini Live simulator (a real TLS WebSocket server speaking the Live wire protocol)."""

from desktop.sim.scenario import Fault, Scenario, ScenarioError, parse
from desktop.sim.server import Arrival, SimServer

__all__ = ["Arrival", "Fault", "Scenario", "ScenarioError", "SimServer", "parse"]
