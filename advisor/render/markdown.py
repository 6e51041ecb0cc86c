"""Render a report as Markdown a consultant can paste into a client document (real tables)."""

from __future__ import annotations

from collections.abc import Sequence

from advisor.model.paths import show_value
from advisor.model.report import (
    ChannelAdvice,
    Evidence,
    Reason,
    Report,
    SectionItem,
    SourceNote,
)
from advisor.render.whynot import current_text, not_now, plan_text, why_not


def plan_rows(report: Report) -> list[tuple[str, str]]:
    """The resource plan's rows with channel names in place of channel ids."""
    return report.resource_plan.rows(report.channel_names())


def md_escape(text: str) -> str:
    """Text safe inside a Markdown table cell: pipes and newlines would break the row."""
    out = text.replace("\\", "\\\\").replace("|", "\\|")
    for char in ("*", "_", "`", "<", ">", "[", "]"):
        out = out.replace(char, "\\" + char)
    return " ".join(out.split())


def md_table(headers: Sequence[str], rows: Sequence[Sequence[str]], align: str = "") -> str:
    """A GitHub-flavoured Markdown table; `align` has one letter per column (l or r)."""
    marks = ["---:" if (align[i:i + 1] == "r") else "---" for i in range(len(headers))]
    lines = ["| " + " | ".join(headers) + " |", "| " + " | ".join(marks) + " |"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def hidden_note(shown: int, hidden: int) -> str:
    """What a reader is told when --top left ranked channels out."""
    more = "channel is" if hidden == 1 else "channels are"
    return (
        f"{hidden} more ranked {more} not shown (top {shown} asked for); "
        "the JSON report lists all."
    )


def _evidence(items: Sequence[Evidence]) -> str:
    return "; ".join(
        f"`{e.path}` = {md_escape(show_value(e.value))} ({md_escape(e.test)})" for e in items
    )


def _marks(sources: Sequence[str], numbers: dict[str, int]) -> str:
    """Note numbers linked to the Sources section, e.g. ` [[1]](#source-1)`."""
    return "".join(f" [[{numbers[s]}]](#source-{numbers[s]})" for s in sources if s in numbers)


def _free_text(sources: Sequence[str], numbers: dict[str, int]) -> str:
    """Citations that are not bibliography entries (packs without a bibliography)."""
    free = [s for s in sources if s not in numbers]
    return f"; source: {md_escape('; '.join(free))}" if free else ""


def _reason_line(reason: Reason, numbers: dict[str, int]) -> str:
    line = f"- {md_escape(reason.text)}{_marks(reason.sources, numbers)} — rule "
    line += f"`{reason.rule_id}` ({reason.post}; evidence: {reason.evidence_grade}"
    line += f"{_free_text(reason.sources, numbers)})"
    if reason.evidence:
        line += f"\n  - Evidence: {_evidence(reason.evidence)}"
    return line


def _findings(report: Report) -> list[str]:
    if not report.findings:
        return []
    numbers = report.source_numbers()
    rows = [
        [f.level.upper() if f.level == "blocker" else f.level, f"`{f.code}`",
         md_escape(f.message) + _marks(f.sources, numbers), f"`{f.rule_id}`",
         _evidence(f.evidence) or "—"]
        for f in report.findings
    ]
    return ["## Findings", "", md_table(["Level", "Code", "Finding", "Rule", "Evidence"], rows), ""]


def _main_reason(a: ChannelAdvice) -> str:
    said = a.reasons[0].text if a.reasons else ""
    run = current_text(a)
    return f"{said} ({run})" if run else said


def _ranking(shown: list[ChannelAdvice], hidden: int) -> list[str]:
    out = ["## Recommended channels", ""]
    recommended = [a for a in shown if a.tier == "recommended"]
    if not recommended:
        out += ["No channel is recommended yet.", ""]
    else:
        rows = [[str(a.rank), md_escape(a.name), md_escape(plan_text(a)), f"{a.score:g}",
                 md_escape(_main_reason(a))] for a in recommended]
        out += [md_table(["#", "Channel", "Plan", "Score", "Main reason"], rows, "rllrl"), ""]
    considered = [a for a in shown if a.tier == "worth_considering"]
    if considered:
        rows = [[str(a.rank), md_escape(a.name), f"{a.score:g}", md_escape(_main_reason(a)),
                 md_escape("; ".join(a.needs))] for a in considered]
        out += ["## Worth considering", "",
                md_table(["#", "Channel", "Score", "Main reason", "What would make it recommended"],
                         rows, "rlrll"), ""]
    if hidden:
        out += [f"_{hidden_note(len(shown), hidden)}_", ""]
    return out


def _not_now(report: Report) -> list[str]:
    if not report.not_now:
        return []
    rows = []
    for a in report.not_now:
        why, what = not_now(a)
        rows.append([md_escape(a.name), md_escape(why), md_escape(what)])
    return ["## Not now", "", md_table(["Channel", "Why not now", "What it would take"], rows), ""]


def _not_recommended(report: Report) -> list[str]:
    if not report.not_recommended:
        return []
    rows = []
    for a in report.not_recommended:
        why, lift = why_not(a)
        rows.append([md_escape(a.name), f"{a.score:g}", md_escape(" ".join(why)),
                     md_escape(lift)])
    return ["## Not recommended", "",
            md_table(["Channel", "Score", "Why", "What would change it"], rows, "lrll"), ""]


def _channel_detail(a: ChannelAdvice, numbers: dict[str, int]) -> list[str]:
    out = [f"### {md_escape(a.name)} (`{a.channel}`), score {a.score:g}", ""]
    if a.terms:
        rows = [[f"`{t.rule_id}`", t.post, f"{t.weight:+d}", f"{t.dimension_weight:g}",
                 f"{t.points:+g}"] for t in a.terms]
        out += [md_table(["Rule", "POST", "Weight", "Dimension weight", "Points"], rows,
                         "llrrr"), ""]
    if a.blocks:
        out += [f"- Blocked by `{b.rule_id}`: {md_escape(b.reason)} To lift: "
                f"{md_escape(b.lift)}" for b in a.blocks]
        out.append("")
    if a.reasons:
        out += ["Reasons:", "", *(_reason_line(r, numbers) for r in a.reasons), ""]
    if a.preconditions:
        out += ["Before launch:", ""]
        out += [f"- {md_escape(p.text)} (`{p.code}`, rule `{p.rule_id}`)" for p in a.preconditions]
        out.append("")
    if a.kpis:
        out += ["KPIs:", ""]
        out += [f"- {md_escape(k.metric)}" + (f" ({k.objective})" if k.objective else "")
                + f" — rule `{k.rule_id}`" for k in a.kpis]
        out.append("")
    return out


def _plan(report: Report) -> list[str]:
    plan = report.resource_plan
    rows = [[label, md_escape(value)] for label, value in plan_rows(report)]
    return ["## Resource plan", "", md_escape(plan.summary), "",
            md_table(["", "Value"], rows, "lr"), ""]


def _general(report: Report, shown: list[ChannelAdvice]) -> list[str]:
    out: list[str] = []
    if report.preconditions:
        out += ["## Before any launch", ""]
        out += [f"- {md_escape(p.text)} (`{p.code}`, rule `{p.rule_id}`)"
                for p in report.preconditions]
        out.append("")
    kpis = [*report.kpis, *(k for a in shown for k in a.kpis)]
    if kpis:
        rows = [[md_escape(k.metric), k.objective or "—", k.channel or "all", f"`{k.rule_id}`"]
                for k in kpis]
        out += ["## KPIs", "", md_table(["Metric", "Objective", "Channel", "Rule"], rows), ""]
    return out


def item_line(item: SectionItem) -> str:
    """One section item as plain words: 'Label, Channel: text' (raw ids never lead a line)."""
    head = ", ".join(x for x in (item.label, item.channel) if x)
    return f"{head}: {item.text}" if head else item.text


def _sections(report: Report) -> list[str]:
    """Every section an effect type added, each a heading and a list of its items."""
    numbers = report.source_numbers()
    out: list[str] = []
    for section in report.sections:
        out += [f"## {md_escape(section.title)}", ""]
        out += [f"- {md_escape(item_line(i))}{_marks(i.sources, numbers)} — rule `{i.rule_id}`"
                for i in section.items]
        out.append("")
    return out


def render_markdown(report: Report, top: int | None = None) -> str:
    """The whole report as Markdown; findings come first when a blocker exists. With `top`,
    only the first `top` recommended channels (and their details and KPIs) are shown."""
    pack = report.pack
    shown, hidden = report.shown(top)
    out = [f"# Social-media channel advice: {md_escape(report.organization)}", "",
           f"Rule pack {md_escape(pack.name)} {md_escape(pack.version)} ({pack.rule_count} rules); "
           f"report schema {report.schema_version}.", ""]
    if not report.ready:
        out += ["> **Not ready to choose channels:** resolve the blockers below first. "
                "The ranking that follows is provisional.", ""]
        out += _findings(report)
        out += _ranking(shown, hidden)
    else:
        out += _ranking(shown, hidden)
        out += _findings(report)
    out += _plan(report)
    out += _general(report, shown)
    out += _sections(report)
    out += _not_now(report)
    out += _not_recommended(report)
    details = [*shown, *report.not_now, *report.not_recommended]
    if details:
        out += ["## Every reason, with its evidence", ""]
        for advice in details:
            out += _channel_detail(advice, report.source_numbers())
    if report.derived:
        rows = [[d.name, md_escape(show_value(d.value)),
                 ", ".join(f"`{r}`" for r in d.rule_ids)] for d in report.derived]
        out += ["## Derived facts", "", md_table(["Name", "Value", "Rules"], rows), ""]
    out += source_section(report.sources)
    return "\n".join(out).rstrip("\n") + "\n"


def source_section(notes: Sequence[SourceNote]) -> list[str]:
    """The numbered bibliography entries the report cites: title, publisher, year, link."""
    if not notes:
        return []
    out = ["## Sources", ""]
    for note in notes:
        link = md_escape(note.url)
        if note.url.startswith(("https://", "http://")):
            link = f"<{note.url.replace('>', '%3E').replace(' ', '%20')}>"
        line = (f'{note.number}. <a id="source-{note.number}"></a>{md_escape(note.title)}. '
                f"{md_escape(note.publisher)}, {note.year}. {link} ({md_escape(note.kind)})")
        if note.dated:
            line += f" Dated: {md_escape(note.dated)}"
        out.append(line)
    return [*out, ""]
