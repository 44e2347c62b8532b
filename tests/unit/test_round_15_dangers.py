"""Round 15's missed dangers in our own wordings, read by the policy's rules: thoughts of suicide
told without the words (a life with no point, a future the person will not be in, tablets saved
up), about oneself or someone else; a small child told in numbers; someone vulnerable unwell now;
a heater with no flue where someone sleeps; a smoke alarm disabled where a fire is likely; a
medicine running out; a danger put off or a line that rang out after its route; and the near
misses beside each."""

from __future__ import annotations

from bot.nlp.rules import young_ages_told
from bot.policy import Policy
from bot.replies import urgent_lines
from bot.triage import triage
from bot.triage.decide import completed_by_words_told_before, told_after_a_route
from bot.triage.safety import line_not_answered, routes_put_off
from tests.unit.conftest import Match

SELF_HARM = "self_harm"
SAMARITANS = "116 123"


def test_thoughts_of_suicide_told_without_the_words_are_self_harm(match: Match) -> None:
    """Round 15 (r15a-12 turns 4 and 8; r15c-14 turn 3): despair about being alive, a future the
    writer will not be in and tablets saved up got only the general safety question."""
    for said in (
        "honestly what is the point of me even being here now, everything is on top of me",
        "i dont reckon ill still be around when you lot finally get back to me",
        "she told me shes been stockpiling her meds",
        "he keeps saying he wont be a burden to anyone for much longer",
        "my brother has been hoarding his pills in a drawer",
    ):
        assert SELF_HARM in match(said).urgency, said


def test_despair_about_our_service_or_a_plan_to_be_out_is_no_self_harm(match: Match) -> None:
    for said in (
        "whats the point of complaining anymore, nobody ever rings back",
        "i wont be here tomorrow so can the engineer come on friday instead",
        "please can i collect my prescription from the office, my meds are in the post",
        "this wont be a problem once the leak is fixed",
    ):
        assert SELF_HARM not in match(said).urgency, said


def test_a_route_for_someone_else_at_risk_is_about_them(policy: Policy, match: Match) -> None:
    """Round 15 (r15c-14 turn 4): a support worker worried about a tenant's overdose was told "if
    you might act on thoughts of harming yourself"."""
    said = "when i visited him he said hes been saving up his tablets and wont be around for long"
    result = triage(_parse(match, said), policy)
    assert result.about_someone_else
    route = urgent_lines(result, policy)[0]
    assert "harming themselves" in route and SAMARITANS in route and "yourself" not in route
    mine = "i have been saving up my tablets"
    own = triage(_parse(match, mine), policy)
    assert not own.about_someone_else
    assert "harming yourself" in urgent_lines(own, policy)[0]


def test_a_small_child_told_in_numbers_is_vulnerable(match: Match) -> None:
    """Round 15 (r15c-06): "my little girl, she is 4" with no heating was not read as a child."""
    assert young_ages_told("my little boy is 3 and the flat is 13 degrees") == [3]
    assert young_ages_told("we have a 6 week old") == [0]
    assert young_ages_told("the boiler is 4 years old") == []
    assert young_ages_told("she is 3 weeks behind with the rent") == []
    found = match("the heating has gone off and my son is 2")
    assert "no_heating_or_water_vulnerable" in found.urgency


def test_someone_vulnerable_unwell_now_gets_the_medical_route(match: Match) -> None:
    """Round 15 (r15c-06 turn 12): a 4-year-old hot with fever and shaking in a cold house, told
    at the read-back, got the complaint logged and nothing else."""
    for said in (
        "my toddler has a high temperature and keeps being sick",
        "my nan is 88 and shes shivering and wont eat",
    ):
        assert "medical_emergency" in match(said).urgency, said
    assert "medical_emergency" not in match("the kids keep getting colds from the damp").urgency


def test_a_person_told_now_completes_a_loss_told_before(policy: Policy, match: Match) -> None:
    """Round 15 (r15b-12 turn 2): COPD and unable to manage the stairs, told after the lift was
    out, got no emergency repairs line; the person told before the loss was already read."""
    earlier = match(
        "the lift in my block keeps breaking down, its out again since monday"
    ).cue_groups
    now = match("I have COPD and I cant manage the stairs")
    assert completed_by_words_told_before(now, earlier, (), policy) == [
        "no_heating_or_water_vulnerable"
    ]
    # Routed before on the detector's guess alone, the lift is an emergency again now the person
    # is told; told again after that, it adds nothing.
    routed = ("no_heating_or_water_vulnerable",)
    assert completed_by_words_told_before(now, earlier, routed, policy) == [
        "no_heating_or_water_vulnerable"
    ]
    told = {*earlier, *now.cue_groups}
    assert completed_by_words_told_before(now, tuple(told), routed, policy) == []
    # A fever told after "she is 4" needs medical help.
    child = match("my daughter, she is 4, is asleep").cue_groups
    fever = match("now my daughter has a fever and is shaking")
    assert "medical_emergency" in completed_by_words_told_before(fever, child, (), policy)


