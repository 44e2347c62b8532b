"""The safety check, run before anything else on any message that may hold danger (see
bot.safety_first): the route first, the contact flagged for urgent staff follow-up with any
Awaab's Law clocks started, then the conversation carries on where it was."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionReverted, EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.adjustments import WAY_TO_CONTACT_NEED, matches_in, needs_in
from actions.app import get_app
from actions.choice import answer_in_context
from actions.complaint_form import answers_acting_for
from actions.fallback import hands_over
from actions.repair import (
    buttons_before,
    corrects_the_read_back,
    health_noted_here,
    recorded_so_far,
)
from actions.request_contact import FORM, OFFER, access_noted, contact_given
from actions.safety_languages import (
    answered_in_their_language,
    details_seen_in_their_language,
    in_their_language,
    phone_interpreter_lines,
)
from actions.triage import contact_record
from actions.turns import (
    before_latest_message,
    details_held,
    last_question,
    received_at,
    said_so_far,
    typed_anywhere,
)
from bot.answers import (
    NO_SUCH_THING,
    READ_BACK,
    REQUEST_CONTACT_OFFER,
    OpenQuestion,
    asks_for_person,
    goes_on_told,
    open_question,
    opens_confirming,
    wants_a_person_now,
    wants_to_leave,
    yes_or_no,
)
from bot.definition import (
    contact_details_in,
    contact_preference,
    email_in,
    name_in,
    written_names,
)
from bot.fits import fits_strictly
from bot.hazards import clock_lines, clock_lines_said
from bot.nlp.matches import DANGER_TOLD, RuleMatches
from bot.policy import Policy
from bot.questions import answer_for, answers_in, is_question
from bot.recorded import REQUEST_CANCELLED_LINE, asks_if_recorded, recorded_reply
from bot.replies import (
    COMPLAIN_ABOUT_HANDLING,
    DETAILS_SEEN_LINE,
    emergency_clock_lines,
    unread_danger_line,
    urgent_lines,
)
from bot.text import sentences, sentences_clear_of, words
from bot.told import address_told_beside, earlier_report_told, outcome_as_told
from bot.triage import Reason, TriageResult, triage
from bot.triage.decide import (
    NOT_AT_ALL,
    SURE,
    UNSURE,
    completed_by_words_told_before,
    danger_in_doubt,
    denied_not_beside_a_chirp,
    detector_level,
    own_words_found,
    told_after_a_route,
    without_who,
    words_of_its_own,
)
from bot.triage.safety import (
    HANDOFF_ACTION,
    PERSON_AWAITED_ACTION,
    REPORTED_DANGER,
    SAFETY_ACTION,
    WITH_PERSON_SLOT,
    answers_yes,
    asks_about_safe_contact,
    asks_to_use,
    asks_what_to_do,
    asks_why_asked,
    calls_the_line,
    cannot_phone,
    cannot_read,
    danger_raised,
    dangers_to_a_person_standing,
    false_alarm_told,
    follow_ups_asked,
    follows_up_a_route,
    left_at_risk,
    line_not_answered,
    made_safe_told,
    not_to_be_phoned,
    only_made_safe_told,
    protests_a_timescale,
    reads_as_a_detail,
    routes_in_events,
    routes_put_off,
    routes_standing,
    tells_of_a_chirp,
    turns_in_events,
    unheard_at_risk,
    waiting_on_an_answer,
)
from bot.triage.stage_2 import read_stage_2

# The category whose route the difference between an alarm's chirp and its sounding is said
# beside.
GAS = "gas"

# Form questions whose answer is the resident's account of the problem: a danger told there is
# also the answer, so the form takes it after the route is given.
ACCOUNT_SLOTS = {"complaint_aspects"}
# The reason a contact carries when the resident says a phone call is not safe: staff read it.
NO_CALLS = "safe_contact"
NO_CALLS_REASON = "Do not phone: the resident says a call is not safe"


def _a_person_has_it(tracker: Tracker, policy: Policy) -> bool:
    """A person has the conversation, or is handed it this turn: a message in another language
    that asks for one, or comes after the offer of one. Saying 'reply "person"' beside the
    handover contradicts it (round 15 r15c-11)."""
    if tracker.get_slot(WITH_PERSON_SLOT):
        return True
    language = RuleMatches.from_entities(tracker.latest_message.get("entities") or []).language
    return language in policy.languages and hands_over(tracker, language, policy)


# Answers beside a route that the route itself covers: when someone comes, what to do now, and
# whether to go to A&E (the medical route's follow-up, ambulance_or_111).
ROUTE_COVERS = frozenset({"emergency_repairs", "repair_status", "repair_timescales", "ae_or_111"})


def answer_asked_beside(
    dispatcher: CollectingDispatcher, tracker: Tracker, text: str, steps_asked: bool
) -> None:
    """A common question asked in its own sentence beside a route and an answer the form keeps:
    "... his GP has written to say the damp is making it worse. Will the complaint response come
    to us or to him?" got the damp route and the next question, not who we contact (round 18
    r18a-09 t3). Not when the question is about the route's own steps: "should she switch the
    boiler off at the wall or just leave it and go out?" after the fire route got who lets the
    repairs team in (round 22 r22a-06 t4). `steps_asked`: the caller's `follow_ups_asked` found
    a question about a route's steps."""
    if steps_asked or not is_question(text):
        return
    for asked in answers_in(text, get_app().answers):
        if asked.end > asked.start and asked.answer.id not in ROUTE_COVERS:
            said = text[asked.start : asked.end]
            dispatcher.utter_message(text=answer_in_context(tracker, said, asked.answer).text)


