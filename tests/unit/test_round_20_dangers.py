"""Round 19's and 20's safety turns in our own wordings, read by the policy's rules: not keeping
going and being better not there are routed to Samaritans; mould that gets into the chest, or
with an older resident told by age, is a health hazard; a person at risk told in a later message
completes a hazard told earlier; fear beside a fire is no abuse; a question about this chat is no
line that rang out; asking who runs a care assessment is no safeguarding concern."""

from __future__ import annotations

from dataclasses import replace

from bot.policy import Policy
from bot.triage.decide import completed_by_words_told_before, dangers
from bot.triage.safety import line_not_answered
from tests.unit.conftest import Match


def test_not_keeping_going_and_being_better_not_there_are_routed(
    match: Match, policy: Policy
) -> None:
    """Round 20 (r20a-05 turns 3, 4 and 6): "i cant see how im going to keep going like this
    much longer", "sometimes i think it would be easier if i just wasnt here" and "i dont think i
    can keep going" inside a mould complaint got one general question, then nothing."""
    for said in (
        "honestly dont know how much longer i can keep going with all this",
        "some days i think everyone would find it easier if i wasnt around",
        "i wish i wasnt here tbh, the flat is grim and nobody comes",
        "i dont think i can keep going like this",
    ):
        assert "self_harm" in dangers(match(said), policy)[0], said
    for said in (
        "i cant keep going back and forth with you about the boiler",
        "they came round on tuesday when i wasnt here",
    ):
        assert "self_harm" not in dangers(match(said), policy)[0], said


def test_mould_getting_into_the_chest_or_with_an_older_resident_is_a_health_hazard(
    match: Match, policy: Policy
) -> None:
    """Round 19 (r19b-04 turns 1 and 8): "I am 71" beside black mould got only the safety
    question, and "Will somebody look at the mould before Christmas? It's getting into my chest"
    nothing at all."""
    for said in (
        "the mould in the back bedroom is getting into my chest now",
        "black mould all over the bathroom ceiling, its gone to my chest",
        "theres mould on every wall and I am 78",
        "damp everywhere, my son is 3 and sleeps in that room",
    ):
        assert "damp_mould_health" in dangers(match(said), policy)[0], said
    for said in (
        "i just need to get this off my chest, the mould came back after they painted",
        "mould in the kitchen again, im 34 and work nights",
    ):
        assert "damp_mould_health" not in dangers(match(said), policy)[0], said


def test_a_person_at_risk_told_later_completes_damp_told_before(
    match: Match, policy: Policy
) -> None:
    """Round 19 (r19b-04 turn 4): "I have COPD, and I sleep in that room" at the name question,
    after black mould in the first message, got the next question."""
    told_before = set(match("black mould up the corner of the back bedroom").cue_groups)
    for said in (
        "Mr Pike. My chest isn't good, I have COPD, and I sleep in that room",
        "im asthmatic and thats my bedroom",
        "my daughter sleeps in there and shes only 2",
    ):
        completed = completed_by_words_told_before(match(said), told_before, (), policy)
        assert "damp_mould_health" in completed, said
    calm = match("Gerald Pike, 31 Rowan Crescent")
    assert completed_by_words_told_before(calm, told_before, (), policy) == []


def test_fear_beside_a_fire_is_no_abuse(match: Match, policy: Policy) -> None:
    """Round 19 (r19b-11 turn 2): "he's scared to lock it now at night ... What happens if
    there's a fire and he can't get out?" got the abuse helpline beside the fire advice, on the
    detector's guess."""
    for said in (
        "shes scared to lock it at night as it jams, what if theres a fire and she cant get out",
        "hes frightened hell be stuck if theres a fire, the lock keeps sticking",
        "my nan is 88 and terrified of a fire, her front door lock jams and she cant get out",
    ):
        matched = replace(match(said), detected_urgency="domestic_abuse", detected_probability=0.99)
        routed, _ = dangers(matched, policy)
        assert "fire_or_danger_to_life" in routed, said
        assert "domestic_abuse" not in routed, said
    threatened = replace(
        match("my ex is outside shouting he'll set fire to the flat, im so scared"),
        detected_urgency="domestic_abuse",
        detected_probability=0.99,
    )
    assert "domestic_abuse" in dangers(threatened, policy)[0]


