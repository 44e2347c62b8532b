"""Conversation repair (see bot.conversation_repair): a typed message read against the open
question. A yes, a no or a button's words become that answer; "cancel" leaves the form and
says what happens now; anything typed at the read-back changes what was read back, so only an
unambiguous yes logs a complaint."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import (
    ActionExecuted,
    ActionReverted,
    ActiveLoop,
    EventType,
    FollowupAction,
    SlotSet,
    UserUtteranceReverted,
    UserUttered,
)
from rasa_sdk.executor import CollectingDispatcher

from actions.adjustments import (
    NONE_NEEDED,
    WAY_TO_CONTACT_NEED,
    needs_given,
    noted_instead,
    special_category,
)
from actions.adjustments import OFFER as ADJUSTMENTS_OFFER
from actions.adjustments import needs_in as needs_told_in
from actions.app import get_app
from actions.choice import already_told, answer_in_context
from actions.contact import number_kept, same_way_as_before, time_told_with_details
from actions.definition import (
    COMPLAINT_SLOTS,
    WHICH_PART,
    asked_which_part,
    corrected,
    draft_from,
    with_contact_restriction,
    without_the_resident_contact,
)
from actions.languages import PERSON_BUTTON, leaves_unhappy
from actions.references import KNOWN_REFERENCE, reference_told
from actions.representatives import OFFER as REPRESENTATIVE_OFFER
from actions.representatives import helper_given
from actions.request_contact import (
    CONTACT_SLOTS,
    cancel_request,
    cancels_the_request,
    contact_given,
    record_contact,
)
from actions.request_contact import OFFER as REQUEST_CONTACT_OFFER
from actions.turns import (
    LEFT_COMPLAINT,
    after_latest_message,
    another_questions_title,
    details_held,
    earlier_messages,
    last_question,
    said_so_far,
    stage_2_asked,
)
from bot.answers import (
    ABOUT_AN_EARLIER_COMPLAINT,
    CHOICE,
    READ_BACK,
    REPAIR_ACTION,
    STAGE_2_FORM,
    UNDERSTOOD_KEY,
    YES_NO_FLAGS,
    Button,
    OpenQuestion,
    Understanding,
    already_complained,
    asks_for_a_complaint,
    consent_to_record,
    ends_confirming,
    new_details_in,
    open_question,
    opens_confirming,
    payload_parts,
    refuses_recording,
    says_goodbye,
    understand,
    unhappiness_told,
    yes_or_no,
)
from bot.corrections import (
    NO_ADJUSTMENTS_NEEDED,
    Correction,
    correction_of,
    goes_on_after_all,
    joined,
    part_answered,
    part_named_alone,
    part_only,
    part_picked,
    trimmed,
)
from bot.definition import DraftDefinition, contact_details_in, introduced_name, name_in
from bot.fits import fits_strictly
from bot.hazards import clock_lines_said
from bot.nlp.matches import RuleMatches, as_read, first_reference
from bot.questions import is_question
from bot.recorded import REQUEST_CANCELLED_LINE, Noted, Recorded, in_short, recorded_reply
from bot.replies import (
    LOG_IT_CHECK,
    NO_NEW_COMPLAINT_LINE,
    NOTED_AS_A_REQUEST,
    PART_NOTED_AS_A_REQUEST,
    no_new_complaint_line,
    stage_2_instead_line,
    unanswered_question_line,
    unhappy_goodbye_line,
)
from bot.text import contains, sentences, words
from bot.told import SENTENCE_BREAK, about_the_problem
from bot.triage.safety import HANDOFF_ACTION, routes_in_events
from bot.triage.stage_2 import asks_for_stage_2, no_earlier_complaint, read_stage_2

LISTEN = "action_listen"
# Said to someone short of time in the middle of the questions.
HURRIED_LINE = (
    "There are only a few more questions. If you have to go now, I can pass what you have "
    'told me to our team: press "Talk to a person".'
)
# The intent an answer beside a question is re-read with: one every free-text slot maps from.
ANSWER_PART_INTENT = "enquiry"
# Button intents that answer a form's question (the form's slot mappings read these).
FORM_ANSWERS = ("affirm", "deny", "choose", "")
COMPLAINT_QUESTIONS = ("complaint_form", "awaiting_confirmation", "choice_pending")
# What a message is re-read against when no question is open.
NOTHING_OPEN = OpenQuestion("nothing_open")


def buttons_before(tracker: Tracker) -> list[Button]:
    """The buttons of the assistant's last message before this one: the question's own."""
    buttons = (last_question(tracker) or {}).get("buttons") or []
    return [Button(str(b.get("title", "")), str(b.get("payload", ""))) for b in buttons]


class ActionUnderstandAnswer(Action):
    def name(self) -> str:
        return REPAIR_ACTION

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        question = open_question(tracker)
        message = tracker.latest_message
        app = get_app()
        understanding = understand(
            question,
            as_read(str(message.get("text") or ""), message.get("entities") or []),
            (message.get("intent") or {}).get("name"),
            buttons_before(tracker),
            app.answers,
            asks_for_a_person=RuleMatches.from_entities(
                message.get("entities") or []
            ).person_request,
            no_earlier_complaint=no_earlier_complaint(str(message.get("text") or ""), app.policy),
            stage_2_by_name=asks_for_stage_2(str(message.get("text") or ""), app.policy),
            unhappy=unhappiness_told(str(message.get("text") or ""), message.get("entities") or []),
            reference_given=reference_told(tracker) is not None,
            stage_2_taken_back=read_stage_2(str(message.get("text") or ""), app.policy)
            in ("declines", "undo"),
        )
        if (
            question is not None
            and question.name == READ_BACK
            and understanding.kind in ("yes", "no", "check")
            and (tells_about_recording(tracker) or changes_after_yes(tracker))
        ):
            # "yes you can put down he's disabled": a change to what would help, not a yes to
            # log it without (round 12 r12a-13). "yes log it but put flat B": the change first,
            # then the read-back again (round 18 r18a-08 t14 was logged without it).
            understanding = Understanding("amend")
        # The read-back and the questions about what would help read the need as their answer
        # themselves.
        noted = health_noted_here(tracker)
        if noted is not None and question is not None:
            # "can you put the dialysis on his file so you know for next time" at the name
            # question got "Yes. I have noted your request for our team." and the name question
            # again; "Can you put on the record that she's on oxygen and dialysis ...?" asked
            # twice got no answer (round 22 r22a-02 t2-t3): asking us to note a health need is
            # the consent to record it; what is noted is said plainly, and the question waiting
            # is asked again.
            line, events = noted
            dispatcher.utter_message(text=line)
            said = str(message.get("text") or "")
            if question.name == REQUEST_CONTACT_OFFER and (
                contact_details_in(said) or yes_or_no(said, with_details=True)
            ):
                # "yes please ring me not mum, she's hard of hearing. 07700 900763. And please
                # put on her file that she has a walking frame": the need is noted, and the yes
                # with the number starts the questions with them kept; the offer is not asked
                # again (round 25 r25a-03 t8-t11).
                return [
                    *events,
                    *as_message(tracker, question, "affirm", {}),
                    *contact_given(said),
                ]
            return [*events, *ask_again(dispatcher, tracker)]
        if understanding.kind == "none":
            # Nothing to repair after all: the rules and forms see the message as it came.
            return [ActionReverted()]
        text_said = str(message.get("text") or "")
        if understanding.answer is not None:
            said = str(message.get("text") or "")
            answered = answer_in_context(tracker, said, understanding.answer)
            dispatcher.utter_message(text=answered.text)
        if understanding.about_record is not None:
            dispatcher.utter_message(
                text=recorded_reply(understanding.about_record, recorded_so_far(tracker), text_said)
            )
        if understanding.hurried and question is not None:
            # "is it logged yet? i have to go in a min" (round 26 r26b-11 t4): the complaint
            # carries on, and what was told can go to our team now.
            dispatcher.utter_message(text=HURRIED_LINE, buttons=PERSON_BUTTON)
        if understanding.unanswered and not routed_this_turn(tracker):
            # A question beside a route about its danger ("is that something you lot deal
            # with?", "is it safe to use the heater again?") is answered by the route, not with
            # "I can't answer that one" (round 20 r20a-01 t6, t8).
            dispatcher.utter_message(text=unanswered_question_line(get_app().policy))
        if understanding.kind == "reread":
            return as_message(tracker, NOTHING_OPEN, next_reading(message), {}, text_said)
        if question is None and understanding.kind == "button":
            # "I'll ring you monday. bye" with nothing open: the goodbye it ends with.
            intent, entities = payload_parts(str(understanding.value))
            return as_message(tracker, NOTHING_OPEN, intent, entities)
        if question is None:
            return [FollowupAction(LISTEN)]
        if understanding.asks_if_automated:
            # "wait r u a real person or a bot" at the name question: said plainly, then the
            # question again (round 25 r25b-02 t5, r25b-12 t3).
            dispatcher.utter_message(response="utter_iamabot")
        if understanding.kind == "question":
            return ask_again(dispatcher, tracker)
        part = next(
            (e["value"] for e in message.get("entities") or [] if e["entity"] == "definition_part"),
            None,
        )
        text = str(message.get("text") or "")
        if question.name == "awaiting_confirmation" and understanding.kind not in (
            "yes",
            "put_right",
        ):
            # "No, I want to change what went wrong": the part named, its question asked again;
            # "the earlier report bit" typed at "Which part would you like to change?".
            part = (
                part
                or part_only(text)
                or part_named_alone(text)
                or which_part_answered(tracker, domain, text, understanding.kind == "amend")
            )
            if part:
                return as_message(
                    tracker, question, "correct_definition", {"definition_part": part}
                )
        if understanding.kind == "check":
            dispatcher.utter_message(text=LOG_IT_CHECK, buttons=LOG_IT_BUTTONS)
            return [FollowupAction(LISTEN)]
        if understanding.kind == "leave":
            # "I changed my mind. I talk to person with interpreter": out of the form, then to a
            # person, as asked in the same breath (round 9 r9c13).
            said_in = RuleMatches.from_entities(message.get("entities") or []).goodbye_language
            if said_in in app.policy.languages:
                dispatcher.utter_message(text=app.policy.languages[said_in].goodbye)
            then = HANDOFF_ACTION if understanding.then_person else LISTEN
            return leave(dispatcher, tracker, question, domain, understanding.start_again, then)
        if understanding.kind == "stage_2":
            return stage_2_instead(dispatcher, tracker, question, domain)
        if understanding.kind == "no_stage_2":
            return no_stage_2_after_all(dispatcher, tracker, question, domain)
        if understanding.kind == "new_complaint":
            return complaint_instead(dispatcher, tracker, question, domain)
        if understanding.kind == "unhappy":
            return unhappy_about_the_request(tracker, question)
        if understanding.kind == "put_right":
            return put_right_instead(tracker, question, domain)
        if understanding.kind == "amend":
            return amend(dispatcher, tracker)
        if understanding.kind == "way_to_contact":
            # Kept for the contact question, and the question waiting asked again.
            return [
                SlotSet("contact_preference", understanding.value),
                *ask_again(dispatcher, tracker),
            ]
        if (
            question is not None
            and question.name == "contact_preference"
            and (before := same_way_as_before(tracker)) is not None
        ):
            # "same as before 07700900733": the way chosen before in this conversation (round
            # 26 r26b-08 t17 was asked again).
            understanding = Understanding("slot", value=before)
        if understanding.kind == "slot" and not fits_the_question(
            tracker, domain, question.name, understanding.value
        ):
            # "I'm helping someone else" typed at "How would you like us to contact you?" was
            # read back as the way to contact them (round 23 r23a-08 t11): it is asked again.
            return ask_again(dispatcher, tracker)
        if understanding.answer_text is not None and not fits_strictly(
            question.name, understanding.answer_text
        ):
            # "what are your opening hours? I might want to ring as well": the words beside the
            # question say nothing the waiting question asks, so it is asked again.
            return ask_again(dispatcher, tracker)
        return answer(tracker, question, understanding)


# Questions whose answer must say what they ask: a way to contact, the details to use.
STRICT_SLOTS = ("contact_preference", "contact_details")


def fits_the_question(tracker: Tracker, domain: dict[str, Any], slot: str, value: Any) -> bool:
    """Whether a value read as the waiting question's answer can be one: never a button title
    from another question ("I'm helping someone else" at the contact question), and never,
    for a way to contact or the details, words that name neither."""
    if not isinstance(value, str):
        return True
    if another_questions_title(tracker, domain, value):
        return False
    return slot not in STRICT_SLOTS or fits_strictly(slot, value)


def which_part_answered(
    tracker: Tracker, domain: dict[str, Any], text: str, amends: bool
) -> str | None:
    """The part a typed answer to "Which part would you like to change?" picks: "the earlier
    report bit", "contact", "the phone number is wrong", "the bit about the refund" (round 15
    r15a-03, r15a-04, r15a-13 got the same buttons again). An answer that itself says what to
    change ("what went wrong - change 7 Kings Walk to 17 Kings Walk") is that change instead."""
    if not asked_which_part(tracker, domain):
        return None
    draft = draft_from(tracker)
    # Only words that change the read-back name a part in the resident's own words: "cancel for
    # now, heading out" leaves, though "out" is in what went wrong.
    picked = part_picked(text) or (part_answered(text, draft) if amends else None)
    if picked is not None and GIVES_NEW_DETAILS.search(text):
        # "the address. 17 Kings Walk": the new number or email is the change itself.
        return None if correction_of(text, draft).how != "unclear" else picked
    if picked is not None and set(correction_of(text, draft).changes) == {"contact_name"}:
        # "my name isnt I its Leanne": the new name is the change itself; the email and the way
        # to contact already given are kept, never asked again (round 22 r22a-05 t10-t12).
        return None
    return picked


# A number or an email: new details, not only the name of a part.
GIVES_NEW_DETAILS = re.compile(r"\d|@")


# Readings a message that says more than "no", with no question open, is not: an answer to a
# question of ours, or a complaint made before, which only its reference or Stage 2 names.
NOT_A_NEXT_READING = ("affirm", "deny", "goodbye", "thank", *ABOUT_AN_EARLIER_COMPLAINT)


def next_reading(message: dict[str, Any]) -> str:
    """The model's most likely other reading of the message, else an enquiry."""
    ranking = message.get("intent_ranking") or []
    readings = (str(i["name"]) for i in ranking if i.get("name") not in NOT_A_NEXT_READING)
    return next(readings, "enquiry")


