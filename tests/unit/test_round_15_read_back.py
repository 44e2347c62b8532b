"""Round 15 at the read-back: a part named in the resident's own words, a yes said in words,
corrections that replace or take out only what they name, and who is who."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.answers import READ_BACK, OpenQuestion, confirms_read_back, ends_confirming, understand
from bot.corrections import NO_JOB_NUMBER_GIVEN, correction_of, part_answered
from bot.definition import DraftDefinition, contact_preference, preference_beside_details
from bot.earlier_job import job_number_in
from bot.told import says_they_are_the_resident, staff_for_the_resident

# A call handler's complaint for a tenant, read back with the address inside what went wrong.
HANDLER = DraftDefinition(
    aspects="call handler here. caller Mr Kwame Osei T at 7 Kings Walk. c/o roof leak into "
    "kitchen, reported x3 since sept, no one attended.",
    still_happening=True,
    outcome="Get the cleaning restarted and a refund of the cleaning charge for the months it "
    "wasn't done.",
    representative=None,
    contact_name="Mr Kwame Osei",
    contact_details="07456 220198",
    contact_preference="phone",
    adjustments=None,
    earlier_request="reported x3 since sept",
)
# A resident read back as helping herself.
HELPING_HERSELF = DraftDefinition(
    aspects="We pay a service charge for communal cleaning at Nightingale Court but nobody has "
    "cleaned the stairs or bin store since September. There's rubbish piling up and it smells.",
    still_happening=True,
    outcome="As I said: restart the cleaning, and refund the cleaning charge for Sept to Dec.",
    representative="Priya Nair",
    contact_name="Priya Nair",
    contact_details="priya.nair.12@example.com",
    contact_preference="email",
    adjustments=None,
    earlier_request="I emailed the estates team on 20 October and again 12 November",
    consent=False,
)


def ask(text: str, intent: str = "inform") -> str:
    return understand(OpenQuestion(READ_BACK), text, intent, [], {}).kind


# 1. "Which part would you like to change?" answered in words.


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("the address", "aspects"),
        ("the adress bit", "aspects"),
        ("the bit about the refund", "outcome"),
        ("refund", "outcome"),
        ("the kitchen part", "aspects"),
        ("contact", "contact"),
        ("wot went wrong", "aspects"),
        ("the phone number is wrong", "contact"),
        ("my mob no", "contact"),
        ("her email", "contact"),
        ("hmm", None),
        # Round 9: leaving at "Which part?" is no part, though "out" is in what went wrong.
        ("cancel for now, heading out", None),
        # "cleaning" is in what went wrong and in what they want: asked again, not guessed.
        ("the cleaning", None),
    ],
)
def test_a_part_named_in_words_at_which_part_is_picked(text: str, part: str | None) -> None:
    """r15a-03 t10, r15a-04 t9, r15a-13 t16, t20: only the buttons were accepted."""
    draft = replace(HANDLER, aspects=HANDLER.aspects + " The cleaning was missed too.")
    assert part_answered(text, draft) == part


def test_the_address_picks_the_resident_a_helper_names_when_that_holds_it() -> None:
    draft = replace(
        HANDLER, aspects="The roof leaks.", representative="Mr Kwame Osei, 7 Kings Walk"
    )
    assert part_answered("the address", draft) == "who"


# 2. A yes in words at the read-back.


@pytest.mark.parametrize(
    "text",
    [
        "Finally, yes that's right.",
        "readback correct, pls log",
        "its messy but fine, yes",
        "yep all good log it",
        "At last. Yes thats right, log it pls",
        "read back is correct now, please log it",
        "all correct, submit it",
        "its long but ok. yes",
    ],
)
def test_a_yes_in_words_at_the_read_back_logs_it(text: str) -> None:
    """r15a-13 t25, r15c-10 t12, r15b-18 t14 were asked which part to change."""
    assert confirms_read_back(text)
    assert ask(text) == "yes"


@pytest.mark.parametrize(
    "text",
    [
        "hmm not sure",
        "maybe",
        "yes but the date is wrong",
        "its wrong but fine",
        "fine except the address",
        "not right",
        "yes that's right but add the refund",
        "ok so what happens next?",
        "the name is wrong",
    ],
)
def test_an_unclear_or_changing_reply_at_the_read_back_does_not_log(text: str) -> None:
    assert not confirms_read_back(text)
    assert ask(text) != "yes"


def test_news_then_a_yes_in_words_ends_confirming() -> None:
    """r15c-10 t12: "T and kids out, 999 called fire service attending. readback correct, pls
    log" (the news changes no part; the last words agree)."""
    assert ends_confirming("T and kids out, 999 called, fire crew here. readback correct, pls log")
    assert ends_confirming("She's gone to her sister's. All good now, log it")
    assert not ends_confirming("readback correct, pls log")
    assert not ends_confirming("The date is 3 May. not right")


