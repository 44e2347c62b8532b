"""Round 19: safety in the landlord's other languages. A loss of heating or water with a baby,
someone old or ill, told in Arabic (round 18 r18a-14) or another shipped language, is an
emergency with health advice; water at a light or socket is an electrical danger in each
language; self-harm words in Bengali, Somali, Lithuanian and Punjabi; the main danger words of
each language; and "I can't phone, my English is weak" or "is there Arabic on the emergency
line?" answered: the emergency lines can get a free interpreter."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from bot.policy import Policy, parse_policy
from bot.policy.schema import PolicyError
from bot.replies import urgent_lines
from bot.triage import TriageResult
from tests.conftest import ROOT
from tests.unit.conftest import Match

LOSS = "no_heating_or_water_vulnerable"
ELECTRICS = "electrical_danger"
SHIPPED = ("pl", "ro", "ar", "ur", "bn", "so", "pt", "lt", "pa")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # r18a-14 t1: no heating for three days with a six-month-old.
        ("مرحبا، التدفئة لا تعمل منذ ثلاثة أيام ولدي طفل عمره ستة أشهر. البيت بارد جداً.", "ar"),
        ("ما في تدفئة والبيبي مريض", "ar"),
        ("mafi tadfeye w 3andi tifl sghir", "ar"),
        ("nie ma ogrzewania od wczoraj a mam niemowle", "pl"),
        ("brak cieplej wody, babcia chora lezy", "pl"),
        ("kaloryfery zimne i male dziecko w domu", "pl"),
        ("nu avem caldura de 2 zile si am un bebelus", "ro"),
        ("centrala nu merge, sotia e insarcinata", "ro"),
        ("fara apa calda si bunica e bolnava", "ro"),
        ("boiler kharab hai aur ghar mein chota bacha hai", "ur"),
        ("ہیٹنگ بند ہے اور امی بیمار ہیں", "ur"),
        ("heating nahi chal rahi, ammi bimaar hain", "ur"),
        ("heating nai, ghore choto baccha ache", "bn"),
        ("হিটিং কাজ করছে না, বাড়িতে নবজাতক আছে", "bn"),
        ("gorom pani nai 3 din, amar ma boyoshko", "bn"),
        ("kuleyliyaha ma shaqeynayo, ilmo yar ayaan haystaa", "so"),
        ("biyo kulul ma jiraan oo ayeeyo way buko", "so"),
        ("guriga waa qabow, canug ayaa jooga", "so"),
        ("estamos sem aquecimento e tenho um bebe de 3 meses", "pt"),
        ("caldeira avariada, a minha mae e idosa", "pt"),
        ("sem agua quente ha uma semana, estou gravida", "pt"),
        ("neveikia sildymas, turime kudikis", "lt"),
        ("nera karsto vandens, senele serga", "lt"),
        ("labai salta namuose, mazas vaikas", "lt"),
        ("ਹੀਟਿੰਗ ਬੰਦ ਹੈ ਤੇ ਘਰ ਵਿੱਚ ਛੋਟਾ ਬੱਚਾ ਹੈ", "pa"),
        ("ਗਰਮ ਪਾਣੀ ਨਹੀਂ, ਬੇਬੇ ਬੀਮਾਰ ਹੈ", "pa"),
        ("heating nahi chaldi, ghar vich nyana hai", "pa"),
    ],
)
def test_a_loss_with_a_vulnerable_person_is_an_emergency_in_their_language(
    match: Match, text: str, language: str
) -> None:
    found = match(text)
    assert LOSS in found.urgency
    assert found.danger_language == language


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("woda leci na lampe w kuchni", "pl"),
        ("cieknie przy gniazdko w lazience", "pl"),
        ("mokre gniazdka, przecieka z gory", "pl"),
        ("curge apa pe lumina din hol", "ro"),
        ("apa picura in priza din baie", "ro"),
        ("e apa in tabloul electric", "ro"),
        ("الماء ينزل من اللمبة في المطبخ", "ar"),
        ("في مي عم تنقط على البريزة", "ar"),
        ("المياه داخل علبة الفيوز", "ar"),
        ("في مي نازلة على المصباح بالصالون", "ar"),
        ("المياه تنقط من ضوء السقف", "ar"),
        ("paani bijli ke switch ke paas hai", "ur"),
        ("پانی بجلی کے سوئچ سے ٹپک رہا ہے", "ur"),
        ("pani tapak raha hai bijli ki tar par", "ur"),
        ("লাইট থেকে পানি পড়ছে", "bn"),
        ("সুইচের ভেতরে পানি ঢুকছে", "bn"),
        ("সকেটে জল", "bn"),
        ("biyo ayaa ku dhacaya nalka", "so"),
        ("biyaha ayaa ka daadanaya laydhka", "so"),
        ("fiilooyinka biyo ayaa ku jira", "so"),
        ("agua a pingar da luz do teto", "pt"),
        ("a tomada esta molhada", "pt"),
        ("agua no interruptor da sala", "pt"),
        ("vanduo teka per lempa", "lt"),
        ("slapia rozete virtuveje", "lt"),
        ("vanduo laša ant šviestuvo", "lt"),
        ("ਲਾਈਟ ਵਿੱਚੋਂ ਪਾਣੀ ਟਪਕ ਰਿਹਾ", "pa"),
        ("ਸਵਿੱਚ ਗਿੱਲਾ ਹੈ", "pa"),
        ("ਸਾਕਟ ਵਿੱਚ ਪਾਣੀ", "pa"),
    ],
)
def test_water_at_a_light_or_socket_is_an_electrical_danger_in_their_language(
    match: Match, text: str, language: str
) -> None:
    found = match(text)
    assert ELECTRICS in found.urgency
    assert found.danger_language == language


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("আমি আত্মহত্যা করতে চাই", "bn"),
        ("ami more jete chai, ar parchi na", "bn"),
        ("ami ar bachte chai na, kichu valo lage na", "bn"),
        ("waxaan rabaa inaan dhinto", "so"),
        ("naftayda iska dilo ayaan rabaa", "so"),
        ("nolosha ka daalay, isdil ayaan ka fakarayaa", "so"),
        ("noriu mirti", "lt"),
        ("as nenoriu gyventi", "lt"),
        ("galvoju nusizudyti", "lt"),
        ("ਮੈਂ ਮਰਨਾ ਚਾਹੁੰਦਾ ਹਾਂ", "pa"),
        ("ਮੈਂ ਖੁਦਕੁਸ਼ੀ ਕਰ ਲਵਾਂਗੀ", "pa"),
        ("main jeena nahi chahundi", "pa"),
    ],
)
def test_self_harm_words_in_bengali_somali_lithuanian_and_punjabi(
    match: Match, text: str, language: str
) -> None:
    found = match(text)
    assert "self_harm" in found.urgency
    assert found.danger_language == language


# The main danger words of each language: gas, fire, smoke, flood and violence, as typed.
MAIN_DANGERS = {
    "pl": [
        ("czuje gaz w kuchni", "gas"),
        ("pali sie w mieszkaniu obok", "fire_or_danger_to_life"),
        ("duzo dymu na klatce", "fire_or_danger_to_life"),
        ("pekla rura, wszystko zalane", "flooding"),
        ("sasiad mi grozi nozem", "threat_of_violence"),
    ],
    "ro": [
        ("miroase a gaz in bucatarie", "gas"),
        ("a luat foc la vecini", "fire_or_danger_to_life"),
        ("fum pe scara blocului", "fire_or_danger_to_life"),
        ("s-a spart teava, e inundatie", "flooding"),
        ("vecinul ma ameninta cu cutitul", "threat_of_violence"),
    ],
    "ar": [
        ("في ريحة غاز بالمطبخ", "gas"),
        ("في حريق بالعمارة", "fire_or_danger_to_life"),
        ("دخان كثير في الدرج", "fire_or_danger_to_life"),
        ("انفجرت الماسورة والبيت غرقان", "flooding"),
        ("الجار يهددني بسكين", "threat_of_violence"),
    ],
    "ur": [
        ("kitchen mein gas ki boo aa rahi hai", "gas"),
        ("building mein aag lag gayi", "fire_or_danger_to_life"),
        ("seedhiyon mein dhuan hi dhuan", "fire_or_danger_to_life"),
        ("pipe phat gaya, pani bhar gaya", "flooding"),
        ("padosi dhamki de raha hai", "threat_of_violence"),
    ],
    "bn": [
        ("rannaghore gas er gondho", "gas"),
        ("pasher barite agun legeche", "fire_or_danger_to_life"),
        ("সিঁড়িতে ধোঁয়া বের হচ্ছে", "fire_or_danger_to_life"),
        ("pipe fete geche, pani thamche na", "flooding"),
        ("pashe thaka lok humki dicche", "threat_of_violence"),
    ],
    "so": [
        ("urta gaaska ayaa jikada ka imanaysa", "gas"),
        ("dab ayaa ka kacay guriga", "fire_or_danger_to_life"),
        ("qiiq badan ayaa jaranjarada ku jira", "fire_or_danger_to_life"),
        ("tuubo jabtay, fatahaad ayaa jirta", "flooding"),
        ("deriskii ayaa igu hanjabay", "threat_of_violence"),
    ],
    "pt": [
        ("cheira a gas na cozinha", "gas"),
        ("ha um incendio no predio", "fire_or_danger_to_life"),
        ("muito fumo nas escadas", "fire_or_danger_to_life"),
        ("rebentou um cano, esta tudo alagado", "flooding"),
        ("o vizinho me ameacou com uma faca", "threat_of_violence"),
    ],
    "lt": [
        ("virtuveje kvepia dujomis", "gas"),
        ("laiptinėje gaisras", "fire_or_danger_to_life"),
        ("pilna dumu koridoriuje", "fire_or_danger_to_life"),
        ("truko vamzdis, viskas uzliejo", "flooding"),
        ("kaimynas grasina peiliu", "threat_of_violence"),
    ],
    "pa": [
        ("ਰਸੋਈ ਵਿੱਚ ਗੈਸ ਦੀ ਬੋ ਆ ਰਹੀ", "gas"),
        ("ghar vich agg lag gayi", "fire_or_danger_to_life"),
        ("ਪੌੜੀਆਂ ਵਿੱਚ ਧੂੰਆਂ ਹੈ", "fire_or_danger_to_life"),
        ("ਪਾਈਪ ਫਟ ਗਈ ਤੇ ਪਾਣੀ ਭਰ ਗਿਆ", "flooding"),
        ("ਗੁਆਂਢੀ ਧਮਕੀਆਂ ਦਿੰਦਾ ਹੈ", "threat_of_violence"),
    ],
}


@pytest.mark.parametrize("language", SHIPPED)
def test_the_main_danger_words_of_each_language(match: Match, language: str) -> None:
    """Each is found; its route is in the language, or in English alone when the message reads
    as English ("building mein aag lag gayi"), never in another language."""
    missed = [
        (text, category)
        for text, category in MAIN_DANGERS[language]
        if category not in match(text).urgency
        or match(text).danger_language not in (language, None)
    ]
    assert missed == []


def _english_messages() -> list[str]:
    """The English training messages and the dev sets' messages."""
    texts = []
    for path in sorted((ROOT / "data" / "nlu").glob("*.yml")):
        for item in yaml.safe_load(path.read_text()).get("nlu", []):
            for line in str(item.get("examples") or "").splitlines():
                texts.append(line.strip().removeprefix("- "))
    for name in ("dev.jsonl", "real2-dev.jsonl"):
        path = ROOT.parent / "shared" / "eval" / name
        if path.is_file():
            texts += [json.loads(line)["text"] for line in path.read_text().splitlines() if line]
    return [text for text in texts if text]


