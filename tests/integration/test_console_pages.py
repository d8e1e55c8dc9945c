"""The console's pages over HTTP, served by uvicorn from a SQLite file seeded through the real adapters at NOW."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.integration.console_helpers import BOOKED_CALL, SCRIPT, seed, served


@pytest.fixture(scope="module")
def console(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """One seeded console for the module: every test only reads."""
    db = seed(tmp_path_factory.mktemp("console") / "slotline.db")
    with served(db) as url:
        yield url


def page(url: str, status: int = 200) -> str:
    response = httpx.get(url)
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("text/html")
    text = response.text
    assert "+12125550123" not in text and "+12125550188" not in text, "a phone number shown in full"
    assert "<script" not in text, "a page that needs (or lets in) a script"
    return text


def _calls_shown(html: str) -> list[str]:
    return re.findall(r'href="/calls/([\w-]+)"', html)


def test_the_calls_page_lists_today_and_recent_calls_newest_first(console: str) -> None:
    html = page(f"{console}/")

    assert _calls_shown(html) == ["call-script", "call-booked", "call-transfer"]  # call-old is ten days back
    assert "Wednesday 25 November 2026" in html and "Tuesday 24 November 2026" in html
    assert "+12*******23" in html and "withheld" in html
    assert "Haircut with Sam Rivera, Thu 26 Nov 10:00" in html
    assert ">1:15<" in html  # the booked call's duration
    assert 'class="outcome transferred">transferred<' in html


def test_calls_are_filtered_by_day_and_outcome_with_plain_links(console: str) -> None:
    assert _calls_shown(page(f"{console}/calls?day=2026-11-15")) == ["call-old"]
    assert _calls_shown(page(f"{console}/calls?day=2026-11-25&outcome=booked")) == ["call-booked"]
    assert _calls_shown(page(f"{console}/calls?outcome=transferred")) == ["call-transfer"]

    html = page(f"{console}/calls?outcome=booked")
    assert 'href="/calls?day=2026-11-24&amp;outcome=booked"' in html  # a day link keeps the outcome


@pytest.mark.parametrize(
    ("query", "line"),
    [
        ("day=yesterday", "day &#39;yesterday&#39; is not a date in YYYY-MM-DD form"),
        ("outcome=won", "outcome &#39;won&#39; is none of: booked, rescheduled"),
    ],
)
def test_a_filter_that_means_nothing_is_a_400_page_saying_why(console: str, query: str, line: str) -> None:
    assert line in page(f"{console}/calls?{query}", 400)


def test_a_call_shows_its_transcript_timeline_state_path_and_outcome(console: str) -> None:
    html = page(f"{console}/calls/{BOOKED_CALL}")

    assert "Call from +12*******23" in html
    assert "a haircut tomorrow at ten" in html
    assert "understood: book service=&#39;haircut&#39; day=2026-11-26" in html
    assert "Sam can do 10 AM tomorrow. Shall I book it?" in html
    assert "yes and my number is * * * * * * * * * *" in html  # spoken digits masked
    assert "understood: yes phone=+12*******23" in html
    assert "2100 ms, failed: calendar timed out" in html
    assert re.search(r"pending <span[^>]*>07:00:00</span> &rarr; answered .* &rarr; disconnected", html)
    assert 'class="outcome booked">booked<' in html
    # Both turns on one scale (the slowest stage, 1200 ms): bars from the stage before, as wide as the wait.
    assert 'class="bar recognised" style="left: 0.0%; width: 15.0%"' in html
    assert 'class="bar decided" style="left: 15.0%; width: 20.0%"' in html
    assert 'class="bar first_audio" style="left: 35.0%; width: 15.83%"' in html
    assert 'class="bar first_audio" style="left: 75.0%; width: 25.0%"' in html
    assert ">610 ms<" in html and ">1200 ms<" in html


def test_what_a_caller_said_is_shown_as_text_never_as_markup(console: str) -> None:
    html = page(f"{console}/calls/call-script")

    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html
    assert SCRIPT not in html
    assert "Call from withheld" in html


def test_an_unknown_call_is_a_404_page(console: str) -> None:
    html = page(f"{console}/calls/no-such-call", 404)
    assert "no call &#39;no-such-call&#39; on the record" in html
    assert "no such page" in page(f"{console}/nowhere", 404)


def test_upcoming_bookings_are_listed_per_staff_member(console: str) -> None:
    html = page(f"{console}/bookings")

    sam, alex, jordan = (html.index(f"<h2>{name}") for name in ("Sam Rivera", "Alex Chen", "Jordan Patel"))
    assert sam < alex < jordan
    assert re.search(r"Thu 26 Nov 10:00-10:30</td><td>Haircut</td><td>Jane Doe</td><td>\+12\*+23</td>", html)
    assert html.index("Thu 26 Nov 14:00") > alex
    assert "Nothing booked." in html[jordan:]


def test_texts_waiting_sent_and_dead_show_with_the_last_error(console: str) -> None:
    html = page(f"{console}/texts")

    dead, waiting, sent = (html.index(f'id="{part}"') for part in ("dead", "waiting", "sent"))
    assert "Dead (1)" in html and "Waiting (2)" in html and "Sent (1)" in html
    assert "provider refused +12*******88" in html[dead:waiting]
    assert "text for confirm-apt-1" in html[waiting:sent] and "text for confirm-apt-2" in html[waiting:sent]
    assert "text for sent-1" in html[sent:]


def test_the_console_only_reads(console: str) -> None:
    response = httpx.post(f"{console}/calls", data={"x": "1"})
    assert response.status_code == 405
    assert "read-only" in response.text


def test_every_page_forbids_scripts_and_referrers(console: str) -> None:
    headers = httpx.get(f"{console}/calls").headers
    assert "default-src 'none'" in headers["content-security-policy"]
    assert headers["referrer-policy"] == "no-referrer"


def test_a_database_without_records_shows_empty_pages(tmp_path: Path) -> None:
    from slotline.infrastructure.sqlite import SqliteDatabase

    with served(SqliteDatabase(tmp_path / "new.db")) as url:
        assert "No calls on the record here." in page(f"{url}/calls")
        assert page(f"{url}/bookings").count("Nothing booked.") == 3
        assert page(f"{url}/texts").count("None.") == 3