# 3. Corrections that replace, and take out only what they name.


@pytest.mark.parametrize(
    "text",
    [
        "change 7 Kings Walk to 17 Kings Walk",
        "what went wrong - change 7 Kings Walk to 17 Kings Walk",
        "one correction, address is 17 Kings Walk not 7, i misheard him. rest is right",
        "the address. 17 Kings Walk",
        "address shud be 17 Kings Walk",
        "its 17 kings walk not 7",
    ],
)
def test_a_changed_address_replaces_the_old_one_where_it_is(text: str) -> None:
    """r15a-03 t9-12: "change 7 Kings Walk to 17 Kings Walk" was added after what went wrong."""
    changes = correction_of(text, HANDLER).changes
    assert set(changes) == {"aspects"}
    assert "T at 17 Kings Walk. c/o roof leak" in str(changes["aspects"])
    assert "change" not in str(changes["aspects"]).lower()


def test_words_changed_for_others_must_be_there() -> None:
    assert correction_of("change the loft to the roof", HANDLER).how == "unclear"


@pytest.mark.parametrize(
    "text",
    [
        "leave out the refund",
        "Nearly. I said leave out the refund - I only want the cleaning restarted.",
        "take the refund out",
        "pls remove the refund bit",
        "drop the refund, just want the cleaning done",
    ],
)
def test_leaving_out_the_refund_takes_out_only_the_refund(text: str) -> None:
    """r15a-13 t19: "leave out the refund" took the main sentence out of what went wrong and left
    the refund in what she would like."""
    changes = correction_of(text, HELPING_HERSELF).changes
    assert set(changes) == {"outcome"}
    assert "refund" not in str(changes["outcome"])
    assert "restart the cleaning" in str(changes["outcome"])


def test_a_refund_told_in_its_own_clause_of_one_sentence_goes_alone() -> None:
    changes = correction_of("leave out the refund", HANDLER).changes
    assert changes == {"outcome": "Get the cleaning restarted."}


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        (
            "no the want bit is wrong, i said fix the pipe upstairs for good n compensation for "
            "sofa n carpet",
            "Fix the pipe upstairs for good n compensation for sofa n carpet",
        ),
        ("the want bit is wrong. like i said, fix the pipe n compo", "Fix the pipe n compo"),
        ("what i want is wrong, as i said i want the pipe fixed for good", "The pipe fixed"),
    ],
)
def test_new_words_for_what_they_want_leave_out_i_said(text: str, outcome: str) -> None:
    """r15c-12 t10: stored as "The want bit is wrong, i said fix ..."."""
    changes = correction_of(text, HANDLER).changes
    assert str(changes["outcome"]).startswith(outcome)


@pytest.mark.parametrize(
    ("text", "earlier"),
    [
        (
            "the reported before bit shud say leaks reported march n august 2026 not rang em",
            "Leaks reported march n august 2026",
        ),
        (
            "the reported before part should say: leaks in march and august 2026",
            "Leaks in march and august 2026",
        ),
        ("earlier report shld be march n aug 2026 leaks", "March n aug 2026 leaks"),
    ],
)
def test_the_earlier_report_as_it_should_say(text: str, earlier: str) -> None:
    """r15c-12 t11: stored as "job 2026"."""
    draft = replace(HANDLER, earlier_request="rang em")
    assert correction_of(text, draft).changes == {"earlier_request": earlier}


def test_a_year_after_a_month_is_no_job_number() -> None:
    assert job_number_in("reported march n august 2026") is None
    assert job_number_in("job 2026 was the one") == "job 2026"
    assert job_number_in("its 60121") == "job 60121"


@pytest.mark.parametrize(
    "text",
    [
        "Email is right now. But there is no job 07811, that's part of her phone number. I don't "
        "have the job number for the fan.",
        "there's no job number, 07811 is mums mobile",
        "I don't have the job number",
        "07811 isnt a job number its her phone",
    ],
)
def test_no_job_number_takes_the_wrong_one_out(text: str) -> None:
    """r15a-02 t11: "job 07811. Correction: I don't have the job number"."""
    draft = replace(
        HANDLER,
        contact_details="jo@example.com",
        contact_preference="email",
        adjustments="never phone mum, text her on 07811 402 663",
        earlier_request="job 07811",
    )
    assert correction_of(text, draft).changes["earlier_request"] == NO_JOB_NUMBER_GIVEN


