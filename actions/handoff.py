"""A person on request, at any time: staff get the conversation so far, and until one picks it
up the assistant still answers."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.app import get_app
from actions.choice import answer_in_context
from actions.definition import READ_BACK_ACTION
from actions.repair import first_complaint_instead, recorded_so_far
from actions.safety import routes_not_taken_back
from actions.session import say_it_is_automated
from actions.turns import (
    SUBMIT_COMPLAINT_ACTION,
    channel_of,
    details_held,
    received_at,
    stage_2_asked,
    transcript_of,
    written_language,
)
from bot.answers import (
    READ_BACK,
    SAID_BY_THE_RECORD,
    adds_to_a_complaint,
    asks_for_a_complaint,
    asks_for_person,
    beside_taking_back_a_person_request,
    cancels_a_person_request,
    made_no_complaint,
    says_goodbye,
    says_leave,
    takes_back_a_person_request,
    wants_it_logged,
)
from bot.casestore.domain import Handoff
from bot.definition import email_in, phone_in
from bot.nlp.matches import RuleMatches
from bot.policy import Policy
from bot.policy.contract import TRIAGE_ACTION
from bot.questions import answers_in, is_question
from bot.recorded import (
    Recorded,
    Subject,
    asks_how_they_reply,
    how_they_reply,
    recorded_reply,
    subjects_asked,
)
from bot.replies import (
    BACK_FROM_PERSON_LINE,
    CARRY_ON_HERE_BUTTON,
    COMPLAINT_KEPT_LINE,
    COMPLAINT_NOT_LOGGED_YET_LINE,
    NEED_PASSED_ON_LINE,
    PERSON_AWAITED_LINE,
    PERSON_CANCELLED_LINE,
    PERSON_STILL_READS_LINE,
    STILL_FOR_STAFF_LINE,
    THANKS_WHILE_AWAITED_LINE,
    handoff_lines,
    stage_2_already_asked,
)
from bot.triage.safety import HANDOFF_ACTION, PERSON_AWAITED_ACTION, WITH_PERSON_SLOT
from bot.triage.stage_2 import asks_for_stage_2, no_earlier_complaint, read_stage_2


class ActionHandoff(Action):
    def name(self) -> str:
        return HANDOFF_ACTION

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        text = str(tracker.latest_message.get("text") or "")
        reason = TO_ADD_TO_A_COMPLAINT if adds_to_a_complaint(text) else None
        return hand_over(dispatcher, tracker, reason)


# What staff see beside a conversation passed to them to add something to a complaint.
TO_ADD_TO_A_COMPLAINT = "Add what the resident wrote to their complaint (reference in the chat)"


def hand_over(
    dispatcher: CollectingDispatcher, tracker: Tracker, reason: str | None = None
) -> list[EventType]:
    """The conversation so far goes to staff, and the resident hears honestly when a person
    will read it. `reason` says why for staff when the resident did not ask for a person."""
    app = get_app()
    handoff = app.cases.record_handoff(
        Handoff(
            conversation_id=tracker.sender_id,
            channel=channel_of(tracker),
            requested_at=received_at(tracker),
            transcript=transcript_of(tracker),
            reason=reason,
        )
    )
    say_it_is_automated(dispatcher, tracker)
    lines = handoff_lines(
        handoff.person_from,
        app.policy,
        written_language(tracker),
        routes_not_taken_back(tracker),
        details_held(tracker),
    )
    for line in lines:
        dispatcher.utter_message(text=line)
    if tracker.active_loop_name == "complaint_form" or tracker.get_slot(READ_BACK):
        dispatcher.utter_message(text=COMPLAINT_KEPT_LINE)
    # Once a person picks the conversation up the assistant says nothing more, so it does not
    # talk over them; until then it answers (ActionPersonAwaited), and danger typed at any time
    # still gets its route (bot.safety_first). Rasa's own pause would silence both.
    return [SlotSet(WITH_PERSON_SLOT, True)]


# Words beside "carry on here" that ask for something of their own, read as a new message.
SAYS_MORE = 4
# The most words of a thank-you that needs no reply while a person is awaited ("ok thanks").
BARE_THANKS = 3
# Messages that only acknowledge, needing no answer while a person is awaited.
ACKNOWLEDGEMENTS = ("thank", "goodbye", "affirm")


class ActionPersonAwaited(Action):
    """A message while a person is awaited and nobody has picked the conversation up yet. Out
    of hours that can be days, so the resident is never met with silence (round 11: "nah dont
    worry ill just do it with you" and "what's the complaints email?" got nothing until Monday).
    Taking the handover back ("carry on here", "i didnt ask for a person") lets the form or
    read-back it interrupted carry on; a common question is answered; anything else is told
    that a person will read it, and how to carry on here instead."""

    def name(self) -> str:
        return PERSON_AWAITED_ACTION

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        app = get_app()
        handoff = app.cases.open_handoff(tracker.sender_id)
        if handoff is None:
            # Nobody has or awaits the conversation (the handover was taken back, or staff
            # closed it), though the slot still says so: a rewind after "carry on here" set it
            # again, and three messages got silence (round 13 r13c-02). Read it as any other.
            return [SlotSet(WITH_PERSON_SLOT, False), FollowupAction(TRIAGE_ACTION)]
        if handoff.status != "waiting":
            return []  # a person has the conversation: they answer it
        text = str(tracker.latest_message.get("text") or "")
        if first_complaint_after_stage_2(tracker, text, app.policy):
            # "i never made a complaint before i just rang about the boiler, this is my complaint
            # now" after a Stage 2 request was passed on got "The person who picks up this
            # conversation will see the details" (round 16 r16b-07): there is no complaint to
            # take to Stage 2, so a Stage 1 complaint is taken here, and staff still read it.
            dispatcher.utter_message(text=STILL_FOR_STAFF_LINE)
            return [SlotSet(WITH_PERSON_SLOT, False), *first_complaint_instead(dispatcher, tracker)]
        if stage_2_asked(tracker) and read_stage_2(text, app.policy) in ("declines", "undo"):
            # "i do NOT want stage 2. take it back" and "dont send it to stage 2 yet, cancel
            # that" just after the request was passed on got "A person will read this", or
            # "cancel that" took back only the person (round 26 r26b-07 t4-t5, r26b-01 t5):
            # the request is taken back, and that is said.
            from actions.escalation import take_back_stage_2  # it imports this module

            return take_back_stage_2(dispatcher, tracker)
        if tracker.get_slot(READ_BACK) and wants_it_logged(text) and not says_leave(text):
            # "why not logged, i said its right. log it now please then the person can call me
            # monday" was told to say "carry on here" first (round 14 r14c-11): the summary read
            # back is logged, and the person still reads the conversation.
            return [FollowupAction(SUBMIT_COMPLAINT_ACTION)]
        if takes_back_a_person_request(text):
            # A handover that holds a danger to a person, or a Stage 2 request an officer must
            # match, still needs staff: the chat carries on, and the conversation stays in the
            # queue (round 12 r12c-18, r12d-01 lost both).
            dangers = [
                c for c in routes_not_taken_back(tracker) if app.policy.urgency[c].to_a_person
            ]
            # Only "carry on here", which the handover offers until a person picks it up, keeps
            # the person too (round 14 r14a-13, r14a-11 were told "Nobody will pick this up").
            still_for_staff = (
                handoff.reason is not None or bool(dangers) or not cancels_a_person_request(text)
            )
            if not still_for_staff and not app.cases.withdraw_handoff(tracker.sender_id):
                return []  # picked up in the meantime
            interrupted = form_at_handover(tracker) is not None or tracker.get_slot(READ_BACK)
            if not interrupted and says_goodbye(beside_taking_back_a_person_request(text)):
                # "actually dont bother the person, ill email complaints myself. bye" (round 13
                # r13d-06 got no reply): what happens now, then goodbye, not "I'll carry on here".
                line = PERSON_STILL_READS_LINE if still_for_staff else PERSON_CANCELLED_LINE
                dispatcher.utter_message(text=line)
                dispatcher.utter_message(response="utter_goodbye")
                return [SlotSet(WITH_PERSON_SLOT, False)]
            line = STILL_FOR_STAFF_LINE if still_for_staff else BACK_FROM_PERSON_LINE
            return self._carry_on_here(dispatcher, tracker, line)
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        matches = RuleMatches.from_entities(tracker.latest_message.get("entities") or [])
        written_in = app.policy.languages.get(matches.goodbye_language or "")
        if written_in is not None:
            # "ok multumesc, la revedere" got the emergency text and "not logged yet" (round 17
            # r17a-15 t7): goodbye, in their language.
            dispatcher.utter_message(text=written_in.goodbye)
            return []
        if (intent in ACKNOWLEDGEMENTS and not asks_for_person(text)) or says_goodbye(text):
            # "ok thanks", "bye": nothing to answer. "fine, I want a person to confirm it on
            # monday then" is told one will read it (round 13 r13a-06 got silence). A closing
            # message that says more ("OK, thank you. We will wait to hear on Monday.") is met
            # with a word, not silence (round 16 r16b-03 t9).
            if len(text.split()) > BARE_THANKS:
                dispatcher.utter_message(text=THANKS_WHILE_AWAITED_LINE)
            return []
        unfinished = form_at_handover(tracker) == "complaint_form" or tracker.get_slot(READ_BACK)
        # Each question asked is answered: "WILL I GET COMPENSATION FOR THE WAIT? AND WHAT IF
        # STAGE 2 IS RUBBISH AS WELL" lost the first (round 15 r15d-13, r15b-06).
        answers = [a.answer for a in answers_in(text, app.answers)] if is_question(text) else []
        # Whether the unfinished complaint is logged is said by the line below. "you have my
        # number? ... complaint is saved yes or no?" asks two things (round 18 r18a-13 t4).
        subjects = [s for s in subjects_asked(text) if not (unfinished and s == "complaint")]
        recorded = recorded_so_far(tracker)
        for asked in subjects:
            # "is my complaint at stage 2 now?": from what this conversation recorded.
            dispatcher.utter_message(text=awaited_record_reply(asked, recorded, text))
        subject = subjects[0] if subjects else None
        reply_way = asks_how_they_reply(text)
        if reply_way:
            # "so will they email me or not" after giving her email got the general text on
            # whom we contact (round 18 r18a-11 t4-5): a plain yes, with the detail typed.
            dispatcher.utter_message(text=reply_way_line(tracker))
        for answer in answers:
            if subject is not None and answer.id in SAID_BY_THE_RECORD:
                continue
            if reply_way and answer.id == WHO_WE_CONTACT_ANSWER:
                continue
            # A second question beside it ("who will they contact, me or dad? And is there a
            # reference for this stage 2 request?", round 13 r13a-06) is answered too.
            dispatcher.utter_message(text=answer_in_context(tracker, text, answer).text)
        asks_again = stage_2_asked(tracker) and asks_for_stage_2(text, app.policy)
        if not answers and subject is None and not reply_way and asks_again:
            # "i already tell you!! CMP-... i want stage 2" got only the line below (round 14
            # r14b-10): the request is said to be passed on.
            dispatcher.utter_message(text=stage_2_already_asked(app.policy))
        if matches.language in app.policy.languages:
            # "Deci luni ma suna cineva?" (so will someone call me Monday?) got the emergency
            # text alone (round 17 r17a-15 t5): when a person will reply, in their language.
            in_their_language = handoff_lines(handoff.person_from, app.policy, matches.language)
            dispatcher.utter_message(text=in_their_language[0])
        if matches.adjustments and not answers:
            # "Mr Campbell has dyslexia ... Could that be noted please." got only "A person will
            # read this" (round 16 r16b-03 t4): what would help is said to be passed on.
            dispatcher.utter_message(text=NEED_PASSED_ON_LINE)
        line = COMPLAINT_NOT_LOGGED_YET_LINE if unfinished else PERSON_AWAITED_LINE
        dispatcher.utter_message(text=line, buttons=[CARRY_ON_HERE_BUTTON])
        return []

    @staticmethod
    def _carry_on_here(
        dispatcher: CollectingDispatcher, tracker: Tracker, line: str
    ) -> list[EventType]:
        """Whatever the handover interrupted carries on: the form, the read-back, or a new
        message."""
        dispatcher.utter_message(text=line)
        text = str(tracker.latest_message.get("text") or "")
        events: list[EventType] = [SlotSet(WITH_PERSON_SLOT, False)]
        form = form_at_handover(tracker)
        if form is not None:
            # Active again before it runs: the form then asks its next question rather than
            # reading "oh no i didnt ask for a person" as its answer (a "no" that finished the
            # form with no read-back in round 12 r12a-16).
            events += [ActiveLoop(form), FollowupAction(form)]
        elif tracker.get_slot(READ_BACK):
            events.append(FollowupAction(READ_BACK_ACTION))
        elif len(beside_taking_back_a_person_request(text).split()) >= SAYS_MORE:
            # "sorry im not going to do anything silly. i want to make a complaint about the
            # mould, carry on here": the rest is read as a new message, not met with "what would
            # you like to tell us about?" and a misunderstanding (round 12 r12c-18).
            events.append(FollowupAction(TRIAGE_ACTION))
        else:
            if stage_2_asked(tracker):
                # "carry on here" after a Stage 2 request met only "What would you like to tell
                # us about?", as if the request were lost (round 16 r16b-03 t5).
                dispatcher.utter_message(text=stage_2_already_asked(get_app().policy))
            dispatcher.utter_message(response="utter_how_can_i_help")
        return events


WHO_WE_CONTACT_ANSWER = "who_we_contact"


def awaited_record_reply(subject: Subject, recorded: Recorded, text: str = "") -> str:
    """What was recorded, said while a person is awaited: with no complaint taken, the person
    who picks it up can take it, rather than "tell me what went wrong" to someone who has."""
    nothing_noted = not (recorded.noted or recorded.request_noted)
    if (subject == "complaint" or (subject == "noted" and nothing_noted)) and not (
        recorded.complaint_reference
        or recorded.complaint_under_way
        or recorded.stage_2_asked
        or recorded.stage_2_under_way
    ):
        return (
            "No, your complaint is not logged yet. The person who picks up this conversation "
            "will read what you have told me and can log it for you."
        )
    return recorded_reply(subject, recorded, text)


# "text me", "SMS please", "wolę SMS" (round 18 r18a-13): texts wanted rather than calls.
TEXTS_WANTED = re.compile(r"\b(?:sms|text me|txt me|text please|text pls|by text|a text)\b", re.I)


def reply_way_line(tracker: Tracker) -> str:
    """Whether the person who picks this up will email, ring or text, from the last email and
    phone number typed in this conversation."""
    said = [str(e.get("text") or "") for e in tracker.events if e.get("event") == "user"]
    emails = [found for found in map(email_in, said) if found]
    phones = [found for found in map(phone_in, said) if found]
    texts = any(TEXTS_WANTED.search(text) for text in said)
    return how_they_reply(emails[-1] if emails else None, phones[-1] if phones else None, texts)


def first_complaint_after_stage_2(tracker: Tracker, text: str, policy: Policy) -> bool:
    """Whether a message while a person is awaited after a Stage 2 request says there is no
    earlier complaint and asks for one now (bot.triage.stage_2), with no complaint being taken:
    "what?? i havent made a complaint, i just asked which email" asks for none."""
    return (
        stage_2_asked(tracker)
        and form_at_handover(tracker) != "complaint_form"
        and not tracker.get_slot(READ_BACK)
        and no_earlier_complaint(text, policy)
        and not (made_no_complaint(text) and not asks_for_a_complaint(text))
    )


def form_at_handover(tracker: Tracker) -> str | None:
    """The form that was asking its questions when the conversation was last handed over."""
    events = list(tracker.events)
    handovers = [
        i for i, e in enumerate(events)
        if e.get("event") == "action" and e.get("name") == HANDOFF_ACTION
    ]  # fmt: skip
    if not handovers:
        return None
    loops = [e for e in events[: handovers[-1]] if e.get("event") == "active_loop"]
    return loops[-1].get("name") if loops else None
