"""Round 17 at the read-back: a correction changes only the part it is about; typed corrections
are stored in the right part without their labels; a helper's split contact wishes (the
resident's own way and time, a copy to a councillor, a firm's reference) are held and read back."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.contact_wishes import split_contact
from bot.corrections import NO_ADJUSTMENTS_NEEDED, correction_of
from bot.definition import DraftDefinition, contact_preference
from bot.earlier_job import job_number_in
from bot.told import own_name_in

# A night worker who wants texts only, with a stray phrase in the reported-before line.
NIGHTS = DraftDefinition(
    aspects="front door to the block wont lock since tues, anyone can walk in. im flat 9",
    still_happening=True,
    outcome="fix it properly this time and tell me why it takes so long",
    representative=None,
    contact_name="Rob",
    contact_details="07700 900561",
    contact_preference="text only",
    adjustments=None,
    earlier_request="rang it in tues dunno the job no. well gutted",
)
# A support worker for a resident, with the resident's number muddled into the worker's details.
WORKER = DraftDefinition(
    aspects="No working cooker since October and two visits cancelled on the day.",
    still_happening=True,
    outcome="Cooker fixed this week and an apology.",
    representative="I'm Jo Marsh, her support worker. Tanya Bell, 4 Mill Lane.",
    contact_name="Jo Marsh",
    contact_details="jo.marsh@support.example, 07700 900288",
    contact_preference="email, not before 2pm",
    adjustments=None,
    consent=True,
)
# A solicitor for a resident, with the report dates right.
FIRM = DraftDefinition(
    aspects="Our client was spoken to rudely by your contact centre on 20 November.",
    still_happening=True,
    outcome="An apology and an explanation.",
    representative="Ms Ewa Nowak, 17 Willow Court",
    contact_name="Peter Lane",
    contact_details="p.lane@lanesolicitors.example",
    contact_preference="email",
    adjustments="A Polish interpreter if you contact her directly.",
    earlier_request="Damp reported 3 March 2026, window reported 9 June 2026",
    consent=True,
)
# A call handler's record with a hearing adjustment held.
HANDLER = DraftDefinition(
    aspects="T on line, c/o bathroom fan dead since Aug.",
    still_happening=True,
    outcome="T wants fan fixed.",
    representative=None,
    contact_name="Mrs K Obi",
    contact_details="07700 900845",
    contact_preference="phone",
    adjustments="T hard of hearing, speak slowly and clearly",
)


# 1. A correction never changes a part the resident did not touch.


@pytest.mark.parametrize(
    ("typed", "earlier"),
    [
        # r17a-02 t12
        (
            "the reported before bit still says well gutted. should just say reported tues by "
            "phone",
            "reported tues by phone",
        ),
        (
            "reported before line still has well gutted in it. it should say rang tuesday on the "
            "phone",
            "rang tuesday on the phone",
        ),
        (
            "The earlier report still says 'well gutted'. Should read: phoned it in on tuesday",
            "phoned it in on tuesday",
        ),
    ],
)
def test_new_words_for_the_reported_before_line_leave_the_way_to_contact(
    typed: str, earlier: str
) -> None:
    """r17a-02 t12 (serious): "by phone" in the new words changed "text only" to "by phone"
    for a night worker, and the line kept "Correction: ..."."""
    correction = correction_of(typed, NIGHTS)
    assert correction.changes == {"earlier_request": earlier}


@pytest.mark.parametrize(
    "typed",
    [
        "the reported before bit still says well gutted, take it out",
        "reported before line still says well gutted",
    ],
)
def test_words_still_there_are_taken_out_of_that_line_alone(typed: str) -> None:
    correction = correction_of(typed, NIGHTS)
    assert correction.changes == {"earlier_request": "rang it in tues dunno the job no."}


@pytest.mark.parametrize(
    ("typed", "time"),
    [
        # r17a-07 t7
        ("no - NOT mornings. afternoons only. rest is right", "afternoons only"),
        # r17a-07 t12: "dialysis" is no need to put in what would help.
        (
            "needs to say afternoons only, T is adamant, she's at dialysis mornings",
            "afternoons only",
        ),
        ("only after 2pm pls, she sleeps in the day", "after 2pm"),
        ("evenings only", "evenings only"),
        ("not mornings", "not mornings"),
    ],
)
def test_a_time_to_call_changes_the_way_to_contact_not_what_would_help(
    typed: str, time: str
) -> None:
    """r17a-07 t7 was asked which part; t12 put "afternoons only" in place of the hearing
    adjustment."""
    correction = correction_of(typed, HANDLER)
    assert correction.changes == {"contact_preference": f"phone, {time}"}


@pytest.mark.parametrize(
    "typed",
    [
        # r17a-13 t8
        "Please also record our reference DH/KAM/0412 with the contact details.",
        "our ref is PL/NOW/2231, please quote it",
        "Please ensure our reference EN/44/0412 is quoted.",
    ],
)
def test_a_firms_reference_is_quoted_never_a_job_number(typed: str) -> None:
    """r17a-13 t8/t10: "0412" of the firm's reference replaced the report dates as "job 0412"."""
    correction = correction_of(typed, FIRM)
    assert set(correction.changes) == {"contact_details"}
    details = str(correction.changes["contact_details"])
    assert details.startswith("p.lane@lanesolicitors.example; also quote your reference ")
    read_back = replace(FIRM, contact_details=details).read_back()
    assert "We will contact Peter Lane by email (p.lane@lanesolicitors.example)." in read_back
    assert "We will also quote your reference " in read_back
    assert "job" not in read_back


