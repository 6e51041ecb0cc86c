"""Reports and answers for people: the terminal table, Markdown and HTML (the only package that
imports rich).
"""
