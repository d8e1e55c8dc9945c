"""Pull pacing of agent audio (wire protocol section 2.4): credit the SDK for whole frames up to a jitter target."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Tick:
    """What one 20 ms tick did: the agent frame it played (None: silence) and the credit to request (0: none)."""

    played: bytes | None
    request: int


class PullPacer:
    """The playout buffer and the credit owed by the SDK for one call; pure bookkeeping, no sockets or clocks.

    Each tick plays one whole frame from the playout buffer (agent chunks are re-framed here: they are not frames),
    then asks for `deficit - deficit % frame` bytes when `deficit = target - buffered - outstanding` is at least a
    frame. An interrupt drops the playout buffer but keeps `outstanding`, because the SDK still owes those bytes.
    """

    def __init__(self, frame: int, jitter_target: int, *, playout_limit: int | None = None) -> None:
        if frame <= 0 or frame % 2:
            raise ValueError("a frame is a positive, even number of bytes")
        if jitter_target < frame:
            raise ValueError("the jitter target must hold at least one frame")
        self.frame = frame
        self.jitter_target = jitter_target
        self.playout_limit = playout_limit if playout_limit is not None else jitter_target + 50 * frame
        self.outstanding = 0
        self.dropped_on_interrupt = 0
        self.overdelivered = 0
        self.overflowed = 0
        self._playout = bytearray()

    @property
    def buffered(self) -> int:
        """Agent bytes received and not yet played, a trailing part frame included."""
        return len(self._playout)

    def tick(self) -> Tick:
        played: bytes | None = None
        if len(self._playout) >= self.frame:
            played = bytes(self._playout[: self.frame])
            del self._playout[: self.frame]
        deficit = self.jitter_target - len(self._playout) - self.outstanding
        request = deficit - deficit % self.frame if deficit >= self.frame else 0
        self.outstanding += request
        return Tick(played, request)

    def receive(self, chunk: bytes) -> None:
        """Agent audio from the SDK (channel byte already removed), in whatever chunk sizes it chose."""
        if len(chunk) > self.outstanding:
            self.overdelivered += len(chunk) - self.outstanding
        self.outstanding = max(0, self.outstanding - len(chunk))
        room = self.playout_limit - len(self._playout)
        if len(chunk) > room:
            self.overflowed += len(chunk) - max(room, 0)
            chunk = chunk[: max(room, 0)]
        self._playout += chunk

    def interrupt(self) -> int:
        """Barge-in: drop everything waiting to be played; returns the bytes dropped."""
        dropped = len(self._playout)
        self._playout.clear()
        self.dropped_on_interrupt += dropped
        return dropped