@pytest.mark.parametrize(
    "typed",
    ["our reference DH/KAM/0412", "quoting our ref: AB/77/2031", "their file HC/2231 refers"],
)
def test_digits_of_another_firms_reference_are_no_job(typed: str) -> None:
    assert job_number_in(typed) is None


@pytest.mark.parametrize("typed", ["job 60121 not 60112", "it was job no 88213"])
def test_a_job_number_is_still_a_job_number(typed: str) -> None:
    assert job_number_in(typed) is not None


def test_dates_and_the_firms_reference_in_one_message_each_go_to_their_part() -> None:
    """r17a-13 t8: both corrections in one message."""
    typed = (
        "Two corrections. The 'reported before' line should read: damp reported 4 April 2026, "
        "window reported 1 July 2026. Please also record our reference PL/NOW/0412 with the "
        "contact details."
    )
    changes = correction_of(typed, FIRM).changes
    assert changes["earlier_request"] == ("Damp reported 4 April 2026, window reported 1 July 2026")
    assert changes["contact_details"] == (
        "p.lane@lanesolicitors.example; also quote your reference PL/NOW/0412"
    )


@pytest.mark.parametrize(
    ("typed", "copied"),
    [
        # r17a-08 t9
        ("And please copy cllr.hart@council.example into emails.", "cllr.hart@council.example"),
        ("cc the mp's office on mp.office@parliament.example pls", "mp.office@parliament.example"),
        (
            "The councillor's (cllr.shah@council.example) is only to be copied in.",
            "cllr.shah@council.example",
        ),
    ],
)
def test_an_email_to_copy_in_is_held_beside_the_helpers_own(typed: str, copied: str) -> None:
    """r17a-08 t9: the caseworker's email was swapped for the councillor's."""
    draft = replace(FIRM, contact_name="Aisha Khan", contact_details="caseworker@council.example")
    changes = correction_of(typed, draft).changes
    assert changes == {
        "contact_details": f"caseworker@council.example; also copy our emails to {copied}"
    }


def test_the_helpers_email_corrected_keeps_the_copy() -> None:
    draft = replace(
        FIRM,
        contact_details="cllr.hart@council.example",
    )
    typed = (
        "No - my email is caseworker.hart@council.example. The councillor's "
        "(cllr.hart@council.example) is only to be copied in. Please put both."
    )
    changes = correction_of(typed, draft).changes
    assert changes == {
        "contact_details": "caseworker.hart@council.example; also copy our emails to "
        "cllr.hart@council.example"
    }


# 3. A helper's split contact wishes.


