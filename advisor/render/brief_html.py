"""Render a strategy brief as one self-contained HTML page (inline CSS, no network), laid out to
print on A4 or US Letter: the page headless Chromium turns into the brief's PDF."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from html import escape
from typing import Literal

from advisor.model.brief import Brief, BriefItem, ChannelPlan, MeasureLine
from advisor.render.brief_markdown import TITLE, readiness_line, target_line, trace_rows

Paper = Literal["a4", "letter"]
PAPER_SIZES: dict[str, str] = {"a4": "A4", "letter": "letter"}

_CSS = """
*{box-sizing:border-box}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Liberation Sans",sans-serif;
margin:2rem auto;max-width:52rem;padding:0 1.2rem;color:#1b1b1b;line-height:1.45;font-size:11pt}
h1{font-size:1.7rem;margin:0 0 .3rem}h2{font-size:1.25rem;margin:1.8rem 0 .6rem;
border-bottom:2px solid #0072B2;padding-bottom:.15rem;color:#0b3d62}
h3{font-size:1.05rem;margin:1.1rem 0 .3rem}
p,li,td,th,dd{overflow-wrap:anywhere}
.meta{color:#444;margin:0 0 1rem}.ready{border-left:4px solid #009E73;padding:.4rem .8rem;
background:#eef8f4}.not-ready{border-left:4px solid #c0392b;padding:.4rem .8rem;background:#fdecea}
table{border-collapse:collapse;width:100%;margin:.4rem 0 .9rem;table-layout:fixed}
th,td{border:1px solid #c8ccd2;padding:.3rem .45rem;vertical-align:top;text-align:left}
th{background:#eef1f5}
.card{border:1px solid #c8ccd2;border-radius:6px;padding:.5rem .9rem;margin:.6rem 0}
.card h3{margin-top:.2rem}
dl{display:grid;grid-template-columns:9rem minmax(0,1fr);gap:.25rem .8rem;margin:.3rem 0}
dt{font-weight:600;color:#333}dd{margin:0}
ul.check{list-style:none;padding-left:0}ul.check li{padding-left:1.6rem;position:relative;
margin:.35rem 0}ul.check li::before{content:"";position:absolute;left:0;top:.2rem;width:.85rem;
height:.85rem;border:1.5px solid #333;border-radius:2px}
.label{font-weight:600}sup.cite{font-size:.7em;color:#0b3d62}sup.cite a{color:inherit}
.decision{font-weight:600}.step{font-weight:400;color:#555}
.appendix td,.appendix th{font-size:.85rem}
code{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:.85em}
ol.sources li{margin:.2rem 0}
@media print{
body{margin:0;max-width:none;padding:0;font-size:10pt}
h2{break-after:avoid}h3{break-after:avoid}
.card,tr,li,dl{break-inside:avoid}
a{color:inherit;text-decoration:none}
}
"""


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def _marks(notes: Sequence[int]) -> str:
    return "".join(f'<sup class="cite"><a href="#source-{n}">[{n}]</a></sup>' for n in notes)


def _item(item: BriefItem) -> str:
    label = f'<span class="label">{_e(item.label)}:</span> ' if item.label else ""
    return f"{label}{_e(item.text)}{_marks(item.notes)}"


def _list(items: Sequence[BriefItem], css: str = "") -> str:
    klass = f' class="{css}"' if css else ""
    return f"<ul{klass}>" + "".join(f"<li>{_item(i)}</li>" for i in items) + "</ul>"


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[int]) -> str:
    """A table of already-escaped cells with fixed column widths (percent), so long text wraps
    inside its column rather than widening the page."""
    cols = "".join(f'<col style="width:{w}%">' for w in widths)
    head = "".join(f"<th>{h}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return (f"<table><colgroup>{cols}</colgroup><thead><tr>{head}</tr></thead>"
            f"<tbody>{body}</tbody></table>")


def render_brief_html(brief: Brief, date: dt.date, prepared_for: str | None = None,
                      paper: Paper = "a4") -> str:
    """The brief as one HTML page that prints on the chosen paper size."""
    page = f"@page{{size:{PAPER_SIZES[paper]};margin:16mm 15mm 18mm}}"
    parts = [
        f'<header><h1>{_e(TITLE)}</h1><p class="meta">Prepared for '
        f"<strong>{_e(prepared_for or brief.organization)}</strong> "
        f"({_e(brief.organization_type)}) · {_e(date.isoformat())}</p></header>",
        _summary(brief), _channels(brief.channels, brief.no_channel_note()), _pillars(brief),
        _pilot(brief),
        _measurement(brief), _governance(brief), _spend(brief), _sources(brief), _appendix(brief),
    ]
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_e(TITLE)}: {_e(brief.organization)}</title>"
        f"<style>{_CSS}{page}</style></head><body>\n" + "\n".join(p for p in parts if p)
        + "\n</body></html>\n"
    )


def _summary(brief: Brief) -> str:
    s = brief.summary
    klass = "ready" if s.ready else "not-ready"
    out = [f'<section id="summary"><h2>Executive summary</h2>'
           f'<p class="{klass}">{_e(readiness_line(brief))}</p>']
    if s.readiness:
        out.append(_list(s.readiness))
    if s.start_with:
        out.append(f'<p><span class="label">Start with:</span> {_e(s.start_with)}</p>')
    if s.channels:
        rows = "".join(f"<li><strong>{_e(n)}</strong>: {_e(w)}</li>"
                       for n, w in zip(s.channels, s.why, strict=True))
        out.append(f'<p class="label">Channels to start with:</p><ul>{rows}</ul>')
    else:
        out.append("<p>No channel is planned yet.</p>")
    if s.first:
        out.append(f'<p class="label">First, before any launch:</p>{_list(s.first)}')
    return "".join(out) + "</section>"


def _channel(plan: ChannelPlan) -> str:
    rows = [("Role", f"{_e(plan.role.text)}{_marks(plan.role.notes)}")]
    if plan.cadence is not None:
        notes = " ".join(_e(n.text) for n in plan.cadence_notes)
        rows.append(("Cadence", f"<strong>{_e(plan.cadence.text)}</strong>. {notes}"
                                f"{_marks(plan.cadence.notes)}"))
    else:
        rows.append(("Cadence", "No rule sets one yet; agree it in the set-up weeks."))
    skills = ", ".join(plan.skills) or "none in particular"
    rows.append(("Time and owner", f"About {plan.hours_per_week:g} hours a week, by a named "
                                   f"owner with these skills: {_e(skills)}"))
    if plan.pillars:
        rows.append(("Pillars", _e(", ".join(p.label or "" for p in plan.pillars))))
    if plan.measures:
        rows.append(("Measure", _e("; ".join(plan.measures))))
    rows += [("Before launch", _item(i)) for i in plan.first]
    body = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows)
    return (f'<div class="card"><h3>{_e(plan.name)} <span class="step">· {_e(plan.step)}</span>'
            f"</h3><dl>{body}</dl></div>")


def _channels(plans: Sequence[ChannelPlan], none_note: str) -> str:
    body = "".join(_channel(p) for p in plans) or f"<p>{_e(none_note)}</p>"
    return f'<section id="channels"><h2>The channels</h2>{body}</section>'


def _pillars(brief: Brief) -> str:
    if not brief.pillars:
        return ""
    return f'<section id="pillars"><h2>Content pillars</h2>{_list(brief.pillars)}</section>'


def _pilot(brief: Brief) -> str:
    if not brief.pilot:
        return ""
    rows = []
    for t in brief.pilot:
        what = f"{_e(t.item.text)}{_marks(t.item.notes)}"
        if t.decision:
            what = f'<span class="decision">{_e(t.decision)} if:</span> {what}'
        rows.append([_e(t.weeks), _e(t.phase), what])
    table = _table(["Weeks", "Phase", "Task"], rows, [15, 11, 74])
    return f'<section id="pilot"><h2>The 90-day pilot</h2>{table}</section>'


def _line_row(line: MeasureLine) -> list[str]:
    tracking = ""
    if line.tracking:
        tracking = f'<br><span class="label">Tracking:</span> {_e(line.tracking)}'
    return [f"{_e(line.kpi)}{_marks(line.item.notes)}", _e(line.baseline),
            f"{_e(line.data_source)}{tracking}", _e(line.rhythm)]


def _measurement(brief: Brief) -> str:
    headers, widths = ["KPI", "Baseline", "Data source", "Reported"], [32, 17, 36, 15]
    out = ['<section id="measurement"><h2>Measurement plan</h2>']
    for o in brief.objectives:
        out.append(f"<h3>{_e(o.goal)}</h3><p>{_e(target_line(o))}</p>")
        if o.lines:
            out.append(_table(headers, [_line_row(ln) for ln in o.lines], widths))
    if brief.plan_measures:
        out.append("<h3>For the whole plan</h3>"
                   + _table(headers, [_line_row(ln) for ln in brief.plan_measures], widths))
    if brief.baselines:
        out.append(f"<p>Stated in the profile today: {_e('; '.join(brief.baselines))}.</p>")
    return "".join(out) + "</section>"


def _governance(brief: Brief) -> str:
    if not brief.governance:
        return ""
    return (f'<section id="governance"><h2>Governance checklist</h2>'
            f'{_list(brief.governance, "check")}</section>')


def _spend(brief: Brief) -> str:
    return (f'<section id="paid-organic"><h2>Paid and organic</h2><p>{_e(brief.budget)}</p>'
            f"{_list(brief.spend) if brief.spend else ''}</section>")


def _sources(brief: Brief) -> str:
    if not brief.sources:
        return ""
    items = "".join(
        f'<li id="source-{n.number}">{_e(n.title)}. {_e(n.publisher)}, {n.year}. '
        f'<a href="{_e(n.url)}">{_e(n.url)}</a></li>'
        for n in brief.sources
    )
    return f'<section id="sources"><h2>Sources</h2><ol class="sources">{items}</ol></section>'


def _appendix(brief: Brief) -> str:
    titles = dict(brief.rules)
    rows = [[_e(part), _e(what), f"<code>{_e(rule)}</code>", _e(titles.get(rule, ""))]
            for part, what, rule in trace_rows(brief)]
    table = _table(["Part", "Item", "Rule", "Rule title"], rows, [16, 34, 24, 26])
    return (f'<section id="appendix" class="appendix"><h2>Appendix: where each item comes '
            f"from</h2><p>Every item above comes from a rule of the rule pack "
            f"{_e(brief.pack)}.</p>{table}</section>")
