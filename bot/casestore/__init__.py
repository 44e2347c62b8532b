"""The case store: every contact and defined complaint, with the Code's clock (5.12, 6.2-6.14)."""
