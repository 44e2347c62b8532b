"""Round 19: safety in the landlord's other languages, played over REST in our own wordings:
round 18 r18a-14 (Arabic, no heating, a 6-month-old with cold hands, "I can't phone, my English
is weak", "is there Arabic on the emergency line?"), a danger told in English in a conversation
in another language, and round 17 r17a-15 t3-t6 (Romanian while a person is awaited)."""

from __future__ import annotations

import pytest

from bot.policy import Policy
from tests.conftest import Running
from tests.conversations.test_conversation_repair import conversation

pytestmark = pytest.mark.server

LOSS = "no_heating_or_water_vulnerable"


def _filled(policy: Policy, text: str) -> str:
    return text.format(**vars(policy.landlord))


def _route(policy: Policy, language_id: str, category: str) -> str:
    return _filled(policy, policy.languages[language_id].routes[category])


@pytest.mark.parametrize(
    ("message", "language_id"),
    [
        ("السلام عليكم، ما في تدفئة من يومين وعندي طفل رضيع والبيت بارد كتير", "ar"),
        ("Dzien dobry, nie mamy ogrzewania od piatku, a w domu jest niemowle", "pl"),
        ("Buna ziua, centrala nu merge de 3 zile si am un bebelus de 4 luni", "ro"),
        ("Salaan, kuleyliyaha ma shaqeynayo oo ilmo yar ayaan haystaa", "so"),
        ("Ola, estamos sem aquecimento e a minha mae e idosa e doente", "pt"),
    ],
)  # fmt: skip
def test_a_loss_with_a_vulnerable_person_in_their_language_gets_the_route_and_health_advice(
    running: Running, policy: Policy, message: str, language_id: str
) -> None:
    """r18a-14 t1: no heating with a six-month-old told in Arabic got the general emergency text
    alone: no route for the loss, no flag for our team, and no NHS 111 or 999 advice."""
    _, say = conversation(running)
    reply = say(message)
    assert _route(policy, language_id, LOSS) in reply
    assert policy.urgent_route(LOSS).split("\n")[-1] in reply
    assert policy.language_phone.with_route[LOSS] in reply
    assert "within 24 hours" in reply  # the emergency repair's clock, flagged for our team


def test_an_arabic_mother_who_cannot_phone_in_english_is_told_of_the_free_interpreter(
    running: Running, policy: Policy
) -> None:
    """r18a-14 t2-t4: "I can't phone because my English is weak; the baby's hand is very cold"
    got a handover to Monday and the number she said she could not use; "is there Arabic on
    the emergency line? what do I do for the baby?" went unanswered twice."""
    arabic = policy.languages["ar"]
    on_the_phone = _filled(policy, arabic.phone_interpreter)
    _, say = conversation(running)
    say("مرحبا، التدفئة خربانة من الخميس وعندي بيبي عمره خمس شهور")
    reply = say("ما بقدر اتصل بالتلفون لأن انجليزيتي ضعيفة. الطفل ايده باردة كتير")
    assert on_the_phone in reply
    assert '("Arabic")' in reply
    # The cold harming the baby, told after the loss's route: the health route, in Arabic too.
    assert _route(policy, "ar", "medical_emergency") in reply
    reply = say("هل في حدا بيحكي عربي على رقم الطوارئ؟")
    assert on_the_phone in reply
    reply = say("pls arabic translator on the emergency line? baby still cold")
    assert on_the_phone in reply
    assert '("Arabic")' in reply


@pytest.mark.parametrize(
    ("first", "cannot_phone", "language_id"),
    [
        (
            "Dzien dobry, od wczoraj brak cieplej wody i ogrzewania, babcia chora",
            "nie moge zadzwonic, slabo mowie po angielsku",
            "pl",
        ),
        (
            "Buna ziua, nu avem caldura si copilul mic e bolnav",
            "nu pot suna la numarul de urgenta, nu stiu engleza",
            "ro",
        ),
        (
            "Ola, sem agua quente e estou gravida de 8 meses",
            "nao consigo ligar para o numero, nao falo ingles",
            "pt",
        ),
    ],
)  # fmt: skip
def test_cannot_phone_in_english_is_answered_in_their_language(
    running: Running, policy: Policy, first: str, cannot_phone: str, language_id: str
) -> None:
    language = policy.languages[language_id]
    _, say = conversation(running)
    say(first)
    reply = say(cannot_phone)
    assert _filled(policy, language.phone_interpreter) in reply
    assert f'("{language.name}")' in reply


@pytest.mark.parametrize(
    ("first", "danger", "language_id", "category"),
    [
        (
            "Dzien dobry, okno w sypialni sie nie zamyka od tygodnia",
            "now there is gas smell in the kitchen!!",
            "pl",
            "gas",
        ),
        (
            "Buna ziua, usa de la baie nu se inchide de o luna",
            "water is coming through the light in the hall now",
            "ro",
            "electrical_danger",
        ),
        (
            "Salaan, daaqadda qolka jiifka way jabtay",
            "theres smoke coming from the flat next door",
            "so",
            "fire_or_danger_to_life",
        ),
    ],
)  # fmt: skip
def test_a_danger_told_in_english_gets_its_route_in_their_language_too(
    running: Running, policy: Policy, first: str, danger: str, language_id: str, category: str
) -> None:
    """A resident writing in Polish, Romanian or Somali who tells a danger in English got its
    route in English alone (round 17, left for the lead)."""
    _, say = conversation(running)
    say(first)
    reply = say(danger)
    assert _route(policy, language_id, category) in reply
    assert policy.urgent_route(category).split("\n")[-1] in reply


def test_while_a_person_is_awaited_romanian_is_answered_without_the_emergency_text_twice(
    running: Running, policy: Policy
) -> None:
    """r17a-15 t3, t5: while a person was awaited, each Romanian message got the emergency text
    in Romanian and English before the handover's text in Romanian, which says it again; t6:
    the phone number typed with a question was acknowledged in English only."""
    romanian = policy.languages["ro"]
    in_danger = _filled(policy, romanian.in_danger)
    handover = "Vă transfer la o persoană."
    _, say = conversation(running)
    say("Buna ziua, geamul de la bucatarie nu se inchide si intra apa cand ploua")
    assert handover in say("nu vorbesc bine engleza, vreau sa vorbesc cu o persoana. cand vine?")
    for message in ("Multumesc. Deci luni ma suna cineva?", "nu inteleg, cine ma suna si cand?"):
        reply = say(message)
        assert handover in reply
        assert in_danger not in reply
        # Said once, in English: the handover in Romanian says it in Romanian.
        assert reply.count("If anyone is in danger, call 999 now.") == 1
    reply = say("Intreb: luni ma suna cineva? Numarul meu 07700 900619")
    assert romanian.details_seen in reply
    assert handover in reply
    assert in_danger not in reply
