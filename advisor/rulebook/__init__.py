"""Rules as data: the rule and effect models and their parser, and the rule pack."""
