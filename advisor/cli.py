"""The command line: thin wrappers over the library. The only module that imports click."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from advisor import __version__
from advisor.errors import AdvisorError, InputError, Problem

if TYPE_CHECKING:  # the engine and rich load when a command runs, not for --help/--version
    from advisor.api import Advisor
    from advisor.render.terminal import Console

F = TypeVar("F", bound=Callable[..., Any])

# The exit codes, documented in README.md and docs/workflows.md and tested in tests/test_cli.py.
EXIT_OK = 0
EXIT_BLOCKERS = 1  # blocker findings, failed checks or coverage, stale docs: only when asked
EXIT_BAD_INPUT = 2  # a profile, rule, pack or file problem (AdvisorError.exit_code)
EXIT_ENGINE = 3  # the rule engine failed (EngineError.exit_code)
EXIT_USAGE = 4  # the command line itself: unknown option, missing argument


def reports_errors(func: F) -> F:
    """Print an AdvisorError once, one line per problem, and exit with its code: no traceback
    for a user's mistake."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except AdvisorError as err:
            for problem in err.problems:
                click.echo(f"error: {problem}", err=True)
            sys.exit(err.exit_code)

    return wrapper  # type: ignore[return-value]


def _profile_input(path: Path) -> Any:
    """A profile argument: `-` is standard input (YAML or JSON, bounded like a file)."""
    if str(path) != "-":
        return path
    from advisor.files.loader import read_profile_stream

    return read_profile_stream()


def _write(output: Path | None, text: str) -> None:
    """Write all of the output or none of it (advisor.output); `-` or none: standard output."""
    if output is None or str(output) == "-":
        click.echo(text, nl=False)
        return
    from advisor.files.output import write_output

    write_output(output, text)


def _open_advisor(rules_dir: Path | None) -> Advisor:
    from advisor.api import Advisor

    return Advisor(rules_dir)


def _console(*, stderr: bool = False) -> Console:
    """A console for a table: as wide as the terminal (or COLUMNS) on a terminal; piped, the
    width of a table written to a file."""
    from advisor.render.terminal import terminal_console

    return terminal_console(stderr=stderr)


def _file_console() -> Console:
    """A console that records a table for a file: a fixed width, no terminal codes."""
    from advisor.render.terminal import file_console

    return file_console()


def _note(text: str) -> None:
    """An informational line on stderr, silenced by -q."""
    ctx = click.get_current_context(silent=True)
    if ctx is None or not ctx.find_root().meta.get("advisor.quiet", False):
        click.echo(text, err=True)


def _verbose(text: str) -> None:
    """A detail line on stderr, printed with -v."""
    ctx = click.get_current_context(silent=True)
    if ctx is not None and ctx.find_root().meta.get("advisor.verbose", False):
        click.echo(text, err=True)


class AdvisorGroup(click.Group):
    """A click group whose usage errors exit 4, so that 2 always means bad input."""

    def make_context(self, *args: Any, **kwargs: Any) -> click.Context:
        try:
            return super().make_context(*args, **kwargs)
        except click.UsageError as err:
            # click declares exit_code on the class; this one error gets the usage code.
            setattr(err, "exit_code", EXIT_USAGE)  # noqa: B010
            raise

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except click.UsageError as err:
            # click declares exit_code on the class; this one error gets the usage code.
            setattr(err, "exit_code", EXIT_USAGE)  # noqa: B010
            raise


rules_option = click.option(
    "--rules",
    "rules_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="A rule pack folder to use instead of the shipped one.",
)


@click.group(cls=AdvisorGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="advisor")
@click.option("-q", "--quiet", is_flag=True, help="Print errors only (no progress or notes).")
@click.option("-v", "--verbose", is_flag=True, help="Also print the rule pack used and timings.")
@click.pass_context
def main(ctx: click.Context, quiet: bool, verbose: bool) -> None:
    """Social-media strategy advice for healthcare organizations, by the POST method.

    \b
    Example:
      advisor assess profiles/medical-association.yaml

    \b
    Exit codes: 0 ok; 1 blocker findings or failed checks, when asked (--fail-on-...);
    2 bad input (profile, rule, pack or file); 3 engine failure; 4 usage error.
    Shell completion (bash, zsh, fish): eval "$(_ADVISOR_COMPLETE=bash_source advisor)"
    """
    ctx.meta["advisor.quiet"] = quiet
    ctx.meta["advisor.verbose"] = verbose and not quiet


