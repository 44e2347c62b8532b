"""Round 20's leftovers in our own wordings: what would put it right, told beside despair, is
kept without the despair."""

from __future__ import annotations

from actions.safety import outcome_told_beside
from bot.nlp.matches import DANGER_TOLD
from bot.policy import Policy
from bot.triage.safety import asks_to_use, cannot_phone
from tests.unit.conftest import Match


def _outcome_beside(match: Match, text: str) -> str | None:
    danger_at = [(s, e) for kind, _, s, e in match(text).spans if kind in DANGER_TOLD]
    return outcome_told_beside(text, danger_at)


def test_what_would_put_it_right_beside_despair_is_kept_without_the_despair(match: Match) -> None:
    """Round 20 (r20a-05 turn 4): "sometimes i think it would be easier if i just wasnt here ...
    anyway. fix it properly i want, not paint over it" was asked the outcome question again, four
    times in all."""
    for said, kept in (
        (
            "im just tired of everything. some days i think it would be easier if i wasnt "
            "around. anyway. get the mould treated properly, not just painted over",
            "get the mould treated properly",
        ),
        (
            "honestly dont know how much longer i can keep going with all this. i want the "
            "leak fixed for good",
            "leak fixed for good",
        ),
    ):
        outcome = _outcome_beside(match, said)
        assert outcome is not None and kept in outcome, said
        assert "easier" not in outcome and "keep going" not in outcome, said


def test_despair_with_no_outcome_beside_it_keeps_nothing(match: Match) -> None:
    """ "whats the point of me even being here" alone is no outcome: the question is asked again
    after the Samaritans line."""
    for said in (
        "to be honest whats the point of me even being here these days",
        "i dont think i can keep going. nobody listens",
    ):
        assert _outcome_beside(match, said) is None, said


def test_a_call_asked_for_beside_hearing_words_is_no_reason_for_the_deaf_text(
    policy: Policy,
) -> None:
    """Round 20 (r20a-03 t4, t5): "call me first always, he is hard of hearing" and "he is not
    deaf, just not good on phone" got the 999 BSL and Relay UK text twice."""
    for said in (
        "please ring me not my dad, hes hard of hearing on the phone",
        "she is not deaf, she can hear fine, just hates the phone",
    ):
        assert not cannot_phone([said], policy), said
    for said in ("my mum is deaf, she cant use the phone", "hes listening so i cant ring"):
        assert cannot_phone([said], policy), said


def test_missing_treatment_at_home_asks_what_to_do_with_the_equipment(policy: Policy) -> None:
    """Round 20 (r20a-03 t2): "the machine need water, if he miss the session it is danger for
    him" with no water got only the 24-hour target: the hospital team's advice comes first."""
    for said in (
        "if she misses her dialysis tonight what happens, the machine needs water",
        "he cant miss his session tonight, will someone come",
    ):
        assert asks_to_use(said, policy), said


def test_a_smoke_alarm_named_in_another_language_is_no_smoke(match: Match) -> None:
    """Round 19 (r19a-11 t2): "o alarme de fumo precisa de uma pilha nova, está a apitar" (the
    smoke alarm needs a new battery, it is beeping) got the fire route. Smoke itself, in the same
    language, still is fire."""
    for said in (
        "o detetor de fumo está sempre a apitar, acho que é a pilha",
        "czujka dymu w przedpokoju piszczy co minutę, chyba bateria",
        "alarma de fum din hol tot piuie, cred ca e bateria",
    ):
        assert "fire_or_danger_to_life" not in match(said).urgency, said
    for said in ("há muito fumo no quarto", "jest dym w przedpokoju, czujka dymu wyje"):
        assert "fire_or_danger_to_life" in match(said).urgency, said
