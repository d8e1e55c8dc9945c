"""The console in a real headless browser (Debian's chromium through /usr/bin/chromedriver, JavaScript off): the
calls list, a click into a call, its transcript and timeline, and a screenshot that is a real rendering."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

from tests.integration.console_helpers import BOOKED_CALL, seed, served

WIDTH, HEIGHT = 1200, 900
BLUE, ORANGE, GREEN = (0x3B, 0x82, 0xF6), (0xF5, 0x9E, 0x0B), (0x16, 0xA3, 0x4A)  # the timeline's three stages


@pytest.fixture
def browser() -> Iterator[webdriver.Chrome]:
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"):
        options.add_argument(argument)
    options.add_argument(f"--window-size={WIDTH},{HEIGHT}")
    options.add_argument("--force-device-scale-factor=1")
    options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    driver = webdriver.Chrome(options=options, service=Service("/usr/bin/chromedriver"))
    driver.implicitly_wait(5)
    try:
        yield driver
    finally:
        driver.quit()


def _pixels_near(image: Image.Image, colour: tuple[int, int, int]) -> int:
    """How many pixels of `image` are within a few steps of `colour` on each channel."""
    rgb = image.convert("RGB")
    near = 0
    for count, pixel in rgb.getcolors(maxcolors=rgb.width * rgb.height) or []:
        assert isinstance(pixel, tuple)
        if all(abs(a - b) <= 12 for a, b in zip(pixel, colour, strict=True)):
            near += count
    return near


def test_an_operator_clicks_into_a_call_and_sees_its_transcript_and_timeline(
    tmp_path: Path, browser: webdriver.Chrome
) -> None:
    db = seed(tmp_path / "slotline.db")
    with served(db) as url:
        browser.get(f"{url}/calls")
        assert browser.find_element(By.TAG_NAME, "h1").text == "Calls: today and the last days"
        rows = browser.find_elements(By.CSS_SELECTOR, "table.calls tbody tr")
        assert [r.find_element(By.TAG_NAME, "td").text for r in rows] == ["08:50:00", "07:00:00", "15:00:00"]

        browser.find_element(By.LINK_TEXT, "07:00:00").click()

        assert browser.current_url == f"{url}/calls/{BOOKED_CALL}"
        assert browser.find_element(By.TAG_NAME, "h1").text == "Call from +12*******23"
        transcript = browser.find_element(By.CSS_SELECTOR, "table.transcript").text
        assert "a haircut tomorrow at ten" in transcript
        assert "Sam can do 10 AM tomorrow. Shall I book it?" in transcript
        timelines = browser.find_elements(By.CSS_SELECTOR, ".timeline")
        assert len(timelines) == 2
        assert all(t.is_displayed() and t.size["width"] > 300 for t in timelines)
        bar = browser.find_element(By.CSS_SELECTOR, ".timeline .bar.first_audio")
        assert bar.size["width"] > 0 and bar.size["height"] > 0

        viewport = browser.execute_cdp_cmd("Page.getLayoutMetrics", {})["cssVisualViewport"]
        page = Image.open(io.BytesIO(browser.get_screenshot_as_png()))
        timeline = Image.open(io.BytesIO(timelines[1].screenshot_as_png))

    assert page.format == "PNG" and page.size == (WIDTH, viewport["clientHeight"])  # the window, its scroll bar in
    assert page.size[1] > HEIGHT // 2
    assert len(page.convert("RGB").getcolors(maxcolors=1 << 20) or []) > 50, "a blank or one-colour page"
    for colour in (BLUE, ORANGE, GREEN):
        assert _pixels_near(timeline, colour) > 100, f"no bar of colour {colour} in the timeline"
