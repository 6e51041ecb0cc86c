"""Rules as data: the rule language's vocabulary, conditions, the effect types (one module each,
in advisor/rulebook/effects) and their parser, and the rule pack.

Internal: the public API is `advisor.__all__` (from advisor import ...); names here may change.
"""
