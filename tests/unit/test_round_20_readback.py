"""Round 19 (player b) at the read-back: an instruction about the address is never stored as what
went wrong; the resident's address is held, read back and put right; typed corrections replace."""

from __future__ import annotations

from dataclasses import replace

import pytest

from actions.choice import without_parts
from bot.corrections import correction_for, correction_of
from bot.definition import DraftDefinition, preference_beside_details, way_that_fits
from bot.questions import questions_and_rest
from bot.told import outcome_told, own_name_in

# A resident with mice, her address not yet held.
MICE = DraftDefinition(
    aspects=(
        "Mice in the kitchen since September, getting in behind the oven. Pest control came once "
        "and never came back."
    ),
    still_happening=True,
    outcome="Hole blocked and pest control finished.",
    representative=None,
    contact_name="Lucy Brennan",
    contact_details="lucy.brennan@example.com",
    contact_preference="email",
    adjustments=None,
    earlier_request="rang 3 times",
)
HELD = replace(MICE, address="12 Sycamore Drive")


@pytest.mark.parametrize(
    "typed",
    [
        "No, add the address first please",
        "add my address please",
        "u forgot my addy",
        "where's my address??",
        "pls put my adress on it",
        "you left out my address",
    ],
)
def test_asking_for_the_address_is_never_what_went_wrong(typed: str) -> None:
    correction = correction_of(typed, MICE)
    assert correction.how == "address"
    assert correction.changes == {}


@pytest.mark.parametrize(
    "typed", ["No, add the address first please", "u forgot my addy", "put my address on"]
)
def test_asking_for_the_address_held_is_that_is_what_i_have(typed: str) -> None:
    correction = correction_of(typed, HELD)
    assert correction.how == "unchanged"
    assert "aspects" not in correction.changes


@pytest.mark.parametrize(
    ("typed", "address"),
    [
        ("Yes but you've missed my address, 12 Sycamore Drive, the pest control need that!",
         "12 Sycamore Drive"),
        ("and my address is 14 Larch Court, you havent put that", "14 Larch Court"),
        ("mostly yeah but put my address on it 7 Birch House", "7 Birch House"),
        ("my adress is Flat 3, 22 Mill Road pls", "Flat 3, 22 Mill Road"),
        ("12 Sycamore Drive", "12 Sycamore Drive"),
        ("its 41 Cedar Way", "41 Cedar Way"),
        ("Also I made a typo earlier, my address is 13 Larch Avenue not 31", "13 Larch Avenue"),
    ],
)  # fmt: skip
def test_an_address_typed_at_the_read_back_is_put_on_it(typed: str, address: str) -> None:
    correction = correction_of(typed, MICE)
    assert correction.how == "changed"
    assert correction.changes == {"address": address}


@pytest.mark.parametrize(
    "typed",
    ["its 21 Sycamore Drive not 12", "my address is 21 Sycamore Drive", "21 Sycamore Drive"],
)
def test_the_address_held_is_put_right(typed: str) -> None:
    assert correction_of(typed, HELD).changes == {"address": "21 Sycamore Drive"}


def test_the_address_is_read_back() -> None:
    assert "Your address: 12 Sycamore Drive" in HELD.read_back()
    assert "address" not in MICE.read_back().lower()


def test_an_address_already_in_the_letter_details_is_not_read_back_twice() -> None:
    letter = replace(
        HELD, contact_details="12 Sycamore Drive, 07700 900129", contact_preference="letter"
    )
    assert letter.read_back().count("12 Sycamore Drive") == 1


def test_a_helper_reads_back_their_address() -> None:
    helped = replace(HELD, representative="Mrs Ada Obi", consent=True)
    assert "Their address: 12 Sycamore Drive" in helped.read_back()


SOLICITOR = DraftDefinition(
    aspects="Penetrating damp to the rear bedroom wall.",
    still_happening=True,
    outcome="Remedial works.",
    representative="Ms Danielle Osei",
    contact_name="Mr Tobias Lyle",
    contact_details="t.lyle@example.co.uk",
    contact_preference="email only",
    adjustments=None,
    consent=True,
)


@pytest.mark.parametrize(
    "typed",
    [
        "The property address 17 Aspen Court is still omitted, but we note the complaint is for "
        "Ms Osei of that address. Confirmed.",
        "the complaint is for Ms Osei, 17 Aspen Court",
        "its for Danielle at 17 Aspen Court",
    ],
)
def test_a_shorter_name_for_the_resident_keeps_the_full_name(typed: str) -> None:
    """r19b-12 t13: "I've changed that" cut the client's name to "Ms Osei"."""
    correction = correction_of(typed, SOLICITOR)
    assert correction.changes.get("representative", "Ms Danielle Osei").startswith(
        "Ms Danielle Osei"
    )


