"""Triage of the resident's message in the chat: decide, record, and say what happens next."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.app import get_app
from actions.choice import answer_in_context, comes_back_to_the_complaint
from actions.condolences import condolences_once
from actions.languages import INTERPRETER_ANSWER, offer_interpreter
from actions.references import KNOWN_REFERENCE, reference_told
from actions.representatives import UNNAMED_RELATIONSHIP
from actions.request_contact import access_noted, ask_or_record_contact, only_the_access_note
from actions.resume import complaint_resumed
from actions.session import say_it_is_automated
from actions.turns import (
    STAGE_2_SUBMIT,
    channel_of,
    model_of,
    received_at,
    said_so_far,
    stage_2_asked,
    turn_key,
)
from bot.answers import (
    READ_BACK,
    WITHDRAWAL_ANSWERS,
    YES_NO_FLAGS,
    adds_to_a_complaint,
    already_complained,
    asks_for_a_complaint,
    asks_for_a_note,
    changes_contact_details,
    notes_on_a_complaint,
    wants_a_person_now,
    wants_to_leave,
    withdraws,
)
from bot.answers import REPORT_REPAIR_ANSWER as REPORT_REPAIR
from bot.casestore.domain import ContactRecord, ServiceRequest
from bot.definition import (
    consent_told,
    contact_details_in,
    introduced_name,
    only_a_name,
    represented_person,
)
from bot.nlp.matches import RuleMatches
from bot.policy import Answer
from bot.policy.ids import OVER_12_MONTHS
from bot.questions import NOT_DOING, Asked, answers_in, asks_what, is_question, supposed
from bot.replies import (
    ADDED_TO_STAGE_2_LINE,
    NOTHING_ASKED_LINE,
    PRAISE_PASSED_ON_LINE,
    STAGE_2_OFFER_BUTTONS,
    STAGE_2_OFFER_LATE_LINE,
    STAGE_2_OFFER_LINE,
    STILL_GOING_ON_BUTTONS,
    adding_to_a_complaint_line,
    adjustment_lines,
    chat_exclusion_lines,
    chat_lines,
    no_new_complaint_line,
    part_lines,
    stage_2_already_asked,
    still_going_on_question,
    withdrawal_line,
)
from bot.reply_dates import asks_where_the_reply_is
from bot.text import words
from bot.told import praise_told
from bot.triage import Part, TriageResult, triage
from bot.triage.safety import HANDOFF_ACTION, WITH_PERSON_SLOT
from bot.triage.stage_2 import (
    came_late,
    no_earlier_complaint,
    read_stage_2,
    unhappy_with_the_stage_1_answer,
)


def contact_record(tracker: Tracker, result: TriageResult) -> ContactRecord:
    return ContactRecord.triaged(
        result,
        conversation_id=tracker.sender_id,
        channel=channel_of(tracker),
        received_at=received_at(tracker),
        text=str(tracker.latest_message.get("text") or ""),
        turn_key=turn_key(tracker, "contact"),
        model_version=model_of(tracker),
    )


# The yes-or-no offers a "yes" or "no" could answer (their rules in data/rules/); the read-back
# is not one: a new message during it is a correction (actions.repair).
OPEN_OFFERS = tuple(flag for flag in YES_NO_FLAGS if flag != READ_BACK)


def representative_events(result: TriageResult, text: str) -> list[EventType]:
    """Who a helper is, who they write for and whether that person agreed, as the first message
    says, so none of it is asked again."""
    if not result.relationships:
        return []
    named = [r for r in result.relationships if r != UNNAMED_RELATIONSHIP]
    helper = introduced_name(text)
    resident = represented_person(text)
    told = {
        "representative_relationship": named[0] if named else None,
        "representative_name": helper,
        "representative_details": resident,
        "representative_consent": True if consent_told(text) else None,
    }
    return [SlotSet(slot, value) for slot, value in told.items() if value is not None]


# Said with a Stage 2 request asked for again in the same conversation.
NO_OTHER_NEEDED = "You do not need to make another complaint."
# What staff see beside a conversation passed to them to close a complaint.
TO_WITHDRAW = "The resident wants to withdraw their complaint (reference in the chat): close it"
# Taking back a complaint: "withdraw it", "i want the complaint closed", "cancel CMP-...".
WITHDRAWING = re.compile(
    r"\b(?:want|wants|wanna|would like|like to|id like|need|needs|please|pls|plz|can you|"
    r"could you|can u|just)\b[^.?!]{0,30}?\b(?:withdraw|cancel|close|drop)\b"
    r"(?:\s+\S+){0,2}?\s*\b(?:it|complaint|cmp-\d{4}-\d+)\b"
    r"|\b(?:want|wants|need|needs)\s+(?:the\s+|my\s+|this\s+)?(?:(?:old|first|original|other|"
    r"earlier)\s+(?:one|complaint)|complaint|it|cmp-\d{4}-\d+)\s+"
    r"(?:withdrawn|cancelled|canceled|closed|dropped)\b",
    re.IGNORECASE,
)


# The common answer about an alarm's chirp (answers.yml).
ALARM_CHIRPING = "alarm_chirping"
# Common answers told of a fault that are repairs too (answers.yml): each says so ("We'll replace
# it as a repair", "we'll treat this as a repair"), and the request is noted beside it. "light out
# on the stairs" was answered and not noted (round 25).
ANSWERED_AS_REPAIRS = frozenset({ALARM_CHIRPING, "dark_stairs"})


def withdrawal_first(text: str, answers: dict[str, Answer], questions: list[Asked]) -> list[Asked]:
    """A complaint or report to withdraw, told in words another answer took as well ("can you
    cancel complaint CMP-..., the manager rang and said sorry" got only whether a manager looks
    at complaints): the withdrawal's route comes first."""
    if any(q.answer.id in WITHDRAWAL_ANSWERS for q in questions) or NOT_DOING.search(words(text)):
        return questions
    own = {
        answer_id: answers[answer_id] for answer_id in WITHDRAWAL_ANSWERS if answer_id in answers
    }
    return [*answers_in(text, own), *questions]


