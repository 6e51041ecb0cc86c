"""What things are: the profile, the report, facts, profile paths, the channel catalogue, the
bibliography, and the helpers that locate and suggest.

Internal: the public API is `advisor.__all__` (from advisor import ...); names here may change.
"""