def test_a_heater_with_no_flue_where_someone_sleeps_is_a_carbon_monoxide_risk(
    match: Match,
) -> None:
    """Round 15 (r15c-03 turn 11): a Calor gas heater all night in a 2-year-old's bedroom was
    logged with nothing but the general question."""
    for said in (
        "the radiator is broken so ive been using a paraffin heater in the kids bedroom at night",
        "we run a portable gas heater overnight in the lounge where grandad sleeps, is that ok",
    ):
        assert "co_risk" in match(said).urgency, said
    assert "co_risk" not in match("can we use a bbq in the back garden this summer").urgency


def test_symptoms_after_the_heater_warning_get_the_gas_line_and_medical_help(
    policy: Policy, match: Match
) -> None:
    found = match("he woke up with a headache and was sick this morning")
    told = told_after_a_route(found, ["co_risk"], policy)
    assert "gas" in told and "medical_emergency" in told


def test_a_smoke_alarm_disabled_where_a_fire_is_likely_gets_the_fire_safety_route(
    match: Match,
) -> None:
    """Round 15 (r15d-11 turn 2): an alarm whose battery was pulled out, for a tenant who smokes
    in bed, got the safety question twice and "I can't answer that"."""
    for said in (
        "his smoke alarm kept chirping so he took the battery out, and he smokes in bed",
        "my mum is 90 and her smoke alarm has been ripped off the ceiling",
    ):
        found = match(said)
        assert "no_smoke_alarm" in found.urgency and not found.past_danger, said
    for said in (
        "the smoke alarm is chirping, it needs a new battery",
        "can you test the smoke alarm when you come",
    ):
        assert not match(said).urgency, said


def test_a_medicine_running_out_gets_nhs_111_and_the_pharmacy(match: Match) -> None:
    """Round 15 (r15b-12 turns 2 and 13): inhalers nearly gone and no way to the chemist got no
    route at all."""
    for said in (
        "my insulin is nearly gone and i cant get to the pharmacy with the lift out",
        "what about my inhalers, ive almost run out",
    ):
        assert "medicine_running_out" in match(said).urgency, said
    assert not match("i picked up my prescription from the chemist yesterday").urgency


def test_a_gas_smell_put_off_after_its_route_is_said_again(policy: Policy) -> None:
    """Round 15 (r15d-03): "it was very faint, I'll mention it on Monday" after the gas line got
    the general question, then nothing."""
    for said in (
        "its only a faint whiff really, i'll wait until monday and tell the housing officer",
        "no nobody is in danger, i dont want to bother the gas board at this time of night",
    ):
        assert routes_put_off(said, ["gas"], policy) == ["gas"], said
    assert routes_put_off("ok i am outside and ringing them now", ["gas"], policy) == []
    # A loss of heating may wait for a plan; only dangers with words for this are said again.
    assert routes_put_off("i'll leave it till monday", ["damp_mould_health"], policy) == []


def test_a_line_that_did_not_answer_gets_the_help_open_instead(policy: Policy) -> None:
    """Round 15 (r15c-08 turns 3 and 5): "it rang out twice" got the same line again."""
    standing = ["no_heating_or_water_vulnerable"]
    said = "tried your emergency number 3 times and nobody picked up"
    assert line_not_answered(said, standing, policy) == standing
    assert line_not_answered(said, [], policy) == []
    assert line_not_answered("ok ringing them now", standing, policy) == []
    assert "NHS 111" in policy.line_unanswered_line() and "999" in policy.line_unanswered_line()


def _parse(match: Match, text: str) -> dict[str, object]:
    """A parse of `text` as the pipeline gives it, read as a complaint."""
    complaint = {"name": "complaint_repairs", "confidence": 0.9}
    return {
        "text": text, "intent": complaint, "intent_ranking": [complaint],
        "entities": match(text).as_entities(),
    }  # fmt: skip
