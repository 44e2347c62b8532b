"""Round 18 at the read-back, played over REST in our own wordings: a firm named at the
read-back changes what went wrong and never who we contact; the resident's own name is put back
without damaging her words; a call time told beside an email keeps the email; a flat by its
letter is kept; a yes with changes after it is a correction first, never a logged complaint;
"ask for my husband" goes with the way to contact."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.conftest import Running
from tests.conversations.test_conversation_repair import conversation
from tests.conversations.test_round_9_forms import LOGGED, READ_BACK, WHICH_PART

pytestmark = pytest.mark.server

RUDE_FITTER = (
    "hiya the fitter who came to do my bathroom sink on tuesday was from that firm you use, "
    "Swift something, and he was really rude to me. he shouted at me when i asked him to wear "
    "shoe covers and left mud all over the hall"
)


def to_the_read_back(say: Callable[[str], str], opening: str, answers: list[str]) -> str:
    """A formal complaint, answered question by question until the read-back."""
    say(opening)
    reply = say("formal complaint please")
    for answer in answers:
        if READ_BACK in reply:
            break
        reply = say(answer)
    assert READ_BACK in reply
    return reply


def fitter_read_back(say: Callable[[str], str]) -> str:
    return to_the_read_back(
        say,
        RUDE_FITTER,
        [
            "no its stopped, he's been",
            "no",
            "an apology",
            "I'm the tenant, Mrs Olive Grant",
            "07700 900612, ring me in the mornings",
            "phone",
            "no thanks",
            "no",
        ],
    )


@pytest.mark.parametrize(
    "typed",
    [
        "You haven't put the firm name in. Please change Swift something to SwiftFit Ltd.",
        "u missed the company name, change Swift something to SwiftFit Ltd",
    ],
)
def test_a_firm_named_at_the_read_back_is_not_who_we_contact(running: Running, typed: str) -> None:
    """r18a-05 t12 (serious): "We will contact RapidFix Plumbing" after the firm was named."""
    _, say = conversation(running)
    fitter_read_back(say)
    reply = say(typed)
    assert "that firm you use, SwiftFit Ltd, and he was really rude to me" in reply
    assert "We will contact Mrs Olive Grant by phone" in reply
    assert "contact SwiftFit" not in reply


def test_not_me_keeps_her_words_and_her_name(running: Running) -> None:
    """r18a-05 t13 (serious): "not me" turned "rude to me" into "rude to for"."""
    _, say = conversation(running)
    fitter_read_back(say)
    reply = say("I'm Olive Grant, SwiftFit is the company he works for, not me. leave my name")
    assert "really rude to me" in reply
    assert "rude to for" not in reply
    assert "Olive Grant" in reply
    assert LOGGED not in reply


@pytest.mark.parametrize(
    "time",
    [
        "i do nights so dont ring before 1pm if anyone does ring",
        "if someone has to phone, not before 1pm please, i sleep days",
    ],
)
def test_a_call_time_beside_an_email_keeps_the_email(running: Running, time: str) -> None:
    """r18a-06 t6 (serious): "don't ring before 2pm if anyone does ring" turned email into phone;
    t7-t8: "email me, I said email" got the menu, then "changed" to phone."""
    _, say = conversation(running)
    read_back = to_the_read_back(
        say,
        "ive rung my housing officer 4 times about the broken fence and she never calls back",
        [
            "no",
            "a call back from her this week",
            "me, Lee Hart",
            "email lee.hart@example.net",
            time,
            "no",
        ],
    )
    assert "We will contact Lee Hart by email, calls not before 1pm (lee.hart@example.net)" in (
        read_back
    )
    again = say("no email me, i said email. the 1pm bit is only if someone has to ring")
    assert WHICH_PART not in again
    assert "by email, calls not before 1pm" in again
    assert "by phone" not in again


def mum_read_back(say: Callable[[str], str]) -> str:
    return to_the_read_back(
        say,
        "hi im writing for my dad, hes deaf. his bedroom window wont shut for 2 weeks and nobody "
        "came. he's ok with me doing this, he's next to me",
        [
            "no",
            "get the window fixed",
            "I'm Sam Noor, his son. Dad is Yusuf Noor, 7 Elm Street flat C",
            "yes he agrees",
            "text me 07700 900377",
            "text",
            "no",
            "no",
        ],
    )


def test_a_flat_by_its_letter_is_read_back(running: Running) -> None:
    """r18a-08 t8: "22 Orchard Road flat B" was read back without the flat."""
    _, say = conversation(running)
    assert "7 Elm Street flat C" in mum_read_back(say)


@pytest.mark.parametrize(
    "typed",
    [
        "yes log it but put flat D",
        "ok thats fine as long as you change it to flat D",
        "yeah log it but add flat D, it's flat D not C",
    ],
)
def test_a_yes_with_a_change_after_it_is_not_logged_first(running: Running, typed: str) -> None:
    """r18a-08 t14 (serious): "yes log it but put flat B and copy mum in" was logged without
    either change."""
    _, say = conversation(running)
    mum_read_back(say)
    reply = say(typed)
    assert LOGGED not in reply
    assert READ_BACK in reply or WHICH_PART in reply


def test_ask_for_my_husband_goes_with_the_phone(running: Running) -> None:
    """r18a-15 t12: "ask for my husband when you phone" was added to what went wrong."""
    _, say = conversation(running)
    to_the_read_back(
        say,
        "my kitchen window glass is crack since october, they say somebody come, nobody come",
        [
            "yes still broken",
            "no",
            "fix window",
            "i am tenant, Shirin Akter",
            "phone 07700 900419",
            "phone",
            "no",
            "no",
        ],
    )
    reply = say("please write ask for Rahim Akter my husband when you phone")
    assert "by phone, ask for Rahim Akter (07700 900419)" in reply
    assert "What went wrong: my kitchen window glass is crack since october" in reply
    assert "Ask for Rahim" not in reply
