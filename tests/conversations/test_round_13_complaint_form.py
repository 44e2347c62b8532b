"""Round 13 of the simulated residents (issue 16), played over REST in our own wordings: at the
read-back a yes said with thanks, a yes in another language or a yes followed by a question logs
the complaint; a no with only a question beside it changes nothing and is checked once."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.conftest import Running
from tests.conversations.test_conversation_repair import conversation
from tests.conversations.test_round_8_form import LANDING, to_the_contact_method_question
from tests.conversations.test_round_9_form_danger import to_the_read_back
from tests.conversations.test_round_9_forms import CHANGED, LOGGED, READ_BACK, WHICH_PART

pytestmark = pytest.mark.server

LOG_IT_CHECK = "shall I log your complaint as I read it back"


@pytest.mark.parametrize(
    "agreed",
    [
        # r13b-08: "You are welcome. Is there anything else?" and nothing logged.
        "yes all correct. thank you very much for your help",
        # r13a-04: the "is" after the yes was read as a question, and she was asked again.
        "yes is fine. when do you reply me?",
        # r13c-04, r13a-13: read as wanting to change something.
        "thik hai, yes",
        "sí, está bien",
    ],
)
def test_a_yes_with_thanks_a_question_or_in_another_language_logs_it(
    running: Running, agreed: str
) -> None:
    _, say = conversation(running)
    to_the_read_back(say)
    reply = say(agreed)
    assert LOGGED in reply
    assert WHICH_PART not in reply


def test_thanks_alone_at_the_read_back_is_checked_not_welcomed(running: Running) -> None:
    """r13b-08: thanks at the read-back got "You're welcome", which leaves the complaint
    unlogged without the resident knowing."""
    _, say = conversation(running)
    to_the_read_back(say)
    reply = say("cheers thank you")
    assert LOG_IT_CHECK in reply
    assert LOGGED not in reply
    assert LOGGED in say("yes")


def test_a_no_with_a_question_beside_it_changes_nothing(running: Running) -> None:
    """r13b-08: "No that is all. I have the reference number?" was put in the record as the
    earlier report ("Correction: ...")."""
    _, say = conversation(running)
    to_the_read_back(say)
    reply = say("no that's everything. do I get a reference?")
    assert CHANGED not in reply
    assert "do I get a reference" not in reply
    assert LOG_IT_CHECK in reply


def test_a_time_not_to_ring_keeps_the_phone_call_with_that_time(running: Running) -> None:
    """r13b-07: "no. but please dont ring after 6 i work nights" lost the time, or became "We
    will not phone you"; it is a call before then, not a need nor a ban on calls."""
    _, say = conversation(running)
    to_the_contact_method_question(say)
    say("Phone call")
    reply = say("no thanks. only please do not phone me after 5pm, I do night shifts")
    assert "by phone, not after 5pm" in reply
    assert "To make things easier for you" not in reply


def test_a_time_not_to_ring_after_a_threat_is_not_a_ban_on_calls(running: Running) -> None:
    """r13b-07: after a neighbour's threats, "please dont ring after 6" got "We will not phone
    you, and I have noted that for our team", the opposite of what she wanted."""
    _, say = conversation(running)
    say("the man next door kicks my door at night and shouts that he will get me, third time now")
    reply = say("please don't call me before 11am though, I sleep in the day after night shifts")
    assert "We will not phone you" not in reply


# The complaint form's questions, by words of each, and a plain answer to each.
PLAIN_ANSWERS = {
    "still happening": "yes",
    "reported to us before": "no",
    "What would you like us to do": "get it fixed",
    "resident, or are you helping": "I'm the resident",
    "What name should we use": "Ruth Ellis",
    "phone number or email": "ruth.ellis@example.org",
    "How would you like us to contact you": "email",
    "agreed to you acting": "yes they have agreed",
    "easier for you": "no",
    "address of the home": "Flat 3, 12 Oak Road",
}


def through_the_form(say: Callable[[str], str], reply: str, **told: str) -> str:
    """Each question the form asks answered from `told` (by the question's words), else
    plainly, until the read-back: its text."""
    return through_the_form_until(say, reply, READ_BACK, **told)


