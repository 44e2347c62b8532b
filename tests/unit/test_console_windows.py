"""Staff are told a platform's reply window in the days the code counts it by, so changing the
window changes what they read (the text said 7 days beside the constant)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from bot.casestore.domain import Handoff
from bot.console.routes import live

HANDOFF = Handoff("dm-1", "messenger", datetime(2026, 12, 1, 9, tzinfo=timezone.utc), ())


def test_a_closed_window_is_told_in_the_windows_own_days(monkeypatch: pytest.MonkeyPatch) -> None:
    assert "more than 7 days since the resident last wrote" in live.closed_problem(HANDOFF)
    monkeypatch.setattr(live, "HUMAN_AGENT_WINDOW", timedelta(days=5))
    told = live.closed_problem(HANDOFF)
    assert "more than 5 days since the resident last wrote" in told
    assert "Messenger no longer lets us reply" in told
