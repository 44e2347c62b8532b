"""What a correction typed at the read-back changes (bot.corrections), said the way residents,
relatives and call handlers type them. Round 7 of the simulated residents found every typed
correction pasted onto the end of "what went wrong" with the old words kept."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.corrections import correction_of, part_only, part_picked
from bot.definition import DraftDefinition, resident_in

DRAFT = DraftDefinition(
    aspects="The roof leaks",
    still_happening=True,
    outcome="Fix the problem",
    representative=None,
    contact_name="Sam",
    contact_details="sam@example.org",
    contact_preference="email",
    adjustments=None,
)
# A first message that ran on about several things, as the form keeps it.
RAMBLING = replace(
    DRAFT,
    aspects=(
        "The bath panel came off in March and the plumber left it leaning on the wall. He never "
        "came back to fit it. Also the bin store door is broken again. Can I get a new rent "
        "card while I'm here?"
    ),
    earlier_request="I phoned in March and again in May",
    contact_name="Pat Devlin",
    contact_details="07700 900555",
    contact_preference="phone",
)
# A son writing for his mother, as the form reads it back.
HELPER = replace(
    DRAFT,
    aspects="Mum's front door lock is broken since Tuesday.",
    representative="son writing, Kieran Walsh, 07700 900444",
    contact_name="Kieran Walsh",
    contact_details="07700 900444",
    contact_preference="text",
    consent=False,
)


def corrections_in(typed: str, draft: DraftDefinition = DRAFT) -> dict[str, str | bool]:
    return correction_of(typed, draft).changes


def test_new_contact_details_replace_the_old_ones() -> None:
    assert corrections_in("wrong number, it's 07700 900123, text me") == {
        "contact_details": "07700 900123",
        "contact_preference": "text",
    }


def test_a_corrected_name_replaces_the_name() -> None:
    assert corrections_in("my name should be Sam Jones") == {"contact_name": "Sam Jones"}


def test_what_they_want_replaces_the_outcome_or_is_added_to_it() -> None:
    assert corrections_in("I would like an apology, not just the repair") == {
        "outcome": "I would like an apology, not just the repair"
    }
    assert corrections_in("I want compensation as well") == {
        "outcome": "Fix the problem. I want compensation as well"
    }


def test_something_more_is_added_once_in_their_words() -> None:
    assert corrections_in("it's the bathroom ceiling too") == {
        "aspects": "The roof leaks. It's the bathroom ceiling too"
    }
    added = corrections_in("can u add its in the hallway as well pls")
    assert added == {"aspects": "The roof leaks. Its in the hallway as well"}
    # Said again after the read-back that already has it: nothing added twice.
    again = replace(DRAFT, aspects=str(added["aspects"]))
    assert corrections_in("add that its in the hallway as well", again) == {}
    assert correction_of("add that its in the hallway as well", again).how == "added"


def test_a_corrected_name_and_way_to_contact_said_in_full_sentences() -> None:
    by_phone = replace(DRAFT, contact_preference="phone")
    assert corrections_in(
        "That says by phone - it should be by email. And my full name is Shanice Morrow.", by_phone
    ) == {"contact_name": "Shanice Morrow", "contact_preference": "email"}
    assert corrections_in("No, the name is wrong. It should say Mrs D Okafor") == {
        "contact_name": "Mrs D Okafor"
    }


@pytest.mark.parametrize(
    "typed",
    [
        "Her name is {name}",
        "nearly - her name is just {name}",
        "almost, the name should be {name}",
        "no change the name. Name: {name}",
        "name: {name} pls",
        "{name}",
    ],
)
@pytest.mark.parametrize("name", ["Brenda O'Neill", "Brenda McDonald", "Brenda Smith-Jones"])
def test_a_name_with_a_capital_inside_is_kept_whole(typed: str, name: str) -> None:
    """Round 7 (r7b-03): the name became "Brenda O'" or ": Brenda O'Neill", or was added to
    what went wrong."""
    draft = replace(DRAFT, contact_name="Brenda O")
    assert corrections_in(typed.format(name=name), draft) == {"contact_name": name}


def test_one_letter_of_a_name_swapped_for_the_whole_surname() -> None:
    draft = replace(DRAFT, contact_name="Brenda O")
    assert corrections_in("the name is wrong, its O'Neill not O", draft) == {
        "contact_name": "Brenda O'Neill"
    }


def test_the_earlier_job_is_corrected_or_removed() -> None:
    assert corrections_in("I gave the wrong job number. It's 60121, not 60112.") == {
        "earlier_request": "job 60121"
    }
    assert corrections_in("the reported before bit is wrong, I never reported it") == {
        "earlier_request": "none"
    }


def test_corrections_seen_in_the_fourth_simulated_round() -> None:
    """A yes with the name's spelling, a way of contact ruled out with "rather than", and a
    corrected date of the first report (which used to land in "what went wrong")."""
    draft = replace(DRAFT, contact_name="Aysha Khan", earlier_request="first rang on 12 November")
    assert corrections_in("Yes apart from my name, it's spelled Ayesha", draft) == {
        "contact_name": "Ayesha Khan"
    }
    assert corrections_in("Phone call rather than email, on 07700 900321", draft) == {
        "contact_details": "07700 900321",
        "contact_preference": "phone",
    }
    changed = corrections_in("the first call was on the 2nd of November not the 12th", draft)
    assert list(changed) == ["earlier_request"]
    assert "2nd" in str(changed["earlier_request"])
    assert "contact_name" not in corrections_in("the name is wrong", draft)


@pytest.mark.parametrize(
    ("typed", "part", "new_words"),
    [
        ("what went wrong should just say: rubble left in my garden", "aspects",
         "rubble left in my garden"),
        ("The what I would like part is wrong. It should say: clear it this week", "outcome",
         "clear it this week"),
        ("No, the what I would like bit is wrong. I want the bins cleaned every week.",
         "outcome", "I want the bins cleaned every week."),
        ("Please replace what went wrong with just this: The bath panel is off since March.",
         "aspects", "The bath panel is off since March."),
        ("No. Change what went wrong to: bath panel off, plumber never came back. Thanks",
         "aspects", "bath panel off, plumber never came back"),
        ("change wot went wrong to - bath panel still off", "aspects", "bath panel still off"),
        ("what went wrong needs to read: the panel is off and nobody came", "aspects",
         "the panel is off and nobody came"),
    ],
)  # fmt: skip
def test_new_words_for_a_part_replace_it_without_the_instruction(
    typed: str, part: str, new_words: str
) -> None:
    """Round 7 r7a-09, r7b-06; round 6 r6b-21: the instruction and the new words were added to
    what went wrong, with the old words kept."""
    assert corrections_in(typed, RAMBLING) == {part: new_words}


@pytest.mark.parametrize(
    "typed",
    [
        "Please take out the rent card question, that's not part of the complaint",
        "can you remove the bit about the rent card",
        "the rent card thing isnt part of my complaint",
        "delete the rent card bit pls",
        "rent card question shouldn't be there",
        "get rid of the rent card part, rest is fine",
    ],
)
def test_a_part_taken_out_removes_the_sentences_about_it(typed: str) -> None:
    changed = correction_of(typed, RAMBLING)
    assert changed.how == "removed"
    aspects = str(changed.changes["aspects"])
    assert "rent card" not in aspects
    assert aspects.startswith("The bath panel came off in March")
    assert "bin store door" in aspects


def test_the_last_bit_taken_out_when_it_names_nothing_else() -> None:
    assert corrections_in("take out the last bit at the end of what went wrong", RAMBLING) == {
        "aspects": (
            "The bath panel came off in March and the plumber left it leaning on the wall. He "
            "never came back to fit it. Also the bin store door is broken again."
        )
    }


def test_taking_out_everything_asks_which_part_instead() -> None:
    assert correction_of("remove the roof bit", DRAFT).how == "unclear"


@pytest.mark.parametrize(
    "typed",
    [
        "not quite. The complaint is only the bath panel and the plumber",
        "its just about the bath panel n the plumber not coming back",
        "No. My complaint is only about the bath panel and the plumber.",
    ],
)
def test_only_the_sentences_about_what_the_complaint_is_are_kept(typed: str) -> None:
    aspects = str(corrections_in(typed, RAMBLING)["aspects"])
    assert "bath panel came off" in aspects
    assert "He never came back to fit it" in aspects
    assert "bin store" not in aspects and "rent card" not in aspects


@pytest.mark.parametrize(
    ("typed", "part", "expected"),
    [
        ("one thing to change, I first phoned in February not March. rest is fine",
         "earlier_request", "I phoned in February and again in May"),
        ("correction - rang in June not May", "earlier_request",
         "I phoned in March and again in June"),
        ("small mistake, the panel came off in April not March", "aspects",
         "The bath panel came off in April and"),
        ("the bin store door is fine its the bike store door not bin store door", "aspects",
         "Also the bike store door is broken again."),
    ],
)  # fmt: skip
def test_a_not_b_swaps_b_for_a_where_b_is(typed: str, part: str, expected: str) -> None:
    changed = corrections_in(typed, RAMBLING)
    assert list(changed) == [part]
    assert expected in str(changed[part])


def test_a_date_corrected_with_a_contact_time_in_the_same_message() -> None:
    draft = replace(DRAFT, aspects="T c/o sink leak, contractor no-show on 3/10, wants it fixed")
    assert corrections_in(
        "correction, the no show was 5/10 not 3/10. also T only wants calls after 6pm", draft
    ) == {
        "aspects": "T c/o sink leak, contractor no-show on 5/10, wants it fixed",
        "contact_preference": "phone, after 6pm",
    }


@pytest.mark.parametrize(
    ("typed", "preference"),
    [
        ("please contact me by email not letter", "email"),
        ("txt only pls", "text only"),
        ("can you ring in the evenings only, i work days", "phone, in the evenings only"),
        ("she prefers a letter", "letter"),
        ("email me rather than phone", "email"),
    ],
)
def test_how_and_when_to_contact_changes_the_contact_not_what_went_wrong(
    typed: str, preference: str
) -> None:
    assert corrections_in(typed, replace(DRAFT, contact_preference="phone")) == {
        "contact_preference": preference
    }


@pytest.mark.parametrize(
    ("typed", "resident"),
    [
        ("correction: resident is Mrs Nora Walsh, not Kieran. Kieran is her son", "Mrs Nora Walsh"),
        ("the complaint is for my mum Nora Walsh", "Nora Walsh"),
        ("her name is Nora Walsh", "Nora Walsh"),
        ("T is Mrs Nora Walsh", "Mrs Nora Walsh"),
    ],
)
def test_who_the_complaint_is_for_changes_the_resident_not_what_went_wrong(
    typed: str, resident: str
) -> None:
    """Round 7 r7a-10: the resident's name was added to what went wrong."""
    assert corrections_in(typed, HELPER) == {"representative": resident}


