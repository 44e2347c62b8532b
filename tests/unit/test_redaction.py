"""Residents' names, emails, phone numbers, postcodes and addresses never reach a log file."""

from __future__ import annotations

import io
import json
import logging
import sys
from collections.abc import Iterator

import pytest

from bot.privacy.redaction import RedactPersonalData, install_redaction, redact


def record(message: str, *args: object, exc_info: object = None) -> logging.LogRecord:
    return logging.LogRecord(
        "rasa.core.processor",
        logging.DEBUG,
        __file__,
        1,
        message,
        args,
        exc_info,  # type: ignore[arg-type]
    )


def filtered(log_record: logging.LogRecord) -> str:
    assert RedactPersonalData().filter(log_record), "a record is never dropped"
    return logging.Formatter("%(message)s").format(log_record)


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        (
            "Received user message 'hi my name is jane okafor and my email is "
            "jane.okafor+home@example.co.uk' with intent 'greet'",
            "Received user message 'hi my name is [name] and my email is [email]' "
            "with intent 'greet'",
        ),
        (
            "call me on 07700 900461 or (0113) 496 0000, or +44 20 7946 0958",
            "call me on [phone] or [phone], or [phone]",
        ),
        (
            "I live at 12 Acacia Road, Leeds LS6 2QT and the boiler is broken",
            "I live at [address] and the boiler is broken",
        ),
        (
            "caller mrs okafor, rep for mum, flat 3, 40a Mill Lane, ls6 2qt. v unhappy re damp",
            "caller mrs [name], rep for mum, [address], [postcode]. v unhappy re damp",
        ),
        ("Hi, this is Tom Baker speaking", "Hi, this is [name] speaking"),
        ("My name's Sam, I am called Sam by all", "My name's [name], I am called [name] by all"),
        # A name with no cue before it, read as the chat reads a written name.
        ("complaint from Jane Okafor about the lift", "complaint from [name] about the lift"),
        ("Mrs J. Okafor rang again", "Mrs [name] rang again"),
        # Health and disability, special category data.
        ("my son is Deaf and has asthma from the mould, I use a wheelchair",
         "my son is [health] and has [health] from the mould, I use a [health]"),
        ("she has dementia and mental health problems", "she has [health] and [health] problems"),
        # A conversation id that is someone's social media account.
        ("Received user message from x:1500000000000000001 and messenger:25193448 (fb:77 ig:88)",
         "Received user message from [channel id] and [channel id] ([channel id] [channel id])"),
        ("sender instagram:17841400000000000 paused", "sender [channel id] paused"),
    ],
)  # fmt: skip
def test_personal_data_in_a_message_is_masked(message: str, expected: str) -> None:
    assert filtered(record(message)) == expected


def test_what_engineers_need_stays_readable() -> None:
    message = (
        "CMP-2026-000123: stage 1 due 2027-01-19, 10 working days (Code 6.3); the mould in my "
        "sons bedroom is back AGAIN and nobody has come out, fed up"
    )
    assert redact(message) == message
    for line in ("This IS NOT expected", "meta: refused a subscription handshake",
                 "guard: a conversation went over 30 messages a minute"):  # fmt: skip
        assert redact(line) == line


def test_arguments_are_masked_after_they_are_put_into_the_message() -> None:
    rasa_style = record("Received user message '%s' from '%s'", "email me at jo@example.org", "x1")
    assert filtered(rasa_style) == "Received user message 'email me at [email]' from 'x1'"


def test_a_structured_log_line_with_the_text_in_json_is_masked() -> None:
    line = json.dumps({"event": "processor.message.handle", "text": "my number is 07700900461",
                       "sender_id": "s1"})  # fmt: skip
    assert json.loads(filtered(record(line)))["text"] == "my number is [phone]"


def test_a_database_error_quoting_contact_details_is_masked() -> None:
    try:
        raise ValueError("INSERT failed: parameters ('Jane Okafor', 'jane@example.org', 'LS6 2QT')")
    except ValueError:
        failed = record("could not log the complaint", exc_info=sys.exc_info())
    text = filtered(failed)
    assert "jane@example.org" not in text and "LS6 2QT" not in text
    assert "[email]" in text and "[postcode]" in text and "ValueError" in text


@pytest.fixture
def redacting() -> Iterator[None]:
    before = logging.getLogRecordFactory()
    install_redaction()
    yield
    logging.setLogRecordFactory(before)


def test_once_installed_every_logger_and_handler_gets_masked_records(redacting: None) -> None:
    """Python applies a logger's filters only to its own records, so the mask cannot just sit on
    the root logger: a child logger with its own handler, as Sanic sets up, is masked too."""
    install_redaction()  # a second install changes nothing
    stream = io.StringIO()
    child = logging.getLogger("sanic.test_redaction")
    child.addHandler(logging.StreamHandler(stream))
    child.propagate = False
    try:
        child.warning("slow request from %s at 12 Acacia Road", "jo@example.org")
    finally:
        child.handlers.clear()
    assert stream.getvalue() == "slow request from [email] at [address]\n"
