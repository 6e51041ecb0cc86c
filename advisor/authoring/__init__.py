"""For rule authors: check, show, scaffold, the generated references, coverage and JSON Schemas.

Internal: the public API is `advisor.__all__` and the `advisor rules` commands; names here may
change.
"""
