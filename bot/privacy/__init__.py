"""Personal data: kept out of logs, kept no longer than policy_rules/retention.yml allows, and
exported or erased for the resident it is about (UK GDPR Articles 5, 15 and 17)."""