def test_english_messages_are_not_read_as_danger_in_another_language(match: Match) -> None:
    """An English message is never given a route in another language: the words added for the
    shipped languages are none of them English."""
    found = [text for text in _english_messages() if match(text).language is None]
    assert len(found) > 1000
    in_another = [text for text in found if match(text).danger_language is not None]
    assert in_another == []


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("ar", "لا أستطيع الاتصال بالهاتف لأن إنجليزيتي ضعيفة"),
        ("ar", "هل يوجد أحد يتكلم العربية على رقم الطوارئ؟"),
        ("ar", "ma ba3ref ehki englizi bel telefon"),
        ("pl", "nie moge zadzwonic, slabo mowie po angielsku"),
        ("pl", "czy na numer awaryjny jest tlumacz?"),
        ("pl", "czy jest ktos po polsku na telefonie"),
        ("ro", "nu pot suna, nu vorbesc engleza"),
        ("ro", "la numarul de urgenta e cineva care vorbeste romana?"),
        ("ro", "aveti interpret la telefon?"),
        ("ur", "mein phone nahi kar sakti, angrezi kamzor hai"),
        ("ur", "kya emergency number par urdu mein baat ho sakti hai"),
        ("ur", "میں فون نہیں کر سکتی، میری انگریزی کمزور ہے"),
        ("bn", "ami ingreji valo parina, phone korte pari na"),
        ("bn", "emergency number e bangla bolar keu ache?"),
        ("bn", "আমি ইংরেজি পারি না, ফোন করতে পারব না"),
        ("so", "ma wici karo, ingiriisiga ma aqaan"),
        ("so", "lambarka degdegga af soomaali ma ku hadlaan?"),
        ("so", "turjubaan ma leedihiin telefoonka"),
        ("pt", "nao consigo ligar, nao falo ingles"),
        ("pt", "na linha de emergencia tem alguem que fale portugues?"),
        ("pt", "tem interprete no telefone?"),
        ("lt", "negaliu skambinti, nekalbu angliskai"),
        ("lt", "ar avarinei linijai galima su vertėju?"),
        ("lt", "ar galiu paskambinti ir kalbeti lietuviskai"),
        ("pa", "ਮੈਂ ਫ਼ੋਨ ਨਹੀਂ ਕਰ ਸਕਦੀ, ਅੰਗਰੇਜ਼ੀ ਨਹੀਂ ਆਉਂਦੀ"),
        ("pa", "emergency number te punjabi bolan wala hai?"),
        ("pa", "menu angrezi ni aundi, phone kiven karan"),
    ],
)
def test_their_language_on_the_phone_lines_is_asked_about(
    policy: Policy, language: str, text: str
) -> None:
    assert policy.languages[language].asks_about_the_phone(text)


