"""The consultant's questions: what-if, explain, batch, the guided interview, pack comparison.

They build on the Assessor (advisor.advice.assessor), never on the Advisor (advisor.api).
Internal: the public API is `advisor.__all__` (from advisor import ...); names here may change.
"""
