"""Conversation repair: a Rasa dialogue policy that reads a typed message against the question
the assistant is waiting on, before the rules and forms see it on its own.

Rasa 3.6's forms take an answer only through slot mappings on the message's intent, and its
rules re-triage anything else, so "yes it's still leaking", a button's words typed out, "cancel"
or "a phone call is best" went astray. When bot.answers finds that a message answers, leaves or
changes the open question, this policy runs `action_understand_answer` (actions.repair), which
either rewrites the message as the answer it is (the rules then see a plain yes, no or button)
or acts on it and names what runs next. The safety check (bot.safety_first) still goes first.
"""

from __future__ import annotations

from typing import Any

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.core.events import ActionExecuted, ActionReverted, BotUttered, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.answers import (
    REPAIR_ACTION,
    UNDERSTOOD_KEY,
    Button,
    open_question,
    understand,
    unhappiness_told,
)
from bot.nlp.matches import RuleMatches, as_read, first_reference
from bot.policy import Answer, load_answers
from bot.safety_first import UntrainedPolicy, since_latest_message
from bot.triage.safety import SAFETY_ACTION, WITH_PERSON_SLOT
from bot.triage.stage_2 import asks_for_stage_2, no_earlier_complaint, read_stage_2

# The slot naming the complaint the conversation knows (actions.references.KNOWN_REFERENCE).
KNOWN_REFERENCE = "complaint_reference"


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=False
)
class ConversationRepairPolicy(UntrainedPolicy):
    _common_answers: dict[str, Answer] | None = None

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        # Between the safety check (8) and the rules and forms (6).
        return {"priority": 7, "policy_dir": "policy_rules"}

    def next_action(self, tracker: DialogueStateTracker) -> str | None:
        return REPAIR_ACTION if self.needs_repair(tracker) else None

    def needs_repair(self, tracker: DialogueStateTracker) -> bool:
        turn = since_latest_message(tracker)
        if turn is None or tracker.get_slot(WITH_PERSON_SLOT):
            return False
        message, since = turn
        if message.parse_data.get(UNDERSTOOD_KEY):
            return False
        executed = [e.action_name for e in since if isinstance(e, ActionExecuted)]
        handed_back = executed == [SAFETY_ACTION] and any(
            isinstance(e, ActionReverted) for e in since
        )
        if executed and not handed_back:
            return False
        question = open_question(tracker)
        understanding = understand(
            question,
            as_read(message.text or "", message.entities),
            message.intent.get("name"),
            last_buttons(tracker),
            self._answers(),
            asks_for_a_person=RuleMatches.from_entities(message.entities).person_request,
            no_earlier_complaint=no_earlier_complaint(message.text or "", self._rules()),
            stage_2_by_name=asks_for_stage_2(message.text or "", self._rules()),
            unhappy=unhappiness_told(message.text or "", message.entities),
            reference_given=reference_typed(tracker),
            stage_2_taken_back=read_stage_2(message.text or "", self._rules())
            in ("declines", "undo"),
        )
        return understanding.kind != "none"

    def _answers(self) -> dict[str, Answer]:
        if self._common_answers is None:
            self._common_answers = load_answers(self.config["policy_dir"], self._rules())
        return self._common_answers


def reference_typed(tracker: DialogueStateTracker) -> bool:
    """Whether a complaint reference was typed in this conversation, or one is known to it
    (actions.references.reference_told, on Rasa's tracker)."""
    return bool(tracker.get_slot(KNOWN_REFERENCE)) or any(
        isinstance(e, UserUttered) and first_reference(e.text or "") for e in tracker.events
    )


def last_buttons(tracker: DialogueStateTracker) -> list[Button]:
    """The buttons the assistant last offered before the latest message."""
    events = list(tracker.events)
    latest = max(i for i, e in enumerate(events) if isinstance(e, UserUttered))
    for event in reversed(events[:latest]):
        if isinstance(event, BotUttered) and event.text:
            return [
                Button(str(b.get("title", "")), str(b.get("payload", "")))
                for b in (event.data or {}).get("buttons") or []
            ]
    return []
