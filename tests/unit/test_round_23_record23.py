"""Round 23 (issue 16, faults left from round 22), in our own wordings: the address of the home is
read from an answer typed in small letters; a name typed in small letters inside a sentence that
gives the details is read; asking to move to a bigger home, or needing a transfer, gets the
lettings and housing register route; a relative of the resident named with their own details is
read back as that relative, never as the resident; "no letters" said anywhere is a contact wish,
read back."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.contact_wishes import NO_POST_WISH, no_post_wished, split_contact, with_no_post
from bot.definition import address_in_an_answer
from bot.policy import Answer
from bot.questions import answers_in
from bot.told import own_name_in
from tests.unit.test_corrections import DRAFT


# Fault 1: the answer to "What is the address of the home where the job is?".
@pytest.mark.parametrize(
    ("said", "address"),
    [
        ("its flat 4, 27 mill lane", "flat 4, 27 mill lane"),
        ("Flat 2, 8 Rowan Court", "Flat 2, 8 Rowan Court"),
        ("it's 31 station rd thanks", "31 station rd"),
        ("14b the maltings, by the school", "14b the maltings, by the school"),
    ],
)
def test_the_address_is_read_from_the_answer(said: str, address: str) -> None:
    assert address_in_an_answer(said) == address


@pytest.mark.parametrize("said", ["dunno", "why do you need that", "same as mum", "07700 900321"])
def test_an_answer_with_no_address_is_not_kept_as_one(said: str) -> None:
    assert address_in_an_answer(said) is None


# Fault 2: "its gary price 07700 900111 flat 3", "name is gary price and my number is ..." asked
# the name again.
@pytest.mark.parametrize(
    ("said", "name"),
    [
        ("yes ring me, its dave okafor 07700 900321", "Dave Okafor"),
        ("name is leanne brooks and my email is lb@mail.example", "Leanne Brooks"),
        ("this is priya on 07700 900654, texts only", "Priya"),
        ("ok my name is tom reid, number 07700 900555", "Tom Reid"),
    ],
)
def test_a_name_in_small_letters_beside_the_details_is_read(said: str, name: str) -> None:
    assert own_name_in(said) == name


@pytest.mark.parametrize(
    "said",
    [
        "her name is joan marsh and my number is 07700 900111",
        "its leaking again 07700 900111",
        "im at work till 6, 07700 900111",
        "its urgent pls ring 07700 900111",
        "im her son, 07700 900111",
    ],
)
def test_no_name_is_read_from_words_of_a_sentence(said: str) -> None:
    assert own_name_in(said) is None


# Fault 3: "can we move to a bigger place", "we need a transfer, 3 kids in a 1 bed".
@pytest.mark.parametrize(
    ("said", "answer"),
    [
        ("could we move to a bigger flat, the baby has no room", "lettings"),
        ("can we get moved to a house with a garden", "lettings"),
        ("could my dad be moved to a bungalow, he cant manage the stairs", "lettings"),
        ("we need a transfer, there are 4 of us in a 1 bed", "transfer_wanted"),
        ("we're after a bigger place, the flat is overcrowded", "transfer_wanted"),
        ("my daughter needs more bedrooms for the kids", "transfer_wanted"),
    ],
)
def test_asking_to_move_to_a_bigger_home_gets_the_lettings_route(
    answers: dict[str, Answer], said: str, answer: str
) -> None:
    asked = [found.answer for found in answers_in(said, answers)]
    assert [a.id for a in asked][:1] == [answer]
    assert "housing register" in asked[0].text
    assert answers["transfer_wanted"].text == answers["lettings"].text


@pytest.mark.parametrize(
    "said",
    [
        "my call was transferred 3 times and nobody helped",
        "the boiler is broken, we need it fixed",
        "the fence keeps moving in the wind, can someone look",
    ],
)
def test_words_about_other_things_get_no_moving_answer(
    answers: dict[str, Answer], said: str
) -> None:
    asked = [found.answer.id for found in answers_in(said, answers)]
    assert "lettings" not in asked and "transfer_wanted" not in asked


# Fault 4: "copy in Mrs Lowe's daughter Karen on karen.lowe@..." was read back as "We will also
# contact Mrs Edna Lowe on karen.lowe@...".
@pytest.mark.parametrize(
    ("said", "wish"),
    [
        (
            "Email me at adviser@cab.example and please copy in Mr Bell's son Dan on "
            "dan.bell@mail.example",
            "copy our emails to Dan, Mr Bell's son, at dan.bell@mail.example",
        ),
        (
            "ring me on 07700 900432, or her daughter Amy on 07700 900433 if I'm out",
            "contact Amy, Mr Arthur Bell's daughter, on 07700 900433",
        ),
        (
            "my email is s.khan@advocacy.example, please cc Arthur's carer Joy Ade at "
            "joy.ade@care.example",
            "copy our emails to Joy Ade, Arthur's carer, at joy.ade@care.example",
        ),
    ],
)
def test_a_relatives_details_are_read_back_as_the_relatives(said: str, wish: str) -> None:
    split = split_contact(said, "Mr Arthur Bell, 4 Elm Grove")
    assert split is not None
    own, _, wishes = split
    assert wish in wishes
    assert not any(w.startswith("contact Mr Arthur Bell") for w in wishes)
    assert "@" in own or "07700 900432" in own


def test_the_residents_own_details_are_still_the_residents() -> None:
    split = split_contact(
        "email me at adviser@cab.example and text Arthur on 07700 900288",
        "Mr Arthur Bell, 4 Elm Grove",
    )
    assert split is not None and split[2] == ["text Mr Arthur Bell on 07700 900288"]


# Fault 5: "no letters", "dont post anything", "dont send anything to the flat" at any question.
@pytest.mark.parametrize(
    "said",
    [
        "Karen Doyle. no letters please",
        "pls dont post anything, my ex still gets in the post box",
        "dont send anything to the house, text me",
        "nothing by post please",
        "do not write to me at home",
    ],
)
def test_no_letters_is_a_contact_wish(said: str) -> None:
    assert no_post_wished(said)
    assert with_no_post("07700 900444", ["my sink is blocked", said]).endswith(NO_POST_WISH)


@pytest.mark.parametrize(
    "said",
    [
        "i never got any letters from you",
        "you didnt write back to me",
        "the letter box is broken",
        "no one came and no letter was sent",
    ],
)
def test_letters_not_received_are_no_wish(said: str) -> None:
    assert not no_post_wished(said)


def test_no_letters_is_read_back() -> None:
    draft = replace(DRAFT, contact_details=with_no_post("sam@example.org", ["no letters"]))
    read_back = draft.read_back()
    assert "We will contact Sam by email (sam@example.org)." in read_back
    assert "We will not send letters or anything by post to your home." in read_back
