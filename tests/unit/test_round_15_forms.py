"""Round 15's form faults, in our own wordings: nothing asked twice (whether it goes on, what
would help), "person" inside an answer, a name typed alone, a supposition asked without a mark,
and romanised Urdu beside English read as the repair it is."""

from __future__ import annotations

import pytest

from actions.representatives import helper_own_name
from actions.safety import answer_beside_a_route, keeps_its_answer, report_told_beside
from bot.answers import OpenQuestion, asks_for_person, goes_on_told, says_goodbye, wants_to_leave
from bot.definition import helps_the_resident, introduced_name, only_a_name, represented_person
from bot.nlp.rules import RuleMatcher
from bot.policy import Answer, Policy
from bot.questions import answers_in, is_question
from bot.told import caller_is_the_resident, says_they_are_the_resident
from tests.unit.conftest import Match


@pytest.fixture(scope="module")
def matcher(policy: Policy) -> RuleMatcher:
    return RuleMatcher.blank(policy)


@pytest.mark.parametrize(
    "text",
    [
        "The lift keeps breaking down since 2021. Its out again now, since thursday.",
        "boiler broke again. still no heat",
        "its back again now, since thursday",
        "leak was fixed in may but the damp is still there",
        "yeh door still dont lock",
    ],
)
def test_a_message_that_says_it_goes_on_is_taken_as_still_happening(text: str) -> None:
    assert goes_on_told(text) is True


@pytest.mark.parametrize(
    "text",
    [
        "Nobody is in danger, he was just rude. The fan has been fitted now, so no it's not "
        "still happening",
        "no its over, fence is fine now, i just want my 400 back",
        "its all sorted now thx, just want an apology",
        "the leak stopped last week",
        "no longer leaking",
    ],
)
def test_a_message_that_says_it_stopped_is_taken_as_stopped(text: str) -> None:
    assert goes_on_told(text) is False


@pytest.mark.parametrize(
    "text",
    [
        "I want to make a complaint, my boiler broke last month and nobody turned up",
        "I rang again and nobody came",
        "formal complaint please",
        # How often is left to the question: it may be said of something else.
        "the mould has come back, she has asthma and coughs every night",
    ],
)
def test_a_message_that_says_neither_leaves_the_question_to_be_asked(text: str) -> None:
    assert goes_on_told(text) is None


def _asking(slot: str) -> OpenQuestion:
    return OpenQuestion(slot, "complaint_form")


@pytest.mark.parametrize(
    ("text", "goes_on"),
    [
        ("yes still dripping, now coming thru near the light fitting", True),
        ("yeh the door still dont lock, i wedge a chair at night", True),
        ("ya still no heating, my nan is 90 and shes freezing", True),
        ("I said yes its still happening. caller has now switched off at fuse box", True),
        # The danger over, the problem not: a "still" wins over an ending.
        ("the CO stopped but no heating still. i am 5 month pregnant", True),
        ("power off to that circuit now so not live, but socket still melted and not fixed", True),
        ("its stopped now but my son was sick from the fumes", False),
    ],
)
def test_whether_it_goes_on_beside_a_danger_is_kept_after_the_route(
    text: str, goes_on: bool
) -> None:
    assert answer_beside_a_route(_asking("still_happening"), text) is goes_on


@pytest.mark.parametrize(
    ("slot", "text"),
    [
        ("contact_details", "bilals mobile 07865 201 447. hang on dad says his chest is tight"),
        ("contact_preference", "phone call, in portuguese if you can, my english is not so good"),
    ],
)
def test_a_contact_answer_beside_a_danger_is_read_by_the_form(slot: str, text: str) -> None:
    assert keeps_its_answer(_asking(slot), text)


@pytest.mark.parametrize(
    ("slot", "text"),
    [
        # Words that are no answer, and questions whose answer would be the words themselves,
        # are still asked again after the route.
        ("still_happening", "theres smoke coming out the socket"),
        # A "still" in the danger itself, or a "no" that starts it, answers nothing.
        ("still_happening", "the co alarm keeps beeping and me and the kids all have headaches"),
        ("still_happening", "no heating for three days and my nan lives with me"),
        ("outcome_sought", "yes still dripping, now its coming through the light"),
        ("contact_details", "hes outside now with his key"),
        ("earlier_request", "theres smoke coming from the socket in the hall"),
    ],
)
def test_other_messages_beside_a_danger_are_asked_again(slot: str, text: str) -> None:
    assert not keeps_its_answer(_asking(slot), text)
    assert answer_beside_a_route(_asking(slot), text) is None


