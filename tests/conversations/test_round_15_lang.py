"""Round 15 of the simulated residents (issue 16), other languages, played over REST in our own
wordings: texts in the language the resident writes, interpreter needs said in a few words."""

from __future__ import annotations

import pytest

from bot.policy import Policy
from tests.conftest import Running
from tests.conversations.test_conversation_repair import conversation
from tests.conversations.test_round_9_form_danger import READ_BACK, to_the_read_back

pytestmark = pytest.mark.server


def test_a_danger_in_urdu_script_is_answered_in_urdu_not_punjabi(
    running: Running, policy: Policy
) -> None:
    """r15c-11: an Urdu message after the offer of a person got the gas line and the
    interpreter offer in Punjabi (Gurmukhi): "گیس" is a Punjabi danger word too."""
    urdu, punjabi = policy.languages["ur"], policy.languages["pa"]
    _, say = conversation(running)
    say("السلام علیکم، باورچی خانے میں گیس کی بو آ رہی ہے")
    reply = say("ہم سب گلی میں کھڑے ہیں، گیس کی بو ابھی بھی آ رہی ہے")
    assert urdu.routes["gas"] in reply
    assert punjabi.routes["gas"] not in reply
    assert punjabi.interpreter_offer.format(**vars(policy.landlord)) not in reply


def test_the_interpreter_offer_is_not_made_beside_the_handover_it_contradicts(
    running: Running, policy: Policy
) -> None:
    """r15c-11: asking in Urdu for a person, with gas told again, got 'reply "person"' in the
    same reply as "I'll pass you to a person"."""
    offer = policy.languages["ur"].interpreter_offer.format(**vars(policy.landlord))
    _, say = conversation(running)
    say("میرے فلیٹ میں گیس کی بو ہے اور ابو کی طبیعت خراب ہے")
    reply = say("گیس والے آ رہے ہیں، مجھے کسی انسان سے بات کرنی ہے")
    assert "I'll pass you to a person" in reply
    assert offer not in reply


def test_an_english_sentence_with_ur_gas_gets_no_somali(running: Running, policy: Policy) -> None:
    """r15c-16: "...because of ur gas safety check not done" ("ur gas" is Somali for a smell
    of gas) sent the gas line and the interpreter offer in Somali to an Arabic speaker."""
    somali = policy.languages["so"]
    _, say = conversation(running)
    reply = say("the CO alarm is beeping and ur gas engineer still hasnt come, we feel sick")
    assert somali.routes["gas"] not in reply
    assert somali.interpreter_offer.format(**vars(policy.landlord)) not in reply


def test_urdu_typed_in_english_letters_is_recognised_and_the_need_noted(
    running: Running,
) -> None:
    """Roman Urdu was read as English: the English model guessed at it."""
    _, say = conversation(running)
    reply = say("mujhe kisi se urdu mein baat karni hai, meri english theek nahi hai")
    assert "This message looks like it is in Urdu" in reply
    assert "We have noted that you may need an interpreter" in reply


def test_asking_whether_the_interpreter_was_written_down_is_answered(running: Running) -> None:
    """r15c-15 t7: "you write bengali interpreter? thank you" got "Sorry, I can only help with
    your home and our services"."""
    _, say = conversation(running)
    assert "looks like it is in Bengali" in say("আমার ঘরে খুব ঠান্ডা, হিটার কাজ করছে না")
    reply = say("you wrote down bangla interpreter?")
    assert "I can only help with your home" not in reply
    assert "Yes. We have noted what would help you" in reply


def test_an_interpreter_asked_for_at_the_read_back_is_read_back(running: Running) -> None:
    """r15c: "also i need bangla interpreter" at the read-back must be applied, not lost."""
    _, say = conversation(running)
    to_the_read_back(say)
    reply = say("also pls i need a bengali interp when you phone")
    assert READ_BACK in reply
    assert "To make things easier for you: " in reply
    assert "bengali interp" in reply.lower()
