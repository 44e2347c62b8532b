"""The reliability tests use the run's one Rasa server (tests/conftest.py) and, for the widget,
the browser tests' headless Chromium."""

from tests.browser.conftest import chromium_browser, page

__all__ = ["chromium_browser", "page"]
