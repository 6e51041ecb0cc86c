"""The Gherkin step library for rule authors, shipped as a pytest plugin (entry point `advisor`)."""
