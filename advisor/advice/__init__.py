"""From fired rules to advice: the Assessor (a pack loaded and compiled, profiles assessed),
reasons with evidence, ranking and the resource plan.

Internal: the public API is `advisor.__all__` (from advisor import ...); names here may change.
"""
