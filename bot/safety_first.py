"""Safety first on every message: a Rasa dialogue policy that runs the safety check before
anything else, in every state (first message, inside any form, during status and Stage 2
questions, and after a handoff, when the assistant otherwise stays quiet).

Rasa's rules and forms would not run the check inside a form or after a pause, and an action
slipped in front of them changes the history their rules match. So the check is a policy with
the highest priority. The check's action either hands the turn back (it reverts itself, so the
rules see the message as if nothing had come between) or keeps it (inside a form it asks the
form's question again, so the danger message is not stored as an answer); the policy reads which
from the tracker's raw events, which keep a reverted action.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from rasa.core.policies.policy import Policy as RasaPolicy
from rasa.core.policies.policy import PolicyPrediction
from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, ActionReverted, BotUttered, UserUttered
from rasa.shared.core.generator import TrackerWithCachedStates
from rasa.shared.core.trackers import DialogueStateTracker

from bot.answers import (
    UNDERSTOOD_KEY,
    Button,
    says_goodbye,
    wants_to_leave,
)
from bot.bootstrap import policy_at
from bot.definition import contact_details_in
from bot.nlp.matches import RuleMatches
from bot.policy import Policy
from bot.text import words
from bot.triage.decide import (
    SURE,
    completed_by_words_told_before,
    detector_level,
    told_after_a_route,
    words_of_its_own,
)
from bot.triage.safety import (
    PERSON_AWAITED_ACTION,
    SAFETY_ACTION,
    WITH_PERSON_SLOT,
    answers_yes,
    asks_about_safe_contact,
    asks_what_to_do,
    asks_why_asked,
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
    needs_safety_check,
    not_to_be_phoned,
    protests_a_timescale,
    reads_as_a_detail,
    routes_given,
    routes_put_off,
    routes_standing,
    unheard_at_risk,
    waiting_on_an_answer,
)

# Messages that start over are Rasa's own, never held back.
START_OVER_INTENTS = {"restart", "session_start"}


class UntrainedPolicy(RasaPolicy):
    """A dialogue policy that learns nothing, reads policy_rules when first needed and, on each
    turn, either names one action or leaves the turn to the other policies."""

    def __init__(
        self,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        featurizer: Any = None,
    ) -> None:
        super().__init__(config, model_storage, resource, execution_context, featurizer)
        self._policy: Policy | None = None

    def train(
        self,
        training_trackers: list[TrackerWithCachedStates],
        domain: Domain,
        **kwargs: Any,
    ) -> Resource:
        return self._resource

    def persist(self) -> None:
        """Nothing is learned; the thresholds are read from policy_rules."""

    @classmethod
    def load(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> UntrainedPolicy:
        return cls(config, model_storage, resource, execution_context)

    def _rules(self) -> Policy:
        if self._policy is None:
            self._policy = policy_at(self.config["policy_dir"])
        return self._policy

    def predict_action_probabilities(
        self,
        tracker: DialogueStateTracker,
        domain: Domain,
        rule_only_data: dict[str, Any] | None = None,
        **kwargs: Any,
    ) -> PolicyPrediction:
        next_action = self.next_action(tracker)
        probabilities = self._default_predictions(domain)
        if next_action is None:
            return self._prediction(probabilities)
        probabilities[domain.index_for_action(next_action)] = 1.0
        # A form's own prediction does not depend on the user's message and overrules any
        # prediction that does; this one must be seen beside it.
        return self._prediction(probabilities, is_no_user_prediction=True)

    def next_action(self, tracker: DialogueStateTracker) -> str | None:
        """The one action this policy wants next, or None to let the other policies decide."""
        raise NotImplementedError


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=False
)
class SafetyFirstPolicy(UntrainedPolicy):
    @staticmethod
    def get_default_config() -> dict[str, Any]:
        # Above conversation repair (7) and RulePolicy (6): at equal confidence it goes first.
        return {"priority": 8, "policy_dir": "policy_rules"}

    def next_action(self, tracker: DialogueStateTracker) -> str | None:
        """The safety check, listening quietly, or None to let the other policies decide."""
        turn = since_latest_message(tracker)
        if turn is None:
            return None
        message, since = turn
        if message.intent.get("name") in START_OVER_INTENTS:
            return None
        if message.parse_data.get(UNDERSTOOD_KEY):
            # An answer repair re-read in context; its words were checked as they came in.
            return None
        with_person = bool(tracker.get_slot(WITH_PERSON_SLOT))
        checks = [e for e in since if isinstance(e, ActionExecuted)]
        if not checks:
            # While a person is awaited the assistant is otherwise quiet, so a message it cannot
            # read gets the check too: it says how to get help now (round 9 r9b-08).
            unread = with_person and cannot_read(message.entities, message.text)
            if unread or self._is_dangerous(message, tracker):
                return SAFETY_ACTION
            if with_person and self._answered_while_waiting(message, tracker):
                return SAFETY_ACTION
            # Anything else while a person is awaited: answered until someone picks it up.
            return PERSON_AWAITED_ACTION if with_person else None
        if checks[0].action_name == PERSON_AWAITED_ACTION:
            # Quiet after it, and after the form or read-back it resumed has asked again.
            return ACTION_LISTEN_NAME
        if checks[0].action_name != SAFETY_ACTION:
            return None
        if with_person:
            # Quiet after the check, and after the handover it may have started: another
            # policy's guess then reverted the message, and the handover with it (round 10).
            return ACTION_LISTEN_NAME
        handed_back = any(isinstance(e, ActionReverted) for e in since)
        if handed_back:
            return None
        return ACTION_LISTEN_NAME if len(checks) == 1 else None

    def _answered_while_waiting(self, message: UserUttered, tracker: DialogueStateTracker) -> bool:
        """While a person is awaited: a resident at risk is answered every time, and a phone
        number or email typed is acknowledged (actions.safety)."""
        if contact_details_in(message.text or ""):
            return True
        return bool(dangers_to_a_person_standing(_turns(tracker), self._rules()))

    def _is_dangerous(self, message: UserUttered, tracker: DialogueStateTracker) -> bool:
        policy = self._rules()
        if needs_safety_check(message.entities, policy) and (
            RuleMatches.from_entities(message.entities).urgency
            or not _only_an_answer(message, tracker)
            or _told_beside_an_answer(message, policy)
        ):
            return True
        before_latest = list(_turns_before_latest(tracker))
        if left_at_risk(message.text, before_latest, policy) or unheard_at_risk(
            message.text, before_latest, policy
        ):
            return True
        if answers_yes(message.intent.get("name"), message.text, policy) and _asked_about_danger(
            tracker, policy.safety.questions
        ):
            return True
        said = [e for e in _before_latest(tracker) if isinstance(e, BotUttered)]
        if asks_why_asked(message.text, policy) and danger_raised(
            [e.text or "" for e in said], policy
        ):
            # "why are u asking if anyone is in danger??" is answered, then read as any other
            # message (round 23 r23b-04 t2, r23b-08 t9).
            return True
        routed = routes_given([e.text or "" for e in said], policy)
        buttons = [
            Button(str(b.get("title", "")), str(b.get("payload", "")))
            for b in ((said[-1].data or {}).get("buttons") or [] if said else [])
        ]
        matches = RuleMatches.from_entities(message.entities)
        if told_after_a_route(matches, routed, policy):
            return True
        told_before = {
            group
            for resident, _, entities in before_latest
            if resident
            for group in RuleMatches.from_entities(entities).cue_groups
        }
        if completed_by_words_told_before(matches, told_before, routed, policy):
            return True
        standing_before = routes_standing(before_latest, policy)
        if false_alarm_told(message.text, standing_before, policy):
            # "oh god sorry false alarm, it was the toaster ... all fine now" after the gas route
            # is stood down, never read as a new request with a complaint offer for the "sorry"
            # (round 26 r26a-07 t2); and "so can i still use the kettle then?" after it is
            # answered (t3).
            return True
        resident_said = [text for resident, text, _ in before_latest if resident]
        stood_down = [
            c
            for c in routed
            if c not in standing_before
            and any(false_alarm_told(text, [c], policy) for text in resident_said)
        ]
        if stood_down and follow_ups_asked(message.text, stood_down, policy):
            return True
        if routes_put_off(message.text, standing_before, policy) or line_not_answered(
            message.text, standing_before, policy
        ):
            return True
        if made_safe_told(message.text, standing_before, policy) or protests_a_timescale(
            message.text, standing_before, policy
        ):
            # "ok were outside now" at the contact offer was read as yes to it (round 23,
            # r22a-01 t3): the step taken is acknowledged, and the question asked again.
            # Told beside an answer, the step is acknowledged and the answer kept: "ok were
            # outside now. my number is 07700 900333" at the contact details question stored
            # the number and said nothing of the step (round 24's closing note).
            # "wednesday?? its a gas leak" got "I can't answer that one" (r22a-01 t8).
            return True
        unhappy = bool(matches.dissatisfaction_cues)
        standing = routes_standing(_turns(tracker), policy)
        own_words = [c for c in standing if words_of_its_own(policy.urgency[c], matches)]
        waiting = waiting_on_an_answer(tracker)
        asks_now = asks_what_to_do(message.text, policy)
        return (
            follows_up_a_route(message.text, standing, waiting, buttons, unhappy, asks_now)
            or follows_up_a_route(message.text, own_words, waiting, buttons, asks_now=asks_now)
            or bool(not_to_be_phoned(message.text, standing, policy))
            or bool(standing and cannot_phone([message.text or ""], policy))
            or bool(asks_about_safe_contact(message.text, standing, policy))
            # "nie moge zadzwonic, slabo mowie po angielsku" after a route: the emergency lines
            # can get a free interpreter (round 18 r18a-14, actions.safety_languages).
            or bool(standing and policy.asks_about_language_on_the_phone(message.text or ""))
        )


# Form questions whose answers are names, numbers and references: the learned detector's guess
# at danger in "07700 900999" or "Sam Jones" is noise. Danger words the policy names still count.
DETAIL_SLOTS = {
    "contact_name", "contact_details", "contact_preference", "representative_name",
    "escalation_reference", "escalation_identity", "status_reference", "status_check",
}  # fmt: skip
# Small talk the detector's guess alone does not turn into a safety question ("ok thx", "bye").
SMALL_TALK = {"greet", "thank", "goodbye", "affirm", "deny", "bot_challenge"}


def _only_an_answer(message: UserUttered, tracker: DialogueStateTracker) -> bool:
    """A name, number or reference typed for a form's question, small talk, or leaving ("forget
    it, I've changed my mind", "cancel it", "cba... bye"): the detector's guess there is the
    resident's frustration, not danger. Words at a detail question that read as no detail are
    no answer: "hes outside now with his key" at the name question (round 12 r12c-13)."""
    if _leaving_or_small_talk(message):
        return True
    text = message.text or ""
    slot = tracker.get_slot("requested_slot")
    return bool(tracker.active_loop_name) and slot in DETAIL_SLOTS and reads_as_a_detail(slot, text)


def _leaving_or_small_talk(message: UserUttered) -> bool:
    """Small talk or leaving ("forget it, I've changed my mind", "cba... bye")."""
    text = message.text or ""
    return message.intent.get("name") in SMALL_TALK or wants_to_leave(text) or says_goodbye(text)


def _told_beside_an_answer(message: UserUttered, policy: Policy) -> bool:
    """A danger the detector is sure of, in its own words, told beside an answer: said to be
    still there or worse ("07700 900 845. and im still smelling it now, its worse near the back
    of the cooker" at the phone number question got only the next question, round 19 r19a-01),
    or a danger to a person in a sentence of its own ("text. and to be honest im so tired of all
    this ... honestly i dont see the point anymore", r19a-07)."""
    matches = RuleMatches.from_entities(message.entities)
    if detector_level(matches, policy) != SURE or _leaving_or_small_talk(message):
        return False
    category = policy.urgency.get(matches.detected_urgency or "")
    to_a_person = category is not None and category.to_a_person
    return matches.danger_still or (to_a_person and len(words(message.text or "").split()) >= 8)


def since_latest_message(
    tracker: DialogueStateTracker,
) -> tuple[UserUttered, list[Any]] | None:
    """The latest resident message and every event after it, reverted ones included."""
    events = list(tracker.events)
    for position in range(len(events) - 1, -1, -1):
        if isinstance(events[position], UserUttered):
            return events[position], events[position + 1 :]
    return None


def _turns(tracker: DialogueStateTracker) -> Iterator[tuple[bool, str, list[dict[str, Any]]]]:
    """What was said, in order (`from_resident`, text, entities), for `routes_standing`."""
    for event in tracker.events:
        if isinstance(event, UserUttered):
            yield True, event.text or "", event.entities
        elif isinstance(event, BotUttered):
            yield False, event.text or "", []


def _turns_before_latest(
    tracker: DialogueStateTracker,
) -> Iterator[tuple[bool, str, list[dict[str, Any]]]]:
    """What was said before the latest resident message, in order, as `_turns`."""
    for event in _before_latest(tracker):
        if isinstance(event, UserUttered):
            yield True, event.text or "", event.entities
        elif isinstance(event, BotUttered):
            yield False, event.text or "", []


def _before_latest(tracker: DialogueStateTracker) -> list[Any]:
    """Every event before the latest resident message."""
    events = list(tracker.events)
    latest = max(i for i, e in enumerate(events) if isinstance(e, UserUttered))
    return events[:latest]


def _asked_about_danger(tracker: DialogueStateTracker, questions: tuple[str, ...]) -> bool:
    """Whether the safety question (in any of its wordings) was the last thing the assistant
    said: a yes answers the last question."""
    said = [e for e in _before_latest(tracker) if isinstance(e, BotUttered)]
    return bool(said) and said[-1].text in questions