@pytest.mark.parametrize(
    "text",
    [
        "please arabic interpreter for emergency number?",
        "i cant phone, my english is bad",
        "is there someone who speaks polish on the emergency line",
        "does 999 have interpreters",
        "can i get a translator when i ring them",
    ],
)
def test_the_phone_lines_interpreter_asked_about_in_english(policy: Policy, text: str) -> None:
    assert policy.language_phone.asks_about_the_phone(text)


@pytest.mark.parametrize(
    "text",
    [
        "I need an interpreter for the meeting",
        "my english is not good, can you write simple",
        "please phone me on 07700 900123",
        "the emergency repairs line never came out",
        "you have interpreter for polish?",
    ],
)
def test_an_interpreter_or_a_phone_alone_is_not_asked_about(policy: Policy, text: str) -> None:
    assert not policy.language_phone.asks_about_the_phone(text)


@pytest.mark.parametrize("language", SHIPPED)
def test_each_language_has_the_new_routes_and_the_interpreter_on_the_phone(
    policy: Policy, language: str
) -> None:
    lang = policy.languages[language]
    for category in (LOSS, ELECTRICS, "medical_emergency", "self_harm"):
        assert category in lang.routes
    # The health advice is in their language with the route (r18a-14).
    assert "111" in lang.routes[LOSS] and "999" in lang.routes[LOSS]
    assert lang.phone_interpreter and lang.details_seen
    assert f'"{lang.name}"' in lang.phone_interpreter
    assert not lang.checked