@pytest.mark.parametrize(
    ("typed", "wish"),
    [
        # r17a-06 t6
        (
            "No, the contact bit is muddled. Email me (Jo) any time. Text Tanya on 07700 900288, "
            "and the not-before-2pm is for Tanya, not me.",
            "text Tanya Bell on 07700 900288, not before 2pm",
        ),
        # r17a-06 t7
        (
            "That's still wrong. 07700 900288 is TANYA's mobile, not mine. Contact me, Jo, by "
            "email at jo.marsh@support.example. Tanya by text, only after 2pm.",
            "text Tanya Bell on 07700 900288, after 2pm",
        ),
        (
            "the 07700 900288 number is her mobile not mine, text her on it after 2pm only",
            "text Tanya Bell on 07700 900288, after 2pm",
        ),
    ],
)
def test_the_residents_own_way_and_time_are_held_as_hers(typed: str, wish: str) -> None:
    """r17a-06 t6-7: Tanya's number and time were read back as the support worker's."""
    changes = correction_of(typed, WORKER).changes
    assert changes["contact_details"] == f"jo.marsh@support.example; also {wish}"
    assert changes.get("contact_preference", "email") == "email"
    read_back = replace(WORKER, **changes).read_back()  # type: ignore[arg-type]
    assert "We will contact Jo Marsh by email (jo.marsh@support.example)." in read_back
    assert f"We will also {wish}." in read_back


@pytest.mark.parametrize(
    ("typed", "own", "way", "wish"),
    [
        (
            "Please contact me, Jo, by email on jo.marsh@support.example, and Tanya by text on "
            "07700 900288 but not before 2pm, she does the school run.",
            "jo.marsh@support.example",
            "email",
            "text Tanya Bell on 07700 900288, not before 2pm",
        ),
        (
            "email me at jo.marsh@support.example. tanya's mobile is 07700 900111, ring her "
            "afternoons only",
            "jo.marsh@support.example",
            "email",
            "ring Tanya Bell on 07700 900111, afternoons only",
        ),
        (
            "my work phone 07700 900222, and text Tanya on 07700 900333 after 5pm",
            "07700 900222",
            "phone",
            "text Tanya Bell on 07700 900333, after 5pm",
        ),
    ],
)
def test_a_helpers_answer_with_both_contacts_is_split(
    typed: str, own: str, way: str, wish: str
) -> None:
    """r17a-06 t4 read back "Sam Reid by email, not before 2pm (sam@..., 07700 900288)"."""
    assert split_contact(typed, "Tanya Bell, 4 Mill Lane") == (own, way, [wish])


def test_a_helpers_own_details_alone_are_not_split() -> None:
    assert split_contact("my number is 07700 900222, text me", "Tanya Bell") is None


# 2. Typed corrections stored in the right part, without their labels or questions.


@pytest.mark.parametrize(
    "typed",
    [
        # r17a-10 t10
        "no, what went wrong should say the 2 back windows wont shut since october, and ive rang "
        "4 times. and u didnt say if a manager can look at it",
        "what went wrong should be: the 2 back windows wont shut since october, and ive rang 4 "
        "times. you still haven't answered about the manager",
        "What went wrong should say the 2 back windows wont shut since october, and ive rang 4 "
        "times. Can a manager look at it?",
    ],
)
def test_a_question_after_new_words_is_no_part_of_them(typed: str) -> None:
    changes = correction_of(typed, NIGHTS).changes
    assert set(changes) == {"aspects"}
    assert "manager" not in str(changes["aspects"])
    assert "the 2 back windows wont shut since october" in str(changes["aspects"])


@pytest.mark.parametrize(
    ("typed", "outcome", "adjustments"),
    [
        # r17a-12 t10
        (
            "Two things wrong. 'You would like' should just be: stop the leak and repair the "
            "ceiling. And the easier-for-you bit should say nothing needed, but note my son Leo "
            "(6) has eczema made worse by the damp.",
            "stop the leak and repair the ceiling.",
            "My son Leo (6) has eczema made worse by the damp",
        ),
        # r17a-12 t11
        (
            "No! 'You would like' = stop the leak, repair the ceiling. 'Easier for you' = "
            "nothing, just record Leo's eczema.",
            "Stop the leak, repair the ceiling.",
            "Leo's eczema",
        ),
        (
            "'you would like' = stop the leak n fix the ceiling. 'easier for you' = nothing",
            "Stop the leak n fix the ceiling.",
            NO_ADJUSTMENTS_NEEDED,
        ),
    ],
)
def test_each_labelled_part_gets_its_own_words(typed: str, outcome: str, adjustments: str) -> None:
    """r17a-12 t10-11: the note about her daughter went into what she would like, and the
    labels were stored as typed."""
    draft = replace(NIGHTS, adjustments="I said no to large print already. Please just note it.")
    changes = correction_of(typed, draft).changes
    assert changes["outcome"] == outcome
    assert changes["adjustments"] == adjustments
    assert "contact_preference" not in changes


