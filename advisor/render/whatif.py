"""A what-if's difference for people: the terminal tables and Markdown (advisor whatif)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from advisor.render.markdown import md_escape, md_table, show_value
from advisor.workflows.whatif import WhatIf


def rank_text(rank: int | None, blocked: bool = False) -> str:
    if blocked:
        return "blocked"
    return "—" if rank is None else f"#{rank}"


def score_text(score: float | None) -> str:
    return "—" if score is None else f"{score:g}"


def _rows(diff: WhatIf) -> list[tuple[str, str, str, str, str]]:
    rows = []
    for label, items in (("entered", diff.entered), ("left", diff.left), ("moved", diff.moved)):
        for m in items:
            ranks = f"{rank_text(m.rank_before, m.blocked_before)} → "
            ranks += rank_text(m.rank_after, m.blocked_after)
            rows.append((label, m.name, ranks,
                         f"{score_text(m.score_before)} → {score_text(m.score_after)}", m.channel))
    return rows


def _plan_rows(diff: WhatIf) -> list[tuple[str, str, str]]:
    b, a = diff.plan_before, diff.plan_after
    return [
        ("Staff hours per week", f"{b.hours_available:g}", f"{a.hours_available:g}"),
        ("Hours planned", f"{b.hours_planned:g}", f"{a.hours_planned:g}"),
        ("Hours left", f"{b.hours_left:g}", f"{a.hours_left:g}"),
        ("Channels planned", ", ".join(b.planned) or "—", ", ".join(a.planned) or "—"),
        ("Not fitted", ", ".join(b.not_fitted) or "—", ", ".join(a.not_fitted) or "—"),
    ]


def render_whatif_table(diff: WhatIf, console: Console) -> None:
    said = "; ".join(f"{c.path} = {show_value(c.value)}" for c in diff.changes)
    console.print(f"What if: {said}", markup=False)
    if not diff.changed:
        console.print("Nothing changes: the same channels, findings and resource plan.")
    rows = _rows(diff)
    if rows:
        table = Table(title="Channels", title_justify="left")
        for col in ("Change", "Channel", "Rank", "Score"):
            table.add_column(col)
        for row in rows:
            table.add_row(*(Text(cell) for cell in row[:4]))
        console.print(table)
    for label, found in (("raised", diff.findings_raised), ("cleared", diff.findings_cleared)):
        for f in found:
            console.print(f"Finding {label}: {f.level} {f.code} — {f.message} [{f.rule_id}]",
                          markup=False)
    if diff.ready_before != diff.ready_after:
        console.print("Ready to choose channels: "
                      f"{'yes' if diff.ready_before else 'no'} → "
                      f"{'yes' if diff.ready_after else 'no'}")
    plan = Table(title="Resource plan", title_justify="left")
    for col in ("", "Before", "After"):
        plan.add_column(col)
    for plan_row in _plan_rows(diff):
        plan.add_row(*(Text(cell) for cell in plan_row))
    console.print(plan)
    console.print(f"Before: {diff.plan_before.summary}\nAfter:  {diff.plan_after.summary}",
                  markup=False)


def render_whatif_markdown(diff: WhatIf) -> str:
    out = ["# What if", ""]
    out += [f"- `{c.path}` = {md_escape(show_value(c.value))}" for c in diff.changes]
    out.append("")
    return "\n".join(out) + "\n" + whatif_markdown_body(diff)


def whatif_markdown_body(diff: WhatIf) -> str:
    """The differences as Markdown sections: channels, findings, resource plan."""
    out: list[str] = []
    if not diff.changed:
        out += ["Nothing changes: the same channels, findings and resource plan.", ""]
    rows = _rows(diff)
    if rows:
        out += ["## Channels", "",
                md_table(["Change", "Channel", "Rank", "Score"],
                         [[r[0], md_escape(r[1]), r[2], r[3]] for r in rows]), ""]
    found = [("raised", f) for f in diff.findings_raised]
    found += [("cleared", f) for f in diff.findings_cleared]
    if found:
        out += ["## Findings", "",
                md_table(["Change", "Level", "Code", "Finding", "Rule"],
                         [[label, f.level, f"`{f.code}`", md_escape(f.message), f"`{f.rule_id}`"]
                          for label, f in found]), ""]
    out += ["## Resource plan", "",
            md_table(["", "Before", "After"],
                     [[a, md_escape(b), md_escape(c)] for a, b, c in _plan_rows(diff)]), "",
            f"- Before: {md_escape(diff.plan_before.summary)}",
            f"- After: {md_escape(diff.plan_after.summary)}", ""]
    return "\n".join(out)
