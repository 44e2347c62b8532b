"""Round 12 of the simulated residents (issue 16), played over REST in our own wordings: a
correction typed at the read-back changes the part the resident names and no other, a part named
alone is asked about again, consent to record a disability given at the read-back is kept and a
refusal is honoured, and only a plain yes logs the complaint."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.conftest import Running
from tests.conversations.test_conversation_repair import conversation
from tests.conversations.test_round_8_form import OUTCOME, to_the_earlier_job_question
from tests.conversations.test_round_9_form_danger import to_the_read_back
from tests.conversations.test_round_9_forms import CHANGED, LOGGED, READ_BACK, WHICH_PART

pytestmark = pytest.mark.server

WHAT_WENT_WRONG = (
    "What went wrong: the lights on our landing have been out for three weeks and nobody has "
    "come to look at them"
)
ADJUSTMENTS = "To make things easier for you:"


def answering(say: Callable[[str], str], *answers: str) -> str:
    """The complaint form from its earlier-job question, answered in turn: the last reply."""
    to_the_earlier_job_question(say)
    return [say(answer) for answer in answers][-1]


def to_the_read_back_by_email(say: Callable[[str], str], earlier_job: str) -> str:
    """A resident written to by email, with the earlier job as given."""
    return answering(
        say, earlier_job, "get them fixed", "I'm the resident", "Rita Shaw",
        "rita.shaw@example.org", "email", "no",
    )  # fmt: skip


def to_the_read_back_as_a_helper(say: Callable[[str], str]) -> str:
    """A neighbour helping Mrs Edna Price, who has agreed, contacted by phone."""
    read_back = answering(
        say,
        "no",
        "get them fixed",
        "I'm helping my neighbour",
        "Mrs Edna Price, 4 Birch Road, she's my neighbour",
        "yes she has agreed",
        "Tom Okoro",
        "07700 900321",
        "phone call",
        "no",
    )
    assert "You are helping them: Tom Okoro" in read_back
    return read_back


def test_an_interpreter_added_at_the_read_back_changes_only_what_would_help(
    running: Running,
) -> None:
    """r12a-03: "Please add I need Polish interpreter if somebody call me" switched the way to
    contact from email to phone, said "I've changed that" and added no interpreter."""
    _, say = conversation(running)
    to_the_read_back(say)
    reply = say("Almost right. Please add that I need a Romanian interpreter if someone rings")
    assert f"{ADJUSTMENTS} I need a Romanian interpreter if someone rings" in reply
    assert "contact Nadia Farah by phone, but I do not have a phone number" in reply
    assert "I have: nadia.farah@example.org" in reply
    assert WHAT_WENT_WRONG + "\n" in reply


def test_new_words_for_what_would_help_replace_it_and_leave_the_outcome(
    running: Running,
) -> None:
    """r12a-04, r12a-03: "the adjustment should say: ..." and "I want: Polish interpreter"
    overwrote what the resident would like, and the adjustment stayed wrong."""
    _, say = conversation(running)
    to_the_read_back(say)
    say("please add that I need an interpreter")
    reply = say("the adjustment should say: letters in large print, no phone calls")
    assert f"{ADJUSTMENTS} letters in large print, no phone calls" in reply
    assert "You would like: get them fixed" in reply


def test_naming_a_part_alone_asks_for_it_again_and_changes_nothing_else(
    running: Running,
) -> None:
    """r12a-05, r12a-16: "what you would like" typed at the read-back cut a sentence from what
    went wrong, or was pasted onto the outcome, with "I've changed that"."""
    _, say = conversation(running)
    to_the_read_back(say)
    asked = say("the what you would like bit")
    assert OUTCOME in asked
    assert CHANGED not in asked
    reply = say("the lights fixed and a call back when you say you will")
    assert "You would like: the lights fixed and a call back when you say you will" in reply
    assert WHAT_WENT_WRONG + "\n" in reply


def test_the_helper_line_named_gets_the_new_name_and_the_complaint_text_is_kept(
    running: Running,
) -> None:
    """r12a-08: "The 'You are helping them' line must say Graham Pike, not Iris" rewrote a name
    inside what went wrong and left the helper wrong."""
    _, say = conversation(running)
    to_the_read_back_as_a_helper(say)
    reply = say("The 'You are helping them' line must say Graham Pike, not Edna")
    assert "You are helping them: Graham Pike" in reply
    assert "The complaint is for: Mrs Edna Price, 4 Birch Road" in reply
    assert WHAT_WENT_WRONG + "\n" in reply


def test_a_part_said_to_be_fine_is_kept_while_another_is_changed(running: Running) -> None:
    """r12a-10: "what he wants is fine now ... Change the helper name to Priya Shah" overwrote
    the outcome with "what he wants is fine now."."""
    _, say = conversation(running)
    to_the_read_back_as_a_helper(say)
    reply = say("what you would like is fine now. Change the helper name to Priya Shah")
    assert "You are helping them: Priya Shah" in reply
    assert "You would like: get them fixed" in reply


def test_not_still_happening_and_not_reported_before_are_applied(running: Running) -> None:
    """r12a-04: "It is NOT still happening ... It isn't about a repair she reported either"
    changed the contact method instead, and the lines could not be corrected at all."""
    _, say = conversation(running)
    read_back = answering(
        say,
        "yes I rang on 2 November",
        "get them fixed",
        "I'm the tenant",
        "Nadia Farah",
        "nadia.farah@example.org",
        "email",
        "no",
    )
    assert "It is about a request you reported before" in read_back
    reply = say(
        "A couple of things are wrong. It is not still happening, it was a one-off. "
        "And it isn't about a repair I reported before either."
    )
    assert "It has stopped." in reply
    assert "It is about a request you reported before" not in reply
    assert "We will contact Nadia Farah by email (nadia.farah@example.org)" in reply


def test_consent_to_record_a_disability_at_the_read_back_is_kept_not_taken_as_yes(
    running: Running,
) -> None:
    """r12a-13: "yes you can put down hes disabled, he uses a walking stick" was taken as "yes,
    that's right" and the complaint was logged without it."""
    _, say = conversation(running)
    to_the_read_back(say)
    reply = say("yes you can put down that I'm disabled, I use a walking stick after a stroke")
    assert LOGGED not in reply
    assert ADJUSTMENTS in reply and "walking stick" in reply
    assert LOGGED in say("yes that's right")


