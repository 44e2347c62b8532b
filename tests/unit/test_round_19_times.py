"""Round 19's time limit turn in our own wordings: a problem told as last week, last night or
this month is no matter of more than 12 months ago."""

from __future__ import annotations

from bot.policy import Policy
from tests.unit.conftest import Match


def test_a_recent_time_told_is_within_the_time_limit(match: Match, policy: Policy) -> None:
    """Round 19 (r19a-12 turns 1 and 2): "my flat flooded last week from the flat above, its dry
    now" was asked whether it started more than 12 months ago, then told it may be out of time
    after "it was LAST WEEK"."""
    for said in (
        "kitchen flooded last week from upstairs, its dried out now but nobody came for hours",
        "the engineer was rude to me last night and left without fixing anything",
        "had a leak this month that took 3 days to sort, want to complain",
    ):
        months = match(said).months_ago
        assert months is not None and months <= 1, said
    assert (match("it started last year and was fixed in january").months_ago or 0) >= 12
