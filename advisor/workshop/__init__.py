"""The live workshop: the profile as a form in the browser, the advice moving as it changes.

Its web stack (Starlette, uvicorn, Jinja2) is the `web` extra; `missing_web_dependencies` says
what is absent without importing any of it, so the command line can say what to install."""

from __future__ import annotations

import importlib.util

WEB_DEPENDENCIES = ("starlette", "uvicorn", "jinja2")
WEB_EXTRA = "healthcare-social-advisor[web]"


def missing_web_dependencies() -> list[str]:
    return [name for name in WEB_DEPENDENCIES if importlib.util.find_spec(name) is None]