@pytest.mark.parametrize(
    "typed",
    [
        # r17a-13 t11
        "You have reverted the reported-before line to 'job 0412', which is wrong. Please "
        "restore: damp reported 3 March 2026, window reported 9 June 2026. Do not add our "
        "reference anywhere else.",
        "The reported before line is wrong. Please put back: damp reported 3 March 2026, window "
        "reported 9 June 2026",
        "the reported before bit is wrong. restore it to: damp reported 3 March 2026, window "
        "reported 9 June 2026",
    ],
)
def test_restore_gives_the_words_without_the_instruction(typed: str) -> None:
    draft = replace(FIRM, earlier_request="job 0412")
    changes = correction_of(typed, draft).changes
    assert changes == {"earlier_request": "damp reported 3 March 2026, window reported 9 June 2026"}


@pytest.mark.parametrize(
    "typed",
    [
        # r17a-02 t9
        "theres no fire its the battery ffs. the door bit is what i want changing, add flat 9. "
        "and take out well gutted",
        "the door bit is what i want changed, add flat 9. and take out well gutted",
        "take out well gutted pls. and add flat 9",
    ],
)
def test_an_addition_and_a_removal_each_go_where_they_belong(typed: str) -> None:
    """r17a-02 t9 was answered with the which-part menu."""
    draft = replace(NIGHTS, aspects="front door to the block wont lock since tues")
    changes = correction_of(typed, draft).changes
    assert changes["earlier_request"] == "rang it in tues dunno the job no."
    assert "flat 9" in str(changes["aspects"]).lower()
    assert "outcome" not in changes and "contact_preference" not in changes


# 4. Names and times said in passing.


@pytest.mark.parametrize(
    "typed",
    [
        "yes please, my mobile is 07700 900412. It's Sunday so I'm guessing not today",
        "07700 900412. its saturday tomorrow so can someone come",
        "my number is 07700 900412, it's Friday, will they come today?",
    ],
)
def test_a_day_is_no_name(typed: str) -> None:
    """r17a-01 t9: read back "We will contact Sunday"."""
    assert own_name_in(typed) is None


def test_a_name_beside_details_is_still_a_name() -> None:
    assert own_name_in("my mobile is 07700 900412, its Kerry") == "Kerry"


@pytest.mark.parametrize(
    ("typed", "preference"),
    [
        # r17a-07 t5
        ("tel 07700 900845, T says calls ok but not mornings", "phone, not mornings"),
        ("ring me any time except evenings", "phone, not evenings"),
        ("calls fine just not in the mornings", "phone, not in the mornings"),
        ("call me afternoons only, not mornings", "phone, afternoons only"),
        ("text only after 5pm", "text, after 5pm"),
    ],
)
def test_a_time_ruled_out_keeps_its_not(typed: str, preference: str) -> None:
    """r17a-07 t6: "not mornings" read back as "by phone, mornings"."""
    assert contact_preference(typed) == preference


@pytest.mark.parametrize(
    "typed",
    [
        # r17a-08 t10, with the copy already held
        "No - my email is jo.marsh@support.example. The councillor's (cllr.shah@council.example) "
        "is only to be copied in. Please put both.",
        "my email is jo.marsh@support.example",
        "please copy cllr.shah@council.example into emails",
    ],
)
def test_a_correction_that_asks_for_what_is_held_is_no_which_part_question(typed: str) -> None:
    """r17a-08 t10 was asked "Which part would you like to change?"."""
    draft = replace(
        WORKER,
        contact_details="jo.marsh@support.example; also copy our emails to "
        "cllr.shah@council.example",
    )
    correction = correction_of(typed, draft)
    assert (correction.how, correction.changes) == ("unchanged", {})


@pytest.mark.parametrize(
    "typed",
    [
        # r17a-10 t11, replayed after t10 left the question out
        "take out the bit about the manager, thats my question not what went wrong",
        "remove the manager bit, it isnt what went wrong",
        "delete the bit about a manager - not what went wrong, its my question",
    ],
)
def test_taking_out_of_a_named_part_never_takes_from_another(typed: str) -> None:
    draft = replace(
        NIGHTS,
        aspects="2 front windows wont shut since september, and ive rang 5 times",
        outcome="fix them and i want it looked at by a manager. and money off my bill",
    )
    assert "outcome" not in correction_of(typed, draft).changes
