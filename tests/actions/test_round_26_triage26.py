"""Round 26, what the resident is told after a first message, with the classifier's reading given
and the policy's own rule matches (wordings our own): an arrears or court letter sent wrongly
gets the rent team and the choice to complain (r26b-05 t1); asking for the complaint to be logged
starts it, with no answer about what it is about (r26b-10 t12); a rent question beside a complaint
is answered, not sent to a tribunal (r26b-10 t1); an insurer's refusal read as a court claim gets
the insurance route and the choice (r26b-08 t10)."""

from __future__ import annotations

import pytest
from rasa_sdk.events import FollowupAction, SlotSet

from bot.bootstrap import App
from tests.actions.test_round_21_triage import first_message

RENT_TEAM = "For your rent account, call our rent team"


@pytest.mark.parametrize(
    "text",
    [
        "I got two letters saying I have rent arrears and you will take me to court, but I pay "
        "every month by direct debit. I am so worried. Also how do I get a parking permit?",
        "your arrears letter is wrong, i dont owe anything, it came yesterday. who do i speak "
        "to about my rent account?",
        "They sent my mum a court letter in error about arrears. Why did she get it?",
    ],
)
def test_an_arrears_letter_sent_wrongly_gets_the_rent_team_and_the_choice(
    app: App, text: str
) -> None:
    ranking = {"dissatisfaction": 0.4, "enquiry": 0.4, "service_request": 0.2}
    said, events, _ = first_message(app, text, ranking)
    assert RENT_TEAM in said
    assert SlotSet("choice_pending", True) in events


@pytest.mark.parametrize(
    "text",
    [
        "Right. So can you log the stairlift complaint now please, with the details I gave?",
        "please log the grab rail complaint for my dad now, same details",
    ],
)
def test_asking_for_the_complaint_to_be_logged_starts_it(app: App, text: str) -> None:
    ranking = {"enquiry": 0.8, "make_complaint": 0.1, "dissatisfaction": 0.1}
    said, events, _ = first_message(app, text, ranking)
    assert "grab rail" not in said.lower() and "occupational therapist" not in said
    assert FollowupAction("action_record_choice") in events


def test_a_rent_question_beside_a_complaint_is_answered(app: App) -> None:
    text = (
        "My dad's stairlift has been broken for two weeks and nobody has come, he has to sleep "
        "downstairs. Also, can you tell me how much his rent is going up in April?"
    )
    ranking = {"dissatisfaction": 0.7, "dispute_rent_level": 0.2, "enquiry": 0.1}
    said, events, _ = first_message(app, text, ranking)
    assert "First-tier Tribunal" not in said
    assert "at least one month before" in said
    assert SlotSet("choice_pending", True) in events


def test_an_insurers_refusal_gets_the_insurance_route_and_the_choice(app: App) -> None:
    text = "ur insurers turned down my claim for the carpet the leak ruined, well out of order"
    ranking = {"legal_proceedings": 0.5, "dissatisfaction": 0.3, "insurance_claim": 0.2}
    said, events, _ = first_message(app, text, ranking)
    assert "filed at court" not in said and "solicitor" not in said
    assert "insurance" in said
    assert SlotSet("choice_pending", True) in events
