"""The POST method's dimensions (People, Objectives, Strategy, Technology, extended with
resources, bottlenecks, pain points and constraints), in the order the method reads them."""

from __future__ import annotations

import typing
from typing import Literal

Post = Literal[
    "people",
    "objectives",
    "strategy",
    "technology",
    "resources",
    "bottlenecks",
    "pain_points",
    "constraints",
]
POST_ORDER: tuple[str, ...] = typing.get_args(Post)