def withdrawn_complaint(tracker: Tracker, text: str, questions: list[Asked]) -> str | None:
    """The reference of a complaint named earlier in the conversation (or in this message)
    that the resident takes back in words the withdrawal answer does not catch ("i just want to
    withdraw it, its fixed", "i want the complaint closed"), or None."""
    named = reference_told(tracker)
    if not named or any(q.answer.id in WITHDRAWAL_ANSWERS for q in questions):
        return None
    if asks_for_a_complaint(text) or NOT_DOING.search(words(text)):
        return None
    if WITHDRAWING.search(text):
        return named
    return named if PASS_IT_ON.search(words(text)) and withdrawal_route_said(tracker) else None


# "cant u just pass it on? i work 8 till 6 so i cant ring" after we said how to withdraw it
# (round 18 r18a-11 t2 got "Is anyone in danger" and an offer of a new complaint).
PASS_IT_ON = re.compile(
    r"\b(?:pass|send|forward|give)\s+(?:it|that|this|the message|my message)\s+(?:on|to them)\b"
    r"|\b(?:can|could|cant|can't|cannot|couldnt|couldn't|will|wont|won't)\s+(?:u|you|someone|"
    r"somebody|a person|they)\s+(?:not\s+)?(?:just\s+)?(?:do|sort|close|cancel|tell them)\s+"
    r"(?:it|that|this|for me)\b"
)


def withdrawal_route_said(tracker: Tracker) -> bool:
    """Whether this conversation told the resident how to withdraw a complaint."""
    route = get_app().answers.get("withdraw_complaint")
    return route is not None and any(route.text in text for text in said_so_far(tracker))


def added_to_stage_2(tracker: Tracker, result: TriageResult, text: str) -> bool:
    """Whether unhappiness told after a Stage 2 request was passed on here, or more about the
    same problem ("the damp is getting worse while you monitor it" after Stage 2 on the damp
    complaint), belongs with that request: not a new complaint asked for in so many words, nor
    one being taken."""
    entities = tracker.latest_message.get("entities") or []
    same_problem = result.label == "service_request" and bool(
        set(RuleMatches.from_entities(entities).service_areas) & areas_before_stage_2(tracker)
    )
    return (
        stage_2_asked(tracker)
        and (result.offers_complaint or same_problem)
        and result.label != "escalation"
        and not asks_for_a_complaint(text)
        and not no_earlier_complaint(text, get_app().policy)
        and tracker.active_loop_name != "complaint_form"
        and not tracker.get_slot(READ_BACK)
    )


def areas_before_stage_2(tracker: Tracker) -> set[str]:
    """The service areas (damp, heating) the messages up to the Stage 2 request named."""
    areas: set[str] = set()
    for event in tracker.events:
        if event.get("event") == "action" and event.get("name") == STAGE_2_SUBMIT:
            break
        if event.get("event") == "user":
            entities = (event.get("parse_data") or {}).get("entities") or []
            areas |= set(RuleMatches.from_entities(entities).service_areas)
    return areas - {"general"}