def test_a_helper_saying_the_resident_agreed_is_recorded() -> None:
    assert corrections_in(
        "its for my mum Nora Walsh and she has said its ok for me to do it", HELPER
    ) == {
        "representative": "Nora Walsh",
        "consent": True,
    }


def test_my_name_from_a_helper_is_their_own() -> None:
    assert corrections_in("my name is Kieran Walsh-Byrne", HELPER) == {
        "contact_name": "Kieran Walsh-Byrne"
    }


@pytest.mark.parametrize(
    "typed",
    [
        "No, that's not right at all",
        "mould in the hall",
        "wrong",
        "its not what i said",
        "not right. the bathroom",
    ],
)
def test_a_part_that_cannot_be_told_is_asked_about(typed: str) -> None:
    assert correction_of(typed, RAMBLING).how == "unclear"


def test_removing_words_about_the_name_never_changes_the_name() -> None:
    """Round 7 r7b-03: the name became "shouldn't be there"."""
    draft = replace(
        RAMBLING, aspects="The bath panel is off. Sorry her name is Pat Devlin not Pat Devlyn"
    )
    changed = corrections_in(
        "the bit at the end of what went wrong about her name shouldn't be there, please remove it",
        draft,
    )
    assert changed == {"aspects": "The bath panel is off."}