@main.command()
@click.argument("profiles", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "markdown", "html"]),
    default=None,
    help="table on a terminal, json otherwise; markdown or html for a client document.",
)
@rules_option
@click.option(
    "--top",
    type=click.IntRange(min=1),
    default=None,
    help="Show only the top N recommended channels (table, markdown, html; JSON keeps all).",
)
@click.option(
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write the report to this file (written whole or not at all).",
)
@click.option(
    "--fail-on-blockers",
    is_flag=True,
    help="Exit 1 when a blocker finding is raised.",
)
@reports_errors
def assess(
    profiles: tuple[Path, ...],
    fmt: str | None,
    rules_dir: Path | None,
    top: int | None,
    output: Path | None,
    fail_on_blockers: bool,
) -> None:
    """Assess PROFILES and print ranked channels with their reasons.

    \b
    Examples:
      advisor assess profiles/medical-association.yaml
      advisor assess profiles/*.yaml --format json --output reports.json
    """
    fmt = fmt or ("table" if sys.stdout.isatty() and output is None else "json")
    started = time.perf_counter()
    with _open_advisor(rules_dir) as advisor:
        pack = advisor.pack.manifest
        _verbose(
            f"rule pack {pack.name} {pack.version}: {len(advisor.pack.rules)} rules, loaded in "
            f"{(time.perf_counter() - started) * 1000:.0f} ms"
        )
        # Validate every profile before printing anything: bad input writes nothing.
        loaded = [advisor.load(_profile_input(path)) for path in profiles]
        assessing = time.perf_counter()
        reports = [advisor.assess(item) for item in loaded]
        _verbose(
            f"{len(reports)} assessed in {(time.perf_counter() - assessing) * 1000:.1f} ms"
        )
    if fmt in ("markdown", "html"):
        _write(output, _render_documents(reports, fmt, top))
    elif fmt == "json":
        if len(reports) == 1:
            text = reports[0].to_json()
        else:
            text = "[\n" + ",\n".join(r.to_json().rstrip("\n") for r in reports) + "\n]\n"
        _write(output, text)
    else:
        from advisor.render.table import render_table

        console = _console() if output is None else _file_console()
        for report in reports:
            render_table(report, console, top=top)
        if output is not None:
            _write(output, console.export_text())
    if fail_on_blockers and any(not r.ready for r in reports):
        sys.exit(EXIT_BLOCKERS)


@main.command()
@click.argument("profiles", nargs=-1, required=True, type=click.Path(path_type=Path))
@rules_option
@reports_errors
def validate(profiles: tuple[Path, ...], rules_dir: Path | None) -> None:
    """Check PROFILES against the profile model and the channel catalogue.

    Reports every problem as file:line: field: message, and exits 2 if there is any.

    \b
    Example:
      advisor validate profiles/*.yaml
    """
    problems = []
    with _open_advisor(rules_dir) as advisor:
        for path in profiles:
            try:
                advisor.load(_profile_input(path))
                click.echo(f"ok: {path}")
            except AdvisorError as err:
                problems.extend(err.problems)
    if problems:
        raise AdvisorError(problems)


# ---------------------------------------------------------------- rule authoring kit (issue 4)


@main.group()
def rules() -> None:
    """Write, lint, document, measure and compare rules (the rule authoring kit).

    \b
    Examples:
      advisor rules list
      advisor rules check my-pack
      advisor rules new people.nurses.facebook-groups --rules my-pack --features features
      advisor rules coverage features --fail-under 100
      advisor rules diff default my-pack profiles/
    """


def _format_option(default: str = "text") -> Callable[[F], F]:
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(["text", "json"]),
        default=default,
        help="text for people, json for tools.",
    )


def _json(data: Any) -> str:
    import json

    return json.dumps(data, indent=2, sort_keys=False) + "\n"


@rules.command("list")
@rules_option
@_format_option()
@reports_errors
def rules_list(rules_dir: Path | None, fmt: str) -> None:
    """List the rules of a pack: id, POST dimension, status and title.

    \b
    Example:
      advisor rules list --rules my-pack
    """
    from advisor.authoring.check import list_rules
    from advisor.files.loader import load_pack

    rows = list_rules(load_pack(rules_dir))
    if fmt == "json":
        click.echo(_json([row.__dict__ for row in rows]), nl=False)
        return
    width = max((len(r.id) for r in rows), default=10)
    for row in rows:
        click.echo(f"{row.id:<{width}}  {row.post:<11}  {row.status:<12}  {row.title}")