def recorded_so_far(tracker: Tracker) -> Recorded:
    """What this conversation has recorded: the complaint's reference, and what would help."""
    app = get_app()
    contact_id = tracker.get_slot("contact_id")
    needs = tracker.get_slot("adjustments_needed")
    reference = tracker.get_slot(KNOWN_REFERENCE)
    complaint = app.cases.complaint(reference) if reference else None
    request = app.cases.service_request(int(contact_id)) if contact_id is not None else None
    return Recorded(
        complaint_reference=reference,
        # From the offer to complain to the yes at the read-back.
        complaint_under_way=tracker.active_loop_name == "complaint_form"
        or any(bool(tracker.get_slot(flag)) for flag in (CHOICE, READ_BACK)),
        adjustments_noted=contact_id is not None
        and bool(app.cases.contact_adjustments(int(contact_id))),
        adjustments_under_way=needs not in (None, NONE_NEEDED),
        stage=complaint.stage if complaint is not None else None,
        request_noted=request is not None,
        stage_2_asked=stage_2_asked(tracker),
        stage_2_under_way=tracker.active_loop_name == STAGE_2_FORM,
        details_held=details_held(tracker),
        new_details=next(
            (new for said in reversed(earlier_messages(tracker)) if (new := new_details_in(said))),
            None,
        ),
        visit_lines=visit_lines(tracker),
        withdrawal_passed_on=withdrawal_passed_on(tracker),
        request_cancelled=REQUEST_CANCELLED_LINE in said_so_far(tracker),
        access=request.access_times if request is not None else "",
        noted=noted_so_far(tracker),
        contact_name=tracker.get_slot("contact_name") or None,
        contact_details=tracker.get_slot("contact_details") or None,
        contact_line=next(
            (
                line.split(". ")[0].rstrip(".") + "."
                for line in reversed(said_so_far(tracker))
                if line.startswith(TEAM_WILL_CONTACT)
            ),
            None,
        ),
    )


