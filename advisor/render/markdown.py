"""Render a report as Markdown a consultant can paste into a client document (real tables): the
advice in display words first, then an appendix that traces it to rules and profile evidence.
Every text is escaped once, where it enters the document."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

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
from advisor.render.words import display


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


class _Words:
    """Client text for one report: display names in place of ids, escaped once."""

    def __init__(self, report: Report) -> None:
        self.names = report.channel_names()
        self.numbers = report.source_numbers()

    def __call__(self, text: str) -> str:
        return md_escape(display(text, self.names))


def _reason_line(reason: Reason, numbers: dict[str, int]) -> str:
    line = f"- {md_escape(reason.text)}{_marks(reason.sources, numbers)} — rule "
    line += f"`{reason.rule_id}` ({reason.post}; evidence: {reason.evidence_grade}"
    line += f"{_free_text(reason.sources, numbers)})"
    if reason.evidence:
        line += f"\n  - Evidence: {_evidence(reason.evidence)}"
    return line


def _findings(report: Report, w: _Words) -> list[str]:
    if not report.findings:
        return []
    rows = [[f.level.upper() if f.level == "blocker" else f.level,
             w(f.message) + _marks(f.sources, w.numbers)] for f in report.findings]
    return ["## Findings", "", md_table(["Level", "Finding"], rows), ""]


def _main_reason(a: ChannelAdvice) -> str:
    said = a.reasons[0].text if a.reasons else ""
    run = current_text(a)
    return f"{said} ({run})" if run else said


def _ranking(shown: list[ChannelAdvice], hidden: int, w: _Words) -> list[str]:
    out = ["## Recommended channels", ""]
    recommended = [a for a in shown if a.tier == "recommended"]
    if not recommended:
        out += ["No channel is recommended yet.", ""]
    else:
        rows = [[str(a.rank), md_escape(a.name), w(plan_text(a)), f"{a.score:g}",
                 w(_main_reason(a))] for a in recommended]
        out += [md_table(["#", "Channel", "Plan", "Score", "Main reason"], rows, "rllrl"), ""]
    considered = [a for a in shown if a.tier == "worth_considering"]
    if considered:
        rows = [[str(a.rank), md_escape(a.name), f"{a.score:g}", w(_main_reason(a)),
                 w("; ".join(a.needs))] for a in considered]
        out += ["## Worth considering", "",
                md_table(["#", "Channel", "Score", "Main reason", "What would make it recommended"],
                         rows, "rlrll"), ""]
    if hidden:
        out += [f"_{hidden_note(len(shown), hidden)}_", ""]
    return out


def _not_now(report: Report, w: _Words) -> list[str]:
    if not report.not_now:
        return []
    rows = []
    for a in report.not_now:
        why, what = not_now(a)
        rows.append([md_escape(a.name), w(why), w(what)])
    return ["## Not now", "", md_table(["Channel", "Why not now", "What it would take"], rows), ""]


def _not_recommended(report: Report, w: _Words) -> list[str]:
    if not report.not_recommended:
        return []
    rows = []
    for a in report.not_recommended:
        why, lift = why_not(a)
        rows.append([md_escape(a.name), f"{a.score:g}", w(" ".join(why)), w(lift)])
    return ["## Not recommended", "",
            md_table(["Channel", "Score", "Why", "What would change it"], rows, "lrll"), ""]


def _channel_detail(a: ChannelAdvice, numbers: dict[str, int]) -> list[str]:
    out = [f"#### {md_escape(a.name)} (`{a.channel}`), score {a.score:g}", ""]
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
        out += [f"- `{p.code}`, rule `{p.rule_id}`" for p in a.preconditions]
        out.append("")
    if a.kpis:
        out += ["KPIs:", "", *(f"- {md_escape(k.metric)}: rule `{k.rule_id}`" for k in a.kpis), ""]
    return out


def _plan(report: Report, w: _Words) -> list[str]:
    plan = report.resource_plan
    rows = [[label, w(value)] for label, value in plan_rows(report)]
    return ["## Resource plan", "", w(plan.summary), "", md_table(["", "Value"], rows, "lr"), ""]


def _general(report: Report, shown: list[ChannelAdvice], w: _Words) -> list[str]:
    out: list[str] = []
    if report.preconditions:
        out += ["## Before any launch", "", *(f"- {w(p.text)}" for p in report.preconditions), ""]
    kpis = [*report.kpis, *(k for a in shown for k in a.kpis)]
    if kpis:
        rows = [[w(k.metric), k.objective or "—", md_escape(w.names.get(k.channel, k.channel))
                 if k.channel else "all"] for k in kpis]
        out += ["## KPIs", "", md_table(["Metric", "Objective", "Channel"], rows), ""]
    return out


def item_line(item: SectionItem, names: Mapping[str, str] | None = None) -> str:
    """One section item as plain words: 'Label, Channel: text' (raw ids never lead a line)."""
    channel = (names or {}).get(item.channel, item.channel) if item.channel else None
    head = ", ".join(x for x in (item.label, channel) if x)
    return f"{head}: {item.text}" if head else item.text


def _sections(report: Report, w: _Words) -> list[str]:
    """Every section an effect type added, each a heading and a list of its items."""
    out: list[str] = []
    for section in report.sections:
        items = section.items
        if items:
            out += [f"## {md_escape(section.title)}", ""]
            out += [f"- {w(item_line(i, w.names))}{_marks(i.sources, w.numbers)}" for i in items]
            out.append("")
    return out


def _trace(report: Report) -> list[str]:
    """Which rule wrote each finding, plan step and section item, with the evidence."""
    out: list[str] = []
    if report.findings:
        rows = [[f"`{f.code}`", f"`{f.rule_id}`", _evidence(f.evidence) or "—"]
                for f in report.findings]
        out += ["### Findings", "", md_table(["Code", "Rule", "Evidence"], rows), ""]
    lines = [f"- {md_escape(p.text[:60])}…: `{p.code}`, rule `{p.rule_id}`"
             for p in report.preconditions]
    lines += [f"- {md_escape(section.title)}: {md_escape(i.label or i.text[:40])}: rule "
              f"`{i.rule_id}`" for section in report.sections for i in section.items]
    if lines:
        out += ["### Plan steps and sections", "", *lines, ""]
    return out


def _appendix(report: Report, details: list[ChannelAdvice]) -> list[str]:
    out = ["## Appendix: how the advice was reached", "",
           "Each piece of the advice above names the rule that produced it and the profile facts "
           "it matched.", ""]
    out += _trace(report)
    if details:
        out += ["### Every reason, with its evidence", ""]
        for advice in details:
            out += _channel_detail(advice, report.source_numbers())
    if report.derived:
        rows = [[d.name, md_escape(show_value(d.value)),
                 ", ".join(f"`{r}`" for r in d.rule_ids)] for d in report.derived]
        out += ["### Derived facts", "", md_table(["Name", "Value", "Rules"], rows), ""]
    return out


def render_markdown(report: Report, top: int | None = None, *, date: dt.date | None = None,
                    prepared_for: str | None = None) -> str:
    """The whole report as Markdown; findings come first when a blocker exists. With `top`,
    only the first `top` recommended channels (and their details and KPIs) are shown. With
    `date` (and `prepared_for`, the organization by default) the report is dated and addressed."""
    pack = report.pack
    shown, hidden = report.shown(top)
    w = _Words(report)
    out = [f"# Social-media channel advice: {md_escape(report.organization)}", ""]
    if date is not None:
        out += [f"Prepared for {md_escape(prepared_for or report.organization)} · "
                f"{date.isoformat()}", ""]
    out += [f"Rule pack {md_escape(pack.name)} {md_escape(pack.version)} ({pack.rule_count} "
            f"rules); report schema {report.schema_version}.", ""]
    if not report.ready:
        out += ["> **Not ready to choose channels:** resolve the blockers below first. "
                "The ranking that follows is provisional.", ""]
        out += [*_findings(report, w), *_ranking(shown, hidden, w)]
    else:
        out += [*_ranking(shown, hidden, w), *_findings(report, w)]
    out += [*_plan(report, w), *_general(report, shown, w), *_sections(report, w)]
    out += [*_not_now(report, w), *_not_recommended(report, w)]
    out += source_section(report.sources)
    out += _appendix(report, [*shown, *report.not_now, *report.not_recommended])
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