@rules.command("show")
@click.argument("rule_id")
@rules_option
@click.option(
    "--features",
    "feature_paths",
    multiple=True,
    type=click.Path(path_type=Path),
    default=[Path("features")],
    show_default=True,
    help="Feature files or folders searched for scenarios that name the rule.",
)
@_format_option()
@reports_errors
def rules_show(
    rule_id: str, rules_dir: Path | None, feature_paths: tuple[Path, ...], fmt: str
) -> None:
    """Show one rule: where it is, its condition and effects in words, its reason, source and
    rationale, how it compiles and the scenarios that name it (json: also its text as written).

    \b
    Examples:
      advisor rules show people.physicians.professional-networks
      advisor rules show people.physicians.professional-networks --format json
    """
    from advisor.authoring.check import find_features, show_rule, show_rule_text
    from advisor.files.loader import load_pack

    pack = load_pack(rules_dir)
    features = find_features(feature_paths)
    if fmt == "json":
        click.echo(_json(show_rule(pack, rule_id, features)), nl=False)
        return
    click.echo(show_rule_text(pack, rule_id, features), nl=False)


@rules.command("check")
@click.argument(
    "folder", required=False, type=click.Path(exists=True, file_okay=False, path_type=Path)
)
@_format_option()
@reports_errors
def rules_check(folder: Path | None, fmt: str) -> None:
    """Lint a rule pack (the shipped one without FOLDER): every schema error, unknown field or
    channel, duplicate id, rule that can never fire, contradiction, missing rationale and
    durable_rules limit. Exits 2 when there is an error (the pack is bad input); warnings
    alone exit 0.

    \b
    Examples:
      advisor rules check
      advisor rules check my-pack --format json
    """
    from advisor.authoring.check import check_pack

    result = check_pack(folder)
    if fmt == "json":
        click.echo(_json(result.to_jsonable()), nl=False)
    else:
        for item in result.items:
            click.echo(str(item))
        click.echo(result.summary())
    if result.errors:
        sys.exit(EXIT_BAD_INPUT)


@rules.command("new")
@click.argument("rule_id")
@click.option(
    "--rules",
    "rules_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("rules"),
    show_default=True,
    help="The rule pack folder the rule file goes into.",
)
@click.option(
    "--features",
    "features_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("features"),
    show_default=True,
    help="The folder the feature file goes into.",
)
@click.option("--post", default=None, help="POST dimension, when the id does not start with it.")
@reports_errors
def rules_new(rule_id: str, rules_dir: Path, features_dir: Path, post: str | None) -> None:
    """Scaffold a rule file and a feature file that fails until the rule is written.

    \b
    Example:
      advisor rules new people.nurses.facebook-groups --rules my-pack
    """
    from advisor.authoring.check import PYTEST_OPT_IN, pytest_config_to_write, scaffold
    from advisor.files.loader import load_pack

    pack = load_pack(rules_dir) if (rules_dir / "pack.yaml").is_file() else None
    if pack is None:
        raise AdvisorError(f"{rules_dir}: not a rule pack (no pack.yaml)")
    from advisor.authoring.coverage import pack_key

    shipped = pack_key(rules_dir) is None
    made = scaffold(rule_id, rules_dir, features_dir, post, pack, default_pack=shipped)
    made.feature_path.parent.mkdir(parents=True, exist_ok=True)
    _write(made.rule_path, made.rule_text)
    _write(made.feature_path, made.feature_text)
    click.echo(f"wrote {made.rule_path}\nwrote {made.feature_path}")
    config = pytest_config_to_write(Path.cwd())
    if config is not None:
        _write(config, PYTEST_OPT_IN)
        click.echo(f"wrote {config} (runs .feature files with the advisor's steps)")
    click.echo(f"next: fill in the TODOs, then run: pytest {made.feature_path}")


@rules.command("coverage")
@click.argument("features", nargs=-1, type=click.Path(path_type=Path))
@rules_option
@click.option(
    "--fail-under",
    type=click.FloatRange(0, 100),
    default=None,
    help="Exit 1 when coverage is below this percent.",
)
@click.option(
    "--include-inherited",
    is_flag=True,
    help="Also count the rules of the pack this one extends.",
)
@_format_option()
@reports_errors
def rules_coverage(
    features: tuple[Path, ...],
    rules_dir: Path | None,
    fail_under: float | None,
    include_inherited: bool,
    fmt: str,
) -> None:
    """Run the FEATURES (default: features/) and report, per rule, the scenarios in which it
    fired and stayed silent. A rule is covered when both happened in passing scenarios.

    \b
    Examples:
      advisor rules coverage
      advisor rules coverage features --rules my-pack --fail-under 100
    """
    from advisor.authoring.coverage import run_features, summarize
    from advisor.files.loader import load_pack

    pack = load_pack(rules_dir)
    paths = [str(p) for p in features] or ["features"]
    records, exit_code, _ = run_features(paths)
    if not records:
        raise AdvisorError(
            Problem(
                f"no scenario was recorded running {' '.join(paths)}",
                hint="are there .feature files there, and do they assess a profile?",
            )
        )
    report = summarize(records, pack, rules_dir, include_inherited, exit_code)
    if fmt == "json":
        click.echo(_json(report.to_jsonable()), nl=False)
    else:
        click.echo(report.text(), nl=False)
    if fail_under is not None and report.percent < fail_under:
        click.echo(f"coverage {report.percent:g}% is below {fail_under:g}%", err=True)
        sys.exit(EXIT_BLOCKERS)


