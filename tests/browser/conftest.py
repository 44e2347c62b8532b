"""Headless Chromium for the browser tests: Debian's /usr/bin/chromium driven by Playwright.

Nothing is downloaded: Playwright's driver ships inside its wheel and the browser is the system
one (`make servers` installs it). One browser for the browser tests; a fresh context (no cookies, no
storage) for each test.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

CHROMIUM = Path("/usr/bin/chromium")
# The assistant answers in about a second, but a shared machine is slow at times.
PATIENCE_MS = 20_000


@pytest.fixture(scope="package")
def chromium_browser() -> Iterator[Browser]:
    """Package-scoped: Playwright's sync API keeps an event loop running on this thread while it
    is open, which would break later tests that call asyncio.run."""
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: run make servers (Debian package chromium)")
    expect.set_options(timeout=PATIENCE_MS)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium_browser: Browser) -> Iterator[Page]:
    """A page in a fresh context: desktop size, British English."""
    context = chromium_browser.new_context(viewport={"width": 1280, "height": 800}, locale="en-GB")
    context.set_default_timeout(PATIENCE_MS)
    yield context.new_page()
    context.close()
