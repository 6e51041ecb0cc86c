"""An explanation for people: why a channel stands where it does, as text and Markdown
(advisor explain)."""

from __future__ import annotations

from advisor.model.paths import show_value
from advisor.render.markdown import md_escape
from advisor.workflows.explain import Explanation, Fix, is_placeholder
from advisor.workflows.whatif import Change


def _standing(e: Explanation) -> str:
    needs = f"; needs {'; '.join(e.needs)}" if e.needs else ""
    if e.recommended:
        return f"recommended, rank {e.rank}, score {e.score:g}{needs}"
    if e.blocked:
        return f"not now: blocked (score {e.score:g}){needs}"
    if e.tier is not None and e.score is not None:
        rank = f", rank {e.rank}" if e.rank is not None else ""
        return f"{e.tier.replace('_', ' ')}{rank} (score {e.score:g}){needs}"
    return "not recommended: no rule scored it"


def _change_text(c: Change) -> str:
    if is_placeholder(c):
        field = c.path.rpartition(".")[2]
        return f"{c.path} = ({'date' if field == 'deadline' else field} to agree with the client)"
    return f"{c.path} = {show_value(c.value)}"


def _fix_text(fix: Fix, label: str) -> str:
    n = fix.size
    return (f"{label} ({n} change{'s' if n != 1 else ''}, verified by re-assessing): "
            + "; ".join(_change_text(c) for c in fix.changes))


def render_explanation_text(e: Explanation) -> str:
    out = [f"{e.name} ({e.channel}) for {e.organization}: {_standing(e)}", ""]
    out.append("Rules that fired:" if e.fired else "No rule that touches this channel fired.")
    for f in e.fired:
        out.append(f"  {f.rule_id} [{f.post}, evidence: {f.evidence_grade}]: "
                   + "; ".join(x.detail for x in f.effects))
        out.append(f"    because {f.reason}")
        out += [f"    - {ev.path} = {show_value(ev.value)} ({ev.test})" for ev in f.evidence]
        out += [f"    {_fix_text(fix, 'to lift it' if i == 0 else 'or')}"
                for i, fix in enumerate(f.lifts)]
    out.append("")
    if e.near_misses:
        out.append("Near misses:")
    elif e.fired:
        out.append("No near misses: every rule that touches this channel fired.")
    else:
        out.append("No rule of the pack touches this channel.")
    for m in e.near_misses:
        effects = "; ".join(x.detail for x in m.effects)
        out.append(f"  {m.rule_id} [{m.post}] would have: {effects}")
        for cond in m.failed:
            out.append(f"    failed: {cond.condition}")
            out += [f"      - {ev.path} = {show_value(ev.value)} ({ev.test})" for ev in cond.found]
        if m.fix:
            out.append(f"    {_fix_text(m.fix, 'smallest change')}")
        elif m.no_fix:
            out.append(f"    {m.no_fix}")
    out += _would_lower_text(e)
    return "\n".join(out) + "\n"


def _would_lower_text(e: Explanation) -> list[str]:
    if not e.would_lower:
        return []
    out = ["", "Rules that would lower it if they fired (keep them from firing; never a fix):"]
    for m in e.would_lower:
        effects = "; ".join(x.detail for x in m.effects)
        out.append(f"  {m.rule_id} [{m.post}] if it fired: {effects}")
        out += [f"    fires only if: {cond.condition.removeprefix('needs ')}" for cond in m.failed]
    return out


def render_explanation_markdown(e: Explanation) -> str:
    out = [f"# {md_escape(e.name)} for {md_escape(e.organization)}", "",
           f"Standing: {md_escape(_standing(e))}.", "", "## Rules that fired", ""]
    if not e.fired:
        out.append("None.")
    for f in e.fired:
        out.append(f"- `{f.rule_id}` ({f.post}; evidence: {f.evidence_grade}): "
                   + md_escape("; ".join(x.detail for x in f.effects))
                   + f" — because {md_escape(f.reason)}")
        out += [f"  - `{ev.path}` = {md_escape(show_value(ev.value))} ({md_escape(ev.test)})"
                for ev in f.evidence]
        for i, fix in enumerate(f.lifts):
            out.append(f"  - {'to lift it' if i == 0 else 'or'}: " + "; ".join(
                f"`{_change_text(c)}`" for c in fix.changes))
    out += ["", "## Near misses", ""]
    if not e.near_misses:
        out.append("None.")
    for m in e.near_misses:
        out.append(f"- `{m.rule_id}` ({m.post}) would have: "
                   + md_escape("; ".join(x.detail for x in m.effects)))
        out += [f"  - failed: {md_escape(c.condition)}" for c in m.failed]
        if m.fix:
            out.append("  - smallest change: " + "; ".join(
                f"`{_change_text(c)}`" for c in m.fix.changes))
    if e.would_lower:
        out += ["", "## Rules that would lower it", "",
                "Keep these from firing; none is offered as a fix.", ""]
        for m in e.would_lower:
            out.append(f"- `{m.rule_id}` ({m.post}) if it fired: "
                       + md_escape("; ".join(x.detail for x in m.effects)))
            out += [f"  - fires only if: {md_escape(c.condition.removeprefix('needs '))}"
                    for c in m.failed]
    return "\n".join(out) + "\n"
