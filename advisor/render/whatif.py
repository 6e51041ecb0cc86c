"""A what-if's difference for people: the terminal tables and Markdown (advisor whatif)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from advisor.model.paths import show_value
from advisor.render.markdown import md_escape, md_table
from advisor.workflows.whatif import Moved, WhatIf


def score_text(score: float | None) -> str:
    return "—" if score is None else f"{score:g}"


def _score_change(m: Moved) -> str:
    before, after = m.score_before, m.score_after
    if before is None and after is None:
        return "no rule scores it"
    if before is None:
        return f"now scored {score_text(after)}"
    if after is None:
        return f"no longer scored, was {score_text(before)}"
    if before == after:
        return f"score still {score_text(after)}"
    return f"score {score_text(before)} → {score_text(after)}"


def _block_reason(diff: WhatIf, channel: str) -> str:
    advice = diff.after.channel(channel)
    reasons = [b.reason for b in advice.blocks] if advice else []
    return "; ".join(dict.fromkeys(reasons))


def moved_sentence(m: Moved, diff: WhatIf | None = None) -> str:
    """What happened to one channel, as a sentence: "LinkedIn page enters the plan at rank 2
    (now scored 3)", "Facebook page leaves the ranking (blocked: ...)", "no change in rank,
    score 3 → 4"."""
    score = _score_change(m)
    if m.rank_before is None and m.rank_after is not None:
        return f"{m.name} enters the plan at rank {m.rank_after} ({score})"
    if m.rank_before is not None and m.rank_after is None:
        if m.blocked_after:
            why = _block_reason(diff, m.channel) if diff is not None else ""
            return f"{m.name} leaves the ranking (blocked{': ' + why if why else ''}; {score})"
        return f"{m.name} leaves the ranking ({score})"
    if m.rank_before is not None and m.rank_after is not None:
        if m.rank_before == m.rank_after:
            return f"{m.name}: no change in rank ({m.rank_after}), {score}"
        way = "rises" if m.rank_after < m.rank_before else "falls"
        return f"{m.name} {way} from rank {m.rank_before} to rank {m.rank_after}, {score}"
    if m.blocked_after and not m.blocked_before:
        why = _block_reason(diff, m.channel) if diff is not None else ""
        said = f": {why}" if why else ""
        return f"{m.name} is now blocked{said} (still not recommended, {score})"
    if m.blocked_before and not m.blocked_after:
        return f"{m.name} is no longer blocked but still not recommended ({score})"
    return f"{m.name} is still not recommended ({score})"


def _rows(diff: WhatIf) -> list[tuple[str, str, str]]:
    rows = []
    for label, items in (("entered", diff.entered), ("left", diff.left), ("moved", diff.moved)):
        for m in items:
            rows.append((label, m.name, moved_sentence(m, diff)))
    return rows


def _plan_rows(diff: WhatIf) -> list[tuple[str, str, str]]:
    b, a = diff.plan_before, diff.plan_after
    names = {x.channel: x.name for r in (diff.before, diff.after)
             for x in [*r.recommended, *r.not_recommended]}

    def shown(ids: list[str]) -> str:
        return ", ".join(names.get(c, c) for c in ids) or "—"

    return [
        ("Staff hours per week", f"{b.hours_available:g}", f"{a.hours_available:g}"),
        ("Hours planned", f"{b.hours_planned:g}", f"{a.hours_planned:g}"),
        ("Hours left", f"{b.hours_left:g}", f"{a.hours_left:g}"),
        ("Channels planned", shown(b.planned), shown(a.planned)),
        ("Not fitted", shown(b.not_fitted), shown(a.not_fitted)),
    ]


def render_whatif_table(diff: WhatIf, console: Console) -> None:
    said = "; ".join(f"{c.path} = {show_value(c.value)}" for c in diff.changes)
    console.print(f"What if: {said}", markup=False)
    if not diff.changed:
        console.print("Nothing changes: the same channels, findings and resource plan.")
    rows = _rows(diff)
    if rows:
        table = Table(title="Channels", title_justify="left")
        for col in ("Change", "What happens"):
            table.add_column(col)
        for row in rows:
            table.add_row(Text(row[0]), Text(row[2]))
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
                md_table(["Change", "What happens"],
                         [[r[0], md_escape(r[2])] for r in rows]), ""]
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
