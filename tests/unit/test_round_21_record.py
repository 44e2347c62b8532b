"""Round 20 (issue 16): which plain questions ask what this conversation holds for the resident,
and the replies to them in plain English. "is the callback logged under her name or mine" asks
the name held, not whether a complaint was logged (r20a-02 t5); "what have you written down for
me" asks for everything noted (r20a-07 t6)."""

from __future__ import annotations

import pytest

from actions.contact import tenant_named
from bot.policy import Policy
from bot.recorded import Noted, Recorded, asks_if_recorded, in_short, recorded_reply
from bot.replies import unhappy_goodbye_line
from tests.unit.test_resident_wording import MINIMUM_READING_EASE, reading_ease


@pytest.mark.parametrize(
    "typed",
    [
        "and is the callback logged under her name or mine",
        "whose name is the callback under, Shanice Okafor yes?",
        "no complaint. just confirm the name on the job please",
        "what name have you put it under?",
        "can you check the name on the repair",
    ],
)
def test_a_question_about_the_name_on_the_job_asks_the_name(typed: str) -> None:
    assert asks_if_recorded(typed) == "name"


@pytest.mark.parametrize(
    "typed",
    [
        "is the back door lock still on there as well, or do I need to tell you again?",
        "can you just tell me what you have written down for me then",
        "is that for the cupboard door AND the alarm or just one?",
        "what have you got down for me so far",
        "do i need to report the gate again?",
        "so both jobs are on there yeah?",
    ],
)
def test_a_question_about_what_was_noted_asks_for_everything(typed: str) -> None:
    assert asks_if_recorded(typed) == "noted"


@pytest.mark.parametrize(
    "typed",
    [
        "is the heating still on?",
        "my name is Sam and the tap is broken",
        "is the damp still there in the winter usually",
        "the name of the road is Larch Walk",
    ],
)
def test_other_questions_and_statements_are_not_about_the_record(typed: str) -> None:
    assert asks_if_recorded(typed) is None


def test_a_complaint_named_is_still_asked_about_the_complaint() -> None:
    assert asks_if_recorded("is my complaint logged or not?") == "complaint"


def test_the_resident_words_are_read_back_short() -> None:
    said = in_short(
        "Good evening, I would like to report that the lock on my back door has become very "
        "stiff, I can barely get in some days, I have to jiggle the key for ages."
    )
    assert said == "the lock on my back door has become very stiff"


NOTED_TWO = Recorded(
    request_noted=True,
    details_held=True,
    noted=(
        Noted("request", "the lock on my back door has become very stiff"),
        Noted("put_right", "the damp in the back bedroom is killing me"),
    ),
    contact_name="Margaret Ellis",
    contact_details="01632 960118",
    contact_line="Our team will contact you by phone (01632 960118) by Wednesday 9 December 2026.",
)


def test_what_was_noted_names_each_thing_the_contact_and_the_date() -> None:
    said = recorded_reply("noted", NOTED_TWO, "will it be the same person that rings about both?")
    assert "the lock on my back door" in said and "the damp in the back bedroom" in said
    assert "Wednesday 9 December 2026" in said and "Margaret Ellis" in said
    assert "can't see who" in said


@pytest.mark.parametrize("typed", ["is it all logged then?", "has it gone through?"])
def test_is_it_logged_after_requests_reads_back_what_was_noted(typed: str) -> None:
    """No complaint named: what was noted, not "No, I have not logged a complaint"."""
    said = recorded_reply(asks_if_recorded(typed) or "complaint", NOTED_TWO, typed)
    assert "the lock on my back door" in said
    assert "not logged a complaint" not in said


def test_a_question_about_the_record_with_nothing_noted_is_said_as_before() -> None:
    assert recorded_reply("noted", Recorded()) == recorded_reply("complaint", Recorded())


@pytest.mark.parametrize(
    "recorded",
    [
        NOTED_TWO,
        Recorded(noted=(Noted("request", "the tap drips"),)),
        Recorded(contact_name="Shanice Okafor"),
        Recorded(contact_details="07700 900233"),
        Recorded(),
    ],
)
@pytest.mark.parametrize("subject", ["noted", "name"])
def test_the_replies_are_plain_english(recorded: Recorded, subject: str) -> None:
    said = recorded_reply(subject, recorded, "same person?")  # type: ignore[arg-type]
    assert reading_ease(said) >= MINIMUM_READING_EASE, said


def test_the_goodbye_to_someone_unhappy_is_plain_english(policy: Policy) -> None:
    said = unhappy_goodbye_line(policy)
    assert reading_ease(said) >= MINIMUM_READING_EASE, said
    assert policy.landlord.phone in said


@pytest.mark.parametrize(
    ("typed", "name"),
    [
        ("we want a callback re the boiler - T is Shanice Okafor 07700 900233", "Shanice Okafor"),
        ("CH: T = Mr Femi Okafor, mob 07700 900555", "Mr Femi Okafor"),
        ("tenant name is Joy Adebayo, 07700 900531", "Joy Adebayo"),
    ],
)
def test_a_tenant_named_by_a_call_handler_is_the_name_on_the_job(typed: str, name: str) -> None:
    """r20a-02 t4: "T is Shanice Okafor 07700 900233" left the callback with no name."""
    assert tenant_named(typed) == name


@pytest.mark.parametrize("typed", ["T is Unwell today", "Tenant is at home now", "NT is Bob Smith"])
def test_other_words_after_t_is_are_no_name(typed: str) -> None:
    assert tenant_named(typed) is None