@pytest.mark.parametrize(
    "text",
    [
        "Leanne has PTSD so please give her a week's notice of any visit and a named person",
        "At least one week's written notice of any visit, and a named contact person.",
        "sorry for my wife, and tap fixed by other person. and different man next time",
        "a female person to visit pls as i live alone",
        "send a different person to fix it this time",
    ],
)
def test_a_person_named_in_an_answer_is_no_request_for_one(text: str) -> None:
    assert not asks_for_person(text)


@pytest.mark.parametrize(
    "text",
    [
        "i want talk to a person who speak arabic",
        "can i speak to a different person",
        "real person pls",
        "i want a human",
    ],
)
def test_a_request_for_a_person_still_asks_for_one(text: str) -> None:
    assert asks_for_person(text)


@pytest.mark.parametrize("text", ["Mrs Farah Begum", "Amy Clarke", "Joan Ward.", "Mr J Bell"])
def test_a_name_alone_is_only_a_name(text: str) -> None:
    assert only_a_name(text)


@pytest.mark.parametrize(
    "text",
    ["boiler broken", "Karen Bell, daughter, 7 Mill Ct", "My Boiler Is Broken Again Today Please"],
)
def test_more_than_a_name_is_not_only_a_name(text: str) -> None:
    assert not only_a_name(text)


@pytest.mark.parametrize(
    "text",
    [
        "if im not happy with what they say on the 30th what then",
        "and if hes still not happy after that what happens",
        "ok if the answer is rubbish wot do i do",
    ],
)
def test_a_supposition_closed_by_its_question_is_a_question(
    text: str, answers: dict[str, Answer]
) -> None:
    assert is_question(text)
    assert [asked.answer.id for asked in answers_in(text, answers)] == ["after_the_answer"]


def test_a_supposition_that_asks_nothing_is_no_question() -> None:
    assert not is_question("if the leak comes back i will ring you")


@pytest.mark.parametrize(
    "text",
    [
        "mera boiler kharab hai 3 din se, please fix",
        "hamara kitchen tap leaking hai 2 hafte se, plz send plumber",
        "ghar mein heating kaam nahi kar rahi, please send someone asap",
    ],
)
def test_romanised_urdu_beside_english_is_read_in_english_with_the_need_noted(
    matcher: RuleMatcher, text: str
) -> None:
    found = matcher.match(matcher.make_doc(text))
    assert found.language is None
    assert "interpreter" in found.adjustments


@pytest.mark.parametrize(
    "text",
    [
        "mujhe kisi se urdu mein baat karni hai, meri english theek nahi hai",
        "humara boiler do din se kharab hai bachay thand mein hain",
    ],
)
def test_romanised_urdu_alone_is_still_urdu(matcher: RuleMatcher, text: str) -> None:
    assert matcher.match(matcher.make_doc(text)).language == "ur"


@pytest.mark.parametrize(
    "text",
    [
        "yeh the door still dont lock, i have to wedge a chair against it at nite",
        "the smell is worst at night",
        "he bangs on the wall every nite",
    ],
)
def test_a_time_of_night_said_last_is_no_goodbye(text: str) -> None:
    assert not wants_to_leave(text)
    assert not says_goodbye(text)


@pytest.mark.parametrize("text", ["ok thanks night x", "thx, closing call", "ok ta nite"])
def test_a_goodbye_said_last_is_still_one(text: str) -> None:
    assert says_goodbye(text)


@pytest.mark.parametrize(
    "text",
    [
        "CH: caller is Daniel Price, son of T Mr Alan Price, 31 Moor Lane. c/o gas service",
        "Good evening. I am a solicitor acting for your tenant Mr Tomasz Nowak of Flat 3",
        "cllr is dtr of T (Mrs J Bell, 82, 7 Mill Ct). c/o boiler not working 3 wks",
        "my dads boiler been broke since tuesday hes 84 with copd. want to complain",
    ],
)
def test_a_helper_told_in_the_first_message_is_a_helper(text: str) -> None:
    assert helps_the_resident(text)
    assert not caller_is_the_resident(text)


