# This folder is data, not code: the marker only lets the default rule pack be installed
# inside the package as `advisor.default_pack` (see pyproject.toml), read via importlib.resources.
