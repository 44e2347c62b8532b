"""The safety check, run before anything else on any message that may hold danger (see
bot.safety_first): the route first, the contact flagged for urgent staff follow-up with any
Awaab's Law clocks started, then the conversation carries on where it was."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionReverted, EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.app import get_app
from actions.triage import contact_record
from actions.turns import before_latest_message, last_question, received_at
from bot.hazards import clock_lines
from bot.nlp.matches import RuleMatches
from bot.policy import Policy
from bot.replies import urgent_lines
from bot.triage import TriageResult, triage
from bot.triage.safety import REPORTED_DANGER, SAFETY_ACTION, WITH_PERSON_SLOT, answers_yes

# Form questions whose answer is the resident's account of the problem: a danger told there is
# also the answer, so the form takes it after the route is given.
ACCOUNT_SLOTS = {"complaint_aspects"}


class ActionSafetyCheck(Action):
    def name(self) -> str:
        return SAFETY_ACTION

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        app = get_app()
        policy = app.policy
        message = tracker.latest_message
        result = _named_in_forms(
            _without_repeats(triage(message, policy), tracker, policy), tracker
        )
        said_yes = answers_yes(
            (message.get("intent") or {}).get("name"), message.get("text"), policy
        )
        confirmed = not result.urgency and said_yes and _asked_about_danger(tracker, policy)
        if confirmed:
            result = replace(result, urgency=(REPORTED_DANGER,), ask_about_danger=False)
        for line in urgent_lines(result, policy):
            dispatcher.utter_message(text=line)
        if confirmed:
            dispatcher.utter_message(text=policy.safety.confirmed)
        if result.urgency:
            contact_id = app.cases.record_contact(contact_record(tracker, result))
            clocks = app.cases.start_hazard_clocks(contact_id, result.urgency, received_at(tracker))
            for line in clock_lines(clocks, policy, "resident"):
                dispatcher.utter_message(text=line)
        elif result.ask_about_danger:
            dispatcher.utter_message(text=policy.safety.question)
        return self._carry_on(dispatcher, tracker, routed=bool(result.urgency))

    @staticmethod
    def _carry_on(
        dispatcher: CollectingDispatcher, tracker: Tracker, routed: bool
    ) -> list[EventType]:
        """Hand the turn back, or keep it: while a person has the conversation the assistant
        says nothing more; inside a form, after a route, the question is asked again, so the
        message is not stored as an answer to it."""
        if tracker.get_slot(WITH_PERSON_SLOT):
            return []
        requested = tracker.get_slot("requested_slot")
        kept = routed and requested not in ACCOUNT_SLOTS
        if tracker.active_loop_name and requested and kept:
            question = last_question(tracker)
            if question:
                dispatcher.utter_message(
                    text=question.get("text"), buttons=question.get("buttons") or []
                )
            return [SlotSet(requested, None)]
        # The rules and forms then see the message as if nothing had come before them.
        return [ActionReverted()]


def _named(tracker: Tracker) -> set[str]:
    """Dangers the latest message tells in words the policy names (not the detector's guess)."""
    return set(RuleMatches.from_entities(tracker.latest_message.get("entities") or []).urgency)


def _named_in_forms(result: TriageResult, tracker: Tracker) -> TriageResult:
    """An answer to a form question is an answer: a danger only the detector sees in it ("I'm
    Sam, her son") gets the safety question, and the form takes the answer as usual."""
    if not tracker.get_slot("requested_slot") or not tracker.active_loop_name:
        return result
    named = tuple(category for category in result.urgency if category in _named(tracker))
    asked = result.ask_about_danger or len(named) < len(result.urgency)
    return replace(result, urgency=named, ask_about_danger=asked and not named)


def _without_repeats(result: TriageResult, tracker: Tracker, policy: Policy) -> TriageResult:
    """Once this conversation has been given a route, a danger only the detector finds counts one
    step less: follow-up messages ("I'm outside now", "no I'll ring the emergency line now,
    thanks") are replies, not new danger. A guess at the danger already routed is dropped; a sure
    guess at another gets the safety question instead of a second route, and an unsure guess no
    question. Danger told in words the policy names is always routed."""
    given = " ".join(
        str(event.get("text"))
        for event in before_latest_message(tracker)
        if event.get("event") == "bot"
    )
    if not any(policy.urgent_route(category) in given for category in policy.urgency):
        return result
    named = _named(tracker)
    urgency = tuple(category for category in result.urgency if category in named)
    new_guess = any(
        category not in named and policy.urgent_route(category) not in given
        for category in result.urgency
    )
    return replace(result, urgency=urgency, ask_about_danger=new_guess and not urgency)


def _asked_about_danger(tracker: Tracker, policy: Policy) -> bool:
    """Whether the safety question was the last thing said: a yes answers the last question."""
    question = last_question(tracker)
    return question is not None and question["text"] == policy.safety.question