def through_the_form_until(say: Callable[[str], str], reply: str, until: str, **told: str) -> str:
    """As through_the_form, until a reply holds `until`: that reply."""
    answers = {**{k.replace("_", " "): v for k, v in told.items()}, **PLAIN_ANSWERS}
    answers.update({k.replace("_", " "): v for k, v in told.items()})
    for _ in range(12):
        if until in reply:
            return reply
        asked = next((q for q in answers if q in reply), None)
        assert asked is not None, reply
        reply = say(answers[asked])
    raise AssertionError(reply)


def test_a_disability_the_resident_will_not_have_recorded_leaves_what_went_wrong(
    running: Running,
) -> None:
    """r13a-07, r13a-10: "He doesn't want his disability written on his record" left "He has a
    learning disability" in what went wrong, and what would help (easy read, contact through
    the worker) became a placeholder."""
    _, say = conversation(running)
    say(
        "The lift in my block has been out of order for a month. I have depression and being "
        "stuck inside is making it much worse."
    )
    read_back = through_the_form(
        say,
        say("/affirm"),
        easier="easy read letters please, and ring my sister first. I don't want my depression "
        "written on my record though",
    )
    assert "The lift in my block has been out of order for a month" in read_back
    assert "depression" not in read_back
    assert "easy read letters please, and ring my sister first" in read_back


@pytest.mark.parametrize("no_need", ["nahin, english theek hai mere liye", "no, my English is ok"])
def test_a_no_with_what_is_fine_as_it_is_needs_nothing(running: Running, no_need: str) -> None:
    """r13c-04: "nahi, english theek hai writing mein" (no, English is fine) was stored as what
    would help."""
    _, say = conversation(running)
    say(LANDING)
    read_back = through_the_form(say, say("/affirm"), easier=no_need)
    assert "To make things easier for you" not in read_back


NEIGHBOUR_WRITES = (
    "Hi, I'm writing about my neighbour Mr Stanley Hughes at flat 2, 18 Linden Road. His front "
    "window has been cracked for three weeks and the glazier came twice without fixing it."
)
HELPER_QUESTION = "Thank you for helping"
CONSENT_QUESTION = "Has the resident agreed to you acting for them"


def test_a_neighbour_who_says_so_is_the_helper_and_the_resident_named_first_is_kept(
    running: Running,
) -> None:
    """r13a-03: "I'm Brian Okafor from number 24, her neighbour. I told you her name and address
    already" was taken as the resident, or stored as the resident's name."""
    _, say = conversation(running)
    say(NEIGHBOUR_WRITES)
    read_back = through_the_form(
        say,
        say("/affirm"),
        helping_someone_else="I'm Ian Moss at flat 3, his neighbour. You have his details",
        agreed_to_you_acting="yes he asked me to",
    )
    assert "The complaint is for: Mr Stanley Hughes, flat 2, 18 Linden Road" in read_back
    assert "You are helping them: Ian Moss" in read_back


def test_the_resident_named_in_the_first_message_is_not_asked_for_after_the_button(
    running: Running,
) -> None:
    """r13a-03, r13b-03, r13d-08: the resident's name and address given in the first message
    were asked for again."""
    _, say = conversation(running)
    say(NEIGHBOUR_WRITES)
    through_the_form_until(say, say("/affirm"), "resident, or are you helping")
    after = say('/choose{"choice": "someone_else"}')
    assert HELPER_QUESTION not in after
    assert CONSENT_QUESTION in after


def test_already_told_with_no_name_told_is_asked_again_not_kept_as_the_name(
    running: Running,
) -> None:
    """r13a-03: "I told you her name and address already" was stored as the resident."""
    _, say = conversation(running)
    say(LANDING)
    through_the_form_until(say, say("/affirm"), "resident, or are you helping")
    assert HELPER_QUESTION in say('/choose{"choice": "someone_else"}')
    again = say("I'm Ian Moss, his neighbour. I gave you his name and address already")
    assert HELPER_QUESTION in again
    assert CONSENT_QUESTION not in again


def test_how_to_contact_said_at_what_would_help_changes_the_way_not_the_needs(
    running: Running,
) -> None:
    """r13d-05: "please contact me by email not phone" was stored as what would help, and the
    read-back still said "by phone"."""
    _, say = conversation(running)
    to_the_contact_method_question(say)
    say("Phone call")
    reply = say("actually email me rather than calling please")
    assert "by email (nadia.farah@example.org)" in reply
    assert "To make things easier for you" not in reply


