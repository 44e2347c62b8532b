"""What the resident is told right after their first message, and what is recorded."""

from __future__ import annotations

import asyncio
import json
from datetime import datetime, timezone

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.choice import ActionRecordChoice
from actions.triage import ActionTriage, unanswered_parts
from bot.bootstrap import App
from bot.casestore.domain import ContactRecord
from bot.policy import Answer
from bot.questions import Asked
from bot.replies import ASB_ROUTE, automated_line, chat_exclusion_lines
from bot.triage import Part, TriageResult
from tests.actions.conftest import FIXTURES, tracker


def test_dissatisfaction_with_a_gas_danger_gets_the_offer_to_complain(
    app: App, dispatcher: CollectingDispatcher
) -> None:
    # The route itself comes first from the safety check (test_safety_check.py).
    events = asyncio.run(ActionTriage().run(dispatcher, tracker("dissatisfied_with_gas"), {}))
    # The first reply of the conversation says the assistant is automated.
    assert [m["text"] or m["response"] for m in dispatcher.messages] == [
        automated_line(app.policy),
        "utter_offer_complaint",
    ]
    assert events == [
        SlotSet("choice_pending", False),
        SlotSet("time_limit_pending", False),
        SlotSet("representative_pending", False),
        SlotSet("adjustments_pending", False),
        SlotSet("request_contact_pending", False),
        SlotSet("triage_label", "complaint"),
        SlotSet(
            "triaged_text",
            "third time asking, i can smell gas and nobody came, my son is autistic",
        ),
        SlotSet("contact_id", 1),
        SlotSet("service_area", "general"),
        SlotSet("adjustment_ids", ["neurodivergence"]),
        SlotSet("choice_pending", True),
    ]
    with app.cases.unit_of_work() as uow:
        contact = uow.cases.get_contact(1)
    assert contact is not None
    assert (contact.label, contact.urgency) == ("complaint", ("gas",))
    # The disclosed need is not stored as a flag: that waits for consent in the complaint form.
    assert all(reason["code"] != "5.10" for reason in contact.reasons)


def test_a_first_asb_report_goes_to_the_asb_team_as_a_service_request(
    app: App, dispatcher: CollectingDispatcher
) -> None:
    """As on a call: the ASB team deals with it, so no choice is offered and nothing waits for
    a complaints officer; the chat used to explain it as an exclusion and propose it."""
    events = asyncio.run(ActionTriage().run(dispatcher, tracker("neighbour_noise"), {}))
    said = " ".join(m.get("text") or "" for m in dispatcher.messages)
    assert ASB_ROUTE[0] in said and app.policy.grounds["asb_report"].route in said
    assert "This is not a decision" not in said
    assert dispatcher.messages[-1]["response"] == "utter_offer_request_contact"
    assert SlotSet("choice_pending", True) not in events
    assert app.cases.pending_exclusions() == []
    request = app.cases.service_request(1)
    assert request is not None and request.category == "asb_report"


def test_a_matter_that_may_be_excluded_is_explained_then_offered_the_choice(
    app: App, dispatcher: CollectingDispatcher
) -> None:
    """Never a refusal (2.1, 2.4, 2.5): why it may fall outside, the Ombudsman, then the same
    choice a call handler offers. The chat used to explain and stop there."""
    events = asyncio.run(ActionTriage().run(dispatcher, tracker("rent_rise"), {}))
    said = [m.get("text") or "" for m in dispatcher.messages]
    # The first reply of the conversation says the assistant is automated.
    assert said[0] == automated_line(app.policy)
    assert said[1:-1] == chat_exclusion_lines("rent_or_charge_level", app.policy, None)
    assert dispatcher.messages[-1]["response"] == "utter_offer_complaint"
    assert events[-1] == SlotSet("choice_pending", True)


def test_an_excluded_matter_goes_to_an_officer_only_when_the_resident_chooses_to_complain(
    app: App, dispatcher: CollectingDispatcher
) -> None:
    """As on a call: one who declines has made no complaint for an officer to refuse. The chat
    used to leave a proposal at triage, before the resident answered the offer."""
    asyncio.run(ActionTriage().run(dispatcher, tracker("rent_rise"), {}))
    assert app.cases.pending_exclusions() == []
    asyncio.run(ActionRecordChoice().run(dispatcher, answering("answers_no", 1), {}))
    assert app.cases.pending_exclusions() == []
    for _ in range(2):  # changed their mind; the second is a retried call
        asyncio.run(ActionRecordChoice().run(dispatcher, answering("answers_yes", 1), {}))
    [proposal] = app.cases.pending_exclusions()
    assert (proposal.contact_id, proposal.ground) == (1, "rent_or_charge_level")


def answering(fixture: str, contact_id: int) -> Tracker:
    """An answer to the offer, in the conversation of this contact."""
    answer = json.loads((FIXTURES / f"{fixture}.json").read_text())
    answer["slots"]["contact_id"] = contact_id
    return Tracker.from_dict(answer)


