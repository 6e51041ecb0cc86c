"""`advisor workshop`: the live workshop page, served on this machine."""

from __future__ import annotations

from pathlib import Path

import click

from advisor.cli import _note, _open_advisor, main, reports_errors, rules_option
from advisor.errors import AdvisorError, Problem


@main.command()
@click.argument("profile", required=False, type=click.Path(dir_okay=False, path_type=Path))
@rules_option
@click.option("--port", type=click.IntRange(min=0, max=65535), default=8765, show_default=True,
              help="The port to listen on (0: any free port).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="The address to listen on. Anything but loopback lets other machines in.")
@click.option("--open", "open_browser", is_flag=True, help="Open the page in a browser.")
@reports_errors
def workshop(profile: Path | None, rules_dir: Path | None, port: int, host: str,
             open_browser: bool) -> None:
    """Serve the live workshop: PROFILE as a form in the browser, the advice moving as it
    changes, explain and what-if in place, downloads of the profile, the report and the brief.
    Without PROFILE the form starts from `advisor init`'s defaults. Needs the web extra.

    \b
    Examples:
      advisor workshop profiles/hospital.yaml --open
      advisor workshop --port 0
    """
    from advisor.workshop import WEB_EXTRA, missing_web_dependencies

    missing = missing_web_dependencies()
    if missing:
        raise AdvisorError(Problem(f"the workshop needs {', '.join(missing)}",
                                   hint=f"pip install '{WEB_EXTRA}'"))
    from advisor.workshop.server import LOOPBACK, serve

    if host not in LOOPBACK:
        _note(f"warning: listening on {host}: other machines can reach the workshop")
    with _open_advisor(rules_dir) as advisor:
        serve(advisor, profile, host, port, open_browser, announce=click.echo)
