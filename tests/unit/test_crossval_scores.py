"""Cross-validation scores the decision the assistant makes, layer by layer, on the five labels."""

from __future__ import annotations

from bot.policy import Policy
from tools.crossval import Example, _score, intent_scores, rule_matches, rule_variants


def example(text: str, intent: str, real: bool = True) -> Example:
    return Example(text, "none", False, False, "source", intent, real)


def test_each_layer_is_scored_and_a_ground_counts_only_with_the_label(policy: Policy) -> None:
    examples = [
        example("the man upstairs plays loud music all night", "report_asb"),
        example("my service charge has doubled", "dispute_rent_level"),
        example("please fix my tap", "service_request"),
        example("nobody came to fix the tap, I want to complain", "dissatisfaction"),
    ]
    ranked = [
        [("report_asb", 0.6), ("enquiry", 0.4)],
        # The top intent is an enquiry, but the excluded intents together are likelier.
        [("enquiry", 0.4), ("dispute_rent_level", 0.35), ("insurance_claim", 0.25)],
        [("service_request", 0.9), ("dissatisfaction", 0.1)],
        [("dissatisfaction", 0.7), ("service_request", 0.3)],
    ]
    scores = intent_scores(examples, ranked, policy, rule_matches(examples, policy))
    assert {"model", "doubt", "triage", "by total", "cue 0.2", "cue 1.0"} <= set(scores)
    by_file, real = scores["by total"]
    assert real.ground_strict == 1.0 and real.macro_f1 == 1.0
    assert scores["model"][1].ground_strict == 1.0
    assert by_file.size == 4


def test_each_rule_layer_override_is_changed_on_its_own(policy: Policy) -> None:
    examples = [
        # Read as a service request, but a complaint is likely enough to offer the choice.
        example("the boiler has gone again and I have a newborn", "service_request"),
        # Read as an ASB report with the same doubt.
        example("the people next door shout every night, I want it dealt with", "report_asb"),
        # A complaint about something finished long ago.
        example("in 2019 the caretaker was rude to me, he left soon after", "old_issue"),
    ]
    ranked = [
        [("service_request", 0.65), ("dissatisfaction", 0.35)],
        [("report_asb", 0.65), ("dissatisfaction", 0.35)],
        [("dissatisfaction", 0.9), ("enquiry", 0.1)],
    ]
    variants = rule_variants(examples, ranked, rule_matches(examples, policy), policy)
    labels = {name.strip(): [label for label, _ in rows] for name, rows in variants.items()}
    assert labels["triage as configured"] == ["complaint", "complaint", "excluded"]
    assert labels["no doubt rule for what the model reads as service_request"] == [
        "service_request", "complaint", "excluded",
    ]  # fmt: skip
    assert labels["no doubt rule for what the model reads as excluded"] == [
        "complaint", "excluded", "excluded",
    ]  # fmt: skip
    assert labels["no doubt rule at all"][:2] == ["service_request", "excluded"]
    assert labels["no over-12-months proposal"][2] == "complaint"
    # A matter read as already considered stays a proposed exclusion in doubt, unless every
    # excluded ground is promoted (doubt.grounds_not_offered emptied).
    again = [example("the fence again, you answered me on it fully", "previously_considered")]
    considered = [("previously_considered", 0.65), ("dissatisfaction", 0.35)]
    doubted = rule_variants(again, [considered], rule_matches(again, policy), policy)
    assert doubted["triage as configured"][0][0] == "excluded"
    every_ground = next(rows for name, rows in doubted.items() if "every excluded ground" in name)
    assert every_ground[0][0] == "complaint"
    # The cost weighs a missed complaint three times an unneeded offer.
    offered = [("service_request", None), ("complaint", None), ("excluded", "over_12_months")]
    assert _score(offered, variants["triage as configured"]).cost == 1
    missed = [("complaint", None), ("complaint", None), ("service_request", None)]
    assert _score(missed, variants["  no doubt rule at all"]).cost == 3 * 2


def test_strict_ground_accuracy_is_told_per_ground_with_what_the_misses_were_read_as() -> None:
    from tools.crossval import ground_breakdown

    gold = [("excluded", "asb_report"), ("excluded", "asb_report"), ("complaint", None),
            ("excluded", "staff_employment")]  # fmt: skip
    predicted = [("excluded", "asb_report"), ("complaint", "asb_report"), ("complaint", None),
                 ("complaint", None)]  # fmt: skip
    assert ground_breakdown(gold, predicted) == [
        "    asb_report               0.500  (1 of 2)  read as: complaint/asb_report 1",
        "    staff_employment         0.000  (0 of 1)  read as: complaint 1",
    ]


def test_part_recall_counts_each_expected_part_once_in_any_order() -> None:
    from tools.evaluation import part_scores

    expected = [
        [("complaint", None), ("excluded", "asb_report"), ("excluded", "rent_or_charge_level")],
        [("service_request", None), ("complaint", None)],
    ]
    listed = [
        [("complaint", None), ("excluded", "rent_or_charge_level")],
        [("complaint", None), ("service_request", None), ("other", None)],
    ]
    scores, missed = part_scores(expected, listed)
    assert (scores.expected, scores.found, scores.extra) == (5, 4, 1)
    assert (scores.expected_beside, scores.found_beside) == (3, 2)
    assert missed == [[("excluded", "asb_report")], []]


def test_a_file_added_to_the_data_leaves_the_other_files_on_the_folds_they_had() -> None:
    """GroupKFold balances folds by size, so a new file can move others between folds; scored
    on the reference's folds, a before-and-after comparison judges the same splits and the new
    file only ever trains."""
    from tools.crossval import FOLDS, fold_numbers

    def examples(sizes: dict[str, int]) -> list[Example]:
        return [
            Example(f"{group} {n}", "none", False, False, group, "enquiry", False)
            for group, size in sizes.items()
            for n in range(size)
        ]

    before = examples({f"topic_{n}": 10 + n for n in range(8)})
    after = before + examples({"voice_new": 40})
    plain_before, plain_after = fold_numbers(before), fold_numbers(after)
    assert list(plain_after[: len(before)]) != list(plain_before), "plain folds reshuffle"
    fixed = fold_numbers(after, before)
    assert list(fixed[: len(before)]) == list(plain_before)
    assert set(fixed[len(before) :]) == {-1}
    assert set(plain_before) == set(range(FOLDS))