@rules.command("docs")
@rules_option
@click.option(
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("docs/rule-base.md"),
    show_default=True,
    help="The file to write.",
)
@click.option("--check", is_flag=True, help="Write nothing; exit 1 when the file is stale.")
@reports_errors
def rules_docs(rules_dir: Path | None, output: Path, check: bool) -> None:
    """Generate the rule-base catalogue (rules by POST dimension) from the rule files.

    \b
    Examples:
      advisor rules docs
      advisor rules docs --check
    """
    from advisor.authoring.check import rule_base_for
    from advisor.files.loader import read_text

    text = rule_base_for(rules_dir)
    if check:
        current = read_text(output) if output.is_file() else ""
        if current != text:
            click.echo(f"{output} is stale: run `advisor rules docs`", err=True)
            sys.exit(EXIT_BLOCKERS)
        click.echo(f"{output} is up to date")
        return
    output.parent.mkdir(parents=True, exist_ok=True)
    _write(output, text)
    click.echo(f"wrote {output}")


@rules.command("diff")
@click.argument("old", type=click.Path(file_okay=False, path_type=Path))
@click.argument("new", type=click.Path(file_okay=False, path_type=Path))
@click.argument("profiles", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "markdown"]),
    default="text",
    show_default=True,
    help="text for people, json for tools, markdown for a change note.",
)
@click.option("--fail-on-change", is_flag=True, help="Exit 1 when any profile's advice changes.")
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write to this file (whole or not at all).")
@reports_errors
def rules_diff(old: Path, new: Path, profiles: tuple[Path, ...], fmt: str,
               fail_on_change: bool, output: Path | None) -> None:
    """Assess PROFILES with the OLD and the NEW rule pack and show what changes for each:
    channels that entered, left or moved, findings raised or cleared, the resource plan, and
    the rules that now fire or no longer fire. Use `default` for the shipped pack.

    \b
    Examples:
      advisor rules diff default my-pack profiles/*.yaml
      advisor rules diff old-pack new-pack baseline/ --fail-on-change
    """
    from advisor.render.packdiff import render_pack_diff_markdown, render_pack_diff_text
    from advisor.workflows.batch import expand_inputs
    from advisor.workflows.packdiff import diff_packs

    items = expand_inputs([str(p) for p in profiles])  # folders and globs as in `batch`
    missing = [Problem(item.problem, item.source) for item in items if item.problem]
    if missing:
        raise InputError(missing)
    files = [str(item.path) for item in items]
    with _open_advisor(_pack_arg(old)) as before, _open_advisor(_pack_arg(new)) as after:
        diff = diff_packs(before, after, files, files)
    if fmt == "json":
        text = diff.to_json()
    elif fmt == "markdown":
        text = render_pack_diff_markdown(diff)
    else:
        text = render_pack_diff_text(diff)
    _write(output, text)
    if fail_on_change and diff.changed:
        sys.exit(EXIT_BLOCKERS)


def _pack_arg(folder: Path) -> Path | None:
    """`default` names the shipped pack."""
    return None if str(folder) == "default" and not folder.exists() else folder


@rules.command("steps")
@click.option("--markdown", is_flag=True, help="Print docs/steps.md instead of a list.")
@reports_errors
def rules_steps(markdown: bool) -> None:
    """List the Gherkin steps a feature file can use (the shipped step library).

    \b
    Example:
      advisor rules steps --markdown > docs/steps.md
    """
    try:
        from advisor.bdd import steps as _steps  # registers the catalogue
        from advisor.bdd.registry import CATALOGUE, catalogue_markdown
    except ImportError as err:
        raise AdvisorError(
            f"the step library needs pytest-bdd ({err.name} is missing)"
        ) from None

    del _steps
    if markdown:
        click.echo(catalogue_markdown(), nl=False)
        return
    for spec in CATALOGUE:
        click.echo(f"{spec.keyword.capitalize():<6} {spec.display}")


