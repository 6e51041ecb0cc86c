"""Matching: the staged compiler, inference in strata, the durable_rules adapter, and the reference
evaluator that checks it.
"""
