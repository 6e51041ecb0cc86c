"""The only place that reads and writes files: safe YAML and JSON, profiles and packs, whole-or-
nothing output.

Internal: the public API is `advisor.__all__` (from advisor import ...); names here may change.
"""