def test_a_change_to_the_bit_about_what_they_want_keeps_only_the_new_words(
    running: Running,
) -> None:
    """r13d-02: "mostly right but change the bit about what i want to: ..." was stored as the
    outcome with its preamble."""
    _, say = conversation(running)
    to_the_read_back(say)
    reply = say("nearly right but change the part about what I want to: new bulbs and a sorry")
    assert "You would like: new bulbs and a sorry\n" in reply


def test_a_surname_correction_about_the_resident_changes_the_resident_not_the_helper(
    running: Running,
) -> None:
    """r13a-01: "her surname is actually Pritchard-Evans not Pritchard (mine is just
    Pritchard)" changed the helper's name and left the resident's."""
    _, say = conversation(running)
    say(
        "hello im writing for my nan Rose Carr at 12 Heath Lane, her kitchen window will not "
        "close and it has been like that for a month"
    )
    read_back = through_the_form(say, say("/affirm"), What_name_should_we_use="Amy Carr")
    assert "The complaint is for: Rose Carr, 12 Heath Lane" in read_back
    reply = say("almost, her surname is really Carr-Lewis not Carr (mine is only Carr). rest fine")
    assert "The complaint is for: Rose Carr-Lewis, 12 Heath Lane" in reply
    assert "You are helping them: Amy Carr." in reply


def test_a_call_handler_naming_the_tenant_and_her_son_records_her_as_the_resident(
    running: Running,
) -> None:
    """r13c-05: "T is Mrs Hodan Ahmed Hassan, son Abdirahman calling on her behalf, she
    consents" lost the tenant's name; the son was recorded as the resident."""
    _, say = conversation(running)
    say(LANDING)
    read_back = through_the_form(
        say,
        say("/affirm"),
        helping_someone_else="call handler here. T is Mrs Faith Okonjo, daughter Grace on the "
        "line for her, she consents",
    )
    assert "The complaint is for: Mrs Faith Okonjo" in read_back
    assert "You are helping them: Ruth Ellis. They have agreed to this." in read_back


def test_solicitors_for_a_client_are_the_helper_not_the_complainant(running: Running) -> None:
    """r13d-11: a solicitor acting for "our client Ms Jade Fowler" was read back as the
    complainant, with no client."""
    _, say = conversation(running)
    say(
        "Dear Sir or Madam, we act for our client Mr Ravi Menon of 11 Birch Walk. The damp in his "
        "bedroom has been reported four times since July and nothing has been done."
    )
    read_back = through_the_form(
        say,
        say("/affirm"),
        helping_someone_else="As stated, we're his solicitors.",
        agreed_to_you_acting="yes, we have his written authority",
    )
    assert "The complaint is for: Mr Ravi Menon, 11 Birch Walk" in read_back
    assert "You are helping them: Ruth Ellis" in read_back


@pytest.mark.parametrize(
    ("told", "read_back_line"),
    [
        # r13a-09, r13d-07: a clear correction was answered with "Which part".
        (
            "No, that's not it. What went wrong is the landing light has flickered since June "
            "and now it is out",
            "What went wrong: the landing light has flickered since June and now it is out\n",
        ),
        # Read as a question about refunds, and the read-back left as it was.
        (
            "what I want is new bulbs fitted and a refund of my £30 torch",
            "You would like: New bulbs fitted and a refund of my £30 torch\n",
        ),
    ],
)
def test_what_went_wrong_is_or_what_i_want_is_replaces_that_part(
    running: Running, told: str, read_back_line: str
) -> None:
    _, say = conversation(running)
    to_the_read_back(say)
    reply = say(told)
    assert WHICH_PART not in reply
    assert read_back_line in reply


def test_an_addition_asked_to_be_written_is_added_without_the_asking(running: Running) -> None:
    """r13a-04: "also please write heating not working 2 weeks ..." was ignored or kept with
    "please write"."""
    _, say = conversation(running)
    to_the_read_back(say)
    reply = say("and pls note the stair light by the lift is out too")
    assert "nobody has come to look at them. The stair light by the lift is out too" in reply