# How the chat says it noted a request (bot.replies.chat_lines, part_lines) or a complaint's
# matter put right without one (utter_choice_no_complaint).
ALSO_NOTED = re.compile(
    rf'^You also mentioned: "(?P<part>.+)"\. {re.escape(PART_NOTED_AS_A_REQUEST)}'
)
PUT_RIGHT_NOTED = "Thank you. We'll pass this to the right team to put it right"
# Sentences read back for one thing noted.
NOTED_SENTENCES = 2


def noted_so_far(tracker: Tracker) -> tuple[Noted, ...]:
    """Each thing this conversation said it noted for our team, in the resident's words: the
    message it noted as a request, or the complaint's message it passes on to put right."""
    noted: list[Noted] = []
    latest = ""
    triaged = ""
    # A hazard told inside a form or after a request ("hang on the light in the kitchen ceiling
    # is full of water", "our front door wont lock since the break in") starts its clock and is
    # recorded for the team, but the chat never says "noted as a request": each message whose
    # clock was first told is listed too, unless it was noted another way (round 25 r25a-08
    # t21-t22 left out the light and the lock).
    openings = hazard_clock_openings()
    clocks_told: set[str] = set()
    hazards: list[tuple[int, str]] = []
    noted_at: set[int] = set()
    turn = 0
    for event in tracker.events:
        kind = event.get("event")
        if kind == "user" and not str(event.get("text") or "").startswith("/"):
            latest = str(event.get("text") or "")
            turn += 1
        elif kind == "slot" and event.get("name") == "triaged_text" and event.get("value"):
            triaged = str(event["value"])
        elif kind == "bot":
            text = str(event.get("text") or "")
            if any(text.startswith(opening) for opening in openings):
                if text not in clocks_told and latest:
                    hazards.append((turn, latest))
                clocks_told.add(text)
                continue
            also = ALSO_NOTED.match(text)
            if also:
                found = Noted("request", in_short(also.group("part")))
            elif text.startswith(NOTED_AS_A_REQUEST):
                found = Noted("request", problem_in_short(latest))
            elif text.startswith(PUT_RIGHT_NOTED):
                found = Noted("put_right", problem_in_short(triaged or latest))
            else:
                continue
            noted_at.add(turn)
            if found.words and all(found.words != n.words for n in noted):
                noted.append(found)
    for at, said in hazards:
        found = Noted("urgent", problem_in_short(said))
        if at not in noted_at and found.words and all(found.words != n.words for n in noted):
            noted.append(found)
    return tuple(noted)


def hazard_clock_openings() -> list[str]:
    """How the chat starts telling a hazard's legal deadline (policy_rules/hazards.yml)."""
    hazards = get_app().policy.hazards.values()
    return [opening for kind in hazards if (opening := kind.tell_resident.split("{")[0])]