# 4. Who is who.


@pytest.mark.parametrize(
    "text",
    [
        "No. I am the resident, Priya Nair, 12 Nightingale Court - there is no helper and nobody "
        "needs to agree to anything.",
        "Who is complaining. It's me, Priya Nair, the resident. No helper.",
        "im the tenant, no helper",
        "there is no helper, its my own complaint",
        "I'm not helping anyone, it's my own complaint!",
    ],
)
def test_no_helper_makes_the_writer_the_resident(text: str) -> None:
    """r15a-13 t15-16: read back as helping herself; her typed correction was not applied."""
    changes = correction_of(text, HELPING_HERSELF).changes
    assert changes["acting_for"] == "resident"
    assert changes["representative"] == ""


# A solicitor's complaint read back with the tenant's name on the helper.
SOLICITOR = DraftDefinition(
    aspects="Damp and a collapsed kitchen ceiling.",
    still_happening=True,
    outcome="A full survey.",
    representative="Mr Tomasz Nowak, Flat 3, 22 Quarry Road",
    contact_name="Mr Nowak",
    contact_details="e.finch@harrowfinch.example",
    contact_preference="email",
    adjustments=None,
    consent=True,
)


@pytest.mark.parametrize(
    ("text", "helper"),
    [
        ("No. The representative is Eleanor Finch (me), not Mr Nowak.", "Eleanor Finch"),
        ("The helper is me, Eleanor Finch, not Mr Nowak.", "Eleanor Finch"),
        ("wrong way round, I am Eleanor Finch, Mr Nowak is my client", "Eleanor Finch"),
        (
            "I am Cllr Dev Mistry, contact ME by email at e.finch@harrowfinch.example",
            "Cllr Dev Mistry",
        ),
        ("its me Cllr Mistry helping, not Mr Nowak", "Cllr Mistry"),
    ],
)
def test_the_helper_named_in_a_correction_replaces_the_resident_in_their_slot(
    text: str, helper: str
) -> None:
    """r15d-06 t12 read back "You are helping them: Finch me"; r15d-09 t8 kept the resident's
    name on the councillor; r15a-05 t14."""
    changes = correction_of(text, SOLICITOR).changes
    assert changes["contact_name"] == helper
    assert changes.get("acting_for", "someone_else") == "someone_else"


def test_you_have_omitted_is_not_part_of_what_would_help() -> None:
    """r15d-06 t12: stored "you have omitted the Polish interpreter"."""
    changes = correction_of(
        "And you have omitted the Polish interpreter.", SOLICITOR, ("Polish interpreter",)
    ).changes
    assert "omitted" not in str(changes["adjustments"])
    assert "Polish interpreter" in str(changes["adjustments"])


@pytest.mark.parametrize(
    "text",
    [
        "Resident - flat 12 Nightingale Court. A few neighbours feel the same but I'm just doing "
        "it for myself.",
        "im doing this for myself",
        "its my own complaint",
        "I'm not helping anyone, it's my own complaint!",
    ],
)
def test_doing_it_for_myself_is_the_resident(text: str) -> None:
    """r15a-13 t6: "I'm just doing it for myself" was taken as helping someone else."""
    assert says_they_are_the_resident(text)


@pytest.mark.parametrize("text", ["I'm writing for my mum", "im helping my neighbour, she cant"])
def test_a_helper_is_still_a_helper(text: str) -> None:
    assert not says_they_are_the_resident(text)


# 5. A call handler is no representative.


@pytest.mark.parametrize(
    "text",
    [
        "im CSA taking the call, clr is the T: Mrs Farah Begum, 7 Ash Grove",
        "CH here, T on the line",
        "shes on the phone now, she's the one complaining, I'm just logging it. yes",
        "customer service adviser here, caller is the tenant",
    ],
)
def test_a_call_handler_in_shorthand_is_staff(text: str) -> None:
    """r15d-12 t6-t9: the CSA was asked for the resident's consent."""
    assert staff_for_the_resident(text)


@pytest.mark.parametrize(
    "text",
    [
        "I'm taking this for my mum",
        "im her son",
        "this is the agent for the tenant",
        # Round 13 r13c-05: the daughter on the line is the helper.
        "call handler here. T is Mrs Faith Okonjo, daughter Grace on the line for her",
    ],
)
def test_a_relative_or_agent_is_no_call_handler(text: str) -> None:
    assert not staff_for_the_resident(text)


