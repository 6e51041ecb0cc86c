"""Matching: the staged compiler, inference in strata, the durable_rules adapter, and the reference
evaluator that checks it.

Internal: the public API is `advisor.__all__` (from advisor import ...); names here may change.
"""