@rules.command("facts")
@click.option("--markdown", is_flag=True, help="Print docs/fact-schema.md instead of a list.")
@reports_errors
def rules_facts(markdown: bool) -> None:
    """List the facts a rule's `when` can test: each fact kind, its fields, their types, the
    operators they take and their allowed values (the reference in docs/fact-schema.md).

    \b
    Examples:
      advisor rules facts
      advisor rules facts --markdown > docs/fact-schema.md
    """
    from advisor.authoring.factdoc import fact_schema_markdown, fact_schema_text

    click.echo(fact_schema_markdown() if markdown else fact_schema_text(), nl=False)


# ---------------------------------------------------------------- consultant workflows (issue 5)


def _render_documents(reports: list[Any], fmt: str, top: int | None) -> str:
    """Markdown reports joined by a rule; HTML reports only one per file (a page each)."""
    from advisor.render.html import render_html
    from advisor.render.markdown import render_markdown

    if fmt == "markdown":
        return "\n---\n\n".join(render_markdown(r, top) for r in reports)
    if len(reports) != 1:
        raise AdvisorError("--format html writes one page: assess one profile at a time")
    return render_html(reports[0], top)


@main.command()
@click.argument("name", type=click.Choice(["report", "profile", "rule"]))
@click.option(
    "--catalogue-from",
    "rules_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="For the rule schema: check channel ids against this pack's catalogue "
    "(default: the shipped pack).",
)
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the schema to this file.")
@reports_errors
def schema(name: str, rules_dir: Path | None, output: Path | None) -> None:
    """Print the JSON Schema of a report, a profile or a rule file (for editors and
    validators such as check-jsonschema).

    \b
    Examples:
      advisor schema profile --output profile.schema.json
      check-jsonschema --schemafile profile.schema.json profiles/*.yaml
    """
    from advisor.authoring.schema import schema_json

    channels = None
    if name == "rule":
        with _open_advisor(rules_dir) as advisor:
            channels = sorted(advisor.pack.channels)
    _write(output, schema_json(name, channels))


@main.command()
@rules_option
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default=None,
              help="table on a terminal, json otherwise.")
@reports_errors
def channels(rules_dir: Path | None, fmt: str | None) -> None:
    """List the channel catalogue: id, name, hours a week and skills each needs.

    \b
    Example:
      advisor channels --format json
    """
    import json

    from advisor.render.terminal import channel_table

    with _open_advisor(rules_dir) as advisor:
        catalogue = advisor.pack.catalogue.channels
    fmt = fmt or ("table" if sys.stdout.isatty() else "json")
    if fmt == "json":
        data = [c.model_dump(mode="json") for c in catalogue]
        click.echo(json.dumps(data, indent=2))
        return
    _console().print(channel_table(catalogue))


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
    The profile is validated before it is written; an invalid one is never written.

    \b
    Examples:
      advisor init my-org.yaml
      advisor init my-org.yaml --defaults
      advisor init my-org.yaml --answers answers.yaml
    Answer keys are profile paths, e.g. organization.name, audiences, objectives[0].metric,
    resources.staff_hours_per_week.
    """
    from advisor.files.loader import load_data_file
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

                return click.prompt(q.prompt(), default=q.default_text(), value_proc=parse)

            answers = run_interview(ask, channel_ids)
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
@click.option("--summary-json", is_flag=True, help="Print the summary as JSON on stdout.")
@rules_option
@reports_errors
def batch(inputs: tuple[str, ...], output: Path, jobs: int, summary_json: bool,
          rules_dir: Path | None) -> None:
    """Assess many profiles: files, folders, globs, or - for JSON lines on stdin. A bad
    profile is reported on stderr and skipped; results keep the input order.

    \b
    Examples:
      advisor batch profiles/ --output results.jsonl --jobs 2
      cat profiles.jsonl | advisor batch - --output results.jsonl
    """
    import json

    from advisor.files.output import atomic_output, check_target
    from advisor.workflows.batch import STDIN, expand_inputs, read_lines, run_batch

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
                result = run_batch(items, rules_dir, jobs, advance, sink=stream.write)
        else:
            result = run_batch(items, rules_dir, jobs, sink=stream.write)
    for failure in result.failures:
        for line in failure.problems:
            click.echo(f"error: {line}", err=True)
    if summary_json:
        click.echo(json.dumps(result.summary(), indent=2))
    else:
        _note(result.summary_text().rstrip("\n"))
    if result.failures:
        sys.exit(EXIT_BAD_INPUT)
