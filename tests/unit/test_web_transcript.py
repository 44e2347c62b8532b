"""The web chat history: what the resident saw, rebuilt from Rasa's tracker events."""

from __future__ import annotations

from bot.web.transcript import Choice, Entry, widget_conversation

OFFER = [
    {"title": "Make a formal complaint", "payload": "/affirm"},
    {"title": "Put it right without a complaint", "payload": "/deny"},
]


def user(text: str, channel: str = "socketio") -> dict:
    return {"event": "user", "text": text, "input_channel": channel}


def bot(text: str, buttons: list[dict] | None = None) -> dict:
    return {"event": "bot", "text": text, "data": {"buttons": buttons}}


def test_the_history_shows_button_titles_not_payloads_and_hides_the_opening() -> None:
    events = [
        {"event": "session_started"},
        user("/greet"),
        bot("Hello."),
        {"event": "action", "name": "action_listen"},
        user("the mould keeps coming back"),
        bot("I'm sorry.\n\nWhat would you like to do?", OFFER),
        user("/affirm"),
        bot("Thank you."),
    ]
    assert widget_conversation(events) == [
        Entry("assistant", "Hello."),
        Entry("resident", "the mould keeps coming back"),
        Entry("assistant", "I'm sorry."),
        Entry("assistant", "What would you like to do?", tuple(Choice(**b) for b in OFFER)),
        Entry("resident", "Make a formal complaint"),
        Entry("assistant", "Thank you."),
    ]


def test_talk_to_a_person_shows_as_the_button_the_resident_pressed() -> None:
    events = [user("/request_human"), bot("I'll pass you to a person.")]
    assert widget_conversation(events)[0] == Entry("resident", "Talk to a person")


def test_a_payload_typed_after_the_buttons_went_stays_as_typed() -> None:
    events = [bot("What would you like to do?", OFFER), user("no thanks"), user("/affirm")]
    assert widget_conversation(events)[-1] == Entry("resident", "/affirm")


def test_a_conversation_from_another_channel_is_never_shown_in_a_browser() -> None:
    events = [user("hello"), bot("Hello."), user("my address is 4 High St", channel="rest")]
    assert widget_conversation(events) is None


def test_a_console_message_keeps_its_id_on_each_part_so_the_live_copy_can_be_matched() -> None:
    staff_said = {
        "event": "bot",
        "text": "Hello, I'm Sam.\n\nWhat's happened?",
        "metadata": {"staff_name": "Sam from Sample Homes", "message_id": "a1b2"},
    }
    notice = {"event": "bot", "text": "The person has ended the chat.",
              "metadata": {"message_id": "c3d4"}}  # fmt: skip
    assert widget_conversation([staff_said, notice]) == [
        Entry("person", "Hello, I'm Sam.", name="Sam from Sample Homes", id="a1b2.0"),
        Entry("person", "What's happened?", name="Sam from Sample Homes", id="a1b2.1"),
        Entry("assistant", "The person has ended the chat.", id="c3d4.0"),
    ]
