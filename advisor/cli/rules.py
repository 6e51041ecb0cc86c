"""`advisor rules`: the rule authoring kit (list, show, check, new, coverage, docs, diff, steps,
facts)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from advisor.cli import (
    EXIT_BAD_INPUT,
    EXIT_BLOCKERS,
    F,
    _open_advisor,
    _write,
    main,
    reports_errors,
    rules_option,
    write_generated,
)
from advisor.errors import AdvisorError, InputError, Problem


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
    from advisor.authoring.show import list_rules
    from advisor.files.packs import load_pack

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
    from advisor.authoring.show import find_features, show_rule, show_rule_text
    from advisor.files.packs import load_pack

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
    from advisor.authoring.scaffold import PYTEST_OPT_IN, pytest_config_to_write, scaffold
    from advisor.files.packs import load_pack

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
    from advisor.files.packs import load_pack

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
    from advisor.authoring.ruledocs import rule_base_for

    write_generated(output, rule_base_for(rules_dir), "advisor rules docs", check=check)


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
        from advisor.bdd import brief_steps as _steps  # registers the catalogue, shipped first
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
