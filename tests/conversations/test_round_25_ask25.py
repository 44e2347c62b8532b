"""Round 25's safety questions on harmless first messages (issue 14), with the trained model
through `python -m bot classify`: uncut communal grass paid for in the service charge (r25b-12
t1), a joiner who fitted some of the cupboard doors (r25b-10 t1), a put-it-right answer that says
how to be contacted (r25b-05 t6) and a phone battery about to run out (r25a-04 t7) got "Is anyone
in danger right now?". Our own wordings, not the simulation's. The same topics' real dangers
are still routed.

Still open: 50 near misses of these kinds in the residents' voices (urgency: none) did not move
these wordings below the question threshold (each near miss weighs 1 among about 5,900 ordinary
examples in the balanced detector) and cost one self-harm message of the safety corpus its
question, so they were not added. The harmless cases are strict expected failures until the fix
lands; a pass then fails loudly so the marker is removed."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import ROOT

HARMLESS = [
    ("grass", "grass at the back hasnt been cut and its up to my knees, we pay for it"),
    ("wardrobe", "the carpenter came to fit the wardrobe doors but only did two of them, when is "
                 "he coming back"),
    ("hinges", "the fitter hung four of the six kitchen doors and said he'd be back with the "
               "hinges, what happens now?"),
    ("contact", "he wants a written answer about his transfer and a date, by text or email only "
                "as he cant hear calls"),
    ("battery", "quick my phone's on 2 percent, its 14 Elm Road"),
    ("cut-out", "my phone's about to cut out, name's Lee Grant, flat 3"),
]  # fmt: skip

DANGERS = [
    ("collapsed", "my battery is going but my husband has collapsed and he wont wake up"),
    ("front-door", "the joiner took our front door off this morning and never came back, the "
                   "flat is wide open and we cant lock it"),
    ("ex", "I'm a support worker, my client says her ex is outside her door right now "
           "threatening to kill her"),
]  # fmt: skip


@pytest.fixture(scope="module")
def classified() -> dict[str, dict]:
    lines = "".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in HARMLESS + DANGERS)
    done = subprocess.run(
        [sys.executable, "-m", "bot", "classify"], input=lines, capture_output=True, text=True,
        cwd=ROOT, timeout=600, check=True,
    )  # fmt: skip
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    return {row["id"]: row for row in rows}


def _safety(row: dict) -> list[str]:
    return [r["text"] for r in row["reasons"] if r["code"] == "safety"]


@pytest.mark.xfail(
    strict=True, reason="round 25: still asked about at near-miss weight 1 (ask25 report)"
)
@pytest.mark.parametrize(("case_id", "text"), HARMLESS)
def test_a_harmless_everyday_message_gets_no_safety_question(
    classified: dict[str, dict], case_id: str, text: str
) -> None:
    row = classified[case_id]
    assert not row["urgent"], text
    assert _safety(row) == [], text


@pytest.mark.parametrize(("case_id", "text"), DANGERS)
def test_the_same_topics_real_danger_is_still_routed(
    classified: dict[str, dict], case_id: str, text: str
) -> None:
    assert classified[case_id]["urgent"], text
