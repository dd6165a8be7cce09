"""Debian's Chromium driven by Playwright, never a downloaded browser: a fresh profile per
run, no network beyond loopback, pages at phone and desktop widths, screenshots on request."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = "/usr/bin/chromium"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
TEMPORARY_SHOTS = Path(tempfile.gettempdir()) / "omigjen-web-screenshots"
KEEP_SHOTS = "OMIGJEN_KEEP_SCREENSHOTS"


def need_chromium() -> None:
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian chromium is not installed (scripts/system-packages.sh)")


@contextmanager
def browser(viewport: dict[str, int], accept_downloads: bool = True) -> Iterator[Any]:
    """A persistent context on a fresh user-data-dir, removed afterwards."""
    from playwright.sync_api import sync_playwright

    profile = tempfile.mkdtemp(prefix="omigjen-chromium-")
    try:
        with sync_playwright() as p:
            context = p.chromium.launch_persistent_context(
                profile,
                executable_path=CHROMIUM,
                headless=True,
                args=FLAGS,
                viewport=viewport,  # type: ignore[arg-type]
                accept_downloads=accept_downloads,
                locale="nb-NO",
            )
            try:
                yield context
            finally:
                context.close()
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def sign_in(page: Any, base: str, login: str, password: str) -> None:
    page.goto(f"{base}/login")
    page.fill("input[name=login]", login)
    page.fill("input[name=password]", password)
    page.click("form[action='/login'] button[type=submit]")
    page.wait_for_load_state("networkidle")


def shot(page: Any, name: str) -> None:
    """The docs' picture of a page, written over ``docs/screenshots/`` only when asked
    (``OMIGJEN_KEEP_SCREENSHOTS=1``: ``make screenshots`` and CI), so a test run leaves the
    checkout as it was; otherwise into the temporary folder."""
    folder = SCREENSHOTS if os.environ.get(KEEP_SHOTS) == "1" else TEMPORARY_SHOTS
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(folder / f"web-{name}.png"), full_page=True)


def ore(page: Any, selector: str) -> int:
    value = page.get_attribute(selector, "data-ore")
    assert value is not None, selector
    return int(value)
