"""Render a report as one self-contained HTML page: inline CSS, an inline SVG chart, no network;
the advice in display words first, then an appendix tracing it to rules and profile evidence; it
prints on A4 or US Letter."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from html import escape

from advisor.model.paths import show_value
from advisor.model.post import POST_ORDER
from advisor.model.report import ChannelAdvice, Evidence, Reason, Report, SourceNote
from advisor.render.markdown import hidden_note, item_line, plan_rows
from advisor.render.whynot import current_text, not_now, plan_text, why_not
from advisor.render.words import display

# One colour per POST dimension, distinguishable for common colour-vision deficiencies (Okabe-Ito).
POST_COLOURS: dict[str, str] = {
    "people": "#0072B2",
    "objectives": "#E69F00",
    "strategy": "#009E73",
    "technology": "#56B4E9",
    "resources": "#CC79A7",
    "bottlenecks": "#D55E00",
    "pain_points": "#F0E442",
    "constraints": "#999999",
}
PAPER_SIZES = {"a4": "A4", "letter": "letter"}

_CSS = """
*{box-sizing:border-box}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;
max-width:1100px;padding:0 1rem;color:#1b1b1b;line-height:1.45}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{margin-top:2rem;border-bottom:1px solid #ddd}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}
th,td{border:1px solid #ccc;padding:.35rem .5rem;vertical-align:top;text-align:left}
th{background:#f3f4f6}td.num{text-align:right;font-variant-numeric:tabular-nums}
td,li,p,summary{overflow-wrap:anywhere}
.meta{color:#555}.banner{background:#fde2e1;border:1px solid #c0392b;padding:.7rem 1rem;
font-weight:600}.level-blocker{color:#b00020;font-weight:700}.level-warning{color:#8a5a00}
.level-info{color:#005a8c}[class^=level-]{white-space:nowrap}
code{background:#f3f4f6;padding:0 .2rem;border-radius:3px}
.evidence{font-size:.9rem;color:#333;margin:.1rem 0 .4rem 1rem}
.legend span{display:inline-block;margin-right:1rem}
.swatch{display:inline-block;width:.8rem;height:.8rem;margin-right:.3rem;vertical-align:middle}
details{margin:.4rem 0}summary{cursor:pointer;font-weight:600}
svg{max-width:100%;height:auto}
@media print{body{margin:0;max-width:none;padding:0;font-size:10pt}h2,h3{break-after:avoid}
tr,li,svg{break-inside:avoid}a{color:inherit;text-decoration:none}}
"""


def _e(value: object) -> str:
    return escape(str(value), quote=True)


class _Words:
    """Client text for one report: display names in place of ids, escaped once."""

    def __init__(self, report: Report) -> None:
        self.names = report.channel_names()
        self.numbers = report.source_numbers()

    def __call__(self, text: str) -> str:
        return _e(display(text, self.names))


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]], numeric: str = "") -> str:
    """A table of already-escaped cells; `numeric` marks right-aligned columns with 'r'."""
    head = "".join(f"<th>{h}</th>" for h in headers)
    body = []
    for row in rows:
        cells = "".join(
            f'<td class="num">{c}</td>' if numeric[i:i + 1] == "r" else f"<td>{c}</td>"
            for i, c in enumerate(row)
        )
        body.append(f"<tr>{cells}</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _evidence(items: Sequence[Evidence]) -> str:
    return "; ".join(
        f"<code>{_e(e.path)}</code> = {_e(show_value(e.value))} ({_e(e.test)})" for e in items
    )


def _marks(sources: Sequence[str], numbers: dict[str, int]) -> str:
    """Superscript note numbers linked to the Sources section."""
    return "".join(
        f'<sup class="cite"><a href="#source-{numbers[s]}">[{numbers[s]}]</a></sup>'
        for s in sources
        if s in numbers
    )


def _reason(reason: Reason, numbers: dict[str, int]) -> str:
    free = [s for s in reason.sources if s not in numbers]
    text = (
        f"<li>{_e(reason.text)}{_marks(reason.sources, numbers)} — rule "
        f"<code>{_e(reason.rule_id)}</code> "
        f"({_e(reason.post)}; evidence: {_e(reason.evidence_grade)}"
        + (f"; source: {_e('; '.join(free))}" if free else "")
        + ")"
    )
    if reason.evidence:
        text += f'<div class="evidence">Evidence: {_evidence(reason.evidence)}</div>'
    return text + "</li>"


def _chart_row(
    a: ChannelAdvice,
    sums: dict[str, float],
    y: int,
    row_h: int,
    label_w: int,
    zero: float,
    scale: float,
) -> list[str]:
    """One channel's label, its stacked bars (support right of zero, penalties left) and score."""
    parts = [
        f'<text x="{label_w - 8}" y="{y + 16}" text-anchor="end" font-size="13">'
        f"{_e(a.name)}</text>"
    ]
    right, left = zero, zero
    for post in POST_ORDER:
        points = sums.get(post)
        if not points:
            continue
        w = abs(points) * scale
        if points > 0:
            x, right = right, right + w
        else:
            left -= w
            x = left
        parts.append(
            f'<rect x="{x:.1f}" y="{y + 3}" width="{w:.1f}" height="{row_h - 8}" '
            f'fill="{POST_COLOURS[post]}"><title>{_e(post.replace("_", " "))}: '
            f"{points:+g}</title></rect>"
        )
    parts.append(
        f'<text x="{max(right, zero) + 6:.1f}" y="{y + 16}" font-size="12">{a.score:g}</text>'
    )
    return parts


def score_chart(advice: Sequence[ChannelAdvice]) -> str:
    """An SVG of each channel's score terms stacked by POST dimension: support to the right of
    zero, penalties to the left, so a channel's net score is where the two stacks disagree."""
    channels = [a for a in advice if a.terms]
    if not channels:
        return "<p>No rule scored any channel.</p>"
    by_channel: list[tuple[ChannelAdvice, dict[str, float]]] = []
    for a in channels:
        sums: dict[str, float] = {}
        for term in a.terms:
            sums[term.post] = sums.get(term.post, 0.0) + term.points
        by_channel.append((a, sums))
    most_pos = max(sum(v for v in s.values() if v > 0) for _, s in by_channel)
    most_neg = max(-sum(v for v in s.values() if v < 0) for _, s in by_channel)
    span = max(most_pos + most_neg, 1.0)
    # Wide enough for the longest name at 13px (about 7.6px a character, generously).
    label_w = max(120, 16 + round(7.6 * max(len(a.name) for a, _ in by_channel)))
    bar_w, row_h, top = 640, 26, 10
    scale = bar_w / span
    zero = label_w + most_neg * scale
    height = top + row_h * len(by_channel) + 30
    width = label_w + bar_w + 70
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" id="score-chart">',
        "<title>Score of each channel, by POST dimension</title>",
    ]
    for row, (a, sums) in enumerate(by_channel):
        parts += _chart_row(a, sums, top + row * row_h, row_h, label_w, zero, scale)
    bottom = top + row_h * len(by_channel)
    parts.append(
        f'<line x1="{zero:.1f}" y1="{top}" x2="{zero:.1f}" y2="{bottom}" stroke="#333"/>'
        f'<text x="{zero:.1f}" y="{bottom + 16}" text-anchor="middle" font-size="11">0</text>'
    )
    parts.append("</svg>")
    used = sorted({p for _, s in by_channel for p in s}, key=POST_ORDER.index)
    legend = "".join(
        f'<span><i class="swatch" style="background:{POST_COLOURS[p]}"></i>'
        f'{_e(p.replace("_", " "))}</span>'
        for p in used
    )
    return "".join(parts) + f'<p class="legend">{legend}</p>'


def _findings(report: Report, w: _Words) -> str:
    if not report.findings:
        return ""
    rows = [[f'<span class="level-{_e(f.level)}">{_e(f.level)}</span>',
             w(f.message) + _marks(f.sources, w.numbers)] for f in report.findings]
    return f'<section id="findings"><h2>Findings</h2>{_table(["Level", "Finding"], rows)}</section>'


def _main_reason(a: ChannelAdvice, w: _Words) -> str:
    said = w(a.reasons[0].text if a.reasons else "")
    run = current_text(a)
    return f"{said} <em>({w(run)})</em>" if run else said


def _ranking(shown: list[ChannelAdvice], hidden: int, w: _Words) -> str:
    recommended = [a for a in shown if a.tier == "recommended"]
    if not recommended:
        body = "<p>No channel is recommended yet.</p>"
    else:
        rows = [
            [str(a.rank), f'<span class="channel">{_e(a.name)}</span>', w(plan_text(a)),
             f"{a.score:g}", _main_reason(a, w)]
            for a in recommended
        ]
        body = _table(["#", "Channel", "Plan", "Score", "Main reason"], rows, "r__r")
    considered = [a for a in shown if a.tier == "worth_considering"]
    if considered:
        rows = [
            [str(a.rank), f'<span class="channel">{_e(a.name)}</span>', f"{a.score:g}",
             _main_reason(a, w), w("; ".join(a.needs))]
            for a in considered
        ]
        table = _table(["#", "Channel", "Score", "Main reason", "What would make it recommended"],
                       rows, "r_r")
        body += f'<h3 id="worth-considering">Worth considering</h3>{table}'
    if hidden:
        body += f'<p class="meta">{_e(hidden_note(len(shown), hidden))}</p>'
    return f'<section id="ranking"><h2>Recommended channels</h2>{body}</section>'


def _not_now(report: Report, w: _Words) -> str:
    if not report.not_now:
        return ""
    rows = []
    for a in report.not_now:
        why, what = not_now(a)
        rows.append([f'<span class="channel">{_e(a.name)}</span>', w(why), w(what)])
    table = _table(["Channel", "Why not now", "What it would take"], rows)
    return f'<section id="not-now"><h2>Not now</h2>{table}</section>'


def _not_recommended(report: Report, w: _Words) -> str:
    if not report.not_recommended:
        return ""
    rows = []
    for a in report.not_recommended:
        why, lift = why_not(a)
        reasons = "".join(f"<p>{w(sentence)}</p>" for sentence in why)
        rows.append([f'<span class="channel">{_e(a.name)}</span>', f"{a.score:g}", reasons,
                     w(lift)])
    table = _table(["Channel", "Score", "Why", "What would change it"], rows, "_r")
    return f'<section id="not-recommended"><h2>Not recommended</h2>{table}</section>'


def _plan(report: Report, w: _Words) -> str:
    plan = report.resource_plan
    rows = [[label, w(value)] for label, value in plan_rows(report)]
    return (f'<section id="resource-plan"><h2>Resource plan</h2><p>{w(plan.summary)}</p>'
            f"{_table(['', 'Value'], rows, '_r')}</section>")


def _general(report: Report, shown: list[ChannelAdvice], w: _Words) -> str:
    out = ""
    if report.preconditions:
        items = "".join(f"<li>{w(p.text)}</li>" for p in report.preconditions)
        out += f'<section id="preconditions"><h2>Before any launch</h2><ul>{items}</ul></section>'
    kpis = [*report.kpis, *(k for a in shown for k in a.kpis)]
    if kpis:
        rows = [[w(k.metric), _e(k.objective or "—"),
                 _e(w.names.get(k.channel, k.channel) if k.channel else "all")] for k in kpis]
        out += (f'<section id="kpis"><h2>KPIs</h2>'
                f"{_table(['Metric', 'Objective', 'Channel'], rows)}</section>")
    return out


def _sections(report: Report, w: _Words) -> str:
    """Every section an effect type added, each a heading and a list of its items."""
    out = ""
    for section in report.sections:
        items = "".join(f"<li>{w(item_line(i, w.names))}{_marks(i.sources, w.numbers)}</li>"
                        for i in section.items)
        if items:
            out += (f'<section class="effect-section" id="section-{_e(section.effect)}">'
                    f"<h2>{_e(section.title)}</h2><ul>{items}</ul></section>")
    return out


def _detail(a: ChannelAdvice, numbers: dict[str, int]) -> str:
    out = f"<details><summary>{_e(a.name)} ({_e(a.channel)}), score {a.score:g}</summary>"
    if a.terms:
        rows = [[f"<code>{_e(t.rule_id)}</code>", _e(t.post), f"{t.weight:+d}",
                 f"{t.dimension_weight:g}", f"{t.points:+g}"] for t in a.terms]
        out += _table(["Rule", "POST", "Weight", "Dimension weight", "Points"], rows, "__rrr")
    for b in a.blocks:
        out += (f"<p>Blocked by <code>{_e(b.rule_id)}</code>: {_e(b.reason)} "
                f"To lift: {_e(b.lift)}</p>")
    if a.reasons:
        out += "<ul>" + "".join(_reason(r, numbers) for r in a.reasons) + "</ul>"
    if a.preconditions or a.kpis:
        out += "<p>Before launch and KPIs:</p><ul>" + "".join(
            f"<li><code>{_e(p.code)}</code>, rule <code>{_e(p.rule_id)}</code></li>"
            for p in a.preconditions
        ) + "".join(
            f"<li>{_e(k.metric)}: rule <code>{_e(k.rule_id)}</code></li>" for k in a.kpis
        ) + "</ul>"
    return out + "</details>"


def _trace(report: Report) -> str:
    """Which rule wrote each finding, plan step and section item, with the evidence."""
    out = ""
    if report.findings:
        rows = [[f"<code>{_e(f.code)}</code>", f"<code>{_e(f.rule_id)}</code>",
                 _evidence(f.evidence) or "—"] for f in report.findings]
        out += f"<h3>Findings</h3>{_table(['Code', 'Rule', 'Evidence'], rows)}"
    items = [f"<li>{_e(p.text[:60])}…: <code>{_e(p.code)}</code>, rule "
             f"<code>{_e(p.rule_id)}</code></li>" for p in report.preconditions]
    items += [f"<li>{_e(s.title)}: {_e(i.label or i.text[:40])}: rule "
              f"<code>{_e(i.rule_id)}</code></li>" for s in report.sections for i in s.items]
    if items:
        out += f"<h3>Plan steps and sections</h3><ul>{''.join(items)}</ul>"
    return out


def _appendix(report: Report, details: list[ChannelAdvice]) -> str:
    parts = ['<section id="appendix"><h2>Appendix: how the advice was reached</h2>'
             "<p>Each piece of the advice above names the rule that produced it and the profile "
             "facts it matched.</p>", _trace(report)]
    if details:
        numbers = report.source_numbers()
        parts.append('<section id="reasons"><h3>Every reason, with its evidence</h3>'
                     + "".join(_detail(a, numbers) for a in details) + "</section>")
    if report.derived:
        rows = [[_e(d.name), _e(show_value(d.value)),
                 ", ".join(f"<code>{_e(r)}</code>" for r in d.rule_ids)] for d in report.derived]
        parts.append(f'<section id="derived"><h3>Derived facts</h3>'
                     f"{_table(['Name', 'Value', 'Rules'], rows)}</section>")
    return "".join(parts) + "</section>"


def _sources(notes: Sequence[SourceNote]) -> str:
    """The numbered bibliography entries the report cites, each with a link to check it."""
    if not notes:
        return ""
    items = []
    for note in notes:
        url = _e(note.url)
        link = (f'<a href="{url}" rel="noreferrer">{url}</a>'
                if note.url.startswith(("https://", "http://")) else url)
        dated = f" <em>Dated: {_e(note.dated)}</em>" if note.dated else ""
        items.append(
            f'<li id="source-{note.number}" value="{note.number}">{_e(note.title)}. '
            f"{_e(note.publisher)}, {note.year}. {link} ({_e(note.kind)}){dated}</li>"
        )
    return f'<section id="sources"><h2>Sources</h2><ol>{"".join(items)}</ol></section>'


# Runs only if the page parsed and rendered: a headless browser check reads this marker.
_SCRIPT = (
    "<script>document.addEventListener('DOMContentLoaded',function(){"
    "var c=document.getElementById('score-chart');"
    "document.body.setAttribute('data-rendered',c||document.getElementById('ranking')?'ok':'no');"
    "});</script>"
)


def _head(report: Report, paper: str) -> list[str]:
    return [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        # Forbid every network fetch: the page must be whole on its own.
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">",
        f"<title>Channel advice: {_e(report.organization)}</title>",
        f"<style>{_CSS}@page{{size:{PAPER_SIZES[paper]};margin:15mm}}</style>{_SCRIPT}"
        "</head><body>",
    ]


def render_html(report: Report, top: int | None = None, *, date: dt.date | None = None,
                prepared_for: str | None = None, paper: str = "a4") -> str:
    """The whole report as one HTML page that needs nothing else to display. With `top`, only
    the first `top` recommended channels (and their chart rows, details and KPIs) are shown;
    with `date` (and `prepared_for`, the organization by default) the page is dated and
    addressed; `paper` (a4 or letter) is the size it prints on."""
    pack = report.pack
    shown, hidden = report.shown(top)
    w = _Words(report)
    parts = [*_head(report, paper),
             f"<h1>Social-media channel advice: {_e(report.organization)}</h1>"]
    if date is not None:
        parts.append(f'<p class="meta">Prepared for <strong>'
                     f"{_e(prepared_for or report.organization)}</strong> · {_e(date.isoformat())}"
                     "</p>")
    parts.append(f'<p class="meta">Rule pack {_e(pack.name)} {_e(pack.version)} '
                 f"({pack.rule_count} rules); report schema {_e(report.schema_version)}.</p>")
    if not report.ready:
        parts.append(
            '<p class="banner">Not ready to choose channels: resolve the blockers below first. '
            "The ranking that follows is provisional.</p>"
        )
        parts += [_findings(report, w), _ranking(shown, hidden, w)]
    else:
        parts += [_ranking(shown, hidden, w), _findings(report, w)]
    chart = score_chart([*shown, *report.not_now, *report.not_recommended])
    parts.append(f'<section id="chart"><h2>Scores by POST dimension</h2>{chart}</section>')
    parts += [_plan(report, w), _general(report, shown, w), _sections(report, w),
              _not_now(report, w), _not_recommended(report, w), _sources(report.sources),
              _appendix(report, [*shown, *report.not_now, *report.not_recommended])]
    parts.append("</body></html>")
    return "\n".join(p for p in parts if p) + "\n"
