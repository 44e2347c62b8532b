"""Round 24 (issue 16, record faults left from round 23): a name typed in small letters with no
opener beside the details is read, and ordinary words are not; "same as before, plus ..." adds to
what went wrong and a new account replaces it; a job naming no part of the home is a job at the
home unless it only passes a message on; a button title is known for what it is."""

from __future__ import annotations

from typing import Any

import pytest

from actions.request_contact import a_job_at_the_home
from actions.turns import button_title
from bot.casestore.domain import ServiceRequest
from bot.corrections import added_to, joined
from bot.told import bare_name_beside, own_name_in


# Fault 2: a name with no opener, as its own clause beside the details.
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("yes contact me, dee rowe, email dee.rowe@mail.example", "Dee Rowe"),
        ("ok. kwame mensah 07700 900451", "Kwame Mensah"),
        ("yes pls - tom okafor - 07700 900555", "Tom Okafor"),
        ("sure, my number 07700 900452, lily chen", "Lily Chen"),
        ("yeah go on. priya nair. priya.n@mail.example", "Priya Nair"),
    ],
)
def test_a_bare_name_beside_the_details_is_read(text: str, name: str) -> None:
    assert own_name_in(text) == name


@pytest.mark.parametrize(
    "text",
    [
        "yes, kitchen tap, 07700 900453",
        "text me, 07700 900454",
        "yes evenings best, 07700 900455",
        "yes contact me, 07700 900456, any time",
        "sure, call me on 07700 900457 thanks mate",
        "yes please, its urgent, 07700 900458",
        "yes. no calls, email sam@mail.example",
        "07700 900459, front door",
        "ok, after work, 07700 900460",
        "yes my mum, 07700 900461",
    ],
)
def test_ordinary_words_beside_the_details_are_no_name(text: str) -> None:
    assert bare_name_beside(text) is None


def test_a_bare_pair_of_words_without_details_is_no_name() -> None:
    assert bare_name_beside("yes contact me, gary price") is None


# Fault 3: an addition keeps what went wrong; a replacement replaces it.
BEFORE = "The bedroom radiator has not worked since October."


@pytest.mark.parametrize(
    ("answer", "after"),
    [
        ("Same as before, plus: the hall radiator is cold too", "The hall radiator is cold too"),
        ("same but add the towel rail leaks", "The towel rail leaks"),
        ("as well as that, nobody rang back", "Nobody rang back"),
        ("keep what i said and also the boiler makes a noise", "The boiler makes a noise"),
        ("same as before but the bathroom one too", "The bathroom one too"),
    ],
)
def test_an_addition_is_added(answer: str, after: str) -> None:
    assert added_to(BEFORE, answer) == f"{BEFORE} {after}"


@pytest.mark.parametrize("answer", ["Same as before.", "the same", "keep it as it was"])
def test_the_same_alone_keeps_what_was_said(answer: str) -> None:
    assert added_to(BEFORE, answer) == BEFORE


@pytest.mark.parametrize(
    "answer",
    [
        "the hall radiator is broken",
        "same problem with the hall radiator",
        "the same thing happened again in march",
        "it also leaks now",
    ],
)
def test_a_new_account_is_no_addition(answer: str) -> None:
    assert added_to(BEFORE, answer) is None


def test_nothing_before_means_nothing_to_add_to() -> None:
    assert added_to("", "same as before plus the hall") is None


def test_joined_drops_the_same_as_before_words_of_an_addition() -> None:
    assert joined(BEFORE, "same as before but the landing light flickers") == (
        f"{BEFORE} The landing light flickers"
    )


# Fault 4: a job that names no part of the home.
@pytest.mark.parametrize(
    "description",
    [
        "the extractor fan is broken",
        "intercom not working, nobody can buzz me in",
        "need a new key fob please",
        "the entry phone is dead, call me on 07700 900462",
    ],
)
def test_a_general_job_is_done_at_the_home(description: str) -> None:
    assert a_job_at_the_home(ServiceRequest("general", False, description=description))


@pytest.mark.parametrize(
    "description",
    [
        "07700 900463",
        "jo.b@mail.example",
        "can someone call me back please",
        "i want to talk to my housing officer",
        "please pass a message on to Sarah",
        "tell Dave i called",
        "i want my complaint withdrawn",
        "can you cancel the complaint, its fixed",
    ],
)
def test_a_message_for_a_person_is_no_job_at_the_home(description: str) -> None:
    assert not a_job_at_the_home(ServiceRequest("general", False, description=description))


@pytest.mark.parametrize(
    ("category", "at_home"),
    [("leaks_and_plumbing", True), ("rent_and_charges", False), ("asb_report", False)],
)
def test_a_named_category_decides_alone(category: str, at_home: bool) -> None:
    request = ServiceRequest(category, False, description="can someone call me back")
    assert a_job_at_the_home(request) is at_home


# Fault 5: button titles.
TITLES = ["I'm the resident", "I'm helping someone else"]
DOMAIN: dict[str, Any] = {
    "responses": {
        "utter_ask_acting_for": [{"text": "?", "buttons": [{"title": t} for t in TITLES]}],
        "utter_offer": [{"text": "?", "buttons": [{"title": "Yes"}, {"title": "No"}]}],
    }
}


@pytest.mark.parametrize(
    "typed", ["I'm helping someone else", "im the resident", "I'm the resident."]
)
def test_a_button_title_is_known_as_typed(typed: str) -> None:
    assert button_title(DOMAIN, typed)


@pytest.mark.parametrize("typed", ["yes", "No", "Gary Price", "helping my mum"])
def test_a_plain_answer_or_other_words_are_no_button_title(typed: str) -> None:
    assert not button_title(DOMAIN, typed)
