"""Reading the Pydantic models' type annotations: Annotated metadata and Optional peeled off, and
the model behind a field found, so the loader, the fact schema and the step library agree."""

from __future__ import annotations

import types
import typing
from typing import Any

from pydantic import BaseModel


def union_members(annotation: Any) -> tuple[Any, ...]:
    """The types other than None an annotation admits, each without Annotated metadata;
    `(annotation,)` when it is not a union."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return union_members(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        return tuple(
            member
            for arg in typing.get_args(annotation)
            if arg is not type(None)
            for member in union_members(arg)
        )
    return (annotation,)


def is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def nested_model(annotation: Any) -> type[BaseModel] | None:
    """The model class behind `Model`, `Model | None`, `list[Model]` or `Annotated[...]`."""
    for member in union_members(annotation):
        if is_model(member):
            return typing.cast(type[BaseModel], member)
        if typing.get_origin(member) is list:
            found = nested_model(typing.get_args(member)[0])
            if found is not None:
                return found
    return None
