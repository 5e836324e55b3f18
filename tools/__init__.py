"""Tools that are not shipped: the benchmark and the evaluation (make bench, make eval)."""
