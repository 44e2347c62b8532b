"""Corrections typed at the read-back, run through the repair action as Rasa runs it: the part
they are about changes, the whole definition is read back again, and nothing is logged until
an unambiguous yes. Round 7 of the simulated residents found typed corrections pasted onto the
end of "what went wrong", names changed to stray words and "forget it. yes, log it" cancelling
the complaint without a word."""

from __future__ import annotations

import asyncio
import copy
import json
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.definition import ActionCorrectDefinition, ActionReadBackDefinition
from actions.repair import ActionUnderstandAnswer
from bot.bootstrap import App
from bot.replies import LOG_IT_CHECK, REMOVED_LINE
from tests.actions.conftest import FIXTURES

FIXTURE = json.loads((FIXTURES / "helper_at_the_read_back.json").read_text())


def at_the_read_back(typed: str, **slots: Any) -> Tracker:
    """The son of a resident at the read-back, having typed `typed`."""
    state = copy.deepcopy(FIXTURE)
    state["slots"].update(slots)
    state["latest_message"]["text"] = typed
    state["events"][-1]["text"] = typed
    return Tracker.from_dict(state)


def typed_at_the_read_back(typed: str, **slots: Any) -> tuple[dict[str, Any], list[str], list]:
    """The slots the repair action sets, the texts and responses it sends, and its events."""
    dispatcher = CollectingDispatcher()
    events = asyncio.run(
        ActionUnderstandAnswer().run(dispatcher, at_the_read_back(typed, **slots), {})
    )
    set_slots = {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
    said = [str(m.get("text") or m.get("response")) for m in dispatcher.messages]
    return set_slots, said, events


def test_a_date_swapped_in_what_went_wrong_is_read_back_without_the_old_one(app: App) -> None:
    slots, said, _ = typed_at_the_read_back(
        "one thing to fix - the locksmith came on 3/11 not 1/11. rest is right"
    )
    assert slots == {
        "complaint_aspects": "Mum's front door lock has been broken since Tuesday. The locksmith "
        "came on 3/11 and left without fixing it. Also can I get a parking permit?"
    }
    assert said[0] == "utter_changed_definition"
    assert "came on 3/11" in said[1] and "1/11" not in said[1]
    assert said[1].endswith("Is that right?")


def test_a_part_taken_out_is_removed_and_read_back(app: App) -> None:
    slots, said, _ = typed_at_the_read_back(
        "pls take out the parking permit bit, thats a separate question"
    )
    assert "parking" not in slots["complaint_aspects"]
    assert slots["complaint_aspects"].startswith("Mum's front door lock")
    assert said[0] == REMOVED_LINE
    assert "parking" not in said[1]


def test_new_words_for_what_went_wrong_replace_it_whole(app: App) -> None:
    slots, said, _ = typed_at_the_read_back(
        "No. Change what went wrong to: The lock on mum's door is broken and the locksmith "
        "left it like that."
    )
    assert slots == {
        "complaint_aspects": "The lock on mum's door is broken and the locksmith left it like that."
    }
    assert "Change what went wrong" not in said[1]
    assert "parking permit" not in said[1]


def test_who_the_complaint_is_for_is_corrected_in_that_part(app: App) -> None:
    slots, said, _ = typed_at_the_read_back(
        "correction: the resident is Mrs Nora Walsh, not Kieran. Kieran is her son"
    )
    assert slots == {"representative_details": "Mrs Nora Walsh"}
    assert "The complaint is for: Mrs Nora Walsh" in said[1]
    assert "You are helping them: Kieran Walsh" in said[1]
    assert "not Kieran" not in said[1]


def test_a_resident_who_says_who_the_complaint_is_for_becomes_the_helper(app: App) -> None:
    slots, said, _ = typed_at_the_read_back(
        "nearly. its for my mum Nora Walsh, she has said its ok for me to do this",
        acting_for="resident",
        representative_details=None,
    )
    assert slots == {
        "representative_details": "Nora Walsh",
        "acting_for": "someone_else",
        "representative_consent": True,
    }
    assert (
        "The complaint is for: Nora Walsh\nYou are helping them: Kieran Walsh. They have"
        in (said[1])
    )


def test_a_time_to_call_changes_the_contact_not_what_went_wrong(app: App) -> None:
    slots, said, _ = typed_at_the_read_back(
        "also he only wants calls after 5pm", contact_preference="phone"
    )
    assert slots == {"contact_preference": "phone, after 5pm"}
    assert "We will contact Kieran Walsh by phone, after 5pm (07700 900444)." in said[1]


def test_a_name_typed_alone_corrects_the_name(app: App) -> None:
    for typed in ("nearly - my name is Kieran O'Walsh", "Kieran O'Walsh"):
        slots, _, _ = typed_at_the_read_back(typed, contact_name="Kieran O")
        assert slots == {"contact_name": "Kieran O'Walsh"}, typed


def test_a_correction_whose_part_cannot_be_told_gets_one_question(app: App) -> None:
    slots, said, _ = typed_at_the_read_back("not right. the kitchen")
    assert slots == {}
    assert said == ["utter_which_part"]


def test_a_yes_in_text_speak_logs_nothing_itself_but_is_read_as_a_yes(app: App) -> None:
    for typed in ("confirmed, log it", "yh thats it", "ye thats all correct send it"):
        _, said, events = typed_at_the_read_back(typed)
        reread = [e for e in events if e.get("event") == "user"]
        assert said == []
        assert reread[0]["parse_data"]["intent"]["name"] == "affirm", typed


def test_forget_it_and_yes_together_is_checked_not_cancelled(app: App) -> None:
    slots, said, events = typed_at_the_read_back("ugh forget it. yes, just log it")
    assert said == [LOG_IT_CHECK]
    assert slots == {}
    assert not any(e.get("event") == "active_loop" for e in events)


def test_new_words_for_what_went_wrong_keep_the_answers_already_held(app: App) -> None:
    """Round 7 r7b-03, r7b-06: after what went wrong was typed again, "is it still happening"
    and the earlier job were asked again."""
    events = asyncio.run(
        ActionCorrectDefinition().run(
            CollectingDispatcher(),
            at_the_read_back("/correct_definition", definition_part="aspects"),
            {},
        )
    )
    cleared = {e["name"] for e in events if e.get("event") == "slot" and e["value"] is None}
    assert "complaint_aspects" in cleared
    assert not cleared & {"still_happening", "earlier_request"}


def test_the_read_back_says_who_the_complaint_is_for_and_whether_they_agreed(app: App) -> None:
    for consent, agreed in (
        (False, "They have not agreed to this yet"),
        (True, "They have agreed"),
    ):
        dispatcher = CollectingDispatcher()
        asyncio.run(
            ActionReadBackDefinition().run(
                dispatcher,
                at_the_read_back("", representative_details="Mrs Nora Walsh, 4 Elm Road",
                                 representative_consent=consent),
                {},
            )
        )  # fmt: skip
        read_back = dispatcher.messages[0]["text"]
        assert "The complaint is for: Mrs Nora Walsh, 4 Elm Road\n" in read_back
        assert f"You are helping them: Kieran Walsh. {agreed}" in read_back


WHICH_PART_DOMAIN = {
    "responses": {"utter_which_part": [{"text": "Which part would you like to change?"}]}
}


def part_chosen_after(typed: str, part: str, **slots: Any) -> tuple[dict[str, Any], list[str]]:
    """The son types `typed` at the read-back, is asked which part, and clicks `part`."""
    state = copy.deepcopy(FIXTURE)
    state["events"][-1]["text"] = typed
    state["slots"].update(slots, definition_part=part)
    click = {
        "event": "user",
        "text": f'/correct_definition{{"definition_part": "{part}"}}',
        "parse_data": {"intent": {"name": "correct_definition", "confidence": 1.0}},
    }
    state["events"] += [
        {"event": "action", "name": "action_understand_answer"},
        {"event": "bot", "text": "Which part would you like to change?"},
        {"event": "action", "name": "action_listen"},
        click,
    ]
    state["latest_message"] = click
    dispatcher = CollectingDispatcher()
    events = asyncio.run(
        ActionCorrectDefinition().run(dispatcher, Tracker.from_dict(state), WHICH_PART_DOMAIN)
    )
    set_slots = {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
    return set_slots, [str(m.get("text") or m.get("response")) for m in dispatcher.messages]


def test_words_typed_before_the_part_is_chosen_are_applied_to_that_part(app: App) -> None:
    """Round 7's left-over (issue 16): a correction that named no part got "Which part would
    you like to change?", and the part chosen was asked again with the words dropped."""
    typed = "not quite. the letterbox flap is hanging off"
    assert typed_at_the_read_back(typed)[1] == ["utter_which_part"]
    slots, said = part_chosen_after(typed, "aspects")
    assert slots["complaint_aspects"].endswith(
        "Also can I get a parking permit? The letterbox flap is hanging off"
    )
    assert slots["awaiting_confirmation"] is True
    assert said[0] == "utter_added_to_definition"
    assert "The letterbox flap is hanging off" in said[1] and said[1].endswith("Is that right?")


def test_new_details_typed_before_contact_details_is_chosen_are_read_back(app: App) -> None:
    slots, said = part_chosen_after("its 07700 900999 now", "contact")
    assert slots["contact_details"] == "07700 900999"
    assert "(07700 900999)" in said[1]


def test_a_plain_no_before_the_part_is_chosen_asks_the_part_again(app: App) -> None:
    slots, said = part_chosen_after("no", "aspects")
    assert said == []
    assert slots["complaint_aspects"] is None and slots["awaiting_confirmation"] is False
