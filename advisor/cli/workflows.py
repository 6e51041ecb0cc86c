"""The consultant's workflows: `advisor explain`, `whatif`, `init` and `batch`."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from advisor.cli import (
    EXIT_BAD_INPUT,
    _console,
    _note,
    _open_advisor,
    _write,
    main,
    reports_errors,
    rules_option,
)
from advisor.errors import AdvisorError


@main.command()
@click.argument("profile", type=click.Path(path_type=Path))
@click.argument("channel")
@rules_option
@click.option("--format", "fmt", type=click.Choice(["text", "json", "markdown"]),
              default="text", show_default=True, help="Output format.")
@reports_errors
def explain(profile: Path, channel: str, rules_dir: Path | None, fmt: str) -> None:
    """Why CHANNEL stands where it does for PROFILE: the rules that raised, lowered or blocked
    it, with evidence, and the near misses with the smallest profile change that makes each
    fire (checked by re-assessing).

    \b
    Example:
      advisor explain profiles/medical-association.yaml facebook_group
    """
    from advisor.render.explanation import render_explanation_markdown, render_explanation_text
    from advisor.workflows.explain import explain_channel

    with _open_advisor(rules_dir) as advisor:
        result = explain_channel(advisor, profile, channel)
    if fmt == "json":
        click.echo(result.to_json(), nl=False)
    elif fmt == "markdown":
        click.echo(render_explanation_markdown(result), nl=False)
    else:
        click.echo(render_explanation_text(result), nl=False)


@main.command()
@click.argument("profile", type=click.Path(path_type=Path))
@click.option("--set", "sets", multiple=True, required=True, metavar="PATH=VALUE",
              help="A change, e.g. resources.staff_hours_per_week=20 or "
              "resources.skills=[writing, video]. Repeat for several.")
@rules_option
@click.option("--format", "fmt", type=click.Choice(["table", "json", "markdown"]),
              default="table", show_default=True, help="Output format.")
@reports_errors
def whatif(profile: Path, sets: tuple[str, ...], rules_dir: Path | None, fmt: str) -> None:
    """Re-assess PROFILE with changes and show what moves: channels that entered, left or
    moved, findings raised or cleared, the resource plan before and after.

    \b
    Examples:
      advisor whatif profiles/small-nonprofit.yaml --set resources.staff_hours_per_week=20
      advisor whatif p.yaml --set 'objectives[0].metric=page views' \
        --set objectives[0].target=500
    """
    from advisor.render.whatif import render_whatif_markdown, render_whatif_table
    from advisor.workflows.whatif import parse_assignment, what_if

    changes = [parse_assignment(s) for s in sets]
    with _open_advisor(rules_dir) as advisor:
        diff = what_if(advisor, profile, changes)
    if fmt == "json":
        click.echo(diff.to_json(), nl=False)
    elif fmt == "markdown":
        click.echo(render_whatif_markdown(diff), nl=False)
    else:
        render_whatif_table(diff, _console())


def _prompting_ask() -> Callable[[Any], Any]:
    """The interview's `ask` on a terminal: a heading per section, the default shown (none
    for a question Enter skips), and a bad answer asked again with the reason."""
    section = [""]

    def ask(q: Any) -> Any:
        if q.section != section[0]:
            section[0] = q.section
            click.echo(f"\n== {q.section.replace('_', ' ').title()} ==")

        def parse(text: str) -> Any:
            try:
                return q.parse(text)
            except ValueError as err:
                raise click.BadParameter(str(err)) from None

        default = q.default_text()
        return click.prompt(q.prompt(), default=default, show_default=bool(default),
                            value_proc=parse)

    return ask


@main.command()
@click.argument("output", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--defaults", is_flag=True, help="Take every default without asking.")
@click.option("--answers", "answers_file", type=click.Path(dir_okay=False, path_type=Path),
              default=None, help="A YAML file of answers by question key; the rest default.")
@click.option("--force", is_flag=True, help="Overwrite OUTPUT if it exists.")
@rules_option
@reports_errors
def init(output: Path, defaults: bool, answers_file: Path | None, force: bool,
         rules_dir: Path | None) -> None:
    """Write a new profile to OUTPUT by a guided interview in POST order (people, objectives,
    strategy, technology), then resources, bottlenecks, pain points and constraints.
    Each audience's and each current channel's details follow the list that names them.
    Enter skips a question without a default: a skipped answer is left out of the profile
    (not given, which the advice asks about), never read as 0 or none.
    The profile is validated before it is written; an invalid one is never written.

    \b
    Examples:
      advisor init my-org.yaml
      advisor init my-org.yaml --defaults
      advisor init my-org.yaml --answers answers.yaml
    Answer keys are profile paths, e.g. organization.name, audiences, objectives[0].metric,
    resources.staff_hours_per_week.
    """
    from advisor.files.read import load_data_file
    from advisor.workflows.interview import (
        answers_from_file,
        check_unused_answers,
        default_answer,
        profile_yaml,
        run_interview,
        validated_profile,
    )

    if output.exists() and not force:
        raise AdvisorError(f"{output}: exists (use --force to overwrite)")
    with _open_advisor(rules_dir) as advisor:
        channel_ids = sorted(advisor.pack.channels)
        if answers_file is not None:
            data = load_data_file(answers_file)
            ask = answers_from_file(data, str(answers_file))
            answers = run_interview(ask, channel_ids)
            check_unused_answers(ask, data, channel_ids, str(answers_file))
        elif defaults:
            answers = run_interview(default_answer, channel_ids)
        else:
            answers = run_interview(_prompting_ask(), channel_ids)
        profile = validated_profile(answers, str(output))
        advisor.load(profile)
    _write(output, profile_yaml(profile))
    _note(f"wrote {output}")


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="The JSON lines file to write (whole or not at all).")
@click.option("--jobs", type=click.IntRange(min=1, max=64), default=1, show_default=True,
              help="Worker processes.")
@click.option("--dask", "dask_workers", type=click.IntRange(min=1, max=256), default=None,
              help="Run on a local Dask cluster of N worker processes (needs the [dask] extra).")
@click.option("--scheduler", default=None, metavar="ADDRESS",
              help="Run on the Dask cluster whose scheduler is at ADDRESS (tcp://host:port).")
@click.option("--summary-json", is_flag=True, help="Print the summary as JSON on stdout.")
@rules_option
@reports_errors
def batch(inputs: tuple[str, ...], output: Path, jobs: int, dask_workers: int | None,
          scheduler: str | None, summary_json: bool,
          rules_dir: Path | None) -> None:
    """Assess many profiles: files, folders, globs, or - for JSON lines on stdin. A bad
    profile is reported on stderr and skipped; results keep the input order.

    \b
    Examples:
      advisor batch profiles/ --output results.jsonl --jobs 2
      cat profiles.jsonl | advisor batch - --output results.jsonl
      advisor batch profiles/ --output results.jsonl --dask 2
      advisor batch profiles/ --output results.jsonl --scheduler tcp://scheduler:8786
    """
    import json

    from advisor.files.output import atomic_output, check_target
    from advisor.workflows.batch import STDIN, expand_inputs, read_lines, run_batch

    if dask_workers is not None and scheduler is not None:
        raise click.UsageError("give --dask N (a local cluster) or --scheduler ADDRESS, not both")
    if str(output) != "-":
        check_target(output)  # fail before hours of work, not after
    stdin_lines = read_lines(sys.stdin.buffer) if STDIN in inputs else None
    items = expand_inputs(inputs, stdin_lines)
    progress = sys.stderr.isatty() and not click.get_current_context().find_root().meta[
        "advisor.quiet"
    ]
    with atomic_output(output) as stream:  # results stream to the file as they come
        if progress:
            from advisor.render.terminal import progress_bar

            with progress_bar("assessing", len(items), _console(stderr=True)) as advance:
                result = run_batch(items, rules_dir, jobs, advance, sink=stream.write,
                                   scheduler=scheduler, dask_workers=dask_workers)
        else:
            result = run_batch(items, rules_dir, jobs, sink=stream.write,
                               scheduler=scheduler, dask_workers=dask_workers)
    for failure in result.failures:
        for line in failure.problems:
            click.echo(f"error: {line}", err=True)
    if summary_json:
        click.echo(json.dumps(result.summary(), indent=2))
    else:
        _note(result.summary_text().rstrip("\n"))
    if result.failures:
        sys.exit(EXIT_BAD_INPUT)