@pytest.mark.parametrize(
    ("details", "helper", "resident"),
    [
        ("Mrs Joan Baker, 14 Elm Road", "Sarah Baker", "Mrs Joan Baker, 14 Elm Road"),
        ("I'm Gary, his nephew. He is Mr Tom Reilly at flat 2", "Gary Reilly", "Mr Tom Reilly"),
        ("for my nan Mrs Edna Price at 3 Oak Court", "Lee Price", "Mrs Edna Price, 3 Oak Court"),
        ("support worker, Jo Hart, 07700 900111. T is hard of hearing", "Jo Hart", None),
        ("daughter, Mia Khan", "Mia Khan", None),
    ],
)
def test_the_read_back_names_the_resident_a_helper_writes_for_never_the_helper(
    details: str, helper: str, resident: str | None
) -> None:
    """Round 7 r7a-10: "You are helping the resident: contact son, Richard Fisher, ..." read
    the helper's own line back as the resident."""
    assert resident_in(details, helper) == resident
    read_back = replace(HELPER, representative=details, contact_name=helper).read_back()
    if resident:
        assert f"The complaint is for: {resident}\n" in read_back
    else:
        assert f"The complaint is for the resident you are helping. You told us: {details}" in (
            read_back
        )
    assert f"You are helping them: {helper}. They have not agreed to this yet" in read_back


