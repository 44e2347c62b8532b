"""Stage 2 as one decision (bot.triage.stage_2, policy_rules/stage_2.yml): a question about it
is answered, a request is acted on, a refusal and an undo are understood, and a Stage 1 can go to
Stage 2 once answered or once its answer is late. Messages of our own, after round 7 (r7a-12,
r7b-22)."""

from __future__ import annotations

from datetime import date

import pytest

from bot.policy import Policy
from bot.triage.stage_2 import read_stage_2, stage_2_open


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        # r7b-22: a question about later was acted on, and the undo was read as a request.
        ("tbh if their reply is useless can i escalate it after?", "asks_about"),
        ("if im still not happy when they answer could i go to stage 2?", "asks_about"),
        ("can I take it to stage two later on if I need to", "asks_about"),
        ("hang on i never asked to escalate it. can you undo that please", "undo"),
        ("I didn't want it to go to stage 2 yet, put it back to stage 1", "undo"),
        # r7a-12: a request, whatever the form of words.
        ("thats too long. can i take it 2 stage 2 now pls", "asks_for"),
        ("Please escalate CMP-2026-000031, I'm not happy with the answer", "asks_for"),
        ("any update? if not i want it escalated", "asks_for"),
        ("i dont want stage 2 thanks", "declines"),
        ("Where is my complaint up to? Not asking to escalate, just an update.", "status"),
        ("when will i hear bk about CMP-2026-000007", "status"),
        ("thanks for sorting the boiler", None),
    ],
)
def test_what_a_message_about_stage_2_asks(policy: Policy, text: str, reading: str) -> None:
    assert read_stage_2(text, policy) == reading


DUE = date(2026, 12, 30)


def test_a_stage_1_goes_to_stage_2_once_answered_or_once_the_answer_is_late(
    policy: Policy,
) -> None:
    """policy_rules/stage_2.yml `open_when`: before the answer, nothing is opened."""
    assert not stage_2_open(answered=False, answer_due=DUE, today=date(2026, 12, 5), policy=policy)
    assert not stage_2_open(answered=False, answer_due=DUE, today=DUE, policy=policy)
    assert stage_2_open(answered=False, answer_due=DUE, today=date(2026, 12, 31), policy=policy)
    assert stage_2_open(answered=True, answer_due=DUE, today=date(2026, 12, 5), policy=policy)