def problem_in_short(text: str) -> str:
    """What a message says about the problem, in the resident's words, short: without its
    sentences about the chat, a name or contact details."""
    # "yes ring me on 07700 900622, Sam Reid." answers how to reach them, whole.
    kept = [
        said
        for sentence in SENTENCE_BREAK.split(text.strip())
        if not contact_details_in(sentence) and not introduced_name(sentence)
        if (said := about_the_problem(sentence)).strip()
    ] or [said for said in SENTENCE_BREAK.split(about_the_problem(text)) if said.strip()]
    # A sentence that opens as a question beside it ("wait wat??") is not what was reported,
    # unless it is all there is; a report ending in a question mark ("also smoke alarm keeps
    # chirping so think it needs a new battery?") is.
    told = [sentence for sentence in kept if not is_question(sentence.replace("?", ""))] or kept
    short = [said for sentence in told if (said := in_short(sentence))]
    return "; ".join(short[:NOTED_SENTENCES])


def withdrawal_passed_on(tracker: Tracker) -> str | None:
    """The complaint whose withdrawal this conversation passed on (bot.replies.withdrawal_line)."""
    for event in reversed(tracker.events):
        text = str(event.get("text") or "") if event.get("event") == "bot" else ""
        if text.startswith(WITHDRAWAL_PASSED_ON):
            return first_reference(text)
    return None


# How the assistant says who contacts the resident about a request, and by when
# (bot.replies.request_contact_lines).
TEAM_WILL_CONTACT = "Our team will contact you"
WITHDRAWAL_PASSED_ON = "I'll pass on that you want to withdraw complaint"


def visit_lines(tracker: Tracker) -> tuple[str, ...]:
    """What was said in this conversation about when someone comes: the dates the law sets and
    who contacts the resident by when, and the emergency repairs line after an emergency
    route; with none said, when our team can arrange it."""
    policy = get_app().policy
    landlord = policy.landlord
    said = said_so_far(tracker)
    # What the route's follow-up said this turn (actions.safety) is not said twice.
    said_now = {str(e.get("text") or "") for e in after_latest_message(tracker)}
    lines = [line for line in clock_lines_said(said, policy) if line not in said_now]
    contact = [line for line in said if line.startswith(TEAM_WILL_CONTACT)]
    if contact:
        lines.append(contact[-1].split(". ")[0].rstrip(".") + ".")
    if any(landlord.emergency_repairs_phone in line for line in said):
        lines.append(
            f"Our emergency repairs line is open day and night on "
            f"{landlord.emergency_repairs_phone}: call it to hear when someone will come."
        )
    elif lines and not contact:
        lines.append(
            f"Our team arranges the visit with you. To arrange it, call us on {landlord.phone} "
            f"({landlord.office_hours})."
        )
    if not lines and details_held(tracker):
        lines.append(
            "Our team will contact you to arrange a time, using the details you gave us. Our "
            f"office is open {landlord.office_hours}."
        )
    elif not lines and tracker.get_slot("contact_id") is not None:
        lines.append(f"To arrange a time, call us on {landlord.phone} ({landlord.office_hours}).")
    return tuple(lines)


def answer(
    tracker: Tracker, question: OpenQuestion, understanding: Understanding
) -> list[EventType]:
    """A form's question gets its slot and the form carries on; a yes-or-no offer gets the
    message re-read as the plain answer, which its rule takes."""
    if understanding.kind == "button":
        intent, entities = payload_parts(str(understanding.value))
    else:
        intent, entities = {"yes": "affirm", "no": "deny"}.get(understanding.kind, ""), {}
    if question.form is None or intent not in FORM_ANSWERS:
        # An offer's answer, or a button that is not an answer ("Talk to a person").
        reread = as_message(tracker, question, intent, entities)
        if question.name == REQUEST_CONTACT_OFFER and intent == "affirm":
            # After the re-read message, so that its rule starts the form with them filled.
            reread += contact_given(str(tracker.latest_message.get("text") or ""))
        if question.name == ADJUSTMENTS_OFFER and intent == "affirm":
            reread += needs_given(tracker)
        if question.name == REPRESENTATIVE_OFFER and intent == "affirm":
            reread += helper_given(tracker)
        return reread
    if understanding.answer_text is not None:
        # The answer beside a question is read by the form as if it had come alone.
        return as_message(tracker, question, ANSWER_PART_INTENT, {}, understanding.answer_text)
    value: Any = understanding.value
    if understanding.kind != "slot":
        value = entities.get("choice", {"affirm": True, "deny": False}.get(intent))
    when = time_told_with_details(tracker) if question.name == "contact_preference" else None
    if when and isinstance(value, str) and "," not in value:
        # "07700 900845, afternoons only", then the Phone call button: the time kept with the
        # way, as the form's own check keeps it (round 17 r17a-07 t10-11).
        value = f"{value}, {when}"
    # "I'd rather you didn't record the anxiety itself, just that he shouldn't be phoned
    # directly": the no, and what to note instead (round 25 r25b-14 t9). A slot set here is not
    # validated by the form again.
    instead = noted_instead(tracker, value) if question.name == "adjustment_consent" else {}
    if question.name == "contact_preference":
        # "text. actually use the work one not the first one": the work number kept (round 26
        # r26b-02 t10 read back the first one).
        instead = number_kept(tracker, str(tracker.latest_message.get("text") or ""))
    return [
        SlotSet(question.name, value),
        *(SlotSet(slot, told) for slot, told in instead.items()),
        FollowupAction(question.form),
    ]


def as_message(
    tracker: Tracker,
    question: OpenQuestion,
    intent: str,
    entities: dict[str, str],
    answer_text: str | None = None,
) -> list[EventType]:
    """The same message, re-read as the answer it is: the rules then see a plain yes, no or
    button, as Rasa's own two-stage fallback does after a clarification. With `answer_text`,
    only that part of it, with what the rule matcher found in the whole message."""
    latest = next(e for e in reversed(tracker.events) if e.get("event") == "user")
    text = str(latest.get("text") or "")
    found = list((latest.get("parse_data") or {}).get("entities") or []) if answer_text else []
    parse_data = {
        "intent": {"name": intent, "confidence": 1.0},
        # Actions read the intent from the ranking (Tracker.get_intent_of_latest_message).
        "intent_ranking": [{"name": intent, "confidence": 1.0}],
        "entities": found + [{"entity": name, "value": value} for name, value in entities.items()],
        "text": answer_text or text,
        "message_id": latest.get("message_id"),
        "metadata": latest.get("metadata") or {},
        UNDERSTOOD_KEY: question.name,
    }
    reread = UserUttered(
        answer_text or text, parse_data, latest.get("timestamp"), latest.get("input_channel")
    )
    reread.update(message_id=latest.get("message_id"), metadata=latest.get("metadata") or {})
    # As in Rasa's own two-stage fallback: the reverted turn is listened to again, so the rules
    # see a fresh message.
    return [UserUtteranceReverted(), ActionExecuted(LISTEN), reread]


