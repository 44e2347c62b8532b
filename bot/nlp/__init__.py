"""spaCy and Rasa NLU pieces: rule matching compiled from policy_rules, and the featurizer."""
