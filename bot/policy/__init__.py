"""The landlord's policy (Code timescales, exclusions, vocabularies) from `policy_rules/`."""

from bot.policy.loader import load_policy, parse_policy
from bot.policy.schema import Policy, PolicyError

__all__ = ["Policy", "PolicyError", "load_policy", "parse_policy"]
