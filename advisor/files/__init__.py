"""The only place that reads and writes files: safe YAML and JSON, profiles and packs, whole-or-
nothing output.
"""
