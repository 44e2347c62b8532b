"""The action server's handle on the application, built on first use (tests replace it)."""

from __future__ import annotations

from bot.bootstrap import App, build_app

_app: App | None = None


def get_app() -> App:
    global _app
    if _app is None:
        _app = build_app()
    return _app


def set_app(app: App | None) -> None:
    """Swap the application, for tests; None rebuilds it from the environment on next use."""
    global _app
    _app = app