def explained_by_the_ground(question: Asked, result: TriageResult) -> bool:
    """Whether a question's answer is the possible exclusion the chat explains anyway."""
    ground = question.answer.ground
    return ground is not None and ground == result.ground_to_explain


def request_in(result: TriageResult, text: str) -> ServiceRequest | None:
    """The job this message asks for: the whole message when it is a request, else a part
    asking for one beside a complaint, an exclusion or a question ("...and the gate hinge is
    broken, can someone fix it?"), so the team gets it whatever the rest comes to."""
    category = result.request_category
    if category is not None:
        # A request's service area, or the ASB team's for a first ASB report.
        return ServiceRequest(category, result.urgent, description=text)
    part = next((p for p in result.parts[1:] if p.label == "service_request"), None)
    if part is None:
        return None
    return ServiceRequest(result.service_area, result.urgent, description=part.text.strip())


def said_by_a_part(question: Asked, result: TriageResult) -> bool:
    """Whether a question asked in a sentence that is another body's matter beside the main one
    ("2) how do I get a residents parking permit?" beside a complaint) is answered by that
    part's route, which names the body: the question's answer is the same route, and the part
    said as a part is no part of the complaint (round 20 r20a-08 t6 read the permit question back
    in what went wrong)."""
    ground = question.answer.ground
    return ground is not None and any(
        part.label == "excluded"
        and part.exclusion_reason == ground
        and question.start < part.end
        and part.start < question.end
        for part in result.parts[1:]
    )


def unanswered_parts(result: TriageResult, asked: list[Asked]) -> TriageResult:
    """The parts beside the main one, but for a matter a question's answer already deals with
    (in the sentence that asked it), unless the part says that answer itself (`said_by_a_part`).
    A job asked for is always noted: no answer does that."""

    def answered(part: Part) -> bool:
        return part.label != "service_request" and any(
            a.start < part.end
            and part.start < a.end
            and not (a.answer.ground is not None and a.answer.ground == part.exclusion_reason)
            for a in asked
        )

    return replace(
        result, parts=result.parts[:1] + tuple(p for p in result.parts[1:] if not answered(p))
    )


# A complaint told beside a question is still a complaint when the questions ask less than this
# share of the message ("...nobody ever came. Also how do I pay my rent online?").
QUESTION_SHARE = 0.5


# What shows a job is asked for: a part of the home, a fault, a request or a danger.
REQUEST_SIGNS = ("service_area", "fault_cue", "request_cue", "urgency")


def told_beside(result: TriageResult, questions: list[Asked], entities: list[Any]) -> bool:
    """Whether the message is a complaint, or a request for a job, told beside its questions,
    not a question about one: the questions' sentences are under half of it (round 7 r7a-09,
    r7b-06), and a request names its job outside them (round 9 r9c14, "(1) smoke alarm
    chirping, (2) fence panel down, (3) wants to know office hours over Christmas"; not "I
    support one of your tenants. She asked me to find out how to reach the ASB team")."""
    length = len(result.parts[0].text) if result.parts else 0
    asked = sum(q.end - q.start for q in questions if q.end > q.start)
    if any(q.end <= q.start for q in questions) or asked >= QUESTION_SHARE * length:
        return False
    if result.label == "service_request":
        return any(
            sign.get("entity") in REQUEST_SIGNS
            and isinstance(sign.get("start"), int)
            and not any(q.start <= sign["start"] < q.end for q in questions)
            for sign in entities
        )
    return result.label == "complaint"


LISTEN = "action_listen"


DISSATISFACTION_CUE = "dissatisfaction_cue"
RECORD_CHOICE = "action_record_choice"
STATUS_FORM = "status_form"
# Answers that say how long complaints take in general: with a reference, the status says it.
ABOUT_STATUS = ("how_complaints_work", "complaint_timescales")
# Answers the offer of the choice to complain already gives, or that a complaint makes moot.
ABOUT_COMPLAINING = (*ABOUT_STATUS, "complaint_or_not", "stage_2", REPORT_REPAIR)
# Answers that say how to ask for Stage 2: moot once it is asked for.
STAGE_2_ANSWERS = ("stage_2", "after_the_answer")
PERSON_BUTTON = [{"title": "Talk to a person", "payload": "/request_human"}]