@pytest.mark.parametrize(
    ("message", "parts", "left"),
    [
        ("my tap drips. theres drug dealing next door, im scared",
         ["theres drug dealing next door, im scared"], "my tap drips."),
        ("boiler broke again and the neighbours dog barks all night",
         ["the neighbours dog barks all night"], "boiler broke again"),
        ("I write for two things. I am on the register for a transfer. Also my officer never "
         "answers", ["I am on the register for a transfer"],
         "I write for two things. Also my officer never answers"),
        ("people selling weed from no 4", ["people selling weed from no 4"],
         "people selling weed from no 4"),
    ],
)  # fmt: skip
def test_a_part_routed_elsewhere_is_not_what_went_wrong(
    message: str, parts: list[str], left: str
) -> None:
    """r19b-01 t8: the drug-dealing report, given its own route, was read back in the repair
    complaint; nothing left keeps the whole message."""
    assert without_parts(message, parts) == left


@pytest.mark.parametrize(
    "typed",
    [
        "This is not accurate. Correspondence should be by email to t.lyle@example.co.uk, quoting "
        "our reference HL/DO/2291, and the property is 17 Aspen Court. Please amend.",
        "pls email t.lyle@example.co.uk and quote our ref HL/DO/2291, the property is 17 Aspen "
        "Court",
        "Kindly write by email to t.lyle@example.co.uk quoting reference HL/DO/2291; the "
        "property is 17 Aspen Court.",
    ],
)
def test_a_reference_beside_the_way_and_the_property_changes_all_three(typed: str) -> None:
    """r19b-12 t11: "I've changed that" with only the reference added, still "by phone"."""
    by_phone = replace(SOLICITOR, contact_details="0161 496 0823", contact_preference="phone")
    changes = correction_of(typed, by_phone).changes
    assert str(changes["contact_details"]).startswith("t.lyle@example.co.uk")
    assert "HL/DO/2291" in str(changes["contact_details"])
    assert changes["contact_preference"] == "email"
    assert changes["representative"] == "Ms Danielle Osei, 17 Aspen Court"


@pytest.mark.parametrize(
    ("typed", "new"),
    [
        ("what went wrong. i just said it - the tap dripping and nobody came since october. "
         "nothing about next door", "The tap dripping and nobody came since october."),
        ("What went wrong: like I said, the mice and the hole behind the oven.",
         "The mice and the hole behind the oven."),
        ("wot went wrong. mice in kitchen, pest control never came back", "Mice in kitchen, pest "
         "control never came back"),
    ],
)  # fmt: skip
def test_a_part_named_as_a_heading_is_replaced_by_the_words_after(typed: str, new: str) -> None:
    """r19b-01 t10-t11: "what went wrong. i just said it - ..." was asked which part, then added
    whole to what went wrong, heading and all."""
    assert correction_of(typed, MICE).changes == {"aspects": new}
    picked = correction_for("aspects", typed, MICE)
    assert picked is not None and picked.changes == {"aspects": new}


NEIGHBOUR = DraftDefinition(
    aspects="His front door lock is very stiff and he could not get out for 2 hours.",
    still_happening=True,
    outcome="nobody is abusing him, its just the lock! he wants the lock changed and an apology",
    representative="Mr Stanislaw Nowak",
    contact_name="Carol Dunn",
    contact_details="carol.dunn@example.co.uk, 07700 900374",
    contact_preference="phone",
    adjustments="he is 88",
    consent=True,
)
HANDLER = DraftDefinition(
    aspects="T rang re damp bthrm, 2nd time",
    still_happening=True,
    outcome="extractor fan fitted + apology",
    representative=None,
    contact_name="Mrs Halima Begum",
    contact_details="07700 900856",
    contact_preference="text",
    adjustments="txt 07700 900 856 as above",
)


@pytest.mark.parametrize(
    ("typed", "needs"),
    [
        ("no - adj shd be asthma not the phone no.", ("asthma",)),
        ("adjustments should say asthma, not the number", ("asthma",)),
        ("adj should be: asthma", ("asthma",)),
    ],
)
def test_adjustments_rewritten_replace_the_old_words(typed: str, needs: tuple[str, ...]) -> None:
    """r19b-13 t9: "adj shd be asthma not the phone no" was added after the phone number."""
    assert correction_of(typed, HANDLER, needs).changes == {"adjustments": "asthma"}


