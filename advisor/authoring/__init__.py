"""For rule authors: check, show, scaffold, the generated references, coverage and JSON Schemas."""
