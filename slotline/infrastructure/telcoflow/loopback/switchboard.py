"""Who is connected and which calls exist: the session-manager sockets, the calls by session and call id."""

from __future__ import annotations

import logging

from slotline.infrastructure.telcoflow.loopback import frames
from slotline.infrastructure.telcoflow.loopback.concurrency import Pulse
from slotline.infrastructure.telcoflow.loopback.line import CallLine, SessionChannel

logger = logging.getLogger(__name__)


class Switchboard:
    """The registry the sockets share. A call is offered (session.notify) to every set-up SM socket; the first to
    open it binds it."""

    def __init__(self) -> None:
        self._by_session: dict[str, CallLine] = {}
        self._by_call: dict[str, CallLine] = {}
        self._links: list[SessionChannel] = []
        self._ready: set[str] = set()
        self.links_changed = Pulse()

    # ── Calls ───────────────────────────────────────────────────────────────────────────────────────────────

    @property
    def lines(self) -> list[CallLine]:
        return list(self._by_call.values())

    def add_line(self, line: CallLine) -> None:
        self._by_session[line.identity.session_id] = line
        self._by_call[line.identity.call_id] = line

    def forget(self, line: CallLine) -> None:
        self._by_session.pop(line.identity.session_id, None)
        self._by_call.pop(line.identity.call_id, None)

    def line_for_session(self, session_id: str) -> CallLine | None:
        return self._by_session.get(session_id)

    def line_for_call(self, call_id: str) -> CallLine | None:
        return self._by_call.get(call_id)

    # ── Session-manager sockets ─────────────────────────────────────────────────────────────────────────────

    @property
    def links(self) -> list[SessionChannel]:
        return [link for link in self._links if link.is_open]

    def ready_links(self) -> list[SessionChannel]:
        """Open SM sockets that have finished setup, oldest first."""
        return [link for link in self._links if link.id in self._ready and link.is_open]

    def add_link(self, link: SessionChannel) -> None:
        self._links.append(link)
        self.links_changed.fire()

    def remove_link(self, link: SessionChannel) -> None:
        """The socket is gone: its sessions are unbound (their calls go on) and may be opened again elsewhere."""
        if link in self._links:
            self._links.remove(link)
        self._ready.discard(link.id)
        for line in self._by_call.values():
            line.unbind(link)
        self.links_changed.fire()

    async def link_ready(self, link: SessionChannel) -> None:
        """After setup.done: offer this socket every call still waiting to be delivered."""
        self._ready.add(link.id)
        self.links_changed.fire()
        for line in self.lines:
            if not line.delivered and not line.ending and line.link is None:
                await link.send(_notify(line))

    async def offer(self, line: CallLine) -> int:
        """Broadcast session.notify for a new call; returns how many SM sockets it went to."""
        self.add_line(line)
        sent = 0
        for link in self.ready_links():
            if await link.send(_notify(line)):
                sent += 1
        return sent


def _notify(line: CallLine) -> frames.Frame:
    return frames.session_notify(line.identity.session_id, line.identity.caller, line.identity.callee)
