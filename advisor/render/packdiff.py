"""A rule pack change for people: text and Markdown (advisor rules diff)."""

from __future__ import annotations

from advisor.model.report import PackInfo
from advisor.render.whatif import moved_sentence, whatif_markdown_body
from advisor.workflows.packdiff import PackDiff


def _pack_line(info: PackInfo) -> str:
    return f"{info.name} {info.version} ({info.rule_count} rules, {info.content_hash[:12]})"


def render_pack_diff_text(diff: PackDiff) -> str:
    out = [
        f"Old pack: {_pack_line(diff.old)}",
        f"New pack: {_pack_line(diff.new)}",
        f"{len(diff.changed)} of {len(diff.profiles)} profiles change.",
    ]
    for p in diff.profiles:
        if not p.changed:
            out.append(f"  {p.source} ({p.organization}): unchanged")
            continue
        out.append(f"  {p.source} ({p.organization}):")
        d = p.difference
        for label, items in (("entered", d.entered), ("left", d.left), ("moved", d.moved)):
            out += [f"    {label}: {moved_sentence(m, d)}" for m in items]
        for label, found in (("raised", d.findings_raised), ("cleared", d.findings_cleared)):
            out += [f"    finding {label}: {f.level} {f.code} [{f.rule_id}]" for f in found]
        if d.ready_before != d.ready_after:
            out.append(f"    ready: {_yes(d.ready_before)} → {_yes(d.ready_after)}")
        before, after = d.plan_before, d.plan_after
        if before.summary != after.summary:
            out.append(f"    resource plan: {before.summary} → {after.summary}")
        elif before.planned != after.planned:
            out.append(f"    channels planned: {', '.join(before.planned) or '-'} → "
                       f"{', '.join(after.planned) or '-'}")
        if p.rules_started:
            out.append(f"    rules that now fire: {', '.join(p.rules_started)}")
        if p.rules_stopped:
            out.append(f"    rules that no longer fire: {', '.join(p.rules_stopped)}")
    return "\n".join(out) + "\n"


def render_pack_diff_markdown(diff: PackDiff) -> str:
    out = [
        "# Rule pack change",
        "",
        f"- Old: {_pack_line(diff.old)}",
        f"- New: {_pack_line(diff.new)}",
        f"- {len(diff.changed)} of {len(diff.profiles)} profiles change.",
        "",
    ]
    for p in diff.changed:
        body = whatif_markdown_body(p.difference).replace("\n## ", "\n### ")
        out += [f"## {p.source} ({p.organization})", "", body.strip(), ""]
        if p.rules_started:
            out += [f"Rules that now fire: {', '.join(f'`{r}`' for r in p.rules_started)}", ""]
        if p.rules_stopped:
            out += [f"Rules that no longer fire: {', '.join(f'`{r}`' for r in p.rules_stopped)}",
                    ""]
    return "\n".join(out)


def _yes(flag: bool) -> str:
    return "yes" if flag else "no"