def contact_for() -> ContactRecord:
    now = datetime.now(timezone.utc)
    return ContactRecord("resident-2", "socketio", now, "the mould is back", "complaint",
                         "dissatisfaction", 0.9, None, (), ())  # fmt: skip


def test_yes_to_the_offer_records_the_choice(app: App, dispatcher: CollectingDispatcher) -> None:
    events = asyncio.run(ActionRecordChoice().run(dispatcher, tracker("answers_yes"), {}))
    assert dispatcher.messages[0]["response"] == "utter_choice_complaint"
    assert events == [
        SlotSet("complaint_choice", "complaint"),
        SlotSet("choice_pending", False),
        SlotSet("complaint_aspects", "the mould is back"),
    ]


def test_a_need_mentioned_with_a_request_is_offered_and_nothing_is_kept_yet(
    app: App, dispatcher: CollectingDispatcher
) -> None:
    events = asyncio.run(ActionTriage().run(dispatcher, tracker("deaf_repair_request"), {}))
    said = " ".join(m.get("text") or "" for m in dispatcher.messages)
    assert "request for our team" in said and "text relay" in said
    # How the team can reach them is asked first; what would help is offered after that.
    assert dispatcher.messages[-1]["response"] == "utter_offer_request_contact"
    assert events[-2:] == [SlotSet("adjustment_ids", ["hearing"]),
                           SlotSet("request_contact_pending", True)]  # fmt: skip
    with app.cases.unit_of_work() as uow:
        contact = uow.cases.get_contact(1)
    assert contact is not None and all(r["code"] != "5.10" for r in contact.reasons)


def test_put_right_without_a_complaint_is_a_service_request_with_a_way_back(
    app: App, dispatcher: CollectingDispatcher
) -> None:
    """The team that puts it right needs the request logged and a way to reach the resident;
    the chat used to say only that they had none."""
    app.cases.record_triage(contact_for(), None)
    events = asyncio.run(ActionRecordChoice().run(dispatcher, tracker("answers_no"), {}))
    responses = [m["response"] for m in dispatcher.messages]
    assert responses == ["utter_choice_no_complaint", "utter_offer_request_contact"]
    assert events[-1] == SlotSet("request_contact_pending", True)
    request = app.cases.service_request(1)
    assert request is not None and request.category == "damp_and_mould"


def test_a_part_a_question_answers_is_not_said_again_but_a_job_always_is() -> None:
    """Round 5 r5b-13: "who do I pay council tax to" was answered and also named as a part."""
    text = "The gate is broken, can someone fix it. Oh and who do I pay council tax to?"
    council = Answer("council", "Council services", (("council tax",),), "The council does.")
    parts = (
        Part("other", None, "", 0, len(text), text),
        Part("service_request", None, "Repairs.", 0, 37, text[:37]),
        Part("excluded", "other_body", "The council.", 39, 75, text[39:75]),
    )
    result = TriageResult("other", "enquiry", 0.9, None, (), (), (), (), (), "general", False,  # type: ignore[arg-type]
                          None, (), parts=parts)  # fmt: skip
    left = unanswered_parts(result, [Asked(council, 44, 76)])
    assert [p.label for p in left.parts] == ["other", "service_request"]


def test_a_complaint_with_a_new_repair_and_a_question_gets_all_three(app: App) -> None:
    """r7a-09, r7b-06: only the choice to complain was offered; the new repair was not noted or
    said back, and the rent question went unanswered."""
    from rasa_sdk import Tracker

    from bot.nlp.rules import RuleMatcher

    text = (
        "In October your man was rude to me on the phone about my fence and nobody ever came. "
        "Also the kitchen extractor fan has packed up this week. And how do I pay my rent "
        "online?"
    )
    matcher = RuleMatcher.blank(app.policy)
    ranking = [
        {"name": "dissatisfaction", "confidence": 0.8},
        {"name": "service_request", "confidence": 0.2},
    ]
    message = {"text": text, "intent": ranking[0], "intent_ranking": ranking,
               "entities": matcher.match(matcher.make_doc(text)).as_entities()}  # fmt: skip
    dispatcher = CollectingDispatcher()
    tracker = Tracker.from_dict({"sender_id": "multi", "slots": {}, "latest_message": message,
                                 "events": []})  # fmt: skip
    events = asyncio.run(ActionTriage().run(dispatcher, tracker, {}))
    said = " ".join(m.get("text") or m.get("response") or "" for m in dispatcher.messages)
    assert "extractor fan has packed up" in said and "noted it as a request" in said
    assert "Direct Debit" in said  # the rent answer
    assert dispatcher.messages[-1]["response"] == "utter_offer_complaint"
    assert SlotSet("choice_pending", True) in events
    request = app.cases.service_request(1)
    assert request is not None and "extractor fan" in request.description
