"""The API key of a launch, still being looked up in the keyring when the window comes up.

The window does not wait for the keyring (an unlock prompt, a slow D-Bus): the lookup begun
at launch is handed to the driver, which takes the key when it answers; only a session's
start waits for it.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.infra.credentials import KeyFound


class PendingKey:
    def __init__(self) -> None:
        self._lookup: asyncio.Future[KeyFound] | None = None

    def expect(self, lookup: asyncio.Future[KeyFound]) -> None:
        self._lookup = lookup

    def forget(self) -> None:
        """A key chosen meanwhile (the settings dialog) wins over the lookup."""
        self._lookup = None

    @property
    def pending(self) -> bool:
        return self._lookup is not None and not self._lookup.done()

    def take(self, current: str | None) -> str | None:
        """`current` if there is one, else the lookup's key once it has answered."""
        lookup = self._lookup
        if lookup is None or not lookup.done():
            return current
        self._lookup = None
        if current is not None or lookup.cancelled():
            return current
        return lookup.result().key  # KeyLookup.result never raises

    async def wait(self) -> None:
        """Until the lookup has answered (a stop meanwhile leaves it running); then `take`."""
        lookup = self._lookup
        if lookup is not None and not lookup.done():
            await asyncio.wait({lookup})