def leave(
    dispatcher: CollectingDispatcher,
    tracker: Tracker,
    question: OpenQuestion,
    domain: dict[str, Any],
    start_again: bool,
    then: str = LISTEN,
) -> list[EventType]:
    """Out of the form at any question, with the choice recorded as it now stands (1.3); `then`
    is what follows (a person, when asked for with the leaving)."""
    events: list[EventType] = [SlotSet("requested_slot", None)]
    if question.form is not None:
        events.append(ActiveLoop(None))
        form_slots = domain.get("forms", {}).get(question.form, {}).get("required_slots", [])
        events += [SlotSet(slot, None) for slot in form_slots]
    said_now = str(tracker.latest_message.get("text") or "")
    if (
        question.form == "request_contact_form" or question.name == REQUEST_CONTACT_OFFER
    ) and cancels_the_request(said_now):
        # "So you can forget this, cancel it please." at the address question: the request is
        # cancelled and that is said, never the words kept as the address (round 25 r25b-10 t6).
        events += cancel_request(dispatcher, tracker)
    elif question.form == "request_contact_form" or question.name == REQUEST_CONTACT_OFFER:
        # The request stands, with the details already given ("yes ring me, 07700 900222" then
        # "Lee Harding. bye", round 7 r7a-05); without them the resident hears how to arrange
        # it themselves.
        contact_id = tracker.get_slot("contact_id")
        events += record_contact(
            dispatcher,
            tracker,
            None if contact_id is None else int(contact_id),
            details_so_far(tracker, question) if question.form else {},
            False,
        )
    elif question.form == "complaint_form" or question.name in COMPLAINT_QUESTIONS:
        contact_id = tracker.get_slot("contact_id")
        if contact_id is not None:
            get_app().cases.record_choice(int(contact_id), "no_complaint")
        events += [SlotSet(slot, None) for slot in COMPLAINT_SLOTS]
        events.append(SlotSet("complaint_choice", "no_complaint"))
        said = str(tracker.latest_message.get("text") or "")
        # After a complaint was logged or found here, "I have not logged a complaint" would tell
        # the resident theirs is lost (r11a-11).
        logged_here = tracker.get_slot(KNOWN_REFERENCE)
        if question.name == CHOICE and already_complained(said):
            dispatcher.utter_message(
                text=no_new_complaint_line(str(logged_here))
                if logged_here
                else NO_NEW_COMPLAINT_LINE
            )
            if first_reference(said) or asks_for_stage_2(said, get_app().policy):
                # "no i already made 1!! i want to know wots happening wiv CMP-2026-000012"
                # (round 11 r11b-16): the complaint it names is looked up, or taken to Stage 2
                # when that is asked for by name ("I want my old one to go to stage 2", r12d-01).
                return about_the_earlier_complaint(tracker, question, events)
        elif logged_here:
            dispatcher.utter_message(text=no_new_complaint_line(str(logged_here)))
        else:
            dispatcher.utter_message(response=LEFT_COMPLAINT)
    else:
        dispatcher.utter_message(response="utter_left_question")
    if not (question.form == "complaint_form" or question.name in COMPLAINT_QUESTIONS) and (
        leaves_unhappy(tracker)
    ):
        # "this is pointless, forget it bye" at the offer to contact them: sorry, and the choice
        # to complain and a person, as a goodbye said unhappily gets (round 20 r20a-06 t6).
        said = str(tracker.latest_message.get("text") or "")
        dispatcher.utter_message(
            text=unhappy_goodbye_line(get_app().policy, says_goodbye(said)), buttons=PERSON_BUTTON
        )
    events += [SlotSet(flag, False) for flag in YES_NO_FLAGS]
    if start_again:
        dispatcher.utter_message(response="utter_how_can_i_help")
    return [*events, FollowupAction(then)]


def _form_left(form: str | None, domain: dict[str, Any]) -> list[EventType]:
    """The form stopped, with every answer it held cleared."""
    form_slots = domain.get("forms", {}).get(form, {}).get("required_slots", [])
    return [
        SlotSet("requested_slot", None),
        ActiveLoop(None),
        *(SlotSet(slot, None) for slot in form_slots),
    ]


def complaint_instead(
    dispatcher: CollectingDispatcher,
    tracker: Tracker,
    question: OpenQuestion,
    domain: dict[str, Any],
) -> list[EventType]:
    """Out of the Stage 2 questions into the complaint form, when there is no earlier complaint
    ("this is my first complaint"): Stage 2 needs a Stage 1 complaint, so the resident's choice
    to complain is recorded (1.3) and a new complaint is taken, never passed on as Stage 2."""
    return [*_form_left(question.form, domain), *first_complaint_instead(dispatcher, tracker)]


def no_stage_2_after_all(
    dispatcher: CollectingDispatcher,
    tracker: Tracker,
    question: OpenQuestion,
    domain: dict[str, Any],
) -> list[EventType]:
    """Out of the Stage 2 questions with nothing sent, when the request is taken back in the
    resident's words (round 26 r26b-07 t3): bot.replies.NO_STAGE_2_LINE."""
    from actions.escalation import take_back_stage_2  # it imports actions.handoff

    return [*_form_left(question.form, domain), *take_back_stage_2(dispatcher, tracker)]


