"""Round 16's form faults that need no server: the language is what is hard on the phone, not
the phone, and "has it gone thru" asks whether the complaint is logged."""

from __future__ import annotations

import pytest

from bot.answers import goes_on_told
from bot.corrections import goes_on_after_all
from bot.definition import (
    consent_on_the_phone,
    contact_preference,
    helps_the_resident,
    name_in,
    represented_person,
    way_insisted,
)
from bot.recorded import asks_if_recorded
from bot.told import earlier_report_told, outcome_without_contact, without_protest


@pytest.mark.parametrize(
    ("said", "way"),
    [
        # r15c-06 t10 and our own wordings.
        ("phone call, in portuguese if you can, my english is not so good on phone", "phone"),
        ("text me pls, my english not good on the phone", "text"),
        ("my English is not good on phone so email please", "email"),
        ("ring me with a polish interpreter, my english is not great on the phone", "phone"),
    ],
)
def test_english_not_good_on_the_phone_does_not_rule_out_the_way_asked_for(
    said: str, way: str
) -> None:
    assert contact_preference(said) == way


@pytest.mark.parametrize(
    "said", ["im not good on the phone, email me", "not good with phones. email pls"]
)
def test_a_person_not_good_on_the_phone_still_has_it_ruled_out(said: str) -> None:
    assert contact_preference(said) == "email"


@pytest.mark.parametrize(
    "asked", ["has it gone thru yet", "has my complaint gone thru?", "has the complaint went thru"]
)
def test_gone_thru_asks_if_the_complaint_is_logged(asked: str) -> None:
    assert asks_if_recorded(asked) == "complaint"


@pytest.mark.parametrize(
    ("said", "name"),
    [
        ("Chloe. email is chloe.b.safe@example.com, only i read it", "Chloe"),
        ("Sam, my email is sam@example.com", "Sam"),
        ("Peter Adeyemi. Email is p@example.com", "Peter Adeyemi"),
    ],
)
def test_a_first_name_before_the_details_is_the_name(said: str, name: str) -> None:
    """r16a-11 t3: "Chloe. email is ..." was told "Please tell me just the name"."""
    assert name_in(said) == name


@pytest.mark.parametrize(
    "said", ["Email. its chloe@example.com", "Mobile, 07700 900111", "Thanks. my email is a@b.com"]
)
def test_a_label_or_a_thank_you_before_the_details_is_no_name(said: str) -> None:
    assert name_in(said) is None


def test_neither_is_no_name() -> None:
    """r16b-14: "neither, call handler. rep is son Imran" was read back as the name."""
    assert name_in("neither, call handler. rep is son Imran, consent given") is None


@pytest.mark.parametrize(
    ("said", "way"),
    [
        ("yeah but dont call me, my ex reads my texts. email only pls", "email only"),
        ("yes but dont ring me, text", "text"),
        ("yes contact me, phone only", "phone only"),
    ],
)
def test_a_way_insisted_on_without_details_is_kept(said: str, way: str) -> None:
    """r16a-11 t5: "email only pls" at the offer, then phone buttons at the contact question."""
    assert way_insisted(said) == way


@pytest.mark.parametrize("said", ["yes please", "yes, phone is broken though", "yeah go on"])
def test_a_plain_yes_insists_on_no_way(said: str) -> None:
    assert way_insisted(said) is None


@pytest.mark.parametrize(
    "said",
    [
        "CH: T Mr Arif Hussain 3 Poplar Ct, rep = son Imran (consent given on call)",
        "rep is daughter, Grace",
        "rep for mum, deaf",
        "Hi, I'm Tom, a support worker with Mind, supporting one of your tenants",
        "I'm Jo Bell, her social worker",
    ],
)
def test_a_helper_in_shorthand_or_by_role_is_a_helper(said: str) -> None:
    """r16b-14 t4, r16b-06 t5: asked whether they were the resident."""
    assert helps_the_resident(said)


@pytest.mark.parametrize(
    "said",
    ["im the tenant, my support worker is helping", "reporting a leak", "my rep is at work"],
)
def test_a_resident_is_not_read_as_a_helper(said: str) -> None:
    assert not helps_the_resident(said)


