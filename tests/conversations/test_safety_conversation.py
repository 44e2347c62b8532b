"""Safety first over REST: danger gets its route before anything else at any point in a
conversation (first message, inside a form, during Stage 2 and status questions, after a
handoff), the contact is flagged and the conversation carries on where it was."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import select

from bot.casestore import tables
from bot.casestore.engine import make_engine
from tests.conftest import Running

pytestmark = pytest.mark.server

GAS = "0800 111 999"
EMERGENCY_REPAIRS = "0300 000 0999"
ROUTE_WORDS = {
    "gas": GAS,
    "fire_or_danger_to_life": "call 999 now",
    "flooding": "stopcock",
    "electrical_danger": "fuse box",
    "structural_danger": "Keep everyone away from it",
    "no_heating_or_water_vulnerable": "If anyone at home is elderly",
    "damp_mould_health": "Damp and mould that affects health",
    "insecure_home": "cannot secure your home",
    "safeguarding": "safeguarding lead",
    "domestic_abuse": "0808 2000 247",
    "threat_of_violence": "police on 101",
    "self_harm": "116 123",
    "medical_emergency": "Stay with them if it is safe to",
    "someone_in_danger": "If you or anyone else is in danger right now, call 999",
}
# One message per danger, said the way residents say it, none with the category's own name.
FIRST_MESSAGES = {
    "gas": "the co alarm keeps beeping and me and the kids all have headaches",
    "fire_or_danger_to_life": "smoke coming from under my neighbours door, burning smell",
    "flooding": "pipe burst under the sink water going everywhere cant find the stopcock",
    "electrical_danger": "water is dripping out of the light fitting in the kitchen",
    "structural_danger": "the bathroom ceiling has come down and the rest is sagging",
    "no_heating_or_water_vulnerable": "no heating for three days and my nan lives with me",
    "damp_mould_health": "black mould all over my babys room and shes been in hospital with it",
    "insecure_home": "someone kicked my front door in last night and now it wont lock",
    "safeguarding": "im worried about the kids next door, left on their own for days and crying",
    "domestic_abuse": "he hit me the last time, I'm frightened he'll come back tonight",
    "threat_of_violence": "my neighbour said he will stab me and I'm scared to go out",
    "self_harm": "I can't cope any more, everyone would be better off without me",
    "medical_emergency": "my dad has had a fall in the kitchen and he is not answering me",
    "someone_in_danger": "please help me, I'm in danger right now",
}
# Near misses of the kinds simulated residents saw routed as danger, with the route words that
# must not appear.
NEAR_MISSES = {
    "giving up on a complaint": (
        "whats the point of complaining to you lot, nothing ever gets done",
        ROUTE_WORDS["self_harm"],
    ),
    "the weekend": (
        "its the weekend so I suppose nobody will come out for the shower until monday",
        ROUTE_WORDS["self_harm"],
    ),
    "a past hospital stay": (
        "I was in hospital when your man came to fix the window, can I rebook?",
        ROUTE_WORDS["self_harm"],
    ),
    "a ceiling leak with no electrics": (
        "water is dripping through the kitchen ceiling when it rains, I've put a bucket under it",
        ROUTE_WORDS["electrical_danger"],
    ),
    "neighbour noise": (
        "the kids upstairs are really noisy, running around and screaming until late",
        ROUTE_WORDS["safeguarding"],
    ),
    "a danger word said not to be there": (
        "the door of my gas cooker has come off the hinge, no smell of gas, its only the door",
        "National Gas Emergency Service",
    ),
    "self-harm words said not to be meant": (
        "lol im not suicidal its just a saying, the boiler is driving me mad",
        ROUTE_WORDS["self_harm"],
    ),
    # Round 7's false alarms, in other words.
    "unhappy with how long a repair took": (
        "It took three weeks to get the leak stopped, which I'm really not happy about.",
        ROUTE_WORDS["self_harm"],
    ),
    "a boiler still banging after a visit": (
        "engineer came today, left a mess and the boiler is still making a banging noise",
        ROUTE_WORDS["gas"],
    ),
    # Round 8's false alarms, in other words.
    "a carer says a repair makes the tenant anxious": (
        "I'm his carer. The broken extractor fan in his bathroom is making him really anxious, "
        "could someone come and fix it",
        ROUTE_WORDS["self_harm"],
    ),
    "children rude to a neighbour": (
        "the boys next door kick their ball at my fence all evening and swear at me when I ask "
        "them to stop",
        "For anything else you can call the police on 101",
    ),
    "a window that will not close properly": (
        "the bedroom window won't close properly since the handle went, it's really draughty",
        ROUTE_WORDS["insecure_home"],
    ),
}
SAFETY_QUESTION = "Is anyone in danger right now?"


def said(replies: list[dict]) -> str:
    return " ".join(reply.get("text", "") for reply in replies)


def new_sender() -> str:
    return f"test-{uuid.uuid4().hex[:10]}"


def urgency_stored(running: Running, sender: str) -> list[list[str]]:
    engine = make_engine(running.database_url)
    with engine.connect() as connection:
        rows = connection.execute(
            select(tables.contacts.c.urgency).where(tables.contacts.c.conversation_id == sender)
        )
        return [list(row.urgency) for row in rows]


@pytest.mark.parametrize("category", sorted(FIRST_MESSAGES))
def test_each_danger_gets_its_route_first_and_is_flagged(running: Running, category: str) -> None:
    sender = new_sender()
    replies = running.servers.say(sender, FIRST_MESSAGES[category])
    assert ROUTE_WORDS[category] in replies[0]["text"], said(replies)
    assert any(category in flagged for flagged in urgency_stored(running, sender))


def test_a_gas_report_starts_the_awaabs_law_clock_and_says_what_happens_next(
    running: Running,
) -> None:
    sender = new_sender()
    reply = said(running.servers.say(sender, "I can smell gas in the hallway"))
    assert "make it safe within 24 hours" in reply
    engine = make_engine(running.database_url)
    with engine.connect() as connection:
        clocks = connection.execute(
            select(tables.hazard_clocks.c.kind, tables.hazard_clocks.c.due)
            .join(tables.contacts, tables.contacts.c.id == tables.hazard_clocks.c.contact_id)
            .where(tables.contacts.c.conversation_id == sender)
        ).all()
    assert [(kind, list(due)) for kind, due in clocks] == [("emergency", ["make_safe"])]


@pytest.mark.parametrize("category", sorted(FIRST_MESSAGES))
def test_danger_inside_the_complaint_form_interrupts_then_the_form_carries_on(
    running: Running, category: str
) -> None:
    sender = new_sender()

    def say(message: str) -> list[dict]:
        return running.servers.say(sender, message)

    assert "make a formal complaint" in said(
        say("the repairs man never turned up for the mould in the hallway, fed up")
    )
    assert "Is this still happening" in said(say("/affirm"))
    interrupted = say(FIRST_MESSAGES[category])
    assert ROUTE_WORDS[category] in interrupted[0]["text"], said(interrupted)
    assert "Is this still happening" in interrupted[-1]["text"]
    assert "reported to us before" in said(say("/affirm"))
    assert any(category in flagged for flagged in urgency_stored(running, sender))


@pytest.mark.parametrize("category", sorted(FIRST_MESSAGES))
def test_danger_during_stage_2_questions_gets_the_route_and_the_question_again(
    running: Running, category: str
) -> None:
    sender = new_sender()
    asked = running.servers.say(sender, "I want to take my complaint to stage 2")
    interrupted = running.servers.say(sender, FIRST_MESSAGES[category])
    assert ROUTE_WORDS[category] in interrupted[0]["text"], said(interrupted)
    assert interrupted[-1]["text"] == asked[-1]["text"]


def test_danger_during_a_status_question_gets_the_route_and_the_question_again(
    running: Running,
) -> None:
    sender = new_sender()
    asked = running.servers.say(sender, "whats happening with my complaint")
    interrupted = running.servers.say(sender, "theres smoke coming from the fuse box")
    assert "call 999 now" in said(interrupted) or "fuse box" in interrupted[0]["text"]
    assert interrupted[-1]["text"] == asked[-1]["text"]


@pytest.mark.parametrize("category", sorted(FIRST_MESSAGES))
def test_after_a_handoff_danger_still_gets_its_route(running: Running, category: str) -> None:
    sender = new_sender()
    assert "pass you to a person" in said(running.servers.say(sender, "can I speak to a person"))
    assert "A person will read this" in said(running.servers.say(sender, "hello? anyone there"))
    replies = running.servers.say(sender, FIRST_MESSAGES[category])
    assert ROUTE_WORDS[category] in said(replies)
    assert "formal complaint" not in said(replies)
    assert any(category in flagged for flagged in urgency_stored(running, sender))


def test_a_danger_that_is_over_gets_no_emergency_route(running: Running) -> None:
    sender = new_sender()
    reply = said(
        running.servers.say(
            sender, "it flooded last week from the flat upstairs, its dry now, can you paint it"
        )
    )
    assert "stopcock" not in reply
    assert EMERGENCY_REPAIRS not in reply


def test_a_chirping_co_alarm_is_maintenance_not_an_emergency(running: Running) -> None:
    reply = said(
        running.servers.say(new_sender(), "the CO alarm needs a new battery, its chirping")
    )
    # No gas route: the chirp's own answer, which names the gas line only for a full alarm.
    assert "If you smell gas or think there is carbon monoxide" not in reply
    assert "leave it up and do not take its battery out" in reply


@pytest.mark.parametrize("kind", sorted(NEAR_MISSES))
def test_a_near_miss_gets_no_emergency_route(running: Running, kind: str) -> None:
    text, route = NEAR_MISSES[kind]
    sender = new_sender()
    reply = said(running.servers.say(sender, text))
    assert route not in reply
    assert urgency_stored(running, sender) in ([], [[]])


def test_a_danger_word_said_not_to_be_there_is_asked_about_not_ignored(running: Running) -> None:
    """Neither the gas route nor silence: when unsure, the one safety question."""
    text, _ = NEAR_MISSES["a danger word said not to be there"]
    assert SAFETY_QUESTION in said(running.servers.say(new_sender(), text))


def test_a_question_about_what_to_do_in_a_fire_gets_the_fire_route(running: Running) -> None:
    reply = said(running.servers.say(new_sender(), "what do I do if there's a fire though?"))
    assert ROUTE_WORDS["fire_or_danger_to_life"] in reply


@pytest.mark.parametrize(
    "answer",
    [
        "no I'll ring the emergency line now, thanks",
        "ok ta, ill tell her to ring that number",
    ],
)
def test_a_reply_to_a_route_gets_no_second_route_and_no_question(
    running: Running, answer: str
) -> None:
    sender = new_sender()
    first = said(running.servers.say(sender, "the kitchen socket is sparking and smells burnt"))
    assert ROUTE_WORDS["electrical_danger"] in first
    reply = said(running.servers.say(sender, answer))
    assert SAFETY_QUESTION not in reply
    assert all(route not in reply for route in ROUTE_WORDS.values()), reply


def test_gas_in_polish_gets_the_route_in_polish_and_english(running: Running) -> None:
    reply = said(running.servers.say(new_sender(), "czuję gaz w kuchni, co robić"))
    assert "zadzwoń" in reply and "Call the National Gas Emergency Service" in reply
    assert GAS in reply


def test_fire_in_arabic_gets_the_route_in_arabic_and_english(running: Running) -> None:
    reply = said(running.servers.say(new_sender(), "يوجد حريق في المطبخ ساعدوني"))
    assert "999" in reply
    assert any("\u0600" <= character <= "\u06ff" for character in reply)
    assert "call 999 now" in reply


def test_a_form_answer_the_detector_alone_finds_worrying_is_asked_about_and_kept(
    running: Running,
) -> None:
    """An answer is an answer (DESIGN §8): a representative's name is not taken for danger."""
    sender = new_sender()

    def say(message: str) -> str:
        return said(running.servers.say(sender, message))

    say("the mould in my mums bathroom keeps coming back and nobody has come about it")
    # It keeps coming back: still happening is not asked.
    assert "reported to us before" in say("/affirm")
    say("job 55123, reported in March")
    say('/choose{"choice": "Fix the problem"}')
    assert "how you know the resident" in say('/choose{"choice": "someone_else"}')
    reply = say("I'm Sam, her son. She is Mrs Jones at no 4")
    assert "safeguarding lead" not in reply
    assert "agreed to you acting for them" in reply