def first_complaint_instead(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
    """A Stage 1 complaint taken where Stage 2 was asked for with no earlier complaint: the
    resident hears why, their choice to complain is recorded (1.3), and the complaint form
    starts with what they have already told."""
    contact_id = tracker.get_slot("contact_id")
    if contact_id is not None:
        get_app().cases.record_choice(int(contact_id), "complaint")
    dispatcher.utter_message(response="utter_stage_2_needs_a_complaint")
    dispatcher.utter_message(response="utter_choice_complaint")
    told = already_told(tracker)
    return [
        SlotSet("complaint_choice", "complaint"),
        SlotSet("triage_label", "complaint"),
        *told,
        *problem_in_the_message(tracker, told),
        FollowupAction("complaint_form"),
    ]


def problem_in_the_message(tracker: Tracker, told: list[EventType]) -> list[EventType]:
    """What went wrong, from the message that said there was no earlier complaint, when it tells
    of a problem with our service ("i never got no ref. ive rang about 6 times about my boiler
    making a banging noise", round 16 r16b-07 was then asked what went wrong): that message was
    an answer to the Stage 2 question, never triaged, so the form would ask for it again."""
    if any(e.get("name") == "complaint_aspects" for e in told):
        return []
    message = tracker.latest_message
    matches = RuleMatches.from_entities(message.get("entities") or [])
    problem = about_the_problem(str(message.get("text") or ""))
    if not (matches.service_areas and matches.dissatisfaction_cues and problem):
        return []
    return [SlotSet("complaint_aspects", problem)]


def stage_2_instead(
    dispatcher: CollectingDispatcher,
    tracker: Tracker,
    question: OpenQuestion,
    domain: dict[str, Any],
) -> list[EventType]:
    """Stage 2 asked for the complaint whose reference was given earlier, while a new one was
    offered or being taken: the new one's draft is dropped (never the earlier complaint
    withdrawn), the choice is recorded as no new complaint (1.3), and the message is re-read as
    the Stage 2 request, whose form takes the reference already given (round 23 r23b-04 t4,
    t11, t12)."""
    drafted = question.form == "complaint_form" or question.name == READ_BACK
    events: list[EventType] = [SlotSet("requested_slot", None)]
    if question.form is not None:
        events.append(ActiveLoop(None))
        form_slots = domain.get("forms", {}).get(question.form, {}).get("required_slots", [])
        events += [SlotSet(slot, None) for slot in form_slots]
    contact_id = tracker.get_slot("contact_id")
    if contact_id is not None:
        get_app().cases.record_choice(int(contact_id), "no_complaint")
    events += [SlotSet(slot, None) for slot in COMPLAINT_SLOTS]
    events.append(SlotSet("complaint_choice", "no_complaint"))
    dispatcher.utter_message(text=stage_2_instead_line(reference_told(tracker), drafted))
    return about_the_earlier_complaint(tracker, question, events)


def about_the_earlier_complaint(
    tracker: Tracker, question: OpenQuestion, out_of_the_offer: list[EventType]
) -> list[EventType]:
    """The message re-read as the status enquiry (or Stage 2 request) it is: Stage 2 when the
    model or the words ask for it, otherwise where the complaint has got to. Its rule starts
    the form, which takes the reference from the message."""
    intent = (tracker.latest_message.get("intent") or {}).get("name")
    asks_for = intent if intent in ABOUT_AN_EARLIER_COMPLAINT else "complaint_status"
    if asks_for_stage_2(str(tracker.latest_message.get("text") or ""), get_app().policy):
        asks_for = "escalate"
    reverted, *reread = as_message(tracker, question, asks_for, {})
    flags_cleared = [SlotSet(flag, False) for flag in YES_NO_FLAGS]
    return [reverted, *out_of_the_offer, *flags_cleared, *reread]


def unhappy_about_the_request(tracker: Tracker, question: OpenQuestion) -> list[EventType]:
    """Dissatisfaction told, or a complaint asked for, at a question about a request just noted
    ("yes. they said someone wld come saturday and no one came", round 18 r18a-01 t2): the
    contact details or the helper it gives are kept, the request's questions are closed, and
    the message is triaged as the complaint it tells, which offers the choice to complain (or
    takes the complaint asked for); choosing to have it put right asks about contact again,
    using what is kept."""
    text = str(tracker.latest_message.get("text") or "")
    if question.name == REQUEST_CONTACT_OFFER or question.form == "request_contact_form":
        kept = contact_given(text)
    elif question.name == REPRESENTATIVE_OFFER or question.form == "representative_form":
        kept = helper_given(tracker)
    else:
        kept = []
    intent = "make_complaint" if asks_for_a_complaint(text) else "dissatisfaction"
    # The message is read again whole, with what the rule matcher found in it.
    reverted, *reread = as_message(tracker, question, intent, {}, text)
    out_of_the_form: list[EventType] = (
        [SlotSet("requested_slot", None), ActiveLoop(None)] if question.form else []
    )
    flags = [SlotSet(flag, False) for flag in YES_NO_FLAGS]
    return [reverted, *out_of_the_form, *flags, *kept, *reread]


def put_right_instead(
    tracker: Tracker, question: OpenQuestion, domain: dict[str, Any]
) -> list[EventType]:
    """Out of the complaint form to have it put right without a complaint ("forget the
    complaint, I just want the lock fixed"): the message is re-read as the "no" to the offer,
    whose rule records that choice, notes the repair and asks how to reach the resident
    (actions.choice), as if the resident had chosen it at the offer."""
    at_read_back = question.name == READ_BACK
    # At the read-back the form is over, its answers still held: they go too, and the read-back.
    form = "complaint_form" if at_read_back else question.form
    reverted, *reread = as_message(
        tracker, OpenQuestion(CHOICE) if at_read_back else question, "deny", {}
    )
    out_of_the_form: list[EventType] = [
        *_form_left(form, domain),
        *([SlotSet(READ_BACK, False)] if at_read_back else []),
        SlotSet("choice_pending", True),
    ]
    return [reverted, *out_of_the_form, *reread]


# A goodbye at the end of an answer: "Lee Harding. bye", "07700 900111 ta bye".
GOODBYE_AT_THE_END = re.compile(
    r"[\s,.!]*\b(?:bye|goodbye|bye bye|byee|cya|ta ra|tara|bye for now|bye then|ta|thanks|"
    r"thank you|cheers)\b[\s,.!]*$",
    re.IGNORECASE,
)


def details_so_far(tracker: Tracker, question: OpenQuestion) -> dict[str, Any]:
    """The contact details the form holds, and the answer said with a goodbye."""
    known = {slot: tracker.get_slot(slot) for slot in CONTACT_SLOTS}
    said = str(tracker.latest_message.get("text") or "")
    while (shorter := GOODBYE_AT_THE_END.sub("", said)) != said:
        said = shorter
    if question.name == "contact_name" and said:
        known["contact_name"] = name_in(said) or known["contact_name"]
    if question.name == "contact_details" and contact_details_in(said):
        known["contact_details"] = contact_details_in(said)
    return known


def ask_again(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
    """After an answer on the way, the question that was waiting is asked again as it was.
    "We do not have a phone number or email for you" is no question: said again to a message
    that gives one, it was false ("my phone 07700 900642 Fatima. please what about insurance?",
    round 16 r16b-10 t3, t4); then the promise to contact them is true."""
    question = last_question(tracker)
    if question is not None:
        policy = get_app().policy
        text = question["text"]
        if text == policy.contact_line(False) and details_held(tracker):
            text = policy.contact_line(True)
        dispatcher.utter_message(text=text, buttons=question["buttons"])
    return [FollowupAction(LISTEN)]


def amend(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
    """What the resident typed at the read-back changes the part it is about (bot.corrections):
    replaced, taken out, swapped or added to, never pasted onto what went wrong. When the part
    cannot be told, one short question asks which, and the words are applied to the part chosen
    (actions.definition). The whole definition is read back again; nothing is logged until they
    agree."""
    draft = draft_from(tracker)
    typed = str(tracker.latest_message.get("text") or "")
    found = needs_in(tracker)
    needs = list(dict.fromkeys(str(e["value"]) for e in found))
    need_words = tuple(typed[e["start"] : e["end"]] for e in found if "start" in e)
    if refuses_recording(typed) and draft.adjustments:
        # "no, don't put my hearing on file" (round 12 r12a-16 had it logged all the same).
        return [
            *recording_refused(dispatcher, tracker, draft, typed, need_words),
            FollowupAction(LISTEN),
        ]
    correction = without_the_resident_contact(
        typed, draft, with_contact_restriction(typed, draft, need_words)
    )
    stopped = draft.still_happening is False or correction.changes.get("still_happening") is False
    if stopped and goes_on_after_all(typed):
        # "the water stop but ceiling is still broken, this is the problem. also I want Polish
        # interpreter": the "It has stopped" line changed too (round 16 r16a-02 t10-t12).
        how = "changed" if correction.how == "unclear" else correction.how
        correction = Correction({**correction.changes, "still_happening": True}, how)
    if correction.how == "unclear" and needs:
        # "mum needs urdu interpreter": what would help, added to the adjustments with the
        # needs it names (round 10 r10c-22 was asked which part).
        correction = Correction({"adjustments": joined(draft.adjustments or "", trimmed(typed))})
    if "adjustments" in correction.changes:
        return [
            *corrected(dispatcher, draft, correction),
            *needs_noted(tracker, needs, typed),
            FollowupAction(LISTEN),
        ]
    asks_a_change = CHANGE_AFTER_YES.search(typed) is not None
    if (
        correction.how in ("unclear", "unchanged")
        and not asks_a_change
        and (ends_confirming(typed) or (opens_confirming(typed) and routed_this_turn(tracker)))
    ):
        # "T and kids out, fire service attending. readback correct, pls log": the news before
        # it changes no part, and the last words agree: the yes that logs it (round 15 r15c-10).
        # So does a yes first with danger after it, once its route is given ("yes thats right.
        # oh god hes outside now banging on the door" was shown the read-back again, r16a-11).
        return answer(tracker, OpenQuestion(READ_BACK), Understanding("yes"))
    if (
        correction.how == "unclear"
        and yes_or_no(typed, with_details=True)
        and not (SAYS_SOMETHING_IS_WRONG.search(typed) or asks_a_change)
    ):
        # "yeah thats right but you still havent told me how long": a yes whose other words
        # change nothing; one check, not "Which part would you like to change?" (r10a-01).
        dispatcher.utter_message(text=LOG_IT_CHECK, buttons=LOG_IT_BUTTONS)
        return [FollowupAction(LISTEN)]
    if correction.how == "unclear":
        dispatcher.utter_message(response=WHICH_PART)
        return [FollowupAction(LISTEN)]
    return [*corrected(dispatcher, draft, correction), FollowupAction(LISTEN)]


def routed_this_turn(tracker: Tracker) -> bool:
    """Whether the safety check gave a route for the resident's latest message."""
    return bool(routes_in_events(after_latest_message(tracker), get_app().policy))


# "yes log it but put flat B and copy mum in", "ok as long as you add ...": a yes that asks for
# changes first.
CHANGE_AFTER_YES = re.compile(
    r"\b(?:but|once|after|as long as|only if|provided|so long as)\s+(?:you\s+|u\s+)?"
    r"(?:first\s+|can\s+|could\s+|pls\s+|please\s+)?"
    r"(?:put|add|change|copy|cc|include|fix|correct|take|remove|make sure|update|amend|swap"
    r"|replace|delete)\b",
    re.IGNORECASE,
)


def changes_after_yes(tracker: Tracker) -> bool:
    """Whether a yes at the read-back asks for a change after it."""
    return CHANGE_AFTER_YES.search(str(tracker.latest_message.get("text") or "")) is not None


def corrects_the_read_back(tracker: Tracker) -> bool:
    """Whether a message at the read-back changes it: a part it names, or consent to record a
    need. Said with danger words, the route comes first and the change is still made ("add that
    one of them pulled a knife on my son", "put in that my 7 yr old has asthma" were routed and
    the read-back shown unchanged, round 15 r15b-18, r15d-02)."""
    typed = str(tracker.latest_message.get("text") or "")
    if tells_about_recording(tracker):
        return True
    return correction_of(typed, draft_from(tracker), ()).how != "unclear"


def tells_about_recording(tracker: Tracker) -> bool:
    """Whether a message at the read-back gives consent to record a need it names, or says
    not to record one that is held."""
    typed = str(tracker.latest_message.get("text") or "")
    if refuses_recording(typed):
        return bool(draft_from(tracker).adjustments)
    return bool(needs_in(tracker)) and consent_to_record(typed)


def needs_in(tracker: Tracker) -> list[dict[str, Any]]:
    """The needs the latest message names, other than a way to contact (which the contact
    details hold)."""
    return [
        e
        for e in tracker.latest_message.get("entities") or []
        if e.get("entity") == "adjustment" and e.get("value") != WAY_TO_CONTACT_NEED
    ]


def recording_refused(
    dispatcher: CollectingDispatcher,
    tracker: Tracker,
    draft: DraftDefinition,
    typed: str,
    need_words: tuple[str, ...],
) -> list[EventType]:
    """A health condition or disability the resident does not want on record is taken out of
    what would help, with the words that tell it; what is left, if anything, stays (5.10). The
    message's other sentences change what they say ("Contact should be her landline ...
    Please take out the hearing bit", round 12 r12a-08)."""
    needs = get_app().policy.needs
    held = [str(n) for n in tracker.get_slot("adjustment_ids") or []]
    kept_needs = [n for n in held if not (n in needs and needs[n].special_category)]
    told = [cue for n in held if n not in kept_needs and n in needs for cue in needs[n].cues]
    kept_text = " ".join(
        clause
        # The words as said, not as read back after an earlier refusal.
        for clause in sentences(str(tracker.get_slot("adjustments_needed") or ""))
        if not any(contains(words(clause), words(cue)) for cue in told)
    )
    left = kept_text if kept_needs and words(kept_text) else NO_ADJUSTMENTS_NEEDED
    rest = " ".join(s for s in sentences(typed) if not refuses_recording(s))
    other = dict(correction_of(rest, draft, need_words).changes) if words(rest) else {}
    other.pop("adjustments", None)
    correction = Correction({**other, "adjustments": left}, "changed" if other else "removed")
    return [
        *corrected(dispatcher, draft, correction),
        SlotSet("adjustment_ids", kept_needs),
        SlotSet("adjustment_consent", False),
    ]


def needs_noted(tracker: Tracker, needs: list[str], typed: str) -> list[EventType]:
    """The needs a correction to what would help names, beside those held, and the consent to
    record a disability when it is given with it ("yes you can put down he's disabled")."""
    held = list(tracker.get_slot("adjustment_ids") or [])
    noted: list[EventType] = [SlotSet("adjustment_ids", list(dict.fromkeys([*held, *needs])))]
    if consent_to_record(typed) or ASKS_TO_RECORD.search(typed):
        # "put in that my son has asthma": asking us to record it is consent to.
        noted.append(SlotSet("adjustment_consent", True))
    return noted


# "can you put on the record that she's on oxygen", "please note he uses a wheelchair", "will you
# note her dialysis?", "add it to his file": a request to record what the message tells.
ASKS_TO_NOTE = re.compile(
    r"\b(?:put|add|pop|stick|write|keep|have)\b(?:\s+\S+){0,8}?\s+(?:on|onto|in|into|to)\s+"
    r"(?:the\s+|her\s+|his\s+|their\s+|my\s+|our\s+|your\s+|mum'?s\s+|dad'?s\s+)?"
    r"(?:record|records|file|files|system|notes|account)\b"
    r"|\b(?:can|could|will|would|pls|please)\s+(?:you\s+|u\s+)?(?:please\s+)?"
    r"(?:note|record|log|write down|make a note of)\b"
    r"|\bmake a note\b|\bnote (?:down |on file )?that\b",
    re.IGNORECASE,
)
# Whose needs they are, when not the writer's: "her", "his", "mum's", "my dad".
FOR_SOMEONE_ELSE = re.compile(
    r"\b(?:she|she'?s|her|he|he'?s|his|him|they|their|mum|mum'?s|mom|dad|dad'?s|father|mother|"
    r"son|daughter|husband|wife|partner|nan|gran|grandad)\b",
    re.IGNORECASE,
)


def consent_set_this_turn(tracker: Tracker) -> bool:
    """Whether consent to record a need was set since the resident's latest message."""
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            return False
        if event.get("event") == "slot" and event.get("name") == "adjustment_consent":
            return event.get("value") is True
    return False


# How a need asked to be noted by someone acting for the resident is marked in the record.
ON_THEIR_BEHALF = "asked to be noted on the resident's behalf"


# The questions that read a need told at them as their answer themselves.
READ_NEEDS_THEMSELVES = (READ_BACK, "adjustments_needed", "adjustment_consent")


def health_noted_here(tracker: Tracker) -> tuple[str, list[EventType]] | None:
    """`health_noted`, unless the question waiting reads the need as its answer itself."""
    question = open_question(tracker)
    if question is not None and question.name in READ_NEEDS_THEMSELVES:
        return None
    return health_noted(tracker)


def health_noted(tracker: Tracker) -> tuple[str, list[EventType]] | None:
    """A message that asks us to note a health condition or disability (special category data,
    recorded only with consent): the need kept as what would help, with the consent the asking
    gives, and the line that says plainly what is noted and why. A helper asking for the
    resident is recorded as asking on their behalf. None when the message asks nothing of the
    kind, or refuses recording."""
    text = str(tracker.latest_message.get("text") or "")
    if text.startswith("/") or not ASKS_TO_NOTE.search(text) or refuses_recording(text):
        return None
    if consent_set_this_turn(tracker):
        # Noted beside the route by the safety check, which handed the message on (round 23).
        return None
    entities = tracker.latest_message.get("entities") or []
    health = [
        e
        for e in entities
        if e.get("entity") == "adjustment"
        and "start" in e
        and special_category([str(e.get("value"))])
    ]
    if not health:
        return None
    told = needs_told_in(tracker, text, health)
    if not told:
        return None
    named = list(dict.fromkeys(text[int(e["start"]) : int(e["end"])].lower() for e in health))
    said = named[0] if len(named) == 1 else f"{', '.join(named[:-1])} and {named[-1]}"
    helper = tracker.get_slot("acting_for") == "someone_else" or bool(FOR_SOMEONE_ELSE.search(text))
    held = str(tracker.get_slot("adjustments_needed") or "")
    needed = told["adjustments_needed"]
    if tracker.get_slot("adjustment_consent") and all(n in held.lower() for n in named):
        # Asked again after it was noted ("will you note her oxygen, dialysis and wheelchair?"
        # after the route that answered the first asking, round 23 r22a-02 t3): said once, and
        # never asked consent for again.
        return f"Yes. I have already put {said} on the record.", []
    if helper:
        # A representative asking for the resident: the record says so (round 23, r22a-02 t2).
        needed = f"{needed} ({ON_THEIR_BEHALF})"
    if held and held != NONE_NEEDED and needed.lower() not in held.lower():
        needed = f"{held}; {needed}"
    line = (
        f"Yes. I have put {said} on the record, as you asked, so our team and anyone who visits "
        "know about it and can plan for it."
    )
    if helper:
        line += " I have noted that you asked for this on their behalf."
    return line, [
        SlotSet("adjustments_needed", needed),
        SlotSet("adjustment_ids", told["adjustment_ids"]),
        SlotSet("adjustment_consent", True),
    ]


ASKS_TO_RECORD = re.compile(
    r"\b(?:put (?:in|down|on)|add|note|write (?:down|in)|record|include)\b", re.IGNORECASE
)


# "yes but the date is wrong": the yes comes with something to change.
SAYS_SOMETHING_IS_WRONG = re.compile(
    r"\b(?:wrong|change|correct|incorrect|not right|mistake|missing|typo|should be|should say|"
    r"forgot|left out|not quite|nearly|almost)\b",
    re.IGNORECASE,
)


LOG_IT_BUTTONS = [
    {"title": "Yes, log it", "payload": "/affirm"},
    {"title": "No, change something", "payload": "/deny"},
]
