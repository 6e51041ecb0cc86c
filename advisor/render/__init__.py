"""Reports and answers for people: the terminal table, Markdown and HTML, what-if, explanation
and pack-diff texts, the CLI's consoles (the only package that imports rich).

Internal: the public API is `advisor.__all__` (from advisor import ...); names here may change.
"""
