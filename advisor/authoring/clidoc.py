"""The command-line reference, docs/cli.md, generated from the command tree itself so it cannot
go stale: every command's usage, its help text, its arguments and its options with their help.

Only advisor.cli imports click: it passes its root group here, and this module reads the
commands' attributes (name, help, params, subcommands). The reference is built from those
attributes, not from click's help formatter, so it reads the same under every click version
the project supports and at any terminal width."""

from __future__ import annotations

import inspect
from collections.abc import Iterator
from typing import Any

_HEADER = """\
# Command-line reference

<!-- Generated from the commands' --help by `advisor docs cli`; do not edit by hand. -->

Every command also takes `-h`/`--help`, which prints the same text in the terminal. Exit codes:
0 ok; 1 blocker findings or failed checks, when asked; 2 bad input (profile, rule, pack or
file); 3 engine failure; 4 usage error.
"""


def cli_reference(root: Any, prog: str = "advisor") -> str:
    """docs/cli.md for the click group `root`: a contents list, then a section per command."""
    commands = list(_walk(root, prog))
    lines = [_HEADER, "## Commands", ""]
    for path, command in commands:
        summary = _summary(command)
        lines.append(f"- [`{path}`](#{_anchor(path)})" + (f": {summary}" if summary else ""))
    lines.append("")
    for path, command in commands:
        lines += _section(path, command)
    return "\n".join(lines).rstrip("\n") + "\n"


def _walk(command: Any, path: str) -> Iterator[tuple[str, Any]]:
    """The command and, depth first in name order, every subcommand that is not hidden."""
    yield path, command
    subcommands = getattr(command, "commands", None) or {}
    for name in sorted(subcommands):
        sub = subcommands[name]
        if not getattr(sub, "hidden", False):
            yield from _walk(sub, f"{path} {name}")


def _anchor(path: str) -> str:
    """The anchor GitHub gives a heading `` `advisor rules list` ``."""
    return path.replace(" ", "-")


def _summary(command: Any) -> str:
    """The first sentence of the help text (click's short help, without its truncation)."""
    text = _help_text(command)
    first = text.split("\n\n", 1)[0].replace("\n", " ").strip()
    sentence = first.split(". ", 1)[0]
    return sentence.rstrip(".") + "." if sentence else ""


def _help_text(command: Any) -> str:
    text = inspect.cleandoc(getattr(command, "help", None) or "")
    return text.split("\f", 1)[0].strip()


def _section(path: str, command: Any) -> list[str]:
    params = [p for p in command.params if not getattr(p, "hidden", False)]
    arguments = [p for p in params if p.param_type_name == "argument"]
    options = [p for p in params if p.param_type_name == "option"]
    lines = [f"## `{path}`", "", "```text", _usage(path, command, arguments, options), "```", ""]
    lines += _help_markdown(_help_text(command))
    choices = [(p, _choices(p)) for p in arguments if _choices(p)]
    if choices:
        lines += ["Arguments:", ""]
        lines += [f"- `{_arg_name(p)}`: one of {', '.join(f'`{c}`' for c in cs)}"
                  for p, cs in choices]
        lines.append("")
    if options:
        lines += ["| Option | Meaning |", "| --- | --- |"]
        lines += [f"| {_option_cell(p)} | {_option_help(p)} |" for p in options]
        lines.append("")
    return lines


def _usage(path: str, command: Any, arguments: list[Any], options: list[Any]) -> str:
    pieces = [path]
    if options:
        pieces.append("[OPTIONS]")
    for arg in arguments:
        name = _arg_name(arg) + ("..." if arg.nargs == -1 else "")
        pieces.append(name if arg.required else f"[{name}]")
    if getattr(command, "commands", None):
        pieces.append("COMMAND [ARGS]...")
    return " ".join(pieces)


def _arg_name(arg: Any) -> str:
    return str(arg.metavar or arg.name).upper()


def _help_markdown(text: str) -> list[str]:
    """Help paragraphs as Markdown: a paragraph click keeps as written (`\\b`) is a text
    block; any other is a paragraph."""
    lines: list[str] = []
    for paragraph in text.split("\n\n"):
        if not paragraph.strip():
            continue
        if paragraph.startswith("\b"):
            lines += ["```text", *paragraph.split("\n")[1:], "```", ""]
        else:
            lines += [" ".join(line.strip() for line in paragraph.split("\n")), ""]
    return lines


def _choices(param: Any) -> list[str]:
    return [str(c) for c in getattr(param.type, "choices", None) or ()]


def _option_cell(option: Any) -> str:
    names = ", ".join([*option.opts, *option.secondary_opts])
    value = "" if option.is_flag or option.count else f" {_metavar(option)}"
    return f"`{names}{value}`"


def _metavar(option: Any) -> str:
    """The value an option takes, in click's words: a choice, FILE, FOLDER, INTEGER..."""
    if option.metavar:
        return str(option.metavar)
    kind = type(option.type).__name__
    if kind == "Choice":
        return "[" + "\\|".join(_choices(option)) + "]"
    if kind == "Path":
        if not option.type.dir_okay:
            return "FILE"
        return "FOLDER" if not option.type.file_okay else "PATH"
    if kind in ("IntRange", "FloatRange"):
        low, high = option.type.min, option.type.max
        if low is not None and high is not None:
            bounds = f"{low:g} to {high:g}"
        else:
            bounds = f"at least {low:g}" if high is None else f"at most {high:g}"
        return ("INTEGER" if kind == "IntRange" else "NUMBER") + f" ({bounds})"
    return str(option.type.name).upper()


def _option_help(option: Any) -> str:
    text = " ".join((option.help or "").split()).replace("|", "\\|")
    notes = []
    if option.required:
        notes.append("Required.")
    if option.multiple:
        notes.append("Repeatable.")
    default = option.default
    if option.show_default and default not in (None, False, (), []):
        shown = ", ".join(str(d) for d in default) if isinstance(default, list | tuple) else default
        notes.append(f"Default: `{shown}`.")
    return " ".join([text, *notes]).strip()
