"""The workshop's web application (Starlette): the page, the JSON calls its script makes on each
change, and the downloads. Safe by default: hosts other than the one served are refused (no DNS
rebinding), every POST must come from the page's own origin as JSON of bounded size, each
browser session has its own state under an unguessable cookie, and nothing posted is evaluated:
form values are data the profile model validates, fixes are named by number."""

from __future__ import annotations

import json
import re
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import MutableHeaders
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from advisor.api import Advisor
from advisor.errors import AdvisorError
from advisor.files.read import MAX_FILE_BYTES
from advisor.files.yamlsafe import parse_document, syntax_of
from advisor.model.paths import PathPart, get_at, show_value
from advisor.workflows.explain import Explanation
from advisor.workshop.exports import EXPORTS, Assessed, export
from advisor.workshop.form import (
    Choice,
    FormField,
    changed_fields,
    form_data,
    item_path,
    profile_form,
    put_value,
)
from advisor.workshop.pages import (
    advice_html,
    every_channel,
    explanation_html,
    form_html,
    page_html,
    problem_places,
)
from advisor.workshop.state import SessionStore, Workshop, WorkshopEngine, defaults_data

COOKIE = "advisor_workshop"
# A profile file may be 1 MB; posted inside JSON (escaped) it may grow a little.
MAX_BODY_BYTES = MAX_FILE_BYTES + 200_000
DRAIN_BYTES = 4 * MAX_BODY_BYTES
STATIC = Path(__file__).parent / "static"
_HEADERS = {
    "content-security-policy": "default-src 'self'; script-src 'self'; style-src 'self'; "
    "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
    "cache-control": "no-store",
}


class Refused(Exception):
    """A request the workshop will not act on; the reply says why and nothing changes."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


class SecurityHeaders:
    """Every response gets the page's content policy and the no-sniff, no-frame headers."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in _HEADERS.items():
                    headers.setdefault(name, value)
            await send(message)

        await self.app(scope, receive, with_headers if scope["type"] == "http" else send)


async def read_json(request: Request) -> Any:
    """The posted JSON, after the checks every POST passes: same origin, JSON, bounded size."""
    origin = request.headers.get("origin")
    expected = f"{request.url.scheme}://{request.headers.get('host', '')}"
    if origin != expected and not (origin is None and
                                   request.headers.get("sec-fetch-site") == "same-origin"):
        raise Refused(403, "refused: changes are accepted only from the workshop page itself")
    if request.headers.get("content-type", "").split(";")[0].strip() != "application/json":
        raise Refused(415, "refused: a change is posted as application/json")
    too_large = Refused(413, f"refused: a post may be at most {MAX_BODY_BYTES:,} bytes")
    declared = request.headers.get("content-length")
    if declared is not None and (not declared.isdigit() or int(declared) > MAX_BODY_BYTES):
        await _drain(request.stream())
        raise too_large
    body = bytearray()
    stream = request.stream()
    async for chunk in stream:
        body += chunk
        if len(body) > MAX_BODY_BYTES:
            await _drain(stream)
            raise too_large
    try:
        return json.loads(body)
    except (ValueError, RecursionError):
        raise Refused(400, "refused: the post is not valid JSON") from None


async def _drain(stream: AsyncIterator[bytes]) -> None:
    """Read and drop the rest of a refused body, up to a bound: a connection closed while the
    browser is still sending is reset, and the browser would show that instead of the reason."""
    dropped = 0
    async for chunk in stream:
        dropped += len(chunk)
        if dropped > DRAIN_BYTES:
            return


Handler = Callable[[Request, Workshop, Any], Awaitable[Response]]