@pytest.mark.parametrize(
    "text",
    [
        "call handler here. caller Mr Kwame Osei T at 7 Kings Walk. c/o roof leak",
        "im CSA taking the call, clr is the T: Mrs Farah Begum, 7 Ash Grove",
        "caller is the tenant herself, im the call handler",
    ],
)
def test_a_caller_noted_as_the_tenant_is_the_resident(text: str) -> None:
    assert caller_is_the_resident(text)
    assert not helps_the_resident(text)


@pytest.mark.parametrize(
    ("text", "resident"),
    [
        ("CH: caller is Daniel Price, son of T Mr Alan Price, 31 Moor Lane.", "Mr Alan Price"),
        ("I am a solicitor acting for your tenant Mr Tomasz Nowak of Flat 3, 22 Quarry Road.",
         "Mr Tomasz Nowak"),
    ],
)  # fmt: skip
def test_the_resident_a_helper_names_first_is_found(text: str, resident: str) -> None:
    assert (represented_person(text) or "").startswith(resident)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Rep name is Karen Bell. She is the daughter. Resident is Mrs Joan Bell, 7 Mill Ct.",
         "Karen Bell"),
        ("Lisa Ward, her daughter. mum is Mrs Joan Ward, 4 Elm Road", "Lisa Ward"),
        ("Lee Brennan. dad is Frank Brennan", "Lee Brennan"),
    ],
)  # fmt: skip
def test_a_helpers_own_name_beside_the_residents_is_kept(text: str, name: str) -> None:
    assert helper_own_name(text, text) == name


@pytest.mark.parametrize(
    "text", ["Joan Pike, 3 Elm Road", "Mrs Joan Pike, 3 Elm Rd, her daughter is helping"]
)
def test_the_residents_own_details_give_no_helper_name(text: str) -> None:
    assert helper_own_name(text, text) is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Cllr Dev Mistry here, ward councillor for Eastfield.", "Dev Mistry"),
        ("Hi, Tom Rudd here. I am an advocate for Mr Gallagher", "Tom Rudd"),
    ],
)
def test_a_name_opened_with_is_the_writers(text: str, name: str) -> None:
    assert introduced_name(text) == name


def test_capitalised_words_before_here_are_no_name() -> None:
    assert introduced_name("Boiler Broken here since monday") is None


@pytest.mark.parametrize(
    "text",
    [
        "I'd like the lift fixed. And I'd like the complaint to be from me, as a resident.",
        "Resident - flat 12. A few neighbours feel the same but I'm just doing it for myself.",
        "I'm not helping anyone, it's my own complaint!",
    ],
)
def test_saying_the_complaint_is_their_own_is_the_resident(text: str) -> None:
    assert says_they_are_the_resident(text)


def test_asking_whether_they_can_complain_in_their_own_name_is_no_answer() -> None:
    assert not says_they_are_the_resident("can I make the complaint in my own name?")


@pytest.mark.parametrize(
    ("text", "report"),
    [
        ("reported it to her in june, july and october, by phone. and last night one of them "
         "pulled a knife on my son", "reported it to her in june, july and october, by phone."),
        ("rang about it twice last month! now theres water coming out the light switch",
         "rang about it twice last month!"),
    ],
)  # fmt: skip
def test_the_report_told_beside_a_danger_is_kept_without_the_danger(text: str, report: str) -> None:
    assert report_told_beside(text) == report


def test_a_danger_with_no_report_beside_it_keeps_nothing() -> None:
    assert report_told_beside("theres smoke coming from the socket in the hall") is None


@pytest.mark.parametrize("text", ["my sons bedroom has mould", "I live with my mum, its cold"])
def test_the_writers_own_home_is_no_helpers(text: str) -> None:
    assert not helps_the_resident(text)


@pytest.mark.parametrize(
    "text",
    [
        "in 2023 my ex attacked me in my flat. He is in prison now for 6 years and I am safe",
        "the man who broke in got sentenced to 3 years, the door was fixed in 2024",
        "he was jailed for two years in 2023, the housing officer ignored me back then",
    ],
)
def test_a_prison_term_is_no_time_reaching_up_to_now(match: Match, text: str) -> None:
    """r15c-13 t5: "It is still happening" was read back for an attack in 2023."""
    assert match(text).ongoing is False


def test_a_time_reaching_up_to_now_beside_a_term_still_goes_on(match: Match) -> None:
    assert match("he was jailed in 2023 and the damp has been there for 3 years").ongoing
