"""Cross-validation scores the decision the assistant makes, layer by layer, on the five labels."""

from __future__ import annotations

from bot.policy import Policy
from tools.crossval import Example, intent_scores, rule_matches


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
