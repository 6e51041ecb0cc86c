"""Render a report for people: a rich terminal table (findings first when a blocker exists)."""

from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from advisor.model.report import Report
from advisor.render.markdown import hidden_note, item_line
from advisor.render.whynot import current_text, not_now, plan_text, why_not

_LEVEL_STYLE = {"blocker": "bold red", "warning": "yellow", "info": "cyan"}


def _findings(report: Report) -> Table:
    table = Table(title="Findings", title_justify="left", expand=True, show_lines=False)
    table.add_column("Level", no_wrap=True)
    table.add_column("Code", no_wrap=True)
    table.add_column("What was found, why it matters, what to do")
    for f in report.findings:
        table.add_row(Text(f.level, style=_LEVEL_STYLE[f.level]), f.code, Text(f.message))
    return table


def _ranking(report: Report, top: int | None, reasons: int) -> Table:
    table = Table(title="Recommended channels, then worth considering", title_justify="left",
                  expand=True, show_lines=True)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("Channel", max_width=22)
    table.add_column("Score", justify="right", no_wrap=True)
    table.add_column("Plan", max_width=26)
    table.add_column("Top reasons", ratio=1, overflow="fold")
    shown, hidden = report.shown(top)
    if hidden:
        table.caption = hidden_note(len(shown), hidden)
    for advice in shown:
        lines = [f"• {r.text} [{r.rule_id}]" for r in advice.reasons[:reasons]]
        if run := current_text(advice):
            lines.insert(0, run)
        lines += [f"◦ before launch: {p.text}" for p in advice.preconditions]
        planned = advice.fit is not None and advice.fit.fits
        if advice.tier == "recommended":
            plan = Text(plan_text(advice), style="green" if planned else "yellow")
        else:
            plan = Text("Worth considering: " + "; ".join(advice.needs), style="dim")
        table.add_row(
            str(advice.rank), advice.name, f"{advice.score:g}", plan, Text("\n".join(lines))
        )
    return table


def _not_now(report: Report) -> Table:
    table = Table(title="Not now", title_justify="left", expand=True)
    table.add_column("Channel", no_wrap=True)
    table.add_column("Why not now")
    table.add_column("What it would take")
    for advice in report.not_now:
        why, what = not_now(advice)
        table.add_row(advice.name, Text(why), Text(what))
    return table


def _rejected(report: Report) -> Table:
    table = Table(title="Not recommended", title_justify="left", expand=True)
    table.add_column("Channel", no_wrap=True)
    table.add_column("Why")
    table.add_column("What would change it")
    for advice in report.not_recommended:
        why, lift = why_not(advice)
        table.add_row(advice.name, Text("\n".join(why)), Text(lift))
    return table


def render_table(
    report: Report, console: Console, top: int | None = None, reasons: int = 3
) -> None:
    pack = report.pack
    header = Text.assemble(
        (report.organization, "bold"),
        f"  ·  rule pack {pack.name} {pack.version} ({pack.rule_count} rules)",
    )
    parts: list[Table | Text | Panel] = []
    blocked = not report.ready
    if blocked:
        parts.append(
            Panel(
                "Not ready to choose channels: resolve the blockers below first. "
                "The ranking that follows is provisional.",
                style="bold red",
            )
        )
    if report.findings:
        parts.append(_findings(report))
    parts.append(_ranking(report, top, reasons))
    if report.not_now:
        parts.append(_not_now(report))
    if report.not_recommended:
        parts.append(_rejected(report))
    general = [f"• {p.text} [{p.rule_id}]" for p in report.preconditions]
    if general:
        parts.append(Text("Before any launch:\n" + "\n".join(general)))
    if report.kpis:
        parts.append(
            Text(
                "Suggested KPIs:\n"
                + "\n".join(
                    f"• {k.metric}" + (f" ({k.objective})" if k.objective else "")
                    for k in report.kpis
                )
            )
        )
    parts.append(Text("Resource plan: " + report.resource_plan.summary))
    for section in report.sections:
        items = "\n".join(f"• {item_line(i)} [{i.rule_id}]" for i in section.items)
        parts.append(Text(f"{section.title}:\n{items}"))
    console.print(Panel(Group(*parts), title=header, title_align="left"))
