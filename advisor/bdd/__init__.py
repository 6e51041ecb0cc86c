"""The Gherkin step library for rule authors, shipped as a pytest plugin (entry point `advisor`).

Internal: the contract is the step library (docs/steps.md) and `advisor.__all__`; the Python
names here may change.
"""
