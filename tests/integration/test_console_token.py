"""With console.token set, a request must carry it (query `token` or `Authorization: Bearer`); 401 otherwise."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from tests.integration.console_helpers import BOOKED_CALL, seed, served

TOKEN = "s3cret-console-token"


@pytest.fixture(scope="module")
def console(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = seed(tmp_path_factory.mktemp("console") / "slotline.db")
    with served(db, token=TOKEN) as url:
        yield url


@pytest.mark.parametrize("path", ["/", "/calls", f"/calls/{BOOKED_CALL}", "/bookings", "/texts", "/nowhere"])
def test_a_request_without_the_token_is_refused_with_401(console: str, path: str) -> None:
    response = httpx.get(f"{console}{path}")
    assert response.status_code == 401
    assert response.headers["www-authenticate"].startswith("Bearer")
    assert "+12*******23" not in response.text and "call-booked" not in response.text


@pytest.mark.parametrize(
    "request_kwargs",
    [
        {"params": {"token": "wrong"}},
        {"headers": {"Authorization": "Bearer wrong"}},
        {"headers": {"Authorization": f"Basic {TOKEN}"}},
        {"params": {"token": ""}},
    ],
)
def test_a_wrong_token_is_refused_with_401(console: str, request_kwargs: dict[str, dict[str, str]]) -> None:
    assert httpx.get(f"{console}/calls", **request_kwargs).status_code == 401  # type: ignore[arg-type]


def test_the_token_in_the_address_is_carried_on_by_every_link_and_form(console: str) -> None:
    response = httpx.get(f"{console}/calls", params={"token": TOKEN})

    assert response.status_code == 200
    assert f'href="/calls/{BOOKED_CALL}?token={TOKEN}"' in response.text
    assert f'href="/calls?day=2026-11-25&amp;token={TOKEN}"' in response.text
    assert f'<input type="hidden" name="token" value="{TOKEN}">' in response.text
    followed = httpx.get(f"{console}/calls/{BOOKED_CALL}?token={TOKEN}")
    assert followed.status_code == 200 and "a haircut tomorrow at ten" in followed.text


def test_a_bearer_token_opens_every_page_and_stays_out_of_the_links(console: str) -> None:
    headers = {"Authorization": f"Bearer {TOKEN}"}
    for path in ("/calls", f"/calls/{BOOKED_CALL}", "/bookings", "/texts"):
        response = httpx.get(f"{console}{path}", headers=headers)
        assert response.status_code == 200, path
        assert TOKEN not in response.text
