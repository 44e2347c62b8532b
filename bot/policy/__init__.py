"""The landlord's policy (Code timescales, exclusions, vocabularies) from `policy_rules/`."""

from bot.policy.loader import load_answers, load_policy, load_retention, parse_policy
from bot.policy.schema import Answer, Policy, PolicyError, Retention

__all__ = [
    "Answer",
    "Policy",
    "PolicyError",
    "Retention",
    "load_answers",
    "load_policy",
    "load_retention",
    "parse_policy",
]