def test_a_disability_the_resident_will_not_have_on_file_is_not_read_back(
    running: Running,
) -> None:
    """r12a-16: "I'm a bit hard of hearing ... but i dont want that written on any file" was
    recorded as an adjustment, and "don't write down about my hearing" at the read-back
    was ignored."""
    _, say = conversation(running)
    read_back = answering(
        say,
        "no",
        "get them fixed",
        "I'm the resident",
        "Joan Hill",
        "my landline 01632 960 458, I'm in most days. I'm a bit hard of hearing so please speak "
        "slowly, but I don't want that put on any file",
        "phone call",
        "no",
    )
    assert READ_BACK in read_back
    assert "hearing" not in read_back


def test_hearing_refused_at_the_read_back_is_taken_out(running: Running) -> None:
    """r12a-08, r12a-16: "please take out the hearing bit, I said not to record it" changed
    nothing, and the complaint was logged with it."""
    _, say = conversation(running)
    to_the_read_back(say)
    added = say("you can note that I'm hard of hearing")
    assert "hard of hearing" in added
    reply = say("no, on second thoughts don't put my hearing on file")
    assert READ_BACK in reply
    assert "hearing" not in reply
    assert WHICH_PART not in reply


def test_a_question_beginning_with_ok_at_the_read_back_does_not_log(running: Running) -> None:
    """r12a-16: "ok. so what do you need next?" (in our replay at the read-back) logged the
    complaint."""
    _, say = conversation(running)
    to_the_read_back(say)
    reply = say("ok so what happens now?")
    assert LOGGED not in reply
    assert LOGGED in say("yes log it")


