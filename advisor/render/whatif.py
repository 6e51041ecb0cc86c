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


def _tier(tier: str | None) -> str:
    return "not scored" if tier is None else tier.replace("_", " ")


def _rank(rank: int | None) -> str:
    return f" at rank {rank}" if rank is not None else ""


def moved_sentence(m: Moved, diff: WhatIf | None = None) -> str:
    """What happened to one channel, as a sentence: "LinkedIn page becomes recommended at rank 2
    (was worth considering; now scored 3)", "Facebook page is no longer recommended: now not
    now (blocked: ...)", "YouTube rises from rank 4 to rank 2, score 3 → 4"."""
    score = _score_change(m)
    blocked = ""
    if m.blocked_after and not m.blocked_before:
        why = _block_reason(diff, m.channel) if diff is not None else ""
        blocked = f"blocked{': ' + why if why else ''}; "
    if m.tier_before != m.tier_after:
        if m.tier_after == "recommended":
            return (f"{m.name} becomes recommended{_rank(m.rank_after)} "
                    f"(was {_tier(m.tier_before)}; {score})")
        if m.tier_before == "recommended":
            return (f"{m.name} is no longer recommended: now {_tier(m.tier_after)} "
                    f"({blocked}{score})")
        return (f"{m.name} moves from {_tier(m.tier_before)} to {_tier(m.tier_after)} "
                f"({blocked}{score})")
    if m.rank_before is not None and m.rank_after is not None and m.rank_before != m.rank_after:
        way = "rises" if m.rank_after < m.rank_before else "falls"
        return f"{m.name} {way} from rank {m.rank_before} to rank {m.rank_after}, {score}"
    if m.blocked_before and not m.blocked_after:
        return f"{m.name} is no longer blocked, still {_tier(m.tier_after)} ({score})"
    if blocked:
        now = blocked.removesuffix("; ")
        return f"{m.name} is now {now}, still {_tier(m.tier_after)} ({score})"
    return f"{m.name} stays {_tier(m.tier_after)}{_rank(m.rank_after)}, {score}"


def _rows(diff: WhatIf) -> list[tuple[str, str, str]]:
    rows = []
    for label, items in (("entered", diff.entered), ("left", diff.left), ("moved", diff.moved)):
        for m in items:
            rows.append((label, m.name, moved_sentence(m, diff)))
    return rows


def _plan_rows(diff: WhatIf) -> list[tuple[str, str, str]]:
    b, a = diff.plan_before, diff.plan_after
    names = diff.before.channel_names() | diff.after.channel_names()
    before, after = b.rows(names), a.rows(names)
    return [(label, was, now) for (label, was), (_, now) in zip(before, after, strict=True)]


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