def test_after_the_gas_route_the_callback_is_taken_and_the_line_open_all_night_given(
    running: Running,
) -> None:
    """Round 7 (r7b-08): the number and name given after the gas advice got the complaint
    choice, and "is someone coming?" got "I can't answer that" and the office's hours."""
    sender = new_sender()
    first = said(
        running.servers.say(sender, "funny smell like rotten eggs near the cooker, 3 Park Row")
    )
    assert GAS in first
    reply = said(running.servers.say(
        sender, "oh no ok we're all going out now. yes call me on 07700 900777, I'm Leanne"
    ))  # fmt: skip
    assert "formal complaint" not in reply and SAFETY_QUESTION not in reply, reply
    if "What name should we use" in reply:
        # The number was taken with the yes; a name after a comma is asked for (bot.definition).
        reply = said(running.servers.say(sender, "Leanne"))
    assert "07700 900777" in reply and EMERGENCY_REPAIRS in reply, reply
    coming = said(running.servers.say(sender, "is anyone actually coming out?"))
    assert GAS in coming and "can't answer" not in coming, coming


def test_after_abuse_no_calls_is_noted_and_someone_to_talk_to_is_a_person(
    running: Running,
) -> None:
    """Round 7 (r7b-18): "don't ring me, he checks my phone" went unacknowledged, and "is there
    someone I could talk to about him" got "I can't answer that one myself"."""
    sender = new_sender()
    first = said(running.servers.say(
        sender,
        "my partner lost his temper and shoved me into the wardrobe last night, im ok. the "
        "wardrobe door is hanging off now though",
    ))  # fmt: skip
    assert ROUTE_WORDS["domestic_abuse"] in first and "formal complaint" not in first, first
    no_calls = said(running.servers.say(sender, "please dont phone me he goes through my phone"))
    assert "We will not phone you" in no_calls, no_calls
    talk = said(running.servers.say(sender, "is there anyone i can talk to about him, privately?"))
    assert "0808 2000 247" in talk and "pass you to a person" in talk, talk
    assert "can't answer" not in talk


