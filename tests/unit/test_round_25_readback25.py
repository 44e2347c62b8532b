"""Round 25 (player b, issue 16): a correction typed as a sentence at the read-back changes only
the part it names, with the whole of its new words ("who is complaining" in a sentence is never
what went wrong); what went wrong is what the resident said about the problem; a yes that says
it happened again answers "Is this still happening now?"; when the clock starts is answered."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.answers import READ_BACK, OpenQuestion, understand
from bot.corrections import correction_of
from bot.definition import DraftDefinition
from bot.fits import elsewhere
from bot.policy import Answer
from bot.told import about_the_problem

# A daughter read back as the resident, for a door entry complaint.
DOOR = DraftDefinition(
    aspects="The door entry is broken. I reported it twice and nobody came.",
    still_happening=True,
    outcome="Fix it this week.",
    representative=None,
    contact_name="Lisa Marsh",
    contact_details="07700 900377",
    contact_preference="phone",
    adjustments=None,
)


@pytest.mark.parametrize(
    ("typed", "resident"),
    [
        (
            "the complaint should be for my mum, Joan Marsh, she's the tenant. I'm her daughter "
            "helping her and she's happy for me to deal with it.",
            "Joan Marsh",
        ),
        (
            "The complaint needs to be for my dad Peter Marsh, he is the tenant, he has agreed "
            "to me doing this.",
            "Peter Marsh",
        ),
        ("complaint should be from my nan, Edna Price. She's fine with me helping.", "Edna Price"),
    ],
)
def test_who_the_complaint_is_for_in_a_sentence_never_replaces_what_went_wrong(
    typed: str, resident: str
) -> None:
    correction = correction_of(typed, DOOR)
    assert "aspects" not in correction.changes
    assert correction.changes["representative"] == resident
    assert correction.changes["acting_for"] == "someone_else"
    assert correction.changes["consent"] is True


def test_who_it_is_for_and_an_addition_in_one_message_change_both() -> None:
    correction = correction_of(
        "it should be for my mum, Joan Marsh, she's the tenant and she's happy for me to deal "
        "with it. and add that it's been broken 3 weeks and her carer can't get in",
        DOOR,
    )
    assert correction.changes["representative"] == "Joan Marsh"
    aspects = str(correction.changes["aspects"])
    assert aspects.startswith(DOOR.aspects.rstrip("."))
    assert "broken 3 weeks and her carer can't get in" in aspects
    assert "Joan" not in aspects


# A complaint read back with a compliment first.
PLUMBER = replace(
    DOOR,
    aspects=(
        "First I want to say the lady on your repairs line, Jo I think, was lovely. But the "
        "plumber booked for Thursday never came, no call, nothing. This is the second time."
    ),
    contact_name="Anita Sharma",
    contact_details="anita@example.net",
    contact_preference="email",
)


@pytest.mark.parametrize(
    "typed",
    [
        "Same as before but please add that the first missed appointment was on 17 November, and "
        "take out the bit about Jo, that was a compliment not part of the complaint.",
        "please add the first missed appointment was 17 November and remove the part about Jo",
        "can you add that the first missed appointment was on 17 November, and get rid of the "
        "sentence about Jo",
    ],
)
def test_an_addition_and_a_removal_in_one_sentence_both_change_what_went_wrong(
    typed: str,
) -> None:
    correction = correction_of(typed, PLUMBER)
    aspects = str(correction.changes["aspects"])
    assert "Jo " not in aspects and "lovely" not in aspects
    assert aspects.startswith("The plumber booked for Thursday never came")
    assert "17 November" in aspects
    assert "add" not in aspects.lower().split()


@pytest.mark.parametrize(
    "typed", ["take out the bit about Jo", "remove the sentence about Jo please"]
)
def test_a_short_name_is_enough_to_take_a_sentence_out(typed: str) -> None:
    correction = correction_of(typed, PLUMBER)
    assert correction.how == "removed"
    assert correction.changes["aspects"] == (
        "The plumber booked for Thursday never came, no call, nothing. This is the second time."
    )


# An advocate's complaint, what would help held as a placeholder or a cut word.
ADVOCATE = replace(
    DOOR,
    aspects="The airing cupboard door was left off its hinges.",
    representative="Mr Kevin Lowe, 7 Ash Grove",
    contact_name="Sarah Okoye",
    contact_details="sarah@example.org",
    contact_preference="email",
    consent=True,
    adjustments="what would help",
)


@pytest.mark.parametrize(
    ("typed", "adjustments"),
    [
        (
            "Two changes. What we would like is: a call back within a week, an apology. And "
            "under adjustments, put: do not phone Kevin directly, contact his advocate Sarah "
            "instead.",
            "do not phone Kevin directly, contact his advocate Sarah instead",
        ),
        (
            "adjustments should say: please do not ring him, write to me instead",
            "please do not ring him, write to me instead",
        ),
        ("adj shd be he must not be phoned", "he must not be phoned"),
    ],
)
def test_an_adjustment_with_not_in_it_keeps_all_its_words(typed: str, adjustments: str) -> None:
    correction = correction_of(typed, ADVOCATE)
    assert correction.changes["adjustments"] == adjustments


@pytest.mark.parametrize(
    "typed",
    [
        "The adjustments line just says 'do'. It should say: please don't phone Kevin directly, "
        "contact Sarah instead.",
        "the adjustments only says do, it should say please don't phone Kevin directly, "
        "contact Sarah instead",
        "Easier for you still says do. It should say please don't phone Kevin directly, "
        "contact Sarah instead",
    ],
)
def test_what_a_line_says_now_is_replaced_by_what_it_should_say(typed: str) -> None:
    correction = correction_of(typed, replace(ADVOCATE, adjustments="do"))
    assert correction.changes == {
        "adjustments": "please don't phone Kevin directly, contact Sarah instead"
    }


def test_an_old_word_after_not_is_still_left_out() -> None:
    correction = correction_of("adj shd be asthma not the phone no", ADVOCATE)
    assert correction.changes["adjustments"] == "asthma"


# What went wrong is built from what the resident said about the problem: never the answer to
# the safety question, the choice told again, who is writing, their consent, or a question for
# us (round 25 r25b-06 t10, r25b-14 t1).
@pytest.mark.parametrize(
    "said",
    [
        "Why are you asking if anyone is in danger? Nobody is. I want it logged formally, as "
        "I've said in the email.",
        "No one is. We want it logged properly this time.",
        "nobody is. i want this recorded as a formal complaint please",
        "No reference number. Not a complaint yet.",
        "dont have a ref, not a complaint yet",
        "Hello, I'm a support worker from Age UK helping one of your tenants. She has given me "
        "written consent. Also, what's your policy on talking to support workers?",
    ],
)
def test_words_about_the_chat_are_never_what_went_wrong(said: str) -> None:
    assert about_the_problem(said) == ""


@pytest.mark.parametrize(
    ("said", "kept"),
    [
        (
            "Hello, I'm an advocate from Mind working with one of your tenants, Mr Kevin Lowe. He "
            "has given me written consent to act for him. The engineer left the airing cupboard "
            "door off its hinges. Also, what's your policy on communicating with advocates?",
            "The engineer left the airing cupboard door off its hinges.",
        ),
        (
            "Hi, I'm the tenant at 4 Elm Court and my boiler is broken.",
            "Hi, I'm the tenant at 4 Elm Court and my boiler is broken.",
        ),
        ("Nobody came. Why has nobody rung me back?", "Nobody came. Why has nobody rung me back?"),
        (
            "I'm a carer and the lift has been out for a week.",
            "I'm a carer and the lift has been out for a week.",
        ),
    ],
)
def test_the_problem_told_beside_them_stays(said: str, kept: str) -> None:
    assert about_the_problem(said) == kept


# "yeah another one came tuesday" at "Is this still happening now?" (round 25 r25b-01 t3).
@pytest.mark.parametrize(
    "said",
    [
        "yeah another one came tuesday, addressed to mrs p okafor",
        "yes another letter came yesterday",
        "yep, the engineer came last week but it broke again",
    ],
)
def test_a_yes_that_says_it_happened_again_fits_the_still_happening_question(said: str) -> None:
    assert elsewhere("still_happening", said) is None


@pytest.mark.parametrize(
    "said", ["reported it in may", "job 7712001, rang in july", "the roofer came on 3 August"]
)
def test_an_earlier_report_alone_still_goes_to_its_own_question(said: str) -> None:
    assert elsewhere("still_happening", said) == {"earlier_request": said}


# "Will it count from 12 November when I first complained?" at the read-back (round 25 r25b-06
# t12).
@pytest.mark.parametrize(
    "said",
    [
        "Yes. Will it count from 12 November when I first complained?",
        "does it count from when i first emailed you in october?",
        "will the clock start from when I first made it",
    ],
)
def test_when_the_clock_starts_is_answered_with_the_first_complaint(
    answers: dict[str, Answer], said: str
) -> None:
    understood = understand(OpenQuestion(READ_BACK), said, "enquiry", [], answers)
    assert understood.answer is not None
    assert understood.answer.id == "when_the_clock_starts"
    assert "first made it, that is part of your complaint" in understood.answer.text