@pytest.mark.parametrize(
    ("said", "resident"),
    [
        (
            "supporting one of your tenants, Ms Leanne Brooks (Flat 6 Mill House). She has anxiety",
            "Ms Leanne Brooks, Flat 6 Mill House",
        ),
        ("CH: T Mr Arif Hussain 3 Poplar Ct, rep = son Imran", "Mr Arif Hussain, 3 Poplar Ct"),
    ],
)
def test_the_resident_is_read_with_the_address(said: str, resident: str) -> None:
    """r16b-06 t10: the address in brackets was left out of "The complaint is for"."""
    assert represented_person(said) == resident


@pytest.mark.parametrize(
    ("said", "kept"),
    [
        (
            "I told you - no phone calls, because of her anxiety.",
            "no phone calls, because of her anxiety.",
        ),
        ("already said: T has dementia. NO letters to T", "T has dementia. NO letters to T"),
        ("As I said, she's deaf, so contact me", "she's deaf, so contact me"),
        ("I told u already, large print", "large print"),
    ],
)
def test_the_protest_is_taken_off_an_answer(said: str, kept: str) -> None:
    """r16b-06 t10, r16b-14 t8, r16a-12 t12: the protest was read back as what would help."""
    assert without_protest(said) == kept


@pytest.mark.parametrize("said", ["i told you", "large print please", "as i said"])
def test_an_answer_with_no_protest_or_nothing_else_is_kept_whole(said: str) -> None:
    assert without_protest(said) == said


def test_contact_wishes_are_not_what_they_would_like() -> None:
    """r16b-01 t5."""
    said = (
        "fix the leak obviously and she wants something for the 2 days she lost waiting in. "
        "also please dont ring her she cant hear it, text only to my mobile 07700 900881, im "
        "Sandra her daughter"
    )
    assert outcome_without_contact(said) == (
        "fix the leak obviously and she wants something for the 2 days she lost waiting in."
    )


@pytest.mark.parametrize(
    "said", ["fix the boiler, and call me first before coming", "an apology by letter please"]
)
def test_what_they_would_like_about_contact_is_kept(said: str) -> None:
    assert outcome_without_contact(said) == said


@pytest.mark.parametrize(
    ("said", "goes_on"),
    [
        ("the water now is stop, but ceiling is wet and bad", True),
        ("the leak stopped but the ceiling is still broken", True),
        ("no its stopped", False),
        ("its fixed now but thanks", False),
    ],
)
def test_one_thing_stopped_but_the_problem_not_goes_on(said: str, goes_on: bool) -> None:
    """r16a-02 t6: re-triaged as a new message and asked again."""
    assert goes_on_told(said) is goes_on


@pytest.mark.parametrize(
    ("said", "goes_on"),
    [
        ("still say it has stopped. the ceiling problem is not stopped", True),
        ("the water stop but ceiling is still broken, this is the problem", True),
        ("it has stopped", False),
        ("the name is still wrong", False),
    ],
)
def test_a_correction_says_it_goes_on(said: str, goes_on: bool) -> None:
    """r16a-02 t10-t12."""
    assert goes_on_after_all(said) is goes_on


@pytest.mark.parametrize(
    ("said", "by_phone"),
    [
        ("consent verbal only so far", True),
        ("rep = son Imran (consent given on call)", True),
        ("T gave verbal consent", True),
        ("yes she agreed", False),
        ("she has signed our authority form", False),
    ],
)
def test_consent_on_the_phone(said: str, by_phone: bool) -> None:
    assert consent_on_the_phone(said) is by_phone


@pytest.mark.parametrize(
    ("said", "report"),
    [
        ("I call 2 weeks ago nobody come", "I call 2 weeks ago nobody come"),
        ("we report it last month, nobody come", "we report it last month"),
        ("Hi, my mum (Edna Price, 79) rang me, there's water pouring through", None),
        ("I call you tomorrow", None),
    ],
)
def test_a_report_told_in_esl_and_not_a_call_to_the_writer(said: str, report: str | None) -> None:
    """r16a-07 t3 was asked whether it was reported before; r16a-12 t12 read back "79) rang
    me" as the earlier report."""
    assert earlier_report_told(said) == report