def test_a_call_handler_saying_no_rep_makes_the_tenant_the_resident() -> None:
    """r15d-12 t18: "she is the resident herself, no rep - i'm staff" was ignored."""
    draft = replace(
        SOLICITOR, representative="Mrs Farah Begum, 7 Ash Grove", contact_name="Mrs Farah Begum"
    )
    changes = correction_of("and she is the resident herself, no rep - i'm staff", draft).changes
    assert changes["acting_for"] == "resident"


# 6. Contact wording.


@pytest.mark.parametrize(
    ("text", "way"),
    [
        ("no calls before 2pm, she works nights", "phone, not before 2pm"),
        ("dont ring her before 2pm", "phone, not before 2pm"),
        ("no calls after 8pm pls", "phone, not after 8pm"),
        ("contact by TEXT. if calling, only AFTER 2pm.", "text, calls after 2pm"),
    ],
)
def test_a_time_ruled_out_for_calls_is_not_turned_round(text: str, way: str) -> None:
    """r15d-12 t17: "no calls before 2pm" was read back "by phone, before 2pm"."""
    draft = replace(SOLICITOR, contact_details="07700 900654", contact_preference="text")
    assert correction_of(text, draft).changes["contact_preference"] == way


@pytest.mark.parametrize(
    "text",
    [
        "Landline is best, 0161 496 0772. I'm not much good with email.",
        "im no good with emails, ring me on 07700 900123",
        "not great with email, landline 01632 960001",
    ],
)
def test_a_way_they_are_no_good_with_is_not_the_way(text: str) -> None:
    """r15a-07 t10: read back "by email (0161 496 0772)"."""
    assert contact_preference(text) == "phone"
    assert preference_beside_details(text) == "phone"


def test_easy_read_letters_are_no_way_of_contact() -> None:
    """r15d-11 t9 (kept): "Easy read letters for Colin" is what would help."""
    assert contact_preference("Easy read letters for Colin please, and visits through me") is None


class Slots:
    """The slots a validation reads, as a tracker holds them."""

    def __init__(self, **slots: str) -> None:
        self.slots = slots

    def get_slot(self, key: str) -> str | None:
        return self.slots.get(key)


@pytest.mark.parametrize(
    ("text", "resident", "helper"),
    [
        (
            "Eleanor Finch, please correspond with me at e.finch@harrowfinch.example and not "
            "with Mr Nowak directly.",
            "Mr Tomasz Nowak, Flat 3, 22 Quarry Road",
            "Eleanor Finch",
        ),
        (
            "Dev Mistry. Please don't contact Ms Price by letter, her ex may see her post.",
            "Ms Kayleigh Price, 5 Orchard House",
            "Dev Mistry",
        ),
        (
            "Maya Pereira (support worker). The tenant is Leanne Marsh, flat 9, Halton House.",
            "",
            "Maya Pereira",
        ),
        ("Priya Shah from Age UK, helping Mr Ali Khan", "Mr Ali Khan", "Priya Shah"),
        ("Kofi Owusu", "Mrs Ama Owusu", "Kofi Owusu"),
    ],
)
def test_the_name_a_helper_gives_is_theirs_not_the_residents(
    text: str, resident: str, helper: str
) -> None:
    """r15d-06 t9, r15d-09 t6, r15a-05 t6: the resident's name, said last, was taken as the
    helper's, and the read-back said "You are helping them: Mr Nowak"."""
    from actions.contact import helper_not_resident
    from bot.definition import name_in

    tracker = Slots(acting_for="someone_else", representative_details=resident)
    assert helper_not_resident(tracker, text, name_in(text)) == helper  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "writes"),
    [
        ("my phone number is 01904 613 227 or write to me at 5 Holly Lane", True),
        ("send letters to 9 Ash Road please", True),
        ("my address is 4 Elm Close", True),
        ("ring me on 07700 900123", False),
    ],
)
def test_where_to_write_is_kept_beside_a_number(text: str, writes: bool) -> None:
    """r15a-11 t9: "by letter (01904 613227)" with her address dropped."""
    from actions.contact import WRITE_TO_ME

    assert (WRITE_TO_ME.search(text) is not None) == writes


def test_words_like_them_do_not_make_a_part_ambiguous() -> None:
    """ "the bit about getting them fixed": "them" is in what went wrong too."""
    draft = replace(
        HANDLER, aspects="The landing lights are out and nobody came to look at them.",
        outcome="get them fixed",
    )  # fmt: skip
    assert part_answered("the bit about getting them fixed", draft) == "outcome"
    assert part_answered("the one about them lights", draft) == "aspects"