def test_not_mine_to_agree_dont_record_it_is_a_no_and_the_rest_of_a_fix_is_applied(
    running: Running,
) -> None:
    """r12a-08: "I don't think that's mine to agree, best ask Iris. Don't record it for now."
    got "I can't answer that" (in our replay, a Stage 2 request) and the hearing was recorded;
    "Contact should be her landline ... Please take out the hearing bit" then changed nothing."""
    _, say = conversation(running)
    reply = answering(
        say,
        "no",
        "get them fixed",
        "I'm helping my neighbour",
        "Mrs Ada Lowe, 5 Birch Road, she's my neighbour, she is hard of hearing",
        "not yet, I'm seeing her tomorrow",
        "Graham Pike",
        "07700 900432",
        "phone",
        "I don't think that's mine to agree, best ask her. Don't record it for now.",
    )
    assert "Stage 2" not in reply
    assert READ_BACK in reply
    assert "hard of hearing" not in reply
    say("no")
    fixed = say(
        "Several things wrong. Contact should be her landline 01632 960118, not my mobile. "
        "Please take out the hearing bit as I said not to record it."
    )
    assert "(01632 960118)" in fixed
    assert ADJUSTMENTS not in fixed


def test_adding_to_the_adjustments_keeps_those_already_there(running: Running) -> None:
    """r12a-11: "Add to the adjustments: no phone calls ever, text or email only" said "I've
    changed that" and left the adjustments unchanged."""
    _, say = conversation(running)
    to_the_read_back(say)
    say("please add that I need a Polish interpreter")
    reply = say("Add to the adjustments: no phone calls ever, text or email only.")
    assert f"{ADJUSTMENTS} I need a Polish interpreter. No phone calls ever" in reply


def test_the_outcome_said_to_be_wrong_gets_the_words_after_and_contact_is_kept(
    running: Running,
) -> None:
    """r12a-16: "the what i would like bit is wrong, i want the window fixed ... and a call back
    when promised" was asked which part; replayed, it changed email to phone and said "I've
    changed that"."""
    _, say = conversation(running)
    assert READ_BACK in to_the_read_back_by_email(say, "no")
    reply = say(
        "the what i would like bit is wrong, i want the lights fixed so they stay on and a call "
        "back when promised"
    )
    assert "You would like: The lights fixed so they stay on and a call back when promised" in reply
    assert "We will contact Rita Shaw by email (rita.shaw@example.org)" in reply


def test_an_address_typo_at_the_read_back_is_not_pasted_onto_the_earlier_job(
    running: Running,
) -> None:
    """r12a-12: "my address is 13 Larch Avenue not 31" was added to the reported-before line as
    "Correction: ..." with "I've changed that". Since round 19 the address is a line of the
    read-back of its own, and put right there."""
    _, say = conversation(running)
    assert READ_BACK in to_the_read_back_by_email(say, "I rang on 3 November")
    reply = say("Also I made a typo earlier, my address is 13 Larch Avenue not 31")
    assert "Correction:" not in reply
    assert "Your address: 13 Larch Avenue" in reply
    assert "I rang on 3 November" in reply


def test_what_i_want_is_gives_the_outcome_in_one_sentence(running: Running) -> None:
    """r12a-14: "take the daft bit out, what i want is just the leak fixed properly first time"
    was asked which part to change."""
    _, say = conversation(running)
    assert READ_BACK in to_the_read_back_by_email(say, "no")
    reply = say("take the get bit out, what i want is just the lights fixed properly first time")
    assert "You would like: The lights fixed properly first time" in reply
    assert WHICH_PART not in reply
