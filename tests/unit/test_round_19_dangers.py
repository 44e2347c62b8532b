"""Round 19's safety turns in our own wordings, read by the policy's rules: despair and wishing
not to wake are routed to Samaritans, about the writer or someone else; a partner's temper with a
door that will not keep them out is abuse; "I am 71" is an age; and questions whether to use,
leave or switch off ask what to do."""

from __future__ import annotations

from bot.policy import Policy
from bot.triage.decide import about_someone_else, dangers
from bot.triage.safety import asks_to_use, asks_what_to_do
from tests.unit.conftest import Match


def test_despair_and_wishing_not_to_wake_are_routed(match: Match, policy: Policy) -> None:
    """Round 19 (r19a-07 turns 7 and 10, r19a-08 turn 2): "honestly i dont see the point
    anymore", "some nights i just want to go to sleep and not wake up" and a support worker's
    "he said everyone would be better off without him" got no Samaritans line."""
    for said in (
        "im so tired of fighting you lot, honestly i cant see the point anymore",
        "tbh some nights i wish i wouldnt wake up",
        "i go to sleep and hope i dont wake up in the morning",
        "my client told me his kids would be better off without him",
    ):
        assert "self_harm" in dangers(match(said), policy)[0], said
    for said in (
        "cant see the point in reporting it anymore, nobody comes",
        "my son wont wake up for school because the damp keeps him up coughing",
    ):
        assert "self_harm" not in dangers(match(said), policy)[0], said


def test_a_partners_temper_or_a_door_that_cannot_keep_him_out_is_abuse(
    match: Match, policy: Policy
) -> None:
    """Round 19 (r19a-04 turn 5): "my partner is kicking off again downstairs and the door wont
    lock so i cant keep him out" got only the insecure-home line."""
    for said in (
        "the door wont lock so i cant keep him out",
        "my boyfriend keeps kicking off at me and the lock is broken",
        "husband lost his temper with me again and smashed the place up",
    ):
        assert "domestic_abuse" in dangers(match(said), policy)[0], said
    calm = "my husband is fuming about the boiler, kicking off about how long its taking"
    assert "domestic_abuse" not in dangers(match(calm), policy)[0]


def test_an_age_told_as_i_am_makes_a_loss_an_emergency(match: Match, policy: Policy) -> None:
    """Round 19 (r19b-04 turn 1): "I am 71" was no age to the rules, so an older resident telling
    a loss in the first person was not seen as vulnerable."""
    for said in (
        "no heating since friday and I am 71",
        "no hot water for 3 days and im 80, i live alone",
        "no heating, i'm 67 with a bad chest",
    ):
        assert "no_heating_or_water_vulnerable" in dangers(match(said), policy)[0], said
    calm = "no heating since friday, im 30 mins from home at work"
    assert "no_heating_or_water_vulnerable" not in dangers(match(calm), policy)[0]


def test_questions_whether_to_use_leave_or_switch_off_ask_what_to_do(policy: Policy) -> None:
    """Round 19 (r19a-01, r19a-02, r19a-03): "so i shouldnt use it then?", "do i need to go
    out?", "should I turn the electrics off?" and "yes or no is the cooker safe" after a route
    got "I can't answer that one" or nothing."""
    for said in (
        "so i shouldnt use it then? ive got to do the kids tea",
        "can you just tell me is the cooker safe",
        "can i still cook on it tonight",
    ):
        assert asks_to_use(said, policy) and asks_what_to_do(said, policy), said
    for said in (
        "do i need to go out? shes asleep on the sofa",
        "should i turn the electrics off",
        "is it still dangerous now ive switched it off",
        "can i just take it off the wall if its the battery",
    ):
        assert asks_what_to_do(said, policy), said
    assert not asks_what_to_do("will someone ring me tomorrow about the carpet", policy)


def test_messages_that_must_not_say_what_they_are_about_are_a_need(match: Match) -> None:
    """Round 19 (r19a-04 turns 6 to 15): "text. but not to say its about him, hes got my phone
    sometimes" was ignored, and the record said only "by text"; it is a need the team sees."""
    for said in (
        "text. but not to say its about him, hes got my phone sometimes",
        "texts only and they mustnt mention him, just say repair",
        "email is ok but dont mention the abuse, he reads my phone",
    ):
        assert "discreet_contact" in match(said).adjustments, said
    assert "discreet_contact" not in match("text me please, my phone is always on").adjustments


def test_despair_told_of_someone_else_is_about_them() -> None:
    """Round 19 (r19a-08 turn 7): a support worker's "I want someone to tell me who deals with a
    tenant at risk. He said he'd be better off dead basically" was answered "if you might act on
    thoughts of harming yourself"."""
    for said in (
        "I want someone to tell me who deals with a tenant at risk. He said he'd be better off "
        "dead basically",
        "my client keeps saying everyone would be better off without him, what do i do",
        "i'm worried, she said she doesnt want to be here anymore",
    ):
        assert about_someone_else(said), said
    assert not about_someone_else("i think everyone would be better off without me")