@pytest.mark.parametrize(
    ("typed", "earlier"),
    [
        ("the reported before bit is wrong, it was the gas safety visit last wk", "it was the gas "
         "safety visit last wk"),
        ("No. The earlier job is the plumber visit on 2 October, no number.",
         "the plumber visit on 2 October, no number."),
        ("previous report was: rang twice in sept", "rang twice in sept"),
    ],
)  # fmt: skip
def test_new_words_for_the_earlier_job_replace_it(typed: str, earlier: str) -> None:
    """Round 7 r7a-04, r7b-19: the new words were pasted after the old ones."""
    assert corrections_in(typed, RAMBLING) == {"earlier_request": earlier}


def test_someone_read_back_as_the_resident_who_says_who_it_is_for_becomes_the_helper() -> None:
    """Round 7 r7a-01: a daughter's "the complaint is for my mum ..." went into what went
    wrong, and the read-back never said who the complaint was for."""
    changed = corrections_in(
        "and the complaint is for my nan Edna Price, she has said its ok for me to sort it",
        replace(DRAFT, contact_name="Lee Price"),
    )
    assert changed == {
        "representative": "Edna Price",
        "acting_for": "someone_else",
        "consent": True,
    }


@pytest.mark.parametrize(
    "typed",
    [
        "pls put my full name Sam Okafor not just sam",
        "my full name Sam Okafor",
        "name is sam okafor",
    ],
)
def test_a_full_name_in_text_speak(typed: str) -> None:
    assert str(corrections_in(typed)["contact_name"]).lower() == "sam okafor"


@pytest.mark.parametrize(
    "typed",
    [
        "please remove it",
        "the bit about her name shouldn't be there, please remove it",
        "take out the bit about the boiler",
    ],
)
def test_what_cannot_be_found_to_take_out_is_asked_about_not_guessed(typed: str) -> None:
    """Round 7 r7b-03: "... shouldn't be there, please remove it" set the name to "shouldn't
    be there"."""
    assert correction_of(typed, RAMBLING) == correction_of("wrong", RAMBLING)
    assert correction_of(typed, RAMBLING).how == "unclear"