def test_a_question_about_this_chat_is_no_line_that_rang_out(policy: Policy) -> None:
    """Round 19 (r19b-07 turn 2): "You didn't answer about the data breach. Is that the
    Information Commissioner? Do I go to them or you first?" after the abuse route got "I'm sorry
    the line did not answer"."""
    routed = ["domestic_abuse"]
    for said in (
        "you didnt answer my question, do i go to them or to you first",
        "You didn't answer about the ICO. do I ring them?",
        "u still havent answered my question, who do i call",
        "phone is fine. but you didnt answer me, is it safe to turn it back on",
        "i never rang the number, i meant you didnt answer",
    ):
        assert not line_not_answered(said, routed, policy), said
    assert line_not_answered("i rang the number and nobody answered", routed, policy)


def test_asking_who_runs_a_care_assessment_is_no_safeguarding_concern(
    match: Match, policy: Policy
) -> None:
    """Round 19 (r19b-08 turn 7): "is it adult social care at the council i ring? and if they
    dont help who is above them" about an assessment that never happened got the safeguarding
    lead, on the detector's guess."""
    for said in (
        "my care assessment never happened, who do i ring at the council",
        "is it adult social care at the council i ring about the social care assessment",
        "the hospital said theyd assess me for a care package and nobody came",
    ):
        matched = replace(match(said), detected_urgency="safeguarding", detected_probability=0.6)
        assert "safeguarding" not in dangers(matched, policy)[0], said
    neglected = replace(
        match("my neighbour is being neglected, her carers havent come for 3 days"),
        detected_urgency="safeguarding",
        detected_probability=0.6,
    )
    assert "safeguarding" in dangers(neglected, policy)[0]


def test_a_chirping_smoke_alarm_is_no_fire_or_electrical_danger(
    match: Match, policy: Policy
) -> None:
    """Round 20 (r20a-06 t1, r20a-02 t2): "smoke alarm in hall keeps chirping every min so think it
    needs a new battery? its one of the ones wired in" got the electrical danger's route, and "can
    she just take batt out of the alarm" after the carbon monoxide route the fire text, on the
    detector's guesses."""
    for said, guess in (
        (
            "smoke alarm in the hall keeps chirping, needs a new battery i think, its wired in",
            "electrical_danger",
        ),
        (
            "the smoke detector beeps once every minute, is it the batteries",
            "fire_or_danger_to_life",
        ),
    ):
        matched = replace(match(said), detected_urgency=guess, detected_probability=0.9)
        assert dangers(matched, policy) == ((), False), said
    batt = "T asking if she can take the batt out of the alarm, its doing her head in"
    matched = replace(
        match(batt), detected_urgency="fire_or_danger_to_life", detected_probability=0.9
    )
    assert dangers(matched, policy)[0] == ()
    # A battery with no alarm named is no chirp: "e-scooter battery in the hall is swelling and
    # hissing" is a fire.
    scooter = "e-scooter battery in the hall is swelling and hissing, chemical smell"
    matched = replace(
        match(scooter), detected_urgency="fire_or_danger_to_life", detected_probability=0.9
    )
    assert "fire_or_danger_to_life" in dangers(matched, policy)[0]
    named = match("the smoke alarm is wired into the mains").cue_groups
    assert "smoke" not in named and "smoke_alarm" in named
    sounding = match("the smoke alarm is going off and theres smoke coming from the socket")
    assert dangers(sounding, policy)[0], "smoke told beside the alarm is still smoke"
    co = match("the co alarm keeps chirping and we all have headaches and feel sick")
    assert "gas" in dangers(co, policy)[0]


def test_an_ex_who_still_has_a_key_is_abuse_as_well_as_an_insecure_home(
    match: Match, policy: Policy
) -> None:
    """Round 20 (r20a-04 t1): "my ex still has a key and ive had to leave the chain on every
    night ... he still comes round and reads my letters" got only the insecure-home line."""
    for said in (
        "need the locks changed asap my ex still has a key",
        "my ex-husband still has a key and keeps letting himself in",
        "can u change my locks, ex has got a key and im scared",
    ):
        routed = dangers(match(said), policy)[0]
        assert "domestic_abuse" in routed and "insecure_home" in routed, said
    lost = dangers(match("i lost my key, can you change the lock"), policy)[0]
    assert "domestic_abuse" not in lost


def test_burning_at_a_heater_or_a_lead_is_an_electrical_danger(
    match: Match, policy: Policy
) -> None:
    """Round 20 (r20a-01 t6): "the little electric heater ... started smelling of burning, like
    hot plastic" was routed only on the detector's guess; at a detail question the guess alone
    is not enough."""
    for said in (
        "the little electric heater is smelling of burning like hot plastic",
        "storage heater in the hall smells of burning",
        "the extension lead is scorched and smells like hot plastic",
    ):
        assert "electrical_danger" in dangers(match(said), policy)[0], said
    assert dangers(match("the heater takes ages to warm the room up"), policy)[0] == ()