class WorkshopApp:
    """The routes, over one Advisor shared by every session and one store of sessions."""

    def __init__(self, advisor: Advisor, initial: Mapping[str, Any] | None,
                 initial_name: str | None, helps: Mapping[str, str]) -> None:
        self.advisor = advisor
        self.defaults = defaults_data(advisor)
        self.initial = dict(initial) if initial is not None else self.defaults
        self.initial_name = initial_name
        self.form: FormField = profile_form(channel_choices(advisor), helps)
        self.engine = WorkshopEngine(advisor, self.initial)
        self.sessions = SessionStore(self.engine)

    def starts(self) -> dict[str, str]:
        out = {"initial": f"Start again from {self.initial_name}"} if self.initial_name else {}
        return out | {"defaults": "Start from init's defaults", "empty": "Start empty"}

    async def page(self, request: Request) -> Response:
        session_id = request.cookies.get(COOKIE)
        workshop = self.sessions.get(session_id)
        if workshop is None:
            session_id, workshop = self.sessions.create()
        exports = [(f"export/{name}", title) for name, (title, _, _) in EXPORTS.items()]
        response = HTMLResponse(page_html(self.form, workshop, exports, self.starts()))
        response.set_cookie(COOKIE, session_id or "", httponly=True, samesite="strict", path="/")
        return response

    def _reply(self, workshop: Workshop, *, form: bool, message: str = "",
               explained: Explanation | None = None) -> JSONResponse:
        placed, general = problem_places(self.form, workshop)
        return JSONResponse({
            "problem_map": placed,
            "general": general,
            "form": form_html(self.form, workshop) if form else None,
            "advice": advice_html(workshop),
            "explain": explanation_html(explained, workshop.fixes) if explained else None,
            "problems": len(workshop.problems),
            "valid": workshop.profile is not None and not workshop.problems,
            "undo": bool(workshop.undo),
            "status": message,
        })

    async def change(self, request: Request, workshop: Workshop, body: Any) -> Response:
        """A control changed (`form`), or an item was added or removed (`add`/`remove`)."""
        draft = form_data(self.form, body.get("form"))
        structural = False
        for op in ("add", "remove"):
            if op in body:
                structural = True
                draft = _with_item(draft, item_path(self.form, body[op]), add=op == "add")
        before, report = workshop.draft, workshop.report
        self.engine.replace(workshop, draft)
        message = ""
        if workshop.report is not report and report is not None:
            message = _what_moved(changed_fields(before, draft), workshop)
        return self._reply(workshop, form=structural, message=message)

    async def start(self, request: Request, workshop: Workshop, body: Any) -> Response:
        source = body.get("from")
        if source == "text":
            text, name = body.get("text"), str(body.get("name") or "profile.yaml")[:200]
            if not isinstance(text, str) or len(text.encode()) > MAX_FILE_BYTES:
                raise Refused(413, f"refused: a profile file is at most {MAX_FILE_BYTES:,} bytes")
            data, _ = parse_document(text, name, syntax_of(name))
            if not isinstance(data, dict):
                raise AdvisorError(f"{name}: a profile is a mapping with an 'organization' key")
            message = f"loaded {name}"
        elif source in ("initial", "defaults", "empty"):
            data = {"initial": self.initial, "defaults": self.defaults,
                    "empty": form_data(self.form, {})}[source]
            message = self.starts().get(source, "")
        else:
            raise Refused(400, "refused: unknown starting point")
        self.engine.start(workshop, json.loads(json.dumps(data, default=str)))
        return self._reply(workshop, form=True, message=message)

    async def explain(self, request: Request, workshop: Workshop, body: Any) -> Response:
        channel = body.get("channel")
        if not isinstance(channel, str) or len(channel) > 60:
            raise Refused(400, "refused: name a channel to explain")
        explained = self.engine.explain(workshop, channel)
        return self._reply(workshop, form=False, explained=explained)

    async def apply(self, request: Request, workshop: Workshop, body: Any) -> Response:
        number = body.get("fix")
        if not isinstance(number, int) or isinstance(number, bool):
            raise Refused(400, "refused: name the change to apply by its number")
        changes = self.engine.apply_fix(workshop, number)
        shown = "; ".join(f"{c.path} = {show_value(c.value)}" for c in changes)
        return self._reply(workshop, form=True, message=f"applied {shown} (Undo takes it back)")

    async def undo(self, request: Request, workshop: Workshop, body: Any) -> Response:
        undone = self.engine.undo(workshop)
        return self._reply(workshop, form=True, message="undone" if undone else "nothing to undo")

    async def pin(self, request: Request, workshop: Workshop, body: Any) -> Response:
        workshop.pin()
        return self._reply(workshop, form=False, message="pinned as the baseline")

    async def download(self, request: Request) -> Response:
        workshop = self.sessions.get(request.cookies.get(COOKIE))
        if workshop is None:
            return _error(403, "no workshop session: open the workshop page first")
        if request.headers.get("sec-fetch-site") not in (None, "same-origin", "none"):
            return _error(403, "refused: downloads are for the workshop page itself")
        name = request.path_params["name"]
        if name not in EXPORTS:
            return _error(404, f"no download named {name[:40]!r}")
        if workshop.profile is None or workshop.report is None:
            return _error(409, "the form has problems: fix them before downloading")
        done = Assessed(workshop.profile, workshop.report, self.advisor.pack)
        try:
            # A PDF is printed by Chromium in a subprocess: off the event loop.
            media, content = await run_in_threadpool(export, name, done)
        except AdvisorError as err:
            return _error(422, "; ".join(str(p) for p in err.problems[:5]))
        filename = f"{_slug(workshop.profile.organization.name)}-{name}"
        return Response(content, media_type=media, headers={
            "content-disposition": f'attachment; filename="{filename}"'})

    def route(self, handler: Handler) -> Callable[[Request], Awaitable[Response]]:
        async def endpoint(request: Request) -> Response:
            try:
                workshop = self.sessions.get(request.cookies.get(COOKIE))
                if workshop is None:
                    raise Refused(403, "no workshop session: reload the page")
                body = await read_json(request)
                if not isinstance(body, dict):
                    raise Refused(400, "refused: the post is not a JSON object")
                started = time.perf_counter()
                response = await handler(request, workshop, body)
                # How long the app worked on it, apart from waiting and transport (for the
                # browser's network panel and bench/workshop_load.py).
                spent = (time.perf_counter() - started) * 1000
                response.headers["server-timing"] = f"app;dur={spent:.1f}"
                return response
            except Refused as refused:
                return _error(refused.status, refused.message)
            except AdvisorError as err:
                # The user's mistake (a bad file, a stale fix number): said, and nothing changed.
                return _error(422, "; ".join(str(p) for p in err.problems[:5]))

        return endpoint


