"""Round 17's language faults (r17a-14 Somali in broken English, r17a-15 mostly Romanian) and
round 16's r16a-14 (Polish): the language of short messages typed without diacritics, a goodbye
in the resident's language, and language needs told in a few English words."""

from __future__ import annotations

import pytest

from bot.policy import Policy, parse_policy
from bot.policy.schema import PolicyError
from tests.conftest import ROOT
from tests.unit.conftest import Match


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # Romanian without diacritics: read as English or Portuguese on main (r17a-15).
        ("nu am apa calda de ieri", "ro"),
        ("va rog sa ma sunati", "ro"),
        ("cand vine cineva sa repare", "ro"),
        ("Nu vorbesc bine engleza. I want make complaint pentru usa. Cand vine cineva?", "ro"),
        ("usa nu se inchide", "ro"),
        # Polish without diacritics: "grzyb w lazience" was read as English.
        ("grzyb w lazience od miesiaca", "pl"),
        ("nie ma cieplej wody od wczoraj", "pl"),
        ("kiedy ktos przyjdzie naprawic okno", "pl"),
        # The other shipped languages, as residents type them.
        ("ana 3andi mushkila fi el beit", "ar"),
        ("el mayya mish shaghala", "ar"),
        ("mera boiler kharab hai", "ur"),
        ("ghar mein bohat thand hai", "ur"),
        ("amar ghore pani porche", "bn"),
        ("ami bangla te kotha bolte chai", "bn"),
        ("kuleyliyaha ma shaqeynayo", "so"),
        ("qof ii soo dir fadlan", "so"),
        ("nao tenho agua quente", "pt"),
        ("tenho bolor no quarto", "pt"),
        ("neturiu karsto vandens", "lt"),
        ("kada kas nors ateis?", "lt"),
        ("ਰਸੋਈ ਵਿੱਚ ਪਾਣੀ ਆ ਰਿਹਾ ਹੈ", "pa"),
    ],
)
def test_short_messages_are_told_in_their_language(match: Match, text: str, language: str) -> None:
    assert match(text).language == language


@pytest.mark.parametrize(
    "text",
    [
        "my ma is 80 and the heating is off",
        "the boiler is not working since tuesday",
        "w/c 14th the roof is leaking on and off",
        "la la land is my fav film but the damp isnt",
        "de-humidifier no use, mould back in the bedroom",
    ],
)
def test_english_with_words_of_those_languages_stays_english(match: Match, text: str) -> None:
    assert match(text).language is None


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("ok multumesc, la revedere", "ro"),
        ("la revedere", "ro"),
        ("Mulțumesc frumos! O zi bună", "ro"),
        ("dziekuje, do widzenia", "pl"),
        ("do widzenia", "pl"),
        ("Dziękuję bardzo. Na razie", "pl"),
        ("mahadsanid, nabad gelyo", "so"),
        ("ok thank you nabadgelyo", "so"),
        ("shukriya, khuda hafiz", "ur"),
        ("Allah hafiz", "ur"),
        ("شكرا، مع السلامة", "ar"),
        ("shukran ma3a salama", "ar"),
        ("dhonnobad, allah hafez", "bn"),
        ("ধন্যবাদ, বিদায়", "bn"),
        ("obrigado, tchau", "pt"),
        ("muito obrigada, até logo", "pt"),
        ("aciu, viso gero", "lt"),
        ("ਧੰਨਵਾਦ, ਅਲਵਿਦਾ", "pa"),
    ],
)
def test_a_goodbye_in_a_shipped_language_is_read_as_one(
    match: Match, text: str, language: str
) -> None:
    """r17a-15 t7: "ok multumesc, la revedere" was a message the assistant could not read, so
    it got the emergency text; it only says goodbye, and is answered in its language."""
    found = match(text)
    assert found.goodbye_language == language
    assert found.language is None


@pytest.mark.parametrize(
    "text",
    [
        "Multumesc. Deci luni ma suna cineva?",
        "la revedere, dar usa inca nu se inchide si intra apa",
        "dziekuje ale nadal nie ma ogrzewania",
        "multumesc",
        "bom dia, tenho um problema",
        "ok thanks bye",
    ],
)
def test_more_than_a_goodbye_is_not_one(match: Match, text: str) -> None:
    assert match(text).goodbye_language is None


def test_a_goodbye_text_needs_its_words(policy: Policy) -> None:
    sources = {p.name: p.read_text() for p in (ROOT / "policy_rules").glob("*.yml")}
    sources["languages.yml"] = sources["languages.yml"].replace(
        '    goodbye: "Vă mulțumim că ne-ați scris. La revedere."\n', ""
    )
    with pytest.raises(PolicyError, match="'goodbye' and 'goodbye_words' go together"):
        parse_policy(sources)


@pytest.mark.parametrize(
    "text",
    [
        # r16a-14 t6, and the same asked in other words.
        "agnieszka.nowak@example.pl. Please write simple English, or Polish is better",
        "plain english pls, or romanian would be better for me",
        "can u use simple english words, arabic is better",
        "Urdu is better for me than english",
        # r17a-14 t1, t8 and the brief's wordings.
        "sorry my english. the toilet is broke 1 week",
        "Sorry for my bad english, the window not close",
        "can u get somali person pls",
        "I need someone speak Bangla",
        "need a polish person to call me",
        # "I don't speak English well" in the resident's own language (r17a-15 t2).
        "Nu vorbesc bine engleza. I want make complaint pentru usa",
        "nie mowie po angielsku, prosze o pomoc",
        "ingiriisi ma aqaan",
    ],
)
def test_a_language_need_in_a_few_words_is_an_interpreter_need(match: Match, text: str) -> None:
    assert "interpreter" in match(text).adjustments


@pytest.mark.parametrize(
    "text",
    [
        "the polish man next door plays music all night",
        "my neighbour is a romanian lady and she is lovely",
        "the somali family upstairs have a leak too",
    ],
)
def test_a_neighbour_named_by_nationality_is_no_language_need(match: Match, text: str) -> None:
    assert "interpreter" not in match(text).adjustments


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("I need someone speak Bangla", "bn"),
        ("can u get somali person", "so"),
        ("need panjabi interpreter", "pa"),
        ("polish is better", "pl"),
    ],
)
def test_the_language_named_is_found_by_any_of_its_names(
    policy: Policy, text: str, language: str
) -> None:
    named = [lang.id for lang in policy.languages.values() if lang.named_in(text)]
    assert named == [language]