def condolences_first(dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
    """A death told as grief gets plain condolences, once in a conversation: "she passed away in
    october, it was quite sudden" got the Samaritans line and no word of sympathy (round 24
    r24b-03 t2)."""
    matches = RuleMatches.from_entities(tracker.latest_message.get("entities") or [])
    if not matches.grief:
        return
    line = get_app().policy.safety.condolences
    said_before = turns_in_events(before_latest_message(tracker))
    if not any(not resident and said == line for resident, said, _ in said_before):
        dispatcher.utter_message(text=line)


class ActionSafetyCheck(Action):
    def name(self) -> str:
        return SAFETY_ACTION

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        condolences_first(dispatcher, tracker)
        events = health_noted_beside(dispatcher, tracker, self._check(dispatcher, tracker))
        said = CollectingDispatcher()
        if access_noted(said, tracker):
            # "tell them mum's carer comes 9 till 11" after the stairs route: added to the
            # request and said, before the last line (round 25 r25a-03 t12).
            messages = dispatcher.messages
            at = len(messages) - 1 if len(messages) > 1 else len(messages)
            messages[at:at] = said.messages
        return events

    def _check(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
        app = get_app()
        policy = app.policy
        message = tracker.latest_message
        text = str(message.get("text") or "")
        result = in_their_language(
            _in_context(triage(message, policy), tracker, policy), tracker, policy
        )
        told_again = bool(result.urgency)
        result = _without_routes_said(result, tracker, policy)
        result = _without_routes_answered_instead(result, text, tracker, policy)
        # A danger a standing route covers, told again, is followed up by that route's help.
        told_again = told_again and not result.urgency
        said_yes = answers_yes((message.get("intent") or {}).get("name"), text, policy)
        asked_before = _asked_about_danger(tracker, policy)
        said_before = [
            said for resident, said, _ in turns_in_events(before_latest_message(tracker))
            if not resident
        ]  # fmt: skip
        if asks_why_asked(text, policy) and danger_raised(said_before, policy):
            # "why are u asking if anyone is in danger?? no. i just want to know where my
            # complaint is up to": a short plain answer first, then the rest is read as any other
            # message (round 23 r23b-04 t2, r23b-08 t9 got the 999 line again, or nothing).
            dispatcher.utter_message(text=policy.safety.why_asked)
        confirmed = not result.urgency and said_yes and asked_before
        if confirmed:
            result = replace(result, urgency=(REPORTED_DANGER,), ask_about_danger=False)
        elif asked_before or _doubt_settled_before(tracker, policy, result):
            # The answer to the safety question is not asked it again ("No one is in danger right
            # now. But I am very unhappy about it", round 8 r8b-18), nor is a resident who has
            # said nobody is in danger, or was asked already, asked again on the detector's doubt
            # alone ("im dying to know why no1 came back" got it a fourth time, round 15 r15c-03;
            # a call handler got it at three answers of one form, round 17 r17a-07).
            result = replace(result, ask_about_danger=False)
        # Routes the message takes back ("Nobody is abusing me. I just want texts not calls")
        # are no reason to flag it as unsafe to phone (round 12 r12a-11).
        no_calls = not_to_be_phoned(
            text, (*routes_not_taken_back(tracker), *result.urgency), policy
        )
        if no_calls:
            result = replace(result, reasons=(*result.reasons, Reason(NO_CALLS, NO_CALLS_REASON)))
        if not (result.urgency or confirmed or no_calls):
            stood_down = _false_alarm_now(tracker, policy, text)
            if stood_down:
                return self._stood_down(dispatcher, tracker, stood_down, cancel=True)
            asked_after = _false_alarm_before(tracker, policy)
            if asked_after and follow_ups_asked(text, asked_after, policy):
                # "so can i still use the kettle then?" after the false alarm was told: it was
                # not gas, so yes (round 26 r26a-07 t3 got "That's fine. To arrange it").
                return self._stood_down(dispatcher, tracker, asked_after, cancel=False)
        again_lines, said_again = _said_again(tracker, result)
        follow_up = None if result.urgency or confirmed or said_again else _follow_up(tracker)
        if told_again and not follow_up:
            follow_up = routes_not_taken_back(tracker)
        if follow_up:
            # A question after a route, in its danger's words, is answered with that route's help
            # rather than the general safety question ("he could be dead of cold by then. so whos
            # coming about the boiler tonight?" after the complaint was logged, round 15 r15a-06).
            result = replace(result, ask_about_danger=False)
        routed_now_or_before = (*result.urgency, *routes_not_taken_back(tracker))
        made_safe = made_safe_told(text, routed_now_or_before, policy)
        # "ok were outside now", and nothing else: a report that the step was taken, no answer
        # to the question waiting (round 23, r22a-01 t3 was read as yes to the contact offer).
        reported = not (result.urgency or confirmed or said_again) and only_made_safe_told(
            text, routed_now_or_before, policy
        )
        if reported:
            follow_up = None
        routed_before = routes_in(tracker)
        offer_a_person = not _a_person_has_it(tracker, policy)
        said_instead = [c for c in made_safe if c in result.urgency and c in routed_before]
        for line in urgent_lines(result, policy, offer_a_person, said_instead):
            dispatcher.utter_message(text=line)
        asks_to_use_it = asks_to_use(text, policy)
        for category in made_safe:
            # "ive unplugged it. can i use it again?" after the route: the plain answer (`in_use`)
            # says it, first.
            if category not in said_instead and not (
                asks_to_use_it and category not in result.urgency
            ):
                dispatcher.utter_message(text=policy.made_safe_line(category))
        for line in again_lines:
            dispatcher.utter_message(text=line)
        for line in phone_interpreter_lines(tracker, policy):
            dispatcher.utter_message(text=line)
        asked_about_steps = follow_ups_asked(text, routed_now_or_before, policy)
        for answer in dict.fromkeys(policy.follow_up_answer(f) for _, f in asked_about_steps):
            dispatcher.utter_message(text=answer)
        # "can she pull the battery" is no chirp: the plain answer alone.
        asked_about_gas = any(category == GAS for category, _ in asked_about_steps)
        if GAS in result.urgency and not asked_about_gas and tells_of_a_chirp(text, policy):
            dispatcher.utter_message(text=policy.safety.alarm_chirp)
        if confirmed:
            dispatcher.utter_message(text=policy.safety.confirmed)
        if result.urgency:
            contact_id = app.cases.record_contact(contact_record(tracker, result))
            # A danger told again worse keeps the clocks its first report started.
            new = tuple(c for c in result.urgency if c not in routes_in(tracker))
            clocks = app.cases.start_hazard_clocks(contact_id, new, received_at(tracker))
            for line in clock_lines(clocks, policy, "resident"):
                dispatcher.utter_message(text=line)
            _ways_without_a_call(dispatcher, tracker)
        elif result.ask_about_danger:
            dispatcher.utter_message(text=policy.safety.question_for(result.danger_in_doubt))
        protested = protests_a_timescale(text, routes_not_taken_back(tracker), policy)
        if protested:
            # "wednesday?? its a gas leak", "3 days for a gas leak are you serious": the emergency
            # clock said plainly, and the choice to complain (round 23, r22a-01 t8 got "I can't
            # answer that one").
            _explain_the_emergency_clock(dispatcher, tracker)
            if not (result.urgency or no_calls or said_again):
                dispatcher.utter_message(text=COMPLAIN_ABOUT_HANDLING)
                if waiting_on_an_answer(tracker) or tracker.get_slot(WITH_PERSON_SLOT):
                    return self._carry_on(
                        dispatcher, tracker, routed=True, asked=False,
                        steps_asked=bool(asked_about_steps),
                    )  # fmt: skip
                question = open_question(tracker)
                if question is not None and question.name == REQUEST_CONTACT_OFFER:
                    # Whether our team should contact them is still to answer.
                    dispatcher.utter_message(response="utter_offer_request_contact")
                return []
        if no_calls:
            # A safe way given in this message, or an email given before ("can i talk to a
            # person then, but by email or on here, not a phone call" after giving one was asked
            # for one again, round 20 r20a-04 t6).
            given = contact_details_in(text) or typed_anywhere(tracker, email_in)
            safety = policy.safety
            dispatcher.utter_message(
                text=safety.no_calls_safe_way_given if given else safety.no_calls
            )
            urgency = tuple(dict.fromkeys((*result.urgency, *no_calls)))
            app.cases.record_contact(contact_record(tracker, replace(result, urgency=urgency)))
        elif said_again:
            again = replace(result, urgency=said_again)
            app.cases.record_contact(contact_record(tracker, again))
            _ways_without_a_call(dispatcher, tracker)
        elif not (result.urgency or result.ask_about_danger or confirmed):
            turns = turns_in_events(before_latest_message(tracker))
            unheard = unheard_at_risk(text, turns, policy)
            at_risk = unheard or left_at_risk(text, turns, policy)
            if at_risk:
                if unheard:
                    dispatcher.utter_message(text=policy.safety.heard)
                for line in dict.fromkeys(policy.after_route(category) for category in at_risk):
                    dispatcher.utter_message(text=line)
                # Then the message (an answer, the leaving, the goodbye) is read as any other.
                return [ActionReverted()]
            safe_contact = asks_about_safe_contact(text, routes_not_taken_back(tracker), policy)
            if safe_contact:
                return _answer_safe_contact(dispatcher, tracker, safe_contact)
            calling = None if follow_up or reported else _calling(tracker)
            if calling:
                return self._calling_for_help(dispatcher, tracker, calling)
            follow_up = (
                None
                if reported
                else (
                    follow_up
                    # A question about a route's steps answered above is a follow-up however it
                    # is asked: "electrics are off now. where is the stopcock" (no question
                    # mark) was handed to the rules as an answer to the contact offer (round 24).
                    or (routes_not_taken_back(tracker) if asked_about_steps else None)
                    or _cannot_phone_after_a_route(tracker, policy)
                    or _told_again_to_a_person(tracker, policy)
                    or _at_risk_while_waiting(tracker, policy)
                )
            )
            if follow_up:
                # A need asked to be noted is an answer too (`health_noted_beside`). So is a
                # danger told again that a standing route covers: "now water is pouring through
                # the ceiling" after the ceiling route got the 24 hours said again (round 24,
                # safety24's note); what was said before is not said again. Not while waiting
                # for a person: "should i call 999?" then gets the help open now (round 8).
                answered = (
                    bool(asked_about_steps)
                    or health_noted_here(tracker) is not None
                    or (told_again and not tracker.get_slot(WITH_PERSON_SLOT))
                )
                return _after_route(dispatcher, tracker, follow_up, answered)
            _unread_while_waiting(dispatcher, tracker)
            _details_while_waiting(dispatcher, tracker)
        return self._carry_on(
            dispatcher, tracker, routed=bool(result.urgency or said_again),
            asked=result.ask_about_danger,
            reported=reported,
            steps_asked=bool(asked_about_steps),
            to_a_person=any(
                policy.urgency[c].to_a_person for c in result.urgency if c in policy.urgency
            ),
        )  # fmt: skip

    def _stood_down(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        categories: list[str],
        cancel: bool,
    ) -> list[EventType]:
        """A route taken back as a false alarm ("oh god sorry false alarm, it was the toaster"
        after the gas route): glad everyone is safe, what to do if it comes back, and, when the
        false alarm is told now, the request the route noted is cancelled; never a complaint
        offer for the "sorry" (round 26 r26a-07 t2), nor a request noted again."""
        policy = get_app().policy
        for line in dict.fromkeys(policy.false_alarm_line(c) for c in categories):
            if line:
                dispatcher.utter_message(text=line)
        events: list[EventType] = []
        contact_id = tracker.get_slot("contact_id")
        if cancel and contact_id is not None:
            # Only a request raised for the false alarm alone: the no-heating job for an
            # 84-year-old, routed before the gas smell, still stands (round 27 r27a-03 t5).
            before = routes_standing(turns_in_events(before_latest_message(tracker)), policy)
            alone = set(before) <= set(categories)
            if alone and get_app().cases.cancel_service_request(int(contact_id)):
                dispatcher.utter_message(text=REQUEST_CANCELLED_LINE)
            events.append(SlotSet(OFFER, False))
        if tracker.get_slot(WITH_PERSON_SLOT):
            return [*events, *then_as_while_waiting(tracker)]
        if waiting_on_an_answer(tracker):
            return [
                *events,
                *self._carry_on(dispatcher, tracker, routed=True, asked=False, steps_asked=False),
            ]
        return events

    def _calling_for_help(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, routed: list[str]
    ) -> list[EventType]:
        """ "im calling 999 now" after a route: yes, call now, with the route's help, and the
        question waiting asked again; never read as an answer or a change to the read-back
        (round 16 r16a-11 got "Which part would you like to change?")."""
        policy = get_app().policy
        dispatcher.utter_message(text=policy.safety.calling_now)
        for line in dict.fromkeys(policy.after_route(category) for category in routed):
            dispatcher.utter_message(text=line)
        if tracker.get_slot(WITH_PERSON_SLOT) or waiting_on_an_answer(tracker):
            return self._carry_on(dispatcher, tracker, routed=True, asked=False)
        said = last_question(tracker)
        if said and str(said.get("text") or "").rstrip().endswith("?"):
            # "no I'll ring the emergency line now, thanks" answers "Would you like our team to
            # contact you about it?": the rules read the answer.
            return [ActionReverted()]
        return []

    @staticmethod
    def _carry_on(
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        routed: bool,
        asked: bool,
        to_a_person: bool = False,
        reported: bool = False,
        steps_asked: bool | None = None,
    ) -> list[EventType]:
        """Hand the turn back, or keep it: while a person has the conversation the assistant
        says nothing more; at a form's question or the read-back, after a route, or after the
        safety question about words that are no answer, the question is asked again, so the
        message is neither stored as an answer nor read as a correction (round 9 r9c10, r9c22,
        r9c29). A message at the read-back that changes it is handed on after the route, and
        the change is made (round 15 r15b-18, r15d-02). `steps_asked`: whether the message asks
        about a route's steps, when the caller has found it already."""
        if tracker.get_slot(WITH_PERSON_SLOT):
            return then_as_while_waiting(tracker)
        text = str(tracker.latest_message.get("text") or "")
        if wants_to_leave(text) or takes_back_stage_2_at_its_questions(tracker, text):
            # "we're outside now. forget the complaint for now": the route is given, and the
            # leaving is then read as any other (round 9 r9c04). So is a Stage 2 request taken
            # back at its questions: "hang on, dont send it to stage 2 yet, i want to ask my son
            # first" after damp was told got the damp route and the Stage 2 question again
            # (round 26, as r26b-01 t5).
            return [ActionReverted()]
        if wants_a_person_now(text):
            # A person asked for in so many words is handed the conversation, whatever else the
            # message says: "please I want talk to a person. my brother in hospital I need help"
            # got the safety question and the form's question again (round 16 r16b-10), and "I
            # want to talk to a person. Do NOT write to any address ... do not ring my phone"
            # the outcome question (round 19 r19b-07).
            return [FollowupAction(HANDOFF_ACTION)]
        question = open_question(tracker)
        if routed and question is not None and question.name == READ_BACK:
            routed = not (corrects_the_read_back(tracker) or opens_confirming(text))
        elif routed and keeps_its_answer(
            question, text, () if to_a_person else matches_in(tracker).adjustments, to_a_person
        ):
            # "phone call, in portuguese if you can" beside a route: the form reads the answer
            # (round 15 r15c-06 t10, r15c-02 t8).
            routed = False
        # A report that the route's step was taken ("ok were outside now") is no answer: the
        # question waiting is asked again (round 23, r22a-01 t3).
        held = routed or reported or (asked and not answers_the_question(question, text))
        waiting = question is not None and (
            question.form
            or question.name == READ_BACK
            # "no fire its the CO alarm" beside the route tells what is not there: no answer to
            # whether we should contact them (round 20 r20a-02 t3 was told "That's fine").
            or (
                question.name == REQUEST_CONTACT_OFFER
                and (reported or bool(NO_SUCH_THING.match(words(text))))
            )
        )
        danger_at = [(s, e) for kind, _, s, e in matches_in(tracker).spans if kind in DANGER_TOLD]
        kept = answer_beside_a_route(question, text, danger_at) if routed else None
        if steps_asked is None:
            steps_asked = bool(
                follow_ups_asked(text, routes_not_taken_back(tracker), get_app().policy)
            )
        if held and question is not None and question.form and kept is not None:
            # "yes still dripping, now coming thru near the light fitting", "reported it to her
            # in june, july and october. and last night one of them pulled a knife on my son":
            # the route is given and the answer kept (a yes or no, or the report in its own
            # sentence, never the danger); the form goes on (round 15 r15c-02, r15a-03, r15b-05,
            # r15b-18 were asked again, r15b-18 three times).
            answer_asked_beside(dispatcher, tracker, text, steps_asked)
            return [
                SlotSet(question.name, kept),
                SlotSet("requested_slot", None),
                FollowupAction(question.form),
            ]
        if held and waiting and question is not None and question.name not in ACCOUNT_SLOTS:
            if routed and question.form:
                answer_asked_beside(dispatcher, tracker, text, steps_asked)
            said = last_question(tracker)
            if said:
                dispatcher.utter_message(text=said.get("text"), buttons=said.get("buttons") or [])
            return [SlotSet(question.name, None)] if question.form else []
        # The rules and forms then see the message as if nothing had come before them.
        return [ActionReverted()]


def takes_back_stage_2_at_its_questions(tracker: Tracker, text: str) -> bool:
    return tracker.active_loop_name == "escalation_form" and read_stage_2(
        text, get_app().policy
    ) in ("declines", "undo")


def health_noted_beside(
    dispatcher: CollectingDispatcher, tracker: Tracker, events: list[EventType]
) -> list[EventType]:
    """A health need asked to be noted in the message that sets off or follows a route: "Can you
    put on the record that she's on oxygen and dialysis and uses a wheelchair, so the engineer
    knows she's a priority?" got the route and "no contact details", twice, and no word about
    the record (round 23, r22a-02 t2-t3). The asking is the consent (`health_noted`): said
    plainly, once, after the route and before the last line. When the message is
    handed back to the rules, the slots are set after the undo, so they stand, and the rules'
    readers do not say it again this turn."""
    noted = health_noted_here(tracker)
    if noted is None:
        return events
    line, noted_events = noted
    messages = dispatcher.messages
    # Before the last line (the question asked again, or what happens next): the last line
    # said is read as the question waiting next turn, and asked again from it.
    at = len(messages) - 1 if len(messages) > 1 else len(messages)
    said = CollectingDispatcher()
    said.utter_message(text=line)
    messages[at:at] = said.messages
    return [*events, *noted_events]


def _in_context(result: TriageResult, tracker: Tracker, policy: Policy) -> TriageResult:
    """A danger only the detector finds counts one step less when the message reads as the answer
    to the question waiting ("I'm Sam, her son"; not "my son is wheezing and cant catch his
    breath" at the earlier-job question, round 9 r9c22). A guess at the danger already routed is
    a reply to its route ("I'm outside now", "no I'll ring the emergency line now, thanks") and is
    dropped, unless the message says it goes on or is worse: then it is routed again as if new,
    whatever question waits ("tonight is really bad, ive got all my pills out" after the
    Samaritans line got only the safety question, round 12 r12c-07). A route given for one danger
    makes a new one told in words of its own no less likely, and so does a question the message
    answers: an elderly man with no heating tonight after a fall was routed is routed too
    (r12c-04); a guess without them counts one step less for each. That danger said not to be
    there is dropped. Danger told in words the policy names is always routed."""
    routed = set(routes_in(tracker))
    text = str(tracker.latest_message.get("text") or "")
    question = open_question(tracker)
    answered = _answers_the_question_waiting(question, text) or (
        # A reply to the read-back that agrees before it asks, or changes a part: "Yes, that's
        # right now. But ... can I go anywhere else then?" got the Samaritans line, and "No. My
        # name is Priya Raman, not 'Like I'" the safety question (round 19 r19b-06 t8, t9).
        question is not None
        and question.name == READ_BACK
        and (opens_confirming(text) or corrects_the_read_back(tracker))
    )
    matches = RuleMatches.from_entities(tracker.latest_message.get("entities") or [])
    told_after = told_after_a_route(matches, routed, policy) + completed_by_words_told_before(
        matches, _cue_groups_told_before(tracker), routed, policy
    )
    if told_after:
        # In the policy's order, as a message's own dangers are: a carbon monoxide alarm with
        # headaches comes before the damp it completes with mould told earlier.
        urgency = tuple(c for c in policy.urgency if c in {*told_after, *result.urgency})
        result = replace(result, urgency=urgency, ask_about_danger=False)
        # The detector's probability is owed to the danger told after the route, as to one the
        # policy's words found: "my husband went back in and now he is vomiting" after the gas
        # route is carbon monoxide, not abuse (round 15 r15c-16 got the abuse helpline).
        matches = replace(matches, urgency=tuple(dict.fromkeys((*matches.urgency, *told_after))))
    guess = matches.detected_urgency
    if not (routed or answered) or guess not in policy.urgency:
        return result
    new_words = own_words_found(policy.urgency[str(guess)], matches)
    owed_to = [
        c
        for c in policy.urgency
        if c in routed
        and (its_words := own_words_found(policy.urgency[c], matches))
        and new_words <= its_words
    ]
    if guess not in routed and owed_to:
        # A guess at a new danger in words that tell of one routed before is owed to that one:
        # "he could freeze to death by then" after the heating route is no self-harm (round 15
        # r15a-06 got the general safety question after the complaint was logged), and "oh god
        # hes outside now banging on the door" after the abuse route is that abuse, whose route
        # says to call 999 and press 55 if you cannot speak (round 16 r16a-11 got 999 or 101).
        guess = owed_to[0]
        matches = replace(matches, detected_urgency=guess)
    if guess in routed:
        level = detector_level(matches, policy) if matches.danger_still else NOT_AT_ALL
    elif _asks_about_route_steps(text, routed, policy) or made_safe_told(text, routed, policy):
        # A step told as taken is a reply to its route too: "ive called 999, the ambulance is on
        # its way" after the poisoning route got the fire route on a guess (round 25, r25a-07 t6).
        level = detector_level(matches, policy, ROUTE_STEP_QUESTION_DOUBTS)
    elif words_of_its_own(policy.urgency[str(guess)], without_who(matches)):
        # A person named in an answer is who, not what: "call me, her daughter ... not my mother
        # she dont understand english good" at the contact question got the safety question on
        # a guess at damp and mould (round 23 r23b-08 t8).
        level = detector_level(matches, policy)
    else:
        level = detector_level(matches, policy, int(answered) + int(bool(routed)))
    # Told beside its route's danger in this message, as the cold harming an 84-year-old beside
    # the heating gone off (round 18 r18a-04 got only the repairs line at the complaint offer).
    beside = told_after_a_route(matches, matches.urgency, policy)
    urgency = tuple(
        c for c in result.urgency if c in matches.urgency or c in told_after or c in beside
    )
    if level == SURE and guess not in urgency and not matches.past_danger:
        urgency = tuple(c for c in policy.urgency if c in {*urgency, str(guess)})
    # "Nobody is at risk of self harm" after that route corrects it: no question either.
    negated = denied_not_beside_a_chirp(matches) and not set(matches.negated_urgency) <= routed
    asked = not urgency and (
        negated or bool(matches.asked_urgency) or level >= (SURE if matches.past_danger else UNSURE)
    )
    return replace(
        result, urgency=policy.without_covered(urgency), ask_about_danger=asked,
        danger_in_doubt=danger_in_doubt(matches) if asked else None,
    )  # fmt: skip


# A question about a route's own steps is a reply to that route: the detector's guess at a new
# danger in it counts this many steps less (no route, no question).
ROUTE_STEP_QUESTION_DOUBTS = 2


def _asks_about_route_steps(text: str, routed: set[str], policy: Policy) -> bool:
    """Whether the message asks about the steps of a route given before: "hang on do I actually
    need to go out? its freezing and my son's got a cold" after the gas route for a carbon
    monoxide alarm got the route for no heating, and no answer (round 24 r24a-06 t2). Danger told
    in the policy's own words is still routed."""
    return bool(follow_ups_asked(text, routed, policy))


def _without_routes_said(result: TriageResult, tracker: Tracker, policy: Policy) -> TriageResult:
    """The result less the routes a route standing from earlier in the conversation says all of
    (`covers`), and less a route said once that stands (`said_once`): a flood told after the
    route for a ceiling holding water, or possible asbestos told again, is not said again in
    full; what else the message says or asks is answered (round 23, left from r23a-03 and
    r23a-07)."""
    if not result.urgency:
        return result
    urgency = policy.without_covered(result.urgency, routes_not_taken_back(tracker))
    if urgency == result.urgency:
        return result
    return replace(result, urgency=urgency, ask_about_danger=False)


def _without_routes_answered_instead(
    result: TriageResult, text: str, tracker: Tracker, policy: Policy
) -> TriageResult:
    """The result less a standing route whose follow-up the message asks and whose answer is
    said instead of the route's own steps: "the wall beside the fuse box is wet as well. do i
    have to switch everything off?" after the electrical route got the route again ("switch off
    at the fuse box if it is safe") before "do not go near the fuse box" (round 26 r26a-06 t3)."""
    if not result.urgency:
        return result
    standing = routes_not_taken_back(tracker)
    instead = {
        category
        for category, follow_up in follow_ups_asked(text, standing, policy)
        if follow_up.instead_of
    }
    urgency = tuple(c for c in result.urgency if c not in instead)
    if urgency == result.urgency:
        return result
    return replace(result, urgency=urgency, ask_about_danger=False)


def _doubt_settled_before(tracker: Tracker, policy: Policy, result: TriageResult) -> bool:
    """Whether the detector's doubt in this message was settled earlier in the conversation: an
    earlier message said there is no danger and told none, or the same safety question was asked
    before (a yes to it was routed). Not when this message asks about a danger, or says one is
    not there without saying nobody is in danger: those raise the question in words of their own.
    """
    told = [entities for resident, _, entities in turns_in_events(tracker.events) if resident]
    now = RuleMatches.from_entities(tracker.latest_message.get("entities") or [])
    if now.asked_urgency or (now.negated_urgency and not now.danger_taken_back):
        return False
    question = policy.safety.question_for(result.danger_in_doubt)
    asked = any(
        not resident and text == question
        for resident, text, _ in turns_in_events(before_latest_message(tracker))
    )
    return asked or any(
        before.danger_taken_back and not before.urgency
        for before in map(RuleMatches.from_entities, told[:-1])
    )


def _cue_groups_told_before(tracker: Tracker) -> set[str]:
    """The cue groups of the resident's messages before this one."""
    told = [entities for resident, _, entities in turns_in_events(tracker.events) if resident]
    return {
        group for entities in told[:-1] for group in RuleMatches.from_entities(entities).cue_groups
    }


# The read-back's corrections that are details, where the detector's guess is noise: "call me"
# and "after 6pm" read as abuse or self-harm to it.
CONTACT_CORRECTIONS = ("contact_preference", "contact_details")


def _answers_the_question_waiting(question: OpenQuestion | None, text: str) -> bool:
    """Whether the message reads as the answer to the question waiting, a reason to doubt the
    detector's guess in it: what a form's question asks for (bot.fits), at a detail question a
    name or number, and at an offer any message ("yes ring me 07700 900777 im Leanne"). The
    read-back is confirmed in a few words, so what else a message there tells is news ("yes
    thats right. she can hear him trying the key in the door now", round 12 r12c-13), unless it
    reads as a change to how we contact them ("also only call me after 6pm")."""
    if question is None:
        return False
    if question.name == READ_BACK:
        return any(reads_as_a_detail(slot, text) for slot in CONTACT_CORRECTIONS)
    if not question.form:
        return True
    if question.name == "acting_for":
        # "me its my flat. Dean Okafor, 7 Birch House" got the safety question, then the
        # question again (round 19 r19b-03 t6).
        return answers_acting_for(text)
    return reads_as_a_detail(question.name, text) and fits_strictly(question.name, text)


def report_told_beside(text: str) -> str | None:
    """The sentence that tells of a report already made ("reported it to her in june, july and
    october, by phone."), without the sentences beside it."""
    return next(
        (s.strip() for s in re.split(r"(?<=[.!?\n])\s+", text) if earlier_report_told(s)), None
    )


def keeps_its_answer(
    question: OpenQuestion | None,
    text: str,
    needs: tuple[str, ...] = (),
    to_a_person: bool = False,
) -> bool:
    """A danger told beside a detail the contact questions read out of the words, never the
    words themselves: a number, an email or a way to contact ("phone call, in portuguese if you
    can"). The form reads the answer after the route. What would put it right, said as one, is
    kept too. At the question about what would help, a need the words name is that answer
    ("I'm hard of hearing so please never phone me" beside the heating route was asked the
    question again, round 16 r16a-03 t12)."""
    if question is None or not question.form:
        return False
    if question.name == "adjustments_needed":
        return any(need != WAY_TO_CONTACT_NEED for need in needs)
    if question.name == "outcome_sought":
        # "get it fixed so it stays fixed, and an explanation why it keeps breaking" beside the
        # lift route was asked the question again (round 16 r16a-04 t6). Not beside a danger to
        # a person: "just sort it. whats the point of me even being here" is no outcome.
        return not to_a_person and fits_strictly(question.name, text)
    if question.name == "acting_for":
        # "helping my nan, she's called Edna Price" beside the damp route her age made complete
        # was asked the question again.
        return answers_acting_for(text)
    if question.name == "contact_details":
        return contact_details_in(text) is not None
    if question.name == "contact_preference":
        return contact_preference(text) is not None
    return False


# An answer to "Is this still happening now?" said first: "yes still dripping", "ya still there",
# "I said yes its still happening", "no, it stopped", "still broken".
ANSWER_OPENING = re.compile(
    r"^(?:(?:i said|like i said|as i said|i just said)\s+)?(?:"
    r"(?:yes|yeah|yea|ya|yh|yeh|yep|yup|ye|aye|obviously|obvs)\b"
    r"|(?:no|nope|nah)(?:$|\s+(?:it|its|it's|it is|not|longer|more|stopped|thats|that's)\b)"
    r"|(?:it'?s\s+|its\s+|it is\s+)?(?:still|ongoing|stopped|over)\b)"
)
# The danger over, the problem not: "fire is stop, but cooker still there", "power off to that
# circuit now so not live, but socket still melted", "the CO stopped but no heating still".
OVER_BUT_STILL = re.compile(
    r"\b(?:stopped|stop|off|out|capped|over|gone|safe|live)\b[^.!?]*\bbut\b[^.!?]*"
    r"\b(?:still|not fixed|never fixed)\b"
)


def outcome_told_beside(text: str, danger_at: Iterable[tuple[int, int]]) -> str | None:
    """The sentences that say what would put it right, without the ones that tell of a danger:
    "i just meant im tired of it all. sometimes i think it would be easier if i just wasnt here.
    anyway. fix it properly i want, not paint over it" keeps the last sentence only (round 20
    r20a-05 was asked the outcome question four times)."""
    kept = [
        sentence
        for sentence in sentences_clear_of(text, danger_at)
        if fits_strictly("outcome_sought", sentence)
    ]
    return outcome_as_told(" ".join(kept)) if kept else None


def answer_beside_a_route(
    question: OpenQuestion | None, text: str, danger_at: Iterable[tuple[int, int]] = ()
) -> str | bool | None:
    """The answer to the form's question a message gives beside a danger, kept as the form
    would keep it: whether it goes on ("no heating still", "the CO stopped but no heating still":
    a "still" wins), the sentence telling of an earlier report, or the sentences saying what
    would put it right. None when it gives none."""
    if question is None or not question.form:
        return None
    if question.name == "outcome_sought":
        return outcome_told_beside(text, danger_at)
    if question.name == "still_happening":
        said = words(text)
        # Only an answer said as one: a "still" in the danger itself ("the co alarm keeps
        # beeping") or a "no" that starts it ("no heating for three days") is no answer.
        if not (ANSWER_OPENING.match(said) or OVER_BUT_STILL.search(said)):
            return None
        goes_on = goes_on_told(text)
        return goes_on if goes_on is not None else yes_or_no(text, ongoing_question=True)
    if question.name == "earlier_request":
        return report_told_beside(text)
    if question.name == "contact_name":
        return name_told_beside(text, danger_at)
    if question.name == "resident_address":
        # "14b Mill Lane. im going out the flat now ringing 999": the address in its own
        # sentence is kept (round 25 r25a-04 t18, r25a-08 t18 were asked it again).
        return address_told_beside(text, danger_at)
    return None


def name_told_beside(text: str, danger_at: Iterable[tuple[int, int]] = ()) -> str | None:
    """The name said first, in a short sentence of its own, before what set off a route:
    "Leanne. please dont send letters, he still has a key to the post box", "Tom Reid, flat 9.
    Oh and tonight there was a burning smell" (round 22 r22a-05 t5, r22a-08 t5 were asked for
    the name again). Never a name read out of the danger's own sentence."""
    told = sentences(text)
    if not told:
        return None
    first = told[0]
    end = text.find(first) + len(first)
    if any(s < end for s, _ in danger_at) or len(first.split()) > NAME_SENTENCE_WORDS:
        return None
    name = name_in(first)
    if not name:
        return None
    if not name[0].isupper():
        # "kai b. my arm is all tingly ...", "its kai b. got a shock off the switch": a name typed
        # in lower case with its initial, in a sentence of its own (round 23, r23a-05 t5-t6 was
        # asked the name again). Not "its bad." or "help.": no initial.
        return name if LOWER_CASE_NAME.match(name) else None
    # "Leanne." alone, or a name written as one ("Tom Reid, flat 9."): not "Please hurry."
    alone = first.strip(" .,!") == name and len(name.split()) == 1
    return name if alone or name in written_names(first) else None


# A first name and an initial, typed in lower case: "kai b", "sam o".
LOWER_CASE_NAME = re.compile(r"^[a-z][a-z'-]+ [a-z]$")


# "Tom Reid, flat 9, Hollin Court.": longer than this is more than a name with its home.
NAME_SENTENCE_WORDS = 7


def answers_the_question(question: OpenQuestion | None, text: str) -> bool:
    """Whether the message reads as the answer to the question waiting: what a form's question
    asks for (bot.fits); at the read-back and at an offer, whose answers and corrections come in
    many words ("also only call me after 6pm", "yes ring me 07700 ..."), any message."""
    if question is None:
        return False
    return fits_strictly(question.name, text) if question.form else True


def routes_in(tracker: Tracker) -> list[str]:
    """The categories whose route this conversation was given before the latest message."""
    return routes_in_events(before_latest_message(tracker), get_app().policy)


def routes_not_taken_back(tracker: Tracker) -> list[str]:
    """The routes given that the resident has not since taken back (`routes_standing`): a
    handover repeats their help, and not Samaritans to someone who said "im not going to harm
    myself, im annoyed about my roof" (round 10 r10a-11)."""
    return routes_standing(_turns_to_now(tracker, before_latest_message(tracker)), get_app().policy)


def _turns_to_now(
    tracker: Tracker, events: list[dict[str, Any]]
) -> list[tuple[bool, str, list[dict[str, Any]]]]:
    """What was said in `events`, then the resident's latest message as parsed."""
    latest = tracker.latest_message
    return [
        *turns_in_events(events),
        (True, str(latest.get("text") or ""), list(latest.get("entities") or [])),
    ]


def _false_alarm_now(tracker: Tracker, policy: Policy, text: str) -> list[str]:
    """The routes standing before this message that it takes back as a false alarm in their own
    words (`false_alarm_told`)."""
    before = routes_standing(turns_in_events(before_latest_message(tracker)), policy)
    now = set(routes_not_taken_back(tracker))
    return false_alarm_told(text, [c for c in before if c not in now], policy)


def _false_alarm_before(tracker: Tracker, policy: Policy) -> list[str]:
    """The routes given in this conversation that an earlier message took back as a false
    alarm, and that stay taken back."""
    standing = set(routes_not_taken_back(tracker))
    given = [c for c in routes_in(tracker) if c not in standing]
    turns = turns_in_events(before_latest_message(tracker))
    said = [text for resident, text, _ in turns if resident]
    return [c for c in given if any(false_alarm_told(text, [c], policy) for text in said)]


def _follow_up(tracker: Tracker) -> list[str] | None:
    """The routes a question asked after them follows up ("so is someone coming or not?"), or
    None: not after a route, inside a form, or a question a common answer fits. A complaint
    logged since the route is what a question then asks about ("so the 14th is just to say you
    got it?" got the damp route's urgent line, round 10 r10a-01)."""
    text = str(tracker.latest_message.get("text") or "")
    policy = get_app().policy
    matches = RuleMatches.from_entities(tracker.latest_message.get("entities") or [])
    # "Nobody is at risk of self harm. Can you change..." corrects the route (round 8), and "its
    # only the battery, do u change it?" takes the gas route back (round 10 r10b-03).
    routed = routes_standing(
        _turns_to_now(tracker, since_last_complaint(before_latest_message(tracker))), policy
    )
    # A route given before the complaint was logged is still followed up by a question in its
    # danger's own words ("will someone bring heaters tonight, the emergency line isnt answering",
    # round 14 r14a-03 got office hours for a baby with no heating).
    # Told in its own words, the danger is asked about however unhappy the message is ("30th
    # dec is a joke he could be dead of cold by then", round 15 r15a-06 was offered a complaint).
    own_words = [
        category
        for category in routes_not_taken_back(tracker)
        if words_of_its_own(policy.urgency[category], matches)
    ]
    waiting, buttons = waiting_on_an_answer(tracker), buttons_before(tracker)
    asks_now = asks_what_to_do(text, policy)
    follows = follows_up_a_route(
        text, routed, waiting, buttons, bool(matches.dissatisfaction_cues), asks_now
    ) or follows_up_a_route(text, own_words, waiting, buttons, asks_now=asks_now)
    answered = answer_for(text, get_app().answers)
    if not follows or (answered and answered.id not in ABOUT_THE_ROUTE and not asks_now):
        # A common answer fits a question about our service; what to do about the danger now is
        # the route's own steps ("what should he do right now?" got the emergency repairs answer).
        return None
    return list(dict.fromkeys((*routed, *own_words)))


# Common answers a route's own help answers better after it: "is anyone actually coming out?"
# after the gas route is about the gas (the National Gas Emergency Service comes), not a repair
# appointment the chat cannot see. "should i call 999?" after the route for a confused mother
# with no heating is about her, and gets the help open now (round 8), not the A&E answer.
ABOUT_THE_ROUTE = {"repair_status", "ae_or_111"}


def _calling(tracker: Tracker) -> list[str]:
    """The routes standing when the message says the resident is calling for help now."""
    text = str(tracker.latest_message.get("text") or "")
    return calls_the_line(text, routes_not_taken_back(tracker), get_app().policy)


def _said_again(tracker: Tracker, result: TriageResult) -> tuple[list[str], tuple[str, ...]]:
    """The routes standing before this message whose help is said again: a danger put off
    ("I'll mention it on Monday" after the gas line, round 15 r15d-03) and a line that did not
    answer ("it rang out twice", r15c-08). Said after any new route, and flagged with it."""
    policy = get_app().policy
    text = str(tracker.latest_message.get("text") or "")
    standing = routes_standing(turns_in_events(before_latest_message(tracker)), policy)
    # A question about the route's steps is answered, not taken as the danger put off: "do i
    # honestly need to go out tho its probably just the battery" beside a CO alarm got the line
    # about leaving a gas smell till later, and no answer (round 25 r25a-06 t2).
    put_off = [
        c
        for c in routes_put_off(text, standing, policy)
        if c not in result.urgency and not follow_ups_asked(text, [c], policy)
    ]
    unanswered = line_not_answered(text, standing, policy)
    lines = [line for line in map(policy.put_off_line, put_off) if line]
    if unanswered:
        lines.append(policy.line_unanswered_line())
    return lines, tuple(dict.fromkeys((*put_off, *unanswered)))


def _cannot_phone_after_a_route(tracker: Tracker, policy: Policy) -> list[str]:
    """The routes standing when the message says the resident cannot make a voice call ("I
    CANNOT PHONE. I am Deaf. How do I contact the emergency line?", round 12 r12a-11): their
    help again, with the ways that are not a call. An answer to a form's question or a change
    at the read-back that says so is no follow-up: "He's hard of hearing so please never phone
    him, contact me by email" at the adjustments question is what would help, and the route's
    help again dropped the form (round 16 r16a-03 t12, t15); a question still gets the help."""
    text = str(tracker.latest_message.get("text") or "")
    if not cannot_phone([text], policy):
        return []
    if waiting_on_an_answer(tracker) and not is_question(text):
        return []
    return routes_not_taken_back(tracker)


def _told_again_to_a_person(tracker: Tracker, policy: Policy) -> list[str]:
    """The danger already routed that the detector is sure of again while the conversation waits
    for a person ("I have the pills in front of me", "he is shouting at the door"): the
    assistant is otherwise quiet then, and out of hours nobody may read it until the office
    opens (round 8), so the help open now is said again."""
    matches = RuleMatches.from_entities(tracker.latest_message.get("entities") or [])
    guess = matches.detected_urgency
    if not tracker.get_slot(WITH_PERSON_SLOT) or matches.past_danger:
        return []
    if guess in matches.negated_urgency:
        # "sorry im not going to do anything silly ... carry on here" (round 12 r12c-18).
        return []
    if guess in routes_in(tracker) and detector_level(matches, policy) == SURE:
        return [str(guess)]
    return []


def _at_risk_while_waiting(tracker: Tracker, policy: Policy) -> list[str]:
    """The dangers to a person routed before and standing, while a person is awaited (see
    `dangers_to_a_person_standing`)."""
    if not tracker.get_slot(WITH_PERSON_SLOT):
        return []
    return dangers_to_a_person_standing(
        _turns_to_now(tracker, before_latest_message(tracker)), policy
    )


def _details_while_waiting(dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
    """A phone number or email typed while a person is awaited, often because the assistant
    asked for one, is said to be seen: silence left the resident typing it again (round 10
    r10c-01). Only while a handover is open and waiting: a stale slot after "carry on here"
    would promise a person nobody asked to come."""
    if (
        tracker.get_slot(WITH_PERSON_SLOT)
        and contact_details_in(str(tracker.latest_message.get("text") or ""))
        and person_awaited(tracker)
    ):
        in_their_language = details_seen_in_their_language(tracker, get_app().policy)
        if in_their_language:
            dispatcher.utter_message(text=in_their_language)
        dispatcher.utter_message(text=DETAILS_SEEN_LINE)


def person_awaited(tracker: Tracker) -> bool:
    """Whether a handover is open and nobody has picked it up yet."""
    handoff = get_app().cases.open_handoff(tracker.sender_id)
    return handoff is not None and handoff.status == "waiting"


# A promise of contact by a day ("Our team will contact you by text message (...) by Wednesday 9
# December 2026 to arrange it.").
DAY_PROMISED = re.compile(
    r"\bwill contact you\b.*\bby (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) \d"
)


def _explain_the_emergency_clock(dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
    """The 24 hours an emergency must be made safe in (the deadline said before, when there is
    one), and the emergency repairs line if nobody comes; a day promised for contact before is
    said not to be that deadline."""
    policy = get_app().policy
    said = said_so_far(tracker)
    clocks = [line for line in clock_lines_said(said, policy) if "24 hours" in line]
    far_date = any(DAY_PROMISED.search(line) for line in said)
    for line in emergency_clock_lines(clocks, far_date, policy.landlord.emergency_repairs_phone):
        dispatcher.utter_message(text=line)


def _steps_answered(text: str, routed: list[str], policy: Policy) -> bool:
    """Whether a question about what to do is one a route's follow-up answers plainly: "Do I need
    to leave the flat? And can I boil the kettle" under a bulging ceiling got its answer and then
    every route of the conversation again, a knife threat and a fire door among them (round 24
    r24a-08 t10). The answer, not every route, then."""
    return bool(follow_ups_asked(text, routed, policy))


def _after_route(
    dispatcher: CollectingDispatcher, tracker: Tracker, routed: list[str], answered: bool = False
) -> list[EventType]:
    """What happens now and the help open day and night, never "I can't answer that": the
    resident asking after a route is waiting on us. Asked for someone to talk to after a danger
    to a person (abuse, self-harm), the conversation is handed to a person, whose handover
    repeats the same help; while one is awaited the help is said again."""
    policy = get_app().policy
    text = str(tracker.latest_message.get("text") or "")
    to_people = any(policy.urgency[category].to_a_person for category in routed)
    if to_people and asks_for_person(text) and not tracker.get_slot(WITH_PERSON_SLOT):
        return [FollowupAction(HANDOFF_ACTION)]
    in_use = (
        [policy.in_use_line(category) for category in routed] if asks_to_use(text, policy) else []
    )
    steps_wanted = asks_what_to_do(text, policy) and not _steps_answered(text, routed, policy)
    if steps_wanted:
        # "What should she do right now?": the route's own steps, for the resident or for a
        # relative to pass on (round 16 r16a-12 got only "flagged as urgent").
        lines = [policy.urgent_route(category, None, False) for category in routed]
    else:
        lines = [policy.after_route(category) for category in routed]
    said = said_so_far(tracker)
    about_record = asks_if_recorded(text)
    # A question about the route's steps, answered above, or about the record: the answer, and
    # only what is still needed. The route's promise ("flagged as urgent", the 24 hours, "no
    # contact details") said in an earlier turn is not said again on every turn (round 23,
    # r22a-01 t3-t4, r22a-03 t3-t7).
    answered = answered or bool(in_use) or about_record is not None
    promised = set(said) if answered else set()
    if steps_wanted:
        # The route's steps answer "what should she do?" / "is it safe ...?", however often;
        # a step question answered above is not followed by the promise again.
        promised -= set(lines)
    # The help for a danger to a person is said on every message while it stands: "is my
    # complaint registered?" after the Samaritans line and a handover (round 11 r11c-07).
    promised -= {policy.after_route(c) for c in routed if policy.urgency[c].to_a_person}
    if waiting_on_an_answer(tracker):
        # Asked at a form's question ("no i didnt report it. so i shouldnt use it then?", round
        # 19 r19a-01): the plain answer and the route's steps, then the form goes on, keeping
        # the answer told beside them.
        for line in dict.fromkeys(line for line in (*in_use, *lines) if line):
            if line not in promised:
                dispatcher.utter_message(text=line)
        return ActionSafetyCheck._carry_on(dispatcher, tracker, routed=True, asked=False)
    # "is someone actually coming to look at the mould?": the dates the law sets, said again.
    said_before = clock_lines_said(said, policy)
    common = answer_for(text, get_app().answers)
    for line in dict.fromkeys(line for line in (*in_use, *lines, *said_before) if line):
        if line not in promised:
            dispatcher.utter_message(text=line)
    if common and common.id in ABOUT_THE_ROUTE:
        # "is the engineer booked in yet??" after the lift route: the route's help, and what
        # the chat can and cannot see of appointments (round 18 r18a-03 t2).
        dispatcher.utter_message(text=common.text)
    if about_record is not None:
        # "ok i call that number. you have my phone yes?" (round 13 r13c-07): said plainly.
        dispatcher.utter_message(text=recorded_reply(about_record, recorded_so_far(tracker), text))
    question = open_question(tracker)
    if (
        question is not None
        and question.name == REQUEST_CONTACT_OFFER
        and contact_details_in(text)
        and not tracker.get_slot(WITH_PERSON_SLOT)
    ):
        # "07700 900118 please call with Polish interpreter. Also now the fridge is off, the
        # food will go bad?": the question is answered, and the number and the way are the yes
        # to our team contacting them; only what is missing is asked (round 25 r25a-02 t4-t7
        # was asked whether to contact her, then the number and the way again).
        # "please call with Polish interpreter": what would help the call is kept with them,
        # and recorded with the request (round 25 r25a-02 t9 was never noted).
        entities = tracker.latest_message.get("entities") or []
        needs = needs_in(tracker, text, entities)
        return [
            *contact_given(text),
            *(SlotSet(slot, value) for slot, value in needs.items()),
            SlotSet(REQUEST_CONTACT_OFFER, False),
            FollowupAction(FORM),
        ]
    _ways_without_a_call(dispatcher, tracker)
    contact = policy.contact_line(details_held(tracker))
    if answered and question is not None and question.name == REQUEST_CONTACT_OFFER:
        # Whether our team should contact them is still to answer: asked again, not "we do not
        # have a phone number" each turn.
        dispatcher.utter_message(response="utter_offer_request_contact")
    elif contact not in promised:
        dispatcher.utter_message(text=contact)
    return then_as_while_waiting(tracker) if tracker.get_slot(WITH_PERSON_SLOT) else []


def _answer_safe_contact(
    dispatcher: CollectingDispatcher, tracker: Tracker, asked: tuple[str, ...]
) -> list[EventType]:
    """Whether we, or anyone we send, will phone or write, and whether a call to us shows on the
    phone, asked after a danger to a person: said plainly, with what the conversation holds, and
    noted for the team (round 20 r20a-04 t4-t5)."""
    policy = get_app().policy
    if "contact" in asked:
        held = details_held(tracker)
        safety = policy.safety
        dispatcher.utter_message(
            text=safety.contact_held_safe if held else safety.contact_not_held_safe
        )
        result = replace(
            triage(tracker.latest_message, policy),
            urgency=tuple(routes_not_taken_back(tracker)),
            reasons=(Reason(NO_CALLS, NO_CALLS_REASON),),
        )
        get_app().cases.record_contact(contact_record(tracker, result))
    if "call_seen" in asked:
        dispatcher.utter_message(text=policy.safety.call_seen)
    if waiting_on_an_answer(tracker):
        return ActionSafetyCheck._carry_on(dispatcher, tracker, routed=True, asked=False)
    return then_as_while_waiting(tracker) if tracker.get_slot(WITH_PERSON_SLOT) else []


def _ways_without_a_call(dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
    """Beside a route, for a resident who has said in this conversation that they cannot make
    a voice call: text relay, 999 BSL and emergencySMS (round 12 r12a-11, Deaf, was told three
    times to ring the emergency line; r12c-01 had no phone credit)."""
    said = (str(e.get("text") or "") for e in tracker.events if e.get("event") == "user")
    if cannot_phone(said, get_app().policy):
        dispatcher.utter_message(text=get_app().policy.cannot_phone_line())


def then_as_while_waiting(tracker: Tracker) -> list[EventType]:
    """While a person is awaited, what else the message says or asks is answered as any other
    then ("is my complaint registered?" after the Samaritans line, round 11 r11c-07); details
    typed were acknowledged already. With no handover open (a stale slot), the message goes
    on to be read as any other (round 13 r13c-02)."""
    text = str(tracker.latest_message.get("text") or "")
    # Details typed with a question ("my email is ... will they reply on here?") still get the
    # question answered (round 18 r18a-11 t4, r18a-13 t4 got only "will see the details").
    acknowledged = contact_details_in(text) and person_awaited(tracker) and not is_question(text)
    return [] if acknowledged else [FollowupAction(PERSON_AWAITED_ACTION)]


def _unread_while_waiting(dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
    """While a person is awaited, a message in another language with no danger found in it
    still gets 999 and the emergency repairs line, in that language: the assistant cannot read
    it, and nobody may until the office opens (round 9 r9b-08). Not again straight after
    itself, when the resident writes twice in a row."""
    message = tracker.latest_message
    if not tracker.get_slot(WITH_PERSON_SLOT):
        return
    if not cannot_read(message.get("entities") or [], message.get("text")):
        return
    language = RuleMatches.from_entities(message.get("entities") or []).language
    if (
        language in get_app().policy.languages
        and person_awaited(tracker)
        and then_as_while_waiting(tracker)
        and answered_in_their_language(tracker)
    ):
        # The handover's text in their language follows, with 999 and the emergency repairs
        # line: said in English only here (round 17 r17a-15 t3, t5 were given them in Romanian
        # twice before it).
        language = None
    line = unread_danger_line(language, get_app().policy)
    said = [e for e in before_latest_message(tracker) if e.get("event") == "bot"]
    if not said or said[-1].get("text") != line:
        dispatcher.utter_message(text=line)


def since_last_complaint(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The events after the last complaint this conversation logged, or all of them."""
    logged = [
        index
        for index, event in enumerate(events)
        if event.get("event") == "slot"
        and event.get("name") == "complaint_reference"
        and event.get("value")
    ]
    return events[logged[-1] + 1 :] if logged else events


def _asked_about_danger(tracker: Tracker, policy: Policy) -> bool:
    """Whether the safety question was the last thing said: a yes answers the last question."""
    question = last_question(tracker)
    return question is not None and question["text"] in policy.safety.questions