def _what_moved(fields: list[str], workshop: Workshop) -> str:
    """The status line after a change: which fields changed, and which channels that moved."""
    if not fields:
        return ""
    names = {a.channel: a.name for a in every_channel(workshop.report)}
    moved = sorted(names.get(c, c) for c in workshop.moved)
    shown_fields = ", ".join(fields[:3]) + (f" and {len(fields) - 3} more" if len(fields) > 3
                                            else "")
    return f"{shown_fields}: " + (f"moved {', '.join(moved)}" if moved else "no channel moved")


def channel_choices(advisor: Advisor) -> list[Choice]:
    """The catalogue's channels as the form offers them: name and id, with the description and
    the hours a week each takes."""
    return [Choice(cid, f"{c.name} ({cid})",
                   " ".join(filter(None, [c.description, f"About {c.hours_per_week:g} h/week."])))
            for cid, c in advisor.pack.channels.items()]


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:60] or "profile"


def _with_item(draft: dict[str, Any], path: tuple[PathPart, ...], *, add: bool) -> dict[str, Any]:
    """The draft with a list item added (empty, at the end) or removed."""
    if add:
        put_value(draft, path, None)
        return draft
    holder = get_at(draft, path[:-1])
    if isinstance(holder, list) and isinstance(path[-1], int) and path[-1] < len(holder):
        holder.pop(path[-1])
    return draft


def create_app(advisor: Advisor, initial: Mapping[str, Any] | None = None,
               initial_name: str | None = None, hosts: tuple[str, ...] = ("127.0.0.1",),
               helps: Mapping[str, str] | None = None) -> Starlette:
    workshop = WorkshopApp(advisor, initial, initial_name, helps or {})
    allowed = ["*"] if "0.0.0.0" in hosts or "::" in hosts else [
        *hosts, "127.0.0.1", "localhost", "[::1]"]
    routes = [
        Route("/", workshop.page),
        Route("/api/change", workshop.route(workshop.change), methods=["POST"]),
        Route("/api/start", workshop.route(workshop.start), methods=["POST"]),
        Route("/api/explain", workshop.route(workshop.explain), methods=["POST"]),
        Route("/api/apply", workshop.route(workshop.apply), methods=["POST"]),
        Route("/api/undo", workshop.route(workshop.undo), methods=["POST"]),
        Route("/api/pin", workshop.route(workshop.pin), methods=["POST"]),
        Route("/export/{name}", workshop.download),
        Mount("/static", StaticFiles(directory=STATIC), name="static"),
    ]
    app = Starlette(routes=routes, middleware=[
        Middleware(SecurityHeaders),
        Middleware(TrustedHostMiddleware, allowed_hosts=allowed),
    ])
    app.state.workshop = workshop
    return app