@pytest.mark.parametrize(
    ("typed", "part", "expected"),
    [
        ("Is not March, is April when panel came off", "aspects", "came off in April and"),
        ("not March but April for the panel", "aspects", "came off in April and"),
        ("the panel come off in April, not in March", "aspects", "came off in April and"),
        ("i phone you in june not may", "earlier_request", "and again in june"),
        ("plz chnage name to Pat Devlin-Ryan", "contact_name", "Pat Devlin-Ryan"),
        ("my name is wrong spell, correct is Pat Devlyn", "contact_name", "Pat Devlyn"),
    ],
)
def test_corrections_in_english_as_a_second_language(typed: str, part: str, expected: str) -> None:
    changed = corrections_in(typed, RAMBLING)
    assert list(changed) == [part]
    assert expected in str(changed[part])


def test_a_not_with_no_date_or_name_after_it_swaps_nothing() -> None:
    draft = replace(DRAFT, aspects="The boiler was fixed in May but it is leaking again")
    assert corrections_in("its not fixed, its still leaking", draft) == {}


TYPED_NAME = replace(
    DRAFT,
    aspects="phoned u 3 times about the leak under my sink and nobody came",
    contact_name="dee okoro",
    contact_details="07700 900333",
    contact_preference="text only",
)


@pytest.mark.parametrize(
    "typed",
    [
        "almost - its Dee Okoro with capitals pls and i actually phoned 6 times not 3",
        "i phoned 6 times, not 3. its Dee Okoro btw",
        "phoned u 6 times not 3 and my name is Dee Okoro",
    ],
)
def test_a_number_swapped_with_the_name_recapitalised_in_one_message(typed: str) -> None:
    """Round 8 r8a-02: "ive actually rang 5 times not 4" swapped "times" for "4" ("rang u
    times times"), and the name written again with capitals in the same sentence was lost."""
    assert corrections_in(typed, TYPED_NAME) == {
        "aspects": "phoned u 6 times about the leak under my sink and nobody came",
        "contact_name": "Dee Okoro",
    }


def test_a_word_before_not_is_still_swapped_for_a_word() -> None:
    assert corrections_in(
        "it was the kitchen sink not bathroom", replace(DRAFT, aspects="The bathroom sink leaks.")
    ) == {"aspects": "The kitchen sink leaks."}


def test_a_way_to_contact_said_as_text_message_changes_the_preference() -> None:
    """Round 8 r8a-21: "No. Not phone call. Text message please." got the which-part menu."""
    draft = replace(DRAFT, contact_preference="phone", contact_details="07700 900111")
    assert corrections_in("no. not a phone call. text messages please", draft) == {
        "contact_preference": "text"
    }


def test_a_helper_saying_the_resident_has_agreed_or_holds_attorney_is_consent() -> None:
    """Round 8 r8a-33: "He has agreed. Please change that." and "I have power of attorney"."""
    assert corrections_in("it says she hasnt agreed. she has agreed, change that", HELPER) == {
        "consent": True
    }
    assert corrections_in("i hold power of attorney for mum so thats fine", HELPER) == {
        "consent": True
    }


def test_the_resident_corrected_with_their_address_keeps_the_address() -> None:
    """Round 8 r8a-24, r8a-33: the address after the name was dropped."""
    changed = corrections_in("the resident is Mrs Ada Lewis, 7 Mill Row, Halifax HX1 2AB", HELPER)
    assert changed["representative"] == "Mrs Ada Lewis, 7 Mill Row, Halifax HX1 2AB"


@pytest.mark.parametrize(
    ("typed", "earlier"),
    [
        (
            "the reported before bit is wrong. I told the caretaker about it on 2 October",
            "I told the caretaker about it on 2 October",
        ),
        (
            "The earlier job part is wrong. It should say reported on 9 October, job no 551201.",
            "reported on 9 October, job no 551201",
        ),
    ],
)
def test_new_words_for_the_earlier_job_after_saying_it_is_wrong_replace_it(
    typed: str, earlier: str
) -> None:
    """Round 8 r8c-28 appended "Correction: ..." after the wrong words; r8a-12 kept only the
    job number."""
    assert corrections_in(typed, RAMBLING) == {"earlier_request": earlier}


