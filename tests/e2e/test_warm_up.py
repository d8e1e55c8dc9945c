"""Wherever a conversation runs (`slotline chat`, the Slotline facade, `serve`), the Graph calendar is warmed first:
the first caller does not pay for msgraph's imports and the sign-in."""

from __future__ import annotations

import argparse
import io
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from slotline.entrypoints.agent import Slotline
from slotline.entrypoints.commands import chat
from slotline.entrypoints.container import build_container
from slotline.entrypoints.settings import Settings, load_settings
from slotline.infrastructure.msgraph.gateway import GraphCalendarGateway
from tests.e2e.conftest import NOW
from tests.factories import sample_catalogue
from tests.integration.fake_graph import FakeGraph

MAILBOXES = [m.calendar for m in sample_catalogue().staff if m.calendar]


@pytest.fixture
def graph_settings(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Settings]:
    with FakeGraph.running(MAILBOXES) as fake:
        monkeypatch.setenv("SLOTLINE_CALENDAR__BACKEND", "graph")
        monkeypatch.setenv("SLOTLINE_CALENDAR__GRAPH__BASE_URL", fake.base_url)
        monkeypatch.setenv("SLOTLINE_CALENDAR__GRAPH__STATIC_TOKEN", fake.token)
        yield load_settings({"db": tmp_path / "slotline.db", "now": datetime.fromisoformat(NOW)})


class CallerAtTheTerminal:
    """stdin for `slotline chat` that notes, at the caller's first turn, whether the calendar was warm by then."""

    def __init__(self, text: str, calendar: GraphCalendarGateway) -> None:
        self._lines = io.StringIO(text)
        self._calendar = calendar
        self.warm_at_first_turn: bool | None = None

    def isatty(self) -> bool:
        return False

    def readline(self) -> str:
        if self.warm_at_first_turn is None:
            self.warm_at_first_turn = self._calendar.warmed
        return self._lines.readline()


def test_chat_warms_the_calendar_before_the_first_caller_turn(
    graph_settings: Settings, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    container = build_container(graph_settings)
    calendar = container.calendar()
    assert isinstance(calendar, GraphCalendarGateway) and not calendar.warmed
    stdin = CallerAtTheTerminal("goodbye\n", calendar)
    monkeypatch.setattr("sys.stdin", stdin)

    assert chat.run(argparse.Namespace(caller=None), container) == 0

    assert stdin.warm_at_first_turn is True
    assert "Goodbye!" in capsys.readouterr().out


async def test_the_slotline_facade_warms_the_calendar_on_entry(graph_settings: Settings) -> None:
    agent = Slotline(graph_settings)
    async with agent:
        calendar = agent.container.calendar()
        assert isinstance(calendar, GraphCalendarGateway)
        assert calendar.warmed