@pytest.mark.parametrize(
    "typed",
    [
        "not right. the adjustments should say: letters in large print, he is hard of hearing. "
        "and take out the bit about abuse, there's no abuse",
        "take out the abuse bit. adjustments should say letters in large print, he is hard of "
        "hearing",
        "the adjustments should be letters in large print, he is hard of hearing. remove the "
        "abusing part",
    ],
)
def test_the_adjustments_and_a_removal_in_one_message(typed: str) -> None:
    """r19b-11 t8: the whole message was appended to what would help, "nobody is abusing him"
    stayed in what he would like."""
    changes = correction_of(typed, NEIGHBOUR, ("large print", "hard of hearing")).changes
    assert (
        str(changes["adjustments"]).rstrip(".") == "letters in large print, he is hard of hearing"
    )
    assert "abus" not in str(changes["outcome"])
    assert "lock changed" in str(changes["outcome"])


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("I'm the tenant. Like I said, I was in hospital a lot. My name is Priya Raman, 9 Elm "
         "Close.", "Priya Raman"),
        ("im the tenant. Like I told u before", None),
        ("I'm the resident. As I said, it's been months", None),
    ],
)  # fmt: skip
def test_like_i_said_is_no_name(text: str, name: str | None) -> None:
    """r19b-06 t7: the read-back named her "Like I"."""
    assert own_name_in(text) == name


@pytest.mark.parametrize(
    "text",
    [
        "Hi there, I'd like to raise a complaint about how a roof repair was handled.",
        "i want to lodge a complaint about the caretaker",
        "Id like to put in a complaint re the lift",
    ],
)
def test_asking_to_raise_a_complaint_is_not_what_they_would_like(text: str) -> None:
    """r19b-06 t7: "You would like: I'd like to raise a complaint about ..." was never asked."""
    assert outcome_told(text) is None


@pytest.mark.parametrize(
    ("text", "way"),
    [
        ("email is amina.yusuf@example.com. please not phone in the morning, I work nights",
         "email"),
        ("jo@example.org, dont ring after 6 tho", "email"),
        ("my email sam.o@example.com - no calls before 10am please", "email"),
        ("sam.o@example.com, please dont phone me in the mornings", "email"),
    ],
)  # fmt: skip
def test_a_time_ruled_out_for_calls_beside_an_email_is_email(text: str, way: str) -> None:
    """r19b-02 t6: "We will contact Amina Yusuf by phone, not in the morning (amina@...)"."""
    assert str(preference_beside_details(text)).startswith(way)


@pytest.mark.parametrize(
    "typed",
    [
        "The property address 17 Aspen Court is still omitted, but we note the complaint is for "
        "Ms Osei of that address. Confirmed.",
        "you still havent got her address, 17 Aspen Court",
        "the address is 17 Aspen Court, please add it",
    ],
)
def test_an_address_said_missing_when_shown_is_what_i_have(typed: str) -> None:
    """r19b-12 t13: asked which part, though the address was read back."""
    held = replace(SOLICITOR, representative="Ms Danielle Osei, 17 Aspen Court")
    assert correction_of(typed, held).how == "unchanged"


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        ("rang 3 times, no call backs. I want the hole blocked, the pest control finished, and "
         "someone to call me back.", "want the hole blocked, the pest control finished, and "
         "someone to call me back"),
        ("i just want someone to ring me back like they said", "want someone to ring me back "
         "like they said"),
        ("id like the gap under the door sealed", "id like the gap under the door sealed"),
    ],
)  # fmt: skip
def test_what_they_want_in_the_first_message_is_kept(text: str, outcome: str) -> None:
    """r19b-10 t5: the outcome in her message was asked for again."""
    assert outcome_told(text) == outcome


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Owen Pryce, caseworker for Helen Shah MP. As above, the resident is Mr Darren Cole.",
         "Owen Pryce"),
        ("Tom Hale, solicitor for the tenant Mrs Ruth Bell", "Tom Hale"),
        ("Priti Shah, case worker at the councillor's office", "Priti Shah"),
    ],
)  # fmt: skip
def test_a_caseworker_names_themself(text: str, name: str) -> None:
    """r18a-09 t4-t8 (forms19's left item): the MP's caseworker was read back as the resident."""
    assert own_name_in(text) == name


@pytest.mark.parametrize(
    ("preference", "details", "way"),
    [
        ("letter", "casework@helenshah.example.org", "email"),
        ("letter", "14 Elm Road, casework@example.org", "letter"),
        ("letter", "14 Elm Road", "letter"),
    ],
)
def test_writing_with_only_an_email_is_email(preference: str, details: str, way: str) -> None:
    assert way_that_fits(preference, details) == way


@pytest.mark.parametrize(
    ("text", "email"),
    [
        ("priya.raman@example.org please. Who actually decides whether it's accepted, and will I "
         "be told if it isn't?", "priya.raman@example.org"),
        ("my email is jo.b@mail.co.uk. when will i hear back?", "jo.b@mail.co.uk"),
        ("Email: d.okafor@example.com. Do I need to be in for the visit?", "d.okafor@example.com"),
    ],
)  # fmt: skip
def test_an_email_typed_with_a_question_is_kept_whole(text: str, email: str) -> None:
    """r19b-06 t4-t5: the email typed with a question was split at its dots and asked again."""
    asked, rest = questions_and_rest(text)
    assert asked
    assert email in rest