def test_add_to_what_went_wrong_keeps_only_the_residents_words() -> None:
    """Round 8 r8a-19: "To what went wrong that children climb ..." was added."""
    changed = corrections_in("please add to what went wrong that the gate is left open at night")
    assert changed == {"aspects": "The roof leaks. The gate is left open at night"}


def test_a_part_named_in_a_few_words_is_picked() -> None:
    assert part_picked("the earlier report bit") == "earlier_request"
    assert part_picked("the earlier report bit has the wrong date, it was 3 November") is None


def test_words_quoted_from_the_read_back_are_taken_out_of_the_part_that_holds_them() -> None:
    """Round 8 r8c-28: "you've still got 'I'd rather phone someone' in there, remove that" was
    not applied; the compensation asked for in the same message was lost too."""
    draft = replace(RAMBLING, earlier_request="I'd rather ring someone")
    typed = (
        "you've still got 'I'd rather ring someone' in there, take that out. "
        "and I also want an apology"
    )
    assert corrections_in(typed, draft) == {
        "earlier_request": "none",
        "outcome": "Fix the problem. I also want an apology",
    }


@pytest.mark.parametrize(
    ("typed", "needs", "changes"),
    [
        # Round 12 r12a-03: the interpreter changed the way to contact instead.
        (
            "Almost. Please add I need a Polish interpreter if somebody call me or visit",
            ("interpreter",),
            {"adjustments": "I need a Polish interpreter if somebody call me or visit"},
        ),
        # r12a-04: "the adjustment should say: ..." overwrote what they would like.
        (
            "the adjustment should say: no phone calls, everything in writing",
            (),
            {"adjustments": "no phone calls, everything in writing"},
        ),
        # r12a-10: the part said to be fine is kept, the helper's name changed.
        (
            "what he wants is fine now. Change the helper name to Priya Shah",
            (),
            {"contact_name": "Priya Shah"},
        ),
        # r12a-04: "not still happening" and "not about a repair" had no way in.
        (
            "It is NOT still happening, it was one call. It isn't about a repair she reported.",
            (),
            {"still_happening": False, "earlier_request": "none"},
        ),
    ],
)
def test_a_sentence_changes_the_part_it_names(
    typed: str, needs: tuple[str, ...], changes: dict[str, object]
) -> None:
    assert correction_of(typed, RAMBLING, needs).changes == changes


def test_the_helper_line_takes_the_name_it_must_say_not_the_one_after_not() -> None:
    """Round 12 r12a-08: "must say Graham Pike, not Iris" swapped a name inside what went
    wrong."""
    typed = "The 'You are helping them' line must say Graham Pike, not Iris"
    assert correction_of(typed, HELPER).changes == {"contact_name": "Graham Pike"}


@pytest.mark.parametrize(
    ("typed", "part"),
    [("what you would like", "outcome"), ("the adjustments bit", "adjustments")],
)
def test_a_part_named_alone_is_picked(typed: str, part: str) -> None:
    assert part_only(typed) == part
    assert part_only("what you would like is to fix the window") is None


def test_the_start_of_a_phone_number_held_is_no_job_number() -> None:
    """Round 14 r14d-09: "The 07700 number is Mr Osei's, not mine" made the earlier report
    "job 07700"."""
    councillor = replace(
        HELPER,
        representative="Mr Daniel Osei, 41 Kestrel House. Their contact details: 07700 900333",
        contact_name="Priya Shah",
        contact_details="07700 900333",
        contact_preference="phone",
        earlier_request="He rang around 28 October",
    )
    changes = corrections_in(
        "Contact ME by email at p.shah@example.org. The 07700 number is Mr Osei's, not mine.",
        councillor,
    )
    assert "earlier_request" not in changes
    assert changes["contact_details"] == "p.shah@example.org"
    assert corrections_in("the job number is 77120", councillor) == {"earlier_request": "job 77120"}