# What staff see beside a conversation about a complaint named in it, not a new one.
ABOUT_THE_EARLIER_COMPLAINT = (
    "The resident wants no new complaint: they are asking about the one named in the chat"
)


def passed_to_a_person(
    dispatcher: CollectingDispatcher, tracker: Tracker, text: str, reason: str | None = None
) -> list[EventType]:
    """Handed over here, then listening: after "change my number on my complaint to ..." the
    handover was left to a follow-up action no rule follows, and the guess after it said "Sorry,
    I didn't understand that" and undid the handover, so the next message was handed over again
    (round 18 r18a-12 t3-t4, r18a-07 t5 got "Sorry, I didn't understand that" three times)."""
    from actions.handoff import TO_ADD_TO_A_COMPLAINT, hand_over  # it imports this module's users

    if reason is None and (adds_to_a_complaint(text) or changes_contact_details(text)):
        reason = TO_ADD_TO_A_COMPLAINT
    return [*hand_over(dispatcher, tracker, reason), FollowupAction(LISTEN)]


def asked_about_status(asked: Answer | None) -> bool:
    return asked is None or asked.id in ABOUT_STATUS


def said_health_noted(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
    """A health need the message asks us to note ("can you put on the record that she's on
    oxygen"): the line that says it is noted, and its slots (`actions.repair.health_noted`);
    nothing when none is asked to be noted."""
    from actions.repair import health_noted_here  # actions.repair imports this module's users

    noted = health_noted_here(tracker)
    if noted is None:
        return []
    line, events = noted
    dispatcher.utter_message(text=line)
    return events


class ActionTriage(Action):
    def name(self) -> str:
        return "action_triage"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        say_it_is_automated(dispatcher, tracker)
        text = str(tracker.latest_message.get("text") or "")
        if only_the_access_note(text) and access_noted(dispatcher, tracker):
            # "tell them mum's carer comes 9 till 11, the best time to visit" after the request
            # was noted: added to it, not triaged as a new request (round 25 r25a-03 t12).
            return []
        # A death told as grief beside a complaint or a request (round 24 r24b-03).
        condolences_once(dispatcher, tracker)
        resumed = complaint_resumed(dispatcher, tracker)
        if resumed is not None:
            # "No, I didn't say stop! Please carry on with the complaint" just after the stop
            # started a Stage 2 request (round 26 r26b-10 t9): the complaint goes on.
            return resumed
        events = self.triage_and_reply(dispatcher, tracker)
        asked_for_stage_2 = tracker.get_intent_of_latest_message() == "escalate"
        decided = any(event.get("event") == "followup" for event in events)
        if (
            asked_for_stage_2
            and not decided
            and SlotSet("triage_label", "escalation") not in events
        ):
            # "wat is stage 2" was answered as the question it is: no Stage 2 request starts.
            events.append(FollowupAction(LISTEN))
        return events

    def triage_and_reply(
        self, dispatcher: CollectingDispatcher, tracker: Tracker
    ) -> list[EventType]:
        app = get_app()
        # Any danger's route was given first by the safety check (actions.safety), which
        # recorded this same contact for the turn.
        result = triage(tracker.latest_message, app.policy)
        text = str(tracker.latest_message.get("text") or "")
        if only_a_name(text) and not result.urgency:
            # "Mrs Farah Begum" typed mid-form or after the complaint was logged was noted as a
            # new request with a promise to call about nothing (round 15 r15d-12): inside a
            # form its question is asked again, and otherwise nothing is recorded.
            if tracker.active_loop_name:
                return []
            dispatcher.utter_message(text=NOTHING_ASKED_LINE)
            return [FollowupAction(LISTEN)]
        questions = withdrawal_first(text, app.answers, answers_in(text, app.answers))
        if "gas" in result.urgency:
            # Beside the gas route the chirp is said with it (urgency.yml `alarm_chirp`): the
            # chirp's answer, now given when told, is not said twice (round 24).
            questions = [q for q in questions if q.answer.id != ALARM_CHIRPING]
        if result.label == "service_request":
            # "can you log the repairs please - boiler banging": the request itself, not a
            # question about how to make one.
            questions = [q for q in questions if q.answer.id != REPORT_REPAIR]
        if questions:
            first = questions[0]
            sentence = text[first.start : first.end] or text
            questions[0] = replace(first, answer=answer_in_context(tracker, sentence, first.answer))
        if (
            result.label in ("complaint", "other")
            and not result.references
            and asks_for_a_complaint(text)
        ):
            # "can you log the stairlift complaint now please, with the details I gave?" read as
            # a question got the adaptations answer (round 26 r26b-10 t12): asking for the
            # complaint to be logged is asking to complain, and what it is about is no question.
            result = replace(result, label="complaint", intent="make_complaint")
            questions = [
                q
                for q in questions
                if q.end > q.start and not asks_for_a_complaint(text[q.start : q.end])
            ]
        asked = questions[0].answer if questions else None
        entities = list(tracker.latest_message.get("entities") or [])
        # "if I'm not happy with the answer, what then?" supposes it: no dissatisfaction told.
        unhappy = [
            cue
            for cue in entities
            if cue.get("entity") == DISSATISFACTION_CUE and not supposed(text, cue.get("start"))
        ]
        changed_reference = reference_told(tracker) if changes_contact_details(text) else None
        if (
            adds_to_a_complaint(text)
            or changed_reference
            or (
                asks_for_a_note(text)
                and (
                    notes_on_a_complaint(text)
                    or bool(result.references)
                    or bool(tracker.get_slot(KNOWN_REFERENCE))
                    or bool(tracker.get_slot(WITH_PERSON_SLOT))
                    or stage_2_asked(tracker)
                )
            )
        ):
            # "can i add something to it, the mould has now spread to my sons room" is no Stage 2
            # request (round 14 r14a-16): a person adds it to the complaint.
            reference = (result.references or (tracker.get_slot(KNOWN_REFERENCE),))[0]
            dispatcher.utter_message(
                text=adding_to_a_complaint_line(reference or changed_reference)
            )
            new_details = contact_details_in(text)
            if changed_reference and new_details:
                # "change my phone number on my complaint to 07700 900 948": said back, so the
                # resident knows which number they will see (round 18 r18a-12 t6 was unsure).
                dispatcher.utter_message(text=f"They will see your new details: {new_details}.")
            for question in questions:
                if question.end > question.start:
                    # A question asked in a sentence of its own beside the new number (round
                    # 18 r18a-07 t5 was not answered); not one read across the whole message.
                    dispatcher.utter_message(text=question.answer.text)
            if tracker.get_slot(WITH_PERSON_SLOT):
                return [FollowupAction(LISTEN)]
            return passed_to_a_person(dispatcher, tracker, text)
        if added_to_stage_2(tracker, result, text):
            # "the damp in the back bedroom is getting worse while you 'monitor' it" just after
            # asking for Stage 2 on the damp complaint was offered a new complaint, which then
            # went ahead over "no i dont want a new one" (round 16 r16b-12): it goes with the
            # Stage 2 request, and staff, who find that complaint, read it.
            for question in questions:
                dispatcher.utter_message(text=question.answer.text)
            dispatcher.utter_message(text=ADDED_TO_STAGE_2_LINE)
            if tracker.get_slot(WITH_PERSON_SLOT) or app.cases.open_handoff(tracker.sender_id):
                return [FollowupAction(LISTEN)]
            return passed_to_a_person(dispatcher, tracker, text)
        reference = withdrawn_complaint(tracker, text, questions)
        if reference is not None:
            # "i just want to withdraw it, its fixed, can you pass that on" after naming the
            # complaint was noted as a request "to arrange it", then "i want the complaint
            # closed" as a new complaint (round 16 r16b-09): the wish is passed to the
            # complaints team, who close it.
            dispatcher.utter_message(text=withdrawal_line(reference))
            if tracker.get_slot(WITH_PERSON_SLOT) or app.cases.open_handoff(tracker.sender_id):
                return [FollowupAction(LISTEN)]
            from actions.handoff import hand_over  # actions.handoff imports this module's users

            return hand_over(dispatcher, tracker, TO_WITHDRAW)
        earlier = reference_told(tracker)
        if (
            earlier
            and result.offers_complaint
            and already_complained(text)
            and not asks_for_a_complaint(text)
        ):
            # "no i dont want another complaint, i want an answer on the first one" after naming
            # the complaint was offered a new one (round 18 r18a-11 t3, r18a-12 t5): none is
            # started, and a person, who can find it, takes it up.
            dispatcher.utter_message(text=no_new_complaint_line(earlier))
            if tracker.get_slot(WITH_PERSON_SLOT) or app.cases.open_handoff(tracker.sender_id):
                return [FollowupAction(LISTEN)]
            return passed_to_a_person(dispatcher, tracker, text, ABOUT_THE_EARLIER_COMPLAINT)
        withdrawals = [q.answer.text for q in questions if q.answer.id in WITHDRAWAL_ANSWERS]
        if withdrawals and not asks_for_a_complaint(text):
            # "i want to withdraw complaint CMP-..." got the route and then a new complaint form,
            # and "i want to take back the complain" beside news from a neighbour got the ASB
            # team's route (round 15 r15d-08): how to withdraw it is the whole reply.
            for line in withdrawals:
                dispatcher.utter_message(text=line)
            return [FollowupAction(LISTEN)]
        comes_back = comes_back_to_the_complaint(tracker, text)
        own_cues = RuleMatches.from_entities(entities).exclusion_cues
        if comes_back and result.exclusion_reason not in own_cues:
            # Coming back to the complaint left here: "ok changed my mind lets do the bins
            # complaint after all" was told it "has already been looked at in full", and "he's
            # changed his mind again, log it now pls, same details" was noted as a request
            # (round 14 r14d-10, r14d-16). A ground only the model guessed is not said.
            result = replace(result, label="complaint", exclusion_reason=None)
        if (
            result.offers_complaint
            and tracker.get_slot(KNOWN_REFERENCE)
            and not comes_back
            and not asks_for_a_complaint(text)
            and (is_question(text) or withdraws(text) or bool(questions))
        ):
            # After a complaint was logged here, "who actually reads this?" or "i want to take
            # back the complain" got "You can make a formal complaint", inviting a duplicate
            # (round 15 r15a-02, r15d-02, r15d-08): a question about it is answered, not offered.
            result = replace(result, label="other", intent="enquiry", exclusion_reason=None)
        stage_2 = result.label == "escalation"
        # What a message read as Stage 2 asks: the one decision (bot.triage.stage_2).
        reading = read_stage_2(text, app.policy) if stage_2 else None
        if reading in ("declines", "undo"):
            # "I don't want stage 2", "cancel the stage 2 pls": nothing is asked for. "i didnt
            # ask to escalate it yet ... can u undo that" (round 7 r7b-22): said honestly, with
            # a person offered when the chat cannot put it right. Just after a request was
            # passed on, it is taken back, never "I have not asked for Stage 2" (round 26
            # r26b-01 t6).
            from actions.escalation import take_back_stage_2  # it imports actions.handoff

            return take_back_stage_2(dispatcher, tracker)
        if (
            stage_2
            and reading is None
            and not stage_2_asked(tracker)
            and unhappy_with_the_stage_1_answer(text)
        ):
            # "i got my stage 1 answer last wk ... tbh its rubbish" started the Stage 2 questions
            # straight away (round 26 r26b-07 t2): Stage 2 is offered, and the resident chooses.
            # A late answer can be complained about too: "my stage 1 reply came 3 weeks late and
            # ... didnt even answer what i asked" got only how complaints work (r26b-01 t1).
            if not came_late(text):
                dispatcher.utter_message(text=STAGE_2_OFFER_LINE, buttons=STAGE_2_OFFER_BUTTONS)
                return [FollowupAction(LISTEN)]
            dispatcher.utter_message(text=STAGE_2_OFFER_LATE_LINE)
            stage_2 = False
            result = replace(result, label="complaint", intent="dissatisfaction")
            questions = [q for q in questions if q.answer.id not in ABOUT_COMPLAINING]
            asked = questions[0].answer if questions else None
        if stage_2 and reading == "asks_for" and stage_2_asked(tracker) and not result.references:
            # "its the same complaint, ive just asked for stage 2 on it. do i need another
            # complaint??" started the Stage 2 questions again (round 16 r16b-12 t6): it was
            # passed on, and no other complaint is needed.
            dispatcher.utter_message(text=f"{stage_2_already_asked(app.policy)} {NO_OTHER_NEEDED}")
            return [FollowupAction(LISTEN)]
        if reading == "asks_about":
            # "if the answer is rubbish can i escalate it after?" (r7b-22): answered, not acted on.
            stage_2 = False
            result = replace(result, label="other", intent="enquiry", exclusion_reason=None)
            questions = [q for q in questions if q.answer.id in STAGE_2_ANSWERS] or questions
            asked = questions[0].answer if questions else None
        elif stage_2 and not asks_what(text):
            # Acted on, so the general "when you want Stage 2, tell me" is not said beside it
            # (r7a-12); a question about it ("what's stage 2?") is still answered below.
            questions = [q for q in questions if q.answer.id not in STAGE_2_ANSWERS]
            asked = questions[0].answer if questions else None
        if stage_2 and wants_to_leave(text):
            # "He doesn't want to complain now. Please stop the complaint." (r5a-12): nothing
            # is open to stop, and it is no request for Stage 2. A logged complaint to withdraw
            # ("can u cancel it. ref CMP-...") is not stopped here: how to is said (r11d-07).
            withdrawing = [q.answer.text for q in questions if q.answer.id in WITHDRAWAL_ANSWERS]
            for line in withdrawing:
                dispatcher.utter_message(text=line)
            if not withdrawing:
                dispatcher.utter_message(response="utter_left_question")
            return [FollowupAction(LISTEN)]
        if asked is not None and (
            # "is the email the complaints one for that?", "can you confirm the complaint will be
            # progressed normally?" read as Stage 2 with no Stage 2 words in them started a Stage
            # 2 request (round 15 r15b-09, r15d-06): the question is answered.
            (asks_what(text) or (reading is None and asked.id not in STAGE_2_ANSWERS))
            if stage_2
            else not unhappy
            and not told_beside(result, questions, entities)
            # An alarm's chirp or a light out on the stairs, answered when told, is a repair
            # too: its answer says so (round 24, round 25). Beside a complaint it is said and
            # the complaint still offered ("the lights in the stairwell have been out ... the
            # woman on the phone was really rude to me" got no choice in the round 25 merge).
            and asked.id not in ANSWERED_AS_REPAIRS
        ):
            # A question ("how do I report ASB?", "whats stage 2 mean?") is answered, not
            # logged as what it is about.
            result = replace(result, label="other", intent="enquiry", exclusion_reason=None)
        if asked_about_status(asked) and (
            (result.references and result.label == "other")
            or reading == "status"
            # "where is my reply?? its been 3 weeks since i complained" asks after a complaint
            # made before, not for a new one (round 17 r17a-11 t1 was offered a complaint).
            or (
                asks_where_the_reply_is(text)
                and not stage_2
                and not asks_for_a_complaint(text)
                and result.label in ("complaint", "other")
            )
        ):
            # "when will i hear bk about CMP-2026-000001" is where that complaint has got to:
            # only Stage 2 asked for by name opens one.
            reference = (
                [SlotSet("status_reference", result.references[0])] if result.references else []
            )
            return [*reference, FollowupAction(STATUS_FORM)]
        # The contact, its service request and any exclusion proposal are written together,
        # once per turn (an old complaint's proposal waits for the question below).
        service_request = request_in(result, text)
        contact_id = app.cases.record_triage(contact_record(tracker, result), service_request)
        events: list[EventType] = [
            # A new message leaves any earlier yes-or-no offer unanswered: only the newest stands.
            *(SlotSet(offer, False) for offer in OPEN_OFFERS),
            SlotSet("triage_label", result.label),
            SlotSet("triaged_text", tracker.latest_message.get("text")),
            SlotSet("contact_id", contact_id),
            SlotSet("service_area", result.service_area),
            # Needs disclosed here shape the adjustment questions; nothing is stored until the
            # resident agrees what would help (and consents, for a disability).
            SlotSet("adjustment_ids", list(result.adjustments)),
            *representative_events(result, text),
        ]
        if result.exclusion_reason == OVER_12_MONTHS:
            # Still going on, or only just found out, means within time (2.3): ask first.
            dispatcher.utter_message(
                text=still_going_on_question(app.policy), buttons=STILL_GOING_ON_BUTTONS
            )
            return [*events, SlotSet("time_limit_pending", True)]
        if result.label == "escalation" and result.references:
            events.append(SlotSet("escalation_reference", result.references[0]))
        # The other parts of a message with several, each with its route, before the main one;
        # but not one a question's answer below already deals with.
        if praise_told(text) and result.intent != "compliment":
            # "the plumber last week was lovely but the kitchen is still not fixed": the praise
            # is thanked and passed on, and the complaint taken (round 24 r24b-02 t1).
            dispatcher.utter_message(text=PRAISE_PASSED_ON_LINE)
        parts_said = part_lines(unanswered_parts(result, questions), app.policy)
        for line in parts_said:
            dispatcher.utter_message(text=line)
        questions = [question for question in questions if not said_by_a_part(question, result)]
        if result.offers_complaint and wants_a_person_now(text):
            # "the door entry is broken two weeks, i want talk to a person who speak arabic":
            # the person asked for beside what reads as a complaint is found, and the person
            # offers the choice (round 14 r14c-13). Handed over here: no rule follows triage
            # with a handover, so the next action was a guess ("Sorry, I didn't understand").
            from actions.handoff import hand_over  # actions.handoff imports this module's users

            return [*events, *hand_over(dispatcher, tracker)]
        about_interpreters = any(q.answer.id == INTERPRETER_ANSWER for q in questions)
        result = offer_interpreter(dispatcher, tracker, result, contact_id, about_interpreters)
        if result.offers_complaint:
            # A question asked beside the complaint ("and how do I pay my rent?") is answered
            # first (round 7 r7a-09, r7b-06); the choice below says what complaining means.
            answered_first = [
                question
                for question in questions
                if question.answer.id not in ABOUT_COMPLAINING
                and not explained_by_the_ground(question, result)
            ]
            for question in answered_first:
                dispatcher.utter_message(text=question.answer.text)
            # As on a call: a possible exclusion is explained first, never refused (2.1, 2.4).
            if result.ground_to_explain is not None:
                details = tracker.get_slot("contact_details")
                for line in chat_exclusion_lines(
                    result.ground_to_explain, app.policy, details, text
                ):
                    dispatcher.utter_message(text=line)
            elif comes_back or asks_for_a_complaint(text):
                # "I'd like to make a formal complaint. ...": the choice is made; offering it
                # again asks twice (round 5 r5a-07, r5a-12, r5b-07). A question about
                # complaining asked with it is answered here, since no offer follows to explain
                # it (round 7 r7a-09); one answered above is not said twice (round 14 r14c-02).
                for question in questions:
                    if question not in answered_first:
                        dispatcher.utter_message(text=question.answer.text)
                return [*events, SlotSet("choice_pending", True), FollowupAction(RECORD_CHOICE)]
            if (
                tracker.active_loop_name == "complaint_form"
                and tracker.get_slot("complaint_choice") == "complaint"
            ):
                # More unhappiness told while the complaint is being taken ("The fan has been
                # fitted now, so no it's not still happening, but mum was left without it for
                # weeks"): the choice made is not offered again, and the form carries on
                # (round 15 r15a-02 t2).
                return events
            noted = said_health_noted(dispatcher, tracker)
            dispatcher.utter_message(response="utter_offer_complaint")
            return [*events, *noted, SlotSet("choice_pending", True)]
        said = [question.answer.text for question in questions]
        answered_by_parts = bool(parts_said) and result.label == "other"
        # A staff member's own grievance hears where it goes (HR) beside any answer (round 12
        # r12b-21), since no choice to complain follows.
        if (
            result.label == "service_request"
            or result.outside_the_process
            or not (said or answered_by_parts)
        ):
            # A request asked with a question ("(1) fence panel down (2) office hours over
            # Christmas?") is noted as well as answered (round 9 r9c14). Beside a part's route,
            # "I can't answer that one" would contradict it.
            details = tracker.get_slot("contact_details")
            said = chat_lines(result, app.policy, details, is_question(text)) + said
        for line in said:
            dispatcher.utter_message(text=line)
        # A health need asked to be noted is noted, with the consent the asking gives, and not
        # offered again (round 23, r22a-02 t2).
        noted = said_health_noted(dispatcher, tracker)
        events += noted
        for line in [] if noted else adjustment_lines(result, app.policy):
            dispatcher.utter_message(text=line)
        if service_request is not None and wants_a_person_now(text):
            # The request is noted and the person asked for beside it is found (round 14
            # r14c-13 was asked whether the team should contact them instead).
            return [*events, FollowupAction(HANDOFF_ACTION)]
        if service_request is not None and not result.representative:
            # The team needs a way back to the resident (the representative is asked first).
            return [
                *events,
                *ask_or_record_contact(
                    dispatcher, tracker, contact_id, bool(result.adjustments) and not noted
                ),
            ]
        if result.representative and service_request is not None:
            # Something will be done for the resident, so who acts for them is noted (the
            # complaint form asks its own question). Adjustments are offered after this.
            dispatcher.utter_message(response="utter_offer_representative")
            return [*events, SlotSet("representative_pending", True)]
        if result.adjustments and not noted:
            dispatcher.utter_message(response="utter_offer_adjustments")
            return [*events, SlotSet("adjustments_pending", True)]
        return events
