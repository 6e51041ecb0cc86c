"""What things are: the profile, the report, facts, the channel catalogue, the bibliography, and
the helpers that locate and suggest.
"""
