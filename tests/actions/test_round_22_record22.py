"""Round 22 (issue 16 and the record parts of issue 14), in the actions: a name given in a
sentence is read and kept. A name said first beside words that set off a safety line (r22a-05 t5
"Leanne. please dont send letters ...", r22a-08 t5 "Tom Reid, flat 9. Oh and tonight ..."), a
name after a protest that it was given ("I just said. Leanne" was stored as "I", r22a-05 t6), a
call handler's labelled name ("name Priya Shah, mob ...", r22a-06 t8), and a helper's own name
given when they said they act for the resident (r22b-08 t5) are not asked for again."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.contact import ContactQuestions, contact_already_told
from actions.representatives import staff_answering
from actions.safety import name_told_beside

NAME_QUESTION = "What name should we use when we contact you?"


def tracker(text: str, slots: dict[str, Any] | None = None, before: list[str] = ()) -> Tracker:
    latest = {
        "text": text,
        "intent": {"name": "inform", "confidence": 0.8},
        "intent_ranking": [],
        "entities": [],
        "message_id": "m-22",
    }
    events: list[dict[str, Any]] = []
    for said in before:
        events.append({"event": "user", "text": said, "parse_data": {**latest, "text": said}})
    events += [
        {"event": "bot", "text": NAME_QUESTION},
        {"event": "user", "text": text, "parse_data": latest},
    ]
    return Tracker.from_dict(
        {
            "sender_id": "resident-22",
            "slots": {"requested_slot": "contact_name", **(slots or {})},
            "latest_message": latest,
            "events": [{"timestamp": 1765000000.0 + i, **e} for i, e in enumerate(events)],
            "paused": False,
            "followup_action": None,
            "active_loop": {"name": "complaint_form"},
            "latest_action_name": "action_listen",
        }
    )


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Leanne. please dont send letters, he still has a key to the post box", "Leanne"),
        ("Tom Reid, flat 9. Oh and tonight there was a burning smell on the landing", "Tom Reid"),
        ("Aisha. the door wont lock and he knows it", "Aisha"),
        ("Gareth Lloyd. theres water coming through the light", "Gareth Lloyd"),
    ],
)
def test_a_name_said_first_beside_a_danger_is_the_answer(text: str, name: str) -> None:
    danger = [(text.find(".") + 2, len(text))]
    assert name_told_beside(text, danger) == name


@pytest.mark.parametrize(
    "text",
    [
        "Please hurry. there is smoke everywhere",
        "gas smell in the kitchen. Sam",
        "Help me. he is at the door",
    ],
)
def test_no_name_is_read_from_a_plea_or_the_danger_itself(text: str) -> None:
    danger = [(0, len(text))] if text.startswith("gas") else [(text.find(".") + 2, len(text))]
    assert name_told_beside(text, danger) is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("I just said. Leanne", "Leanne"),
        ("i already said it. Marta", "Marta"),
        ("I've already told you, Joan Pike", "Joan Pike"),
    ],
)
def test_the_name_after_a_protest_is_kept_never_the_i(text: str, name: str) -> None:
    got = ContactQuestions().validate_contact_name(text, CollectingDispatcher(), tracker(text), {})
    assert got["contact_name"] == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "im the call handler, cust is the tenant. name Priya Shah, mob 07700 900654, "
            "prefers phone call",
            "Priya Shah",
        ),
        ("call handler here, tenant on the line. T name: Joy Adebayo", "Joy Adebayo"),
        ("handler typing for cust, cust name - Femi Okafor", "Femi Okafor"),
    ],
)
def test_a_call_handlers_labelled_name_is_the_residents(text: str, name: str) -> None:
    assert staff_answering(tracker(text), text).get("contact_name") == name


@pytest.mark.parametrize(
    "helper",
    ["Lisa Marsh", "Lisa Marsh, her daughter", "Dev Patel, his son"],
)
def test_a_helpers_own_name_is_the_contact_name(helper: str) -> None:
    told = tracker(
        "Yes, contact me please, on 07700 900981",
        {"representative_name": helper, "acting_for": "someone_else", "contact_name": None},
    )
    events = contact_already_told(told)
    assert SlotSet("contact_name", helper.split(",")[0]) in events


def test_a_name_held_already_is_not_replaced_by_the_helpers() -> None:
    told = tracker(
        "yes contact me", {"representative_name": "Lisa Marsh", "contact_name": "Lisa M"}
    )
    assert not [e for e in contact_already_told(told) if e.get("name") == "contact_name"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("my name isnt I its Leanne", "Leanne"),
        ("the name is wrong, it should be Leanne Kerr", "Leanne Kerr"),
        ("name should be Lee Anne not I", "Lee Anne"),
    ],
)
def test_a_new_name_at_which_part_is_the_change_itself(text: str, name: str) -> None:
    """r22a-05 t10-t12: the name changed at "Which part would you like to change?" is changed at
    once; the email and "email only" are not asked for again."""
    from actions.repair import which_part_answered
    from bot.corrections import correction_of
    from bot.definition import DraftDefinition

    asked = "Which part would you like to change?"
    domain = {"responses": {"utter_which_part": [{"text": asked}]}}
    slots = {
        "complaint_aspects": "the front door lock is broken",
        "outcome_sought": "fix it",
        "contact_name": "I",
        "contact_details": "leanne.k@example.com",
        "contact_preference": "email only",
    }
    told = tracker(text, slots)
    told.events[-2]["text"] = asked
    assert which_part_answered(told, domain, text, True) is None
    draft = DraftDefinition(
        aspects="lock", still_happening=True, outcome="fix it", representative=None,
        contact_name="I", contact_details="leanne.k@example.com", contact_preference="email only",
        adjustments=None, earlier_request=None, consent=None,
    )  # fmt: skip
    assert correction_of(text, draft).changes == {"contact_name": name}


def chose(text: str, cues: tuple[str, ...]) -> Tracker:
    """The offer to complain answered in words, with the rule layer's dissatisfaction cues."""
    told = tracker(text)
    told.latest_message["entities"] = [
        {"entity": "dissatisfaction_cue", "value": cue} for cue in cues
    ]
    return told


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        (
            "cust says they rang 3 times and were told someone would come, nobody came. wants "
            "to complain",
            "cust says they rang 3 times and were told someone would come, nobody came.",
        ),
        (
            "yes complain please, nobody turned up on friday and I took the day off work",
            "yes complain please, nobody turned up on friday and I took the day off work",
        ),
    ],
)
def test_the_failure_told_with_the_choice_is_what_went_wrong(text: str, kept: str) -> None:
    """r22a-06 t2, t10: the read-back left out "rang twice ... no one came"."""
    from actions.choice import problem_beside_the_choice

    assert problem_beside_the_choice(chose(text, ("dissatisfaction",)), []) == kept


