"""The landlord's policy (Code timescales, exclusions, vocabularies) from `policy_rules/`."""

from bot.policy.loader import load_policy, load_retention, parse_policy
from bot.policy.schema import Policy, PolicyError, Retention

__all__ = ["Policy", "PolicyError", "Retention", "load_policy", "load_retention", "parse_policy"]
