"""What complaints officers oversee: the exclusion queue, adjustment reviews, deadlines, and the
annual complaints performance report (Code 2.1, 1.4, 5.10, 8.1, 9.7)."""