@pytest.mark.parametrize(
    ("text", "cues"),
    [
        ("Make a formal complaint", ("dissatisfaction",)),
        ("I think she'd want it made formal, yes", ()),
        ("yes she wants to complain", ("dissatisfaction",)),
    ],
)
def test_only_choosing_to_complain_adds_nothing(text: str, cues: tuple[str, ...]) -> None:
    from actions.choice import problem_beside_the_choice

    assert problem_beside_the_choice(chose(text, cues), []) == ""


def asking_to_note(text: str, needs: dict[str, str], slots: dict[str, Any]) -> Tracker:
    """A message naming health needs (word -> need id), as the rule layer tags them."""
    told = tracker(text, slots)
    told.latest_message["entities"] = [
        {
            "entity": "adjustment",
            "value": need,
            "start": text.lower().index(word),
            "end": text.lower().index(word) + len(word),
        }
        for word, need in needs.items()
    ]
    return told


@pytest.mark.parametrize(
    ("text", "needs", "said"),
    [
        (
            "can you put the dialysis on his file so you know for next time",
            {"dialysis": "physical_health"},
            "dialysis",
        ),
        (
            "Please note on her record that she uses oxygen and a wheelchair",
            {"oxygen": "physical_health", "wheelchair": "mobility"},
            "oxygen and wheelchair",
        ),
        (
            "will you note my COPD so the engineer knows",
            {"copd": "physical_health"},
            "copd",
        ),
    ],
)
def test_asking_to_note_a_health_need_is_consent_and_is_confirmed(
    app: Any, text: str, needs: dict[str, str], said: str
) -> None:
    """r22a-02 t2-t3 and the lead's replay: the request to note a health need got no answer, or
    "Yes. I have noted your request for our team."; it is recorded with consent and said."""
    from actions.repair import health_noted

    noted = health_noted(asking_to_note(text, needs, {"contact_name": None}))
    assert noted is not None, text
    line, events = noted
    assert f"I have put {said} on the record, as you asked" in line
    assert SlotSet("adjustment_consent", True) in events
    assert ("on their behalf" in line) == (" my " not in f" {text} ")


@pytest.mark.parametrize(
    "text",
    [
        "she's on dialysis but please don't put that on any file",
        "he has asthma and the boiler is broken",
    ],
)
def test_a_need_told_without_asking_to_note_it_is_not_recorded_here(app: Any, text: str) -> None:
    from actions.repair import health_noted

    word = "dialysis" if "dialysis" in text else "asthma"
    assert health_noted(asking_to_note(text, {word: "physical_health"}, {})) is None


@pytest.mark.parametrize("needs", [["physical_health"], ["mobility"], ["physical_health", "sight"]])
def test_a_health_need_noted_on_request_is_not_offered_again(app: Any, needs: list[str]) -> None:
    """The lead's replay: after "can you put the dialysis on his file", the contact was followed
    by "Would you like us to note what would help you?"; with consent given it is recorded."""
    from actions.adjustments import record_or_offer_adjustments

    told = tracker(
        "Phone call",
        {
            "adjustments_needed": "can you put the dialysis on his file",
            "adjustment_ids": needs,
            "adjustment_consent": True,
            "contact_id": None,
        },
    )
    dispatcher = CollectingDispatcher()
    events = record_or_offer_adjustments(dispatcher, told)
    assert not any(m.get("response") == "utter_offer_adjustments" for m in dispatcher.messages)
    assert SlotSet("adjustments_pending", True) not in events


def test_the_choice_re_read_as_its_button_keeps_the_failure_told() -> None:
    """r22a-06 t2 replayed: the choice is re-read with no rule entities; the message as it first
    came holds them."""
    from actions.choice import problem_beside_the_choice

    text = "T says she rang on Monday and Tuesday, told someone would come, nobody came. complain"
    told = tracker(text, before=[text])
    told.events[0]["parse_data"]["entities"] = [
        {"entity": "dissatisfaction_cue", "value": "dissatisfaction"}
    ]
    assert problem_beside_the_choice(told, []).startswith("T says she rang on Monday")
