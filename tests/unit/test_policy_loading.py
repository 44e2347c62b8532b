"""A landlord edits policy_rules/: each mistake says which file, which rule and what is wrong."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.policy import PolicyError, load_answers, load_policy
from tests.conftest import ROOT


@pytest.fixture
def rules(tmp_path: Path) -> Path:
    target = tmp_path / "policy_rules"
    shutil.copytree(ROOT / "policy_rules", target)
    return target


def edit(rules: Path, name: str, old: str, new: str) -> None:
    path = rules / name
    text = path.read_text()
    assert old in text, f"fixture text not found in {name}: {old!r}"
    path.write_text(text.replace(old, new, 1))


def test_shipped_policy_loads_with_the_code_timescales(rules: Path) -> None:
    policy = load_policy(rules)
    assert str(policy.stages["stage_1"].acknowledge_within) == "5 working days"
    assert str(policy.stages["stage_1"].respond_within) == "10 working days"
    assert str(policy.stages["stage_2"].respond_within) == "20 working days"
    assert str(policy.time_limit) == "12 months"
    assert set(policy.grounds) == {
        "over_12_months", "legal_proceedings", "previously_considered", "asb_report",
        "rent_or_charge_level", "insurance_claim", "other_organisation", "staff_employment",
    }  # fmt: skip


def test_unknown_key_names_file_and_rule(rules: Path) -> None:
    edit(rules, "exclusions.yml", "  - id: asb_report\n", "  - id: asb_report\n    colour: red\n")
    with pytest.raises(PolicyError) as error:
        load_policy(rules)
    assert (error.value.file, error.value.rule_id) == ("exclusions.yml", "asb_report")
    assert "unknown key(s) colour" in str(error.value)


def test_duplicate_id_is_refused(rules: Path) -> None:
    edit(rules, "adjustments.yml", "  - id: bsl\n", "  - id: hearing\n")
    with pytest.raises(PolicyError, match=r"adjustments.yml, rule 'hearing': duplicate id"):
        load_policy(rules)


def test_a_cue_naming_a_missing_word_group_names_the_rule_and_the_group(rules: Path) -> None:
    edit(rules, "representatives.yml", "- on behalf of my {relative}\n",
         "- on behalf of my {relatives}\n")  # fmt: skip
    with pytest.raises(PolicyError, match=r"representatives.yml, rule 'family': cue 'on behalf of "
                                          r"my \{relatives\}' names no word group of this file: "
                                          r"relatives"):  # fmt: skip
        load_policy(rules)


def test_one_cue_over_a_word_group_stands_for_each_word(rules: Path) -> None:
    cues = load_policy(rules).relationships["family"].cues
    assert {"on behalf of my nan", "on behalf of my grandad", "on behalf of my auntie"} <= set(cues)
    assert not any("{" in cue for cue in cues)


def test_a_need_cue_naming_a_missing_word_group_names_the_need(rules: Path) -> None:
    edit(rules, "adjustments.yml", '"{language} interpreter"', '"{languages} interpreter"')
    expected = r"adjustments.yml, rule 'interpreter': cue '\{languages\} interpreter' names no"
    with pytest.raises(PolicyError, match=expected):
        load_policy(rules)


def test_a_language_added_to_the_group_is_heard_in_every_phrasing(rules: Path) -> None:
    edit(rules, "adjustments.yml", "  language: [arabic,", "  language: [wolof, arabic,")
    cues = set(load_policy(rules).needs["interpreter"].cues)
    assert {"speak wolof", "speaks better wolof", "wolof interpreter"} <= cues


def test_bad_duration_is_explained(rules: Path) -> None:
    edit(rules, "timescales.yml", "respond_within: 20 working days", "respond_within: twenty days")
    with pytest.raises(PolicyError, match=r"timescales.yml, rule 'stage_2': 'respond_within' is "
                                          r"'twenty days': a duration is like"):  # fmt: skip
        load_policy(rules)


def test_intent_pointing_at_a_missing_ground_is_a_dangling_reference(rules: Path) -> None:
    edit(rules, "intents.yml", "ground: asb_report}", "ground: asb_reports}")
    with pytest.raises(PolicyError, match=r"intents.yml, rule 'report_asb': ground 'asb_reports' "
                                          r"is not defined in exclusions.yml"):  # fmt: skip
        load_policy(rules)


def test_removing_a_landlord_ground_needs_no_code_change(rules: Path) -> None:
    text = (rules / "exclusions.yml").read_text()
    start = text.index("  - id: staff_employment")
    (rules / "exclusions.yml").write_text(text[:start])
    edit(rules, "intents.yml", "{id: staff_employment, label: excluded, ground: staff_employment}",
         "{id: staff_employment, label: other}")  # fmt: skip
    edit(rules, "intents.yml", ", staff_employment]", "]")
    assert "staff_employment" not in load_policy(rules).grounds


def test_a_ground_not_offered_in_doubt_must_be_defined(rules: Path) -> None:
    edit(rules, "intents.yml", "[over_12_months, legal", "[over_12_month, legal")
    with pytest.raises(PolicyError, match=r"intents.yml: ground 'over_12_month' in "
                                          r"'grounds_not_offered' is not defined"):  # fmt: skip
        load_policy(rules)


def test_removing_a_ground_the_code_names_fails_validation_naming_it(rules: Path) -> None:
    """Triage proposes `over_12_months` for an old matter (2.3): without it the policy must not
    load, rather than load and fail in the middle of a conversation."""
    text = (rules / "exclusions.yml").read_text()
    start, end = text.index("  - id: over_12_months"), text.index("  - id: legal_proceedings")
    (rules / "exclusions.yml").write_text(text[:start] + text[end:])
    edit(rules, "intents.yml", "{id: old_issue, label: excluded, ground: over_12_months}",
         "{id: old_issue, label: complaint}")  # fmt: skip
    with pytest.raises(PolicyError) as error:
        load_policy(rules)
    assert (error.value.file, error.value.rule_id) == ("exclusions.yml", "over_12_months")
    assert "missing from 'grounds': triage proposes it" in error.value.problem


def test_route_naming_an_unknown_landlord_field_is_refused(rules: Path) -> None:
    edit(rules, "urgency.yml", "{emergency_repairs_phone}", "{emergency_number}")
    with pytest.raises(PolicyError, match=r"urgency.yml, rule 'flooding': route mentions "
                                          r"'\{emergency_number\}'"):  # fmt: skip
        load_policy(rules)


def test_an_exclusion_route_is_filled_from_the_landlord_and_checked(rules: Path) -> None:
    asb = load_policy(rules).grounds["asb_report"].route
    assert "call 0300 000 0000 (Monday to Friday" in asb
    edit(rules, "exclusions.yml", "call {phone}", "call {asb_phone}")
    with pytest.raises(PolicyError, match=r"exclusions.yml, rule 'asb_report': route mentions "
                                          r"'\{asb_phone\}'"):  # fmt: skip
        load_policy(rules)


def test_missing_file_and_wrong_version(rules: Path) -> None:
    (rules / "urgency.yml").unlink()
    with pytest.raises(PolicyError, match=r"urgency\.yml: file is missing"):
        load_policy(rules)
    shutil.copy(ROOT / "policy_rules" / "urgency.yml", rules / "urgency.yml")
    edit(rules, "landlord.yml", "version: 1", "version: 2")
    with pytest.raises(PolicyError, match=r"landlord\.yml: 'version' must be 1"):
        load_policy(rules)


def test_unknown_nation_is_refused(rules: Path) -> None:
    edit(rules, "landlord.yml", "nation: england", "nation: cornwall")
    with pytest.raises(PolicyError, match="'nation' is 'cornwall', expected one of england"):
        load_policy(rules)


def test_the_time_limit_is_in_months(rules: Path) -> None:
    edit(rules, "timescales.yml", "within: 12 months", "within: 250 working days")
    with pytest.raises(PolicyError, match=r"'within' must be in months"):
        load_policy(rules)


@pytest.mark.parametrize(
    ("hours", "problem"),
    [
        ('{opens: "08:00", closes: 17:30}', "'closes' is '1050': a time of day is like"),
        ('{opens: "6pm", closes: "20:00"}', "'opens' is '6pm': a time of day is like"),
        ('{opens: "18:00", closes: "08:00"}', "'opens' must be before 'closes'"),
    ],
)
def test_office_hours_must_be_quoted_times_in_order(rules: Path, hours: str, problem: str) -> None:
    edit(rules, "landlord.yml", 'office_hours: {opens: "08:00", closes: "18:00"}',
         f"office_hours: {hours}")  # fmt: skip
    with pytest.raises(PolicyError, match=problem):
        load_policy(rules)


def test_a_danger_combination_naming_an_unknown_cue_group_is_refused(rules: Path) -> None:
    edit(rules, "urgency.yml", "- [co_source, co_symptom]", "- [co_source, co_symptoms]")
    with pytest.raises(PolicyError, match=r"urgency.yml, rule 'gas': combination names cue group "
                                          r"'co_symptoms'"):  # fmt: skip
        load_policy(rules)


def test_an_age_of_vulnerability_that_is_no_age_is_refused(rules: Path) -> None:
    edit(rules, "urgency.yml", "vulnerable_from_age: 65", "vulnerable_from_age: sixty-five")
    with pytest.raises(PolicyError, match=r"urgency.yml: 'vulnerable_from_age' must be a whole "
                                          r"number of years"):  # fmt: skip
        load_policy(rules)


def test_a_danger_naming_an_unknown_hazard_kind_is_refused(rules: Path) -> None:
    edit(rules, "urgency.yml", "hazard: significant_damp_mould", "hazard: damp")
    with pytest.raises(PolicyError, match=r"urgency.yml, rule 'damp_mould_health': hazard 'damp' "
                                          r"is not defined in hazards.yml"):  # fmt: skip
        load_policy(rules)


def test_a_hazard_deadline_in_an_unknown_unit_is_refused(rules: Path) -> None:
    edit(rules, "hazards.yml", "within: 24 hours", "within: 1 day")
    with pytest.raises(PolicyError, match=r"hazards.yml, rule 'make_safe': 'within' is '1 day'"):
        load_policy(rules)


def test_danger_words_in_a_language_without_a_route_in_it_are_refused(rules: Path) -> None:
    text = (rules / "languages.yml").read_text()
    start = text.index("      gas: ", text.index("routes:"))
    end = text.index("\n", start)
    (rules / "languages.yml").write_text(text[:start] + text[end + 1 :])
    with pytest.raises(PolicyError, match=r"languages.yml, rule 'pl': danger words for gas but no "
                                          r"route to give in this language"):  # fmt: skip
        load_policy(rules)


def test_answers_are_filled_from_the_policy_so_timescales_are_said_once(rules: Path) -> None:
    changed = rules / "timescales.yml"
    changed.write_text(changed.read_text().replace("20 working days", "18 working days", 1))
    answers = load_answers(rules, load_policy(rules))
    assert "answer within 18 working days" in answers["how_complaints_work"].text
    assert "{" not in answers["stage_2"].text


def test_an_answer_naming_an_unknown_placeholder_is_refused(rules: Path) -> None:
    edit(rules, "answers.yml", "{ombudsman_phone}", "{ombudsman_number}")
    with pytest.raises(PolicyError, match=r"answers.yml, rule 'after_stage_2': answer mentions "
                                          r"'\{ombudsman_number\}'"):  # fmt: skip
        load_answers(rules, load_policy(rules))


def test_an_answer_naming_an_unknown_exclusion_ground_is_refused(rules: Path) -> None:
    edit(rules, "answers.yml", "ground: rent_or_charge_level", "ground: rent_levels")
    with pytest.raises(PolicyError, match=r"rule 'rent_level': ground 'rent_levels' is not an "):
        load_answers(rules, load_policy(rules))


def test_an_answer_without_groups_of_words_to_match_is_refused(rules: Path) -> None:
    ombudsman = (
        "      - [ombudsman, complain to the ombudsman, go to the ombudsman, contact the "
        "ombudsman, the ombudsman works, ombudsman work]\n"
    )
    edit(rules, "answers.yml", "    match:\n" + ombudsman, "    match: []\n")
    with pytest.raises(PolicyError, match=r"rule 'ombudsman': 'match' must be a list of groups"):
        load_answers(rules, load_policy(rules))


def test_the_service_request_contact_standard_is_in_working_days(rules: Path) -> None:
    edit(rules, "timescales.yml", "  within: 2 working days", "  within: 2 months")
    with pytest.raises(PolicyError, match=r"'within' must be in working days"):
        load_policy(rules)


def test_a_broken_stage_2_pattern_names_its_reading(rules: Path) -> None:
    edit(rules, "stage_2.yml", '      - "\\\\bundo\\\\b"\n', '      - "\\\\bundo(\\\\b"\n')
    with pytest.raises(PolicyError, match=r"stage_2.yml, rule 'undo': pattern 1 is not a valid "
                                          r"regular expression"):  # fmt: skip
        load_policy(rules)


def test_a_stage_2_reading_the_code_does_not_know_or_one_missing_is_refused(rules: Path) -> None:
    edit(rules, "stage_2.yml", "  - id: undo\n", "  - id: take_back\n")
    with pytest.raises(PolicyError, match=r"stage_2.yml, rule 'take_back': unknown reading"):
        load_policy(rules)
    edit(rules, "stage_2.yml", "  - id: take_back\n    patterns:\n", "  - id: undo\n    x:\n")
    with pytest.raises(PolicyError, match=r"stage_2.yml, rule 'undo': unknown key\(s\) x"):
        load_policy(rules)


def test_a_danger_told_after_an_unknown_category_is_refused(rules: Path) -> None:
    edit(
        rules,
        "urgency.yml",
        "      - [gas, co_symptom]\n      - [no_heating",
        "      - [gas_leak, co_symptom]\n      - [no_heating",
    )
    with pytest.raises(PolicyError, match=r"urgency.yml, rule 'medical_emergency': told_after "
                                          r"names category 'gas_leak'"):  # fmt: skip
        load_policy(rules)
    edit(rules, "urgency.yml", "- [gas_leak, co_symptom]", "- [gas, co_symptoms]")
    with pytest.raises(PolicyError, match=r"told_after names cue group 'co_symptoms'"):
        load_policy(rules)


def test_a_key_given_twice_in_a_rule_is_refused_with_both_lines(rules: Path) -> None:
    edit(rules, "urgency.yml", "    never_asb: true\n    # A gas smell is never",
         "    never_asb: true\n    never_asb: false\n    # A gas smell is never")  # fmt: skip
    with pytest.raises(PolicyError) as error:
        load_policy(rules)
    assert (error.value.file, error.value.rule_id) == ("urgency.yml", "gas")
    assert "'never_asb' is given twice" in str(error.value)


def test_a_top_level_key_given_twice_is_refused(rules: Path) -> None:
    path = rules / "urgency.yml"
    path.write_text(path.read_text() + "\nsafety_question: Are you safe?\n")
    with pytest.raises(PolicyError, match=r"^urgency.yml: 'safety_question' is given twice"):
        load_policy(rules)