def test_a_handover_after_self_harm_repeats_samaritans(running: Running) -> None:
    """Round 7 (r7b-24): the handover said only when the office opens; damp told with it still
    gets the damp and mould route, after the self-harm route."""
    sender = new_sender()
    first = running.servers.say(
        sender,
        "the mould never gets sorted and i cant go on like this, theyd be better off without me",
    )
    assert ROUTE_WORDS["self_harm"] in first[0]["text"], said(first)
    assert ROUTE_WORDS["damp_mould_health"] in said(first)
    handover = said(running.servers.say(sender, "can i just talk to someone"))
    assert "pass you to a person" in handover and "116 123" in handover, handover


def test_waiting_for_a_person_out_of_hours_a_question_after_a_route_gets_the_help_open_now(
    running: Running,
) -> None:
    """Round 8 (r8c-12): after the handover, with the office closed, "should i call 999?" about
    an elderly mother with no heating got no reply at all."""
    sender = new_sender()
    assert "pass you to a person" in said(running.servers.say(sender, "can I speak to someone"))
    routed = said(running.servers.say(
        sender, "my mum is 90 and the heating has gone off, she is shivering and confused"
    ))  # fmt: skip
    assert ROUTE_WORDS["no_heating_or_water_vulnerable"] in routed, routed
    asked = said(running.servers.say(sender, "should I ring 999?"))
    assert "If anyone is in danger, call 999" in asked and EMERGENCY_REPAIRS in asked, asked