def _result(urgency: tuple[str, ...], language: str | None) -> TriageResult:
    return TriageResult(
        "service_request", "service_request", 1.0, None, (), (), urgency, (), (), "general",
        False, None, (), danger_language=language,
    )  # fmt: skip


def test_a_loss_told_in_arabic_gets_the_route_and_health_advice_in_it_and_english(
    policy: Policy,
) -> None:
    result = _result((LOSS,), "ar")
    lines = urgent_lines(result, policy)
    assert lines[0].startswith(policy.languages["ar"].routes[LOSS][:30])
    assert any("NHS 111" in line and "999" in line and "interpreter" in line for line in lines)
    assert lines[-1] == policy.languages["ar"].interpreter_offer.format(**vars(policy.landlord))


def test_a_loss_told_in_english_gets_no_more_than_before(policy: Policy) -> None:
    result = _result((LOSS,), None)
    assert urgent_lines(result, policy) == [policy.urgent_route(LOSS)]


def _sources() -> dict[str, str]:
    return {p.name: p.read_text() for p in Path(ROOT / "policy_rules").glob("*.yml")}


def test_the_phone_interpreter_text_needs_its_words() -> None:
    sources = _sources()
    sources["languages.yml"] = sources["languages.yml"].replace(
        "    phone_words: [", "    not_phone_words: [", 1
    )
    with pytest.raises(PolicyError):
        parse_policy(sources)


def test_the_phone_interpreter_text_names_only_known_placeholders() -> None:
    sources = _sources()
    sources["languages.yml"] = sources["languages.yml"].replace(
        "({emergency_repairs_phone}) can get you", "({repairs_phone}) can get you", 1
    )
    with pytest.raises(PolicyError, match="repairs_phone"):
        parse_policy(sources)
