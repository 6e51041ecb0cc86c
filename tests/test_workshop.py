"""The workshop app over real HTTP on loopback (uvicorn in a thread, no browser): the form read
off the profile model, live advice, the same words as the command line for a bad value, and the
safety rules — same origin, bounded posts, one session's state never another's, nothing changed
by a refused post."""

from __future__ import annotations

import http.client
import http.cookiejar
import io
import json
import socket
import subprocess
import sys
import threading
import time
import typing
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from click.testing import CliRunner

from advisor import Advisor
from advisor.cli import main
from advisor.model.profile import Profile
from advisor.workflows.interview import profile_yaml
from advisor.workshop.app import MAX_BODY_BYTES, channel_choices, create_app
from advisor.workshop.form import FormError, form_data, profile_form
from advisor.workshop.server import bind, field_helps, url_of

from .conftest import REPO

HOSPITAL = REPO / "profiles" / "hospital.yaml"


class FakeSocket:
    """Bytes already read from a socket, for http.client to parse as a response."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def makefile(self, *args: Any, **kwargs: Any) -> io.BytesIO:
        return io.BytesIO(self.data)


class Browserless:
    """A client with its own cookies, as one browser session would have."""

    def __init__(self, base: str) -> None:
        self.base = base
        self._jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self._jar))
        self.origin = base.rstrip("/")

    def get(self, path: str = "") -> tuple[int, str, Any]:
        return self._send(urllib.request.Request(self.base + path))

    def post(self, path: str, body: Any, *, origin: str | None = "same",
             content_type: str = "application/json", raw: bytes | None = None,
             host: str | None = None) -> tuple[int, str, Any]:
        data = raw if raw is not None else json.dumps(body).encode()
        request = urllib.request.Request(self.base + path, data=data, method="POST")
        request.add_header("Content-Type", content_type)
        if origin is not None:
            request.add_header("Origin", self.origin if origin == "same" else origin)
        if host is not None:
            request.add_header("Host", host)
        return self._send(request)

    def oversized(self, *, declared: bool) -> tuple[int, str, Any]:
        """A post past the size limit, its length declared or sent in chunks; the server may
        answer before the body is all sent, so the answer is read whatever the sending did."""
        host, port = self.origin.removeprefix("http://").split(":")
        cookies = "; ".join(f"{c.name}={c.value}" for c in self._jar)
        head = (f"POST /api/change HTTP/1.1\r\nHost: {host}:{port}\r\n"
                f"Origin: {self.origin}\r\nContent-Type: application/json\r\n"
                f"Cookie: {cookies}\r\nConnection: close\r\n")
        head += (f"Content-Length: {MAX_BODY_BYTES + 10}\r\n\r\n" if declared
                 else "Transfer-Encoding: chunked\r\n\r\n")
        body = b" " * (MAX_BODY_BYTES + 10)
        if declared:
            parts = [body]
        else:
            size = 64 * 1024
            parts = [b"%x\r\n%s\r\n" % (len(body[i:i + size]), body[i:i + size])
                     for i in range(0, len(body), size)] + [b"0\r\n\r\n"]
        with socket.create_connection((host, int(port)), timeout=30) as conn:
            try:
                conn.sendall(head.encode())
                for part in parts:
                    conn.sendall(part)
            except OSError:
                pass  # the server answered and closed: read what it said
            reply = b""
            while data := conn.recv(65536):
                reply += data
        response = http.client.HTTPResponse(FakeSocket(reply))  # type: ignore[arg-type]
        response.begin()
        return response.status, response.headers.get_content_type(), response.read()

    def _send(self, request: urllib.request.Request) -> tuple[int, str, Any]:
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status, response.headers.get_content_type(), response.read()
        except urllib.error.HTTPError as err:
            return err.code, err.headers.get_content_type(), err.read()

    def change(self, fields: dict[str, Any], **extra: Any) -> dict[str, Any]:
        status, _, body = self.post("api/change", {"form": fields, **extra})
        assert status == 200, body
        return typing.cast(dict[str, Any], json.loads(body))


@pytest.fixture(scope="module")
def advisor() -> Iterator[Advisor]:
    with Advisor() as shipped:
        yield shipped


@pytest.fixture(scope="module")
def served(advisor: Advisor) -> Iterator[str]:
    """The workshop on a free loopback port, started from the hospital profile."""
    initial = advisor.load(HOSPITAL).profile.model_dump(mode="json", exclude_computed_fields=True)
    app = create_app(advisor, initial, HOSPITAL.name, ("127.0.0.1",),
                     field_helps(sorted(advisor.pack.channels)))
    sock = bind("127.0.0.1", 0)
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    while not server.started:
        thread.join(0.05)
    yield url_of(sock)
    server.should_exit = True
    thread.join(10)
    sock.close()


def hospital_fields(advisor: Advisor) -> dict[str, Any]:
    """The hospital profile as the page's controls hold it."""
    data = advisor.load(HOSPITAL).profile.model_dump(mode="json", exclude_computed_fields=True)
    out: dict[str, Any] = {}

    def walk(value: Any, name: str) -> None:
        if isinstance(value, dict):
            for key, inner in value.items():
                walk(inner, f"{name}.{key}" if name else key)
        elif isinstance(value, list) and value and isinstance(value[0], dict):
            for index, item in enumerate(value):
                out[f"{name}[{index}]"] = ""
                walk(item, f"{name}[{index}]")
        elif isinstance(value, (list, bool)):
            out[name] = value
        else:
            out[name] = "" if value is None else str(value)

    walk(data, "")
    return out


def test_every_field_of_the_profile_model_is_a_control_and_every_enum_a_choice(
        advisor: Advisor) -> None:
    form = profile_form(channel_choices(advisor), {})
    for section_name, info in Profile.model_fields.items():
        section = form.child(section_name)
        assert section is not None, section_name
        model = typing.get_args(info.annotation)[0] if section.kind == "items" else (
            info.annotation)
        if section.kind in ("section", "items"):
            assert [f.name for f in section.fields] == list(model.model_fields)
    segment = form.child("audiences").child("segment")  # type: ignore[union-attr]
    assert segment.kind == "choice" and segment.required
    assert [c.value for c in segment.choices][:2] == ["physicians", "nurses"]
    budget = form.child("resources").child("budget_per_year")  # type: ignore[union-attr]
    assert budget.kind == "number" and budget.optional
    platforms = form.child("audiences").child("platforms")  # type: ignore[union-attr]
    assert {c.value for c in platforms.choices} == set(advisor.pack.channels)
    assert all(c.description.endswith("h/week.") for c in platforms.choices)


def test_not_given_is_distinct_from_zero_and_unknown_controls_are_refused(
        advisor: Advisor) -> None:
    form = profile_form(channel_choices(advisor), {})
    base = {"organization.name": "A", "organization.type": "hospital"}
    not_given = form_data(form, {**base, "resources.budget_per_year": ""})
    zero = form_data(form, {**base, "resources.budget_per_year": "0"})
    assert "budget_per_year" not in not_given.get("resources", {})
    assert zero["resources"]["budget_per_year"] == 0
    assert form_data(form, {**base, "audiences[1]": ""})["audiences"] == [{}, {}]
    for bad in ({"organization.tipe": "x"}, {"__class__": "x"}, {"audiences[99]": ""},
                {"organization.hipaa_covered": "yes"}, {"resources.skills": "writing"}):
        with pytest.raises(FormError):
            form_data(form, {**base, **bad})


def test_changing_staff_hours_from_30_to_4_changes_the_plan_in_one_round_trip(
        served: str, advisor: Advisor) -> None:
    client = Browserless(served)
    status, kind, page = client.get()
    assert status == 200 and kind == "text/html"
    assert b'name="resources.staff_hours_per_week"' in page
    fields = hospital_fields(advisor)
    thirty = client.change({**fields, "resources.staff_hours_per_week": "30"})
    four = client.change({**fields, "resources.staff_hours_per_week": "4"})
    plan_of = [reply["advice"].split('id="resource-plan"')[1] for reply in (thirty, four)]
    assert plan_of[0] != plan_of[1]
    assert ">30<" in plan_of[0] and ">4<" in plan_of[1]
    assert 'id="since-baseline"' in four["advice"]
    assert 'class="moved"' in four["advice"]  # the rows the change moved are marked
    assert four["status"].startswith("resources.staff_hours_per_week: moved ")


def test_a_bad_value_gets_the_command_lines_words_beside_its_field(
        served: str, advisor: Advisor, tmp_path: Path) -> None:
    client = Browserless(served)
    client.get()
    reply = client.change({**hospital_fields(advisor), "resources.staff_hours_per_week": "lots",
                           "audiences[0].segment": "nurzes"})
    assert reply["valid"] is False and reply["problems"] == 2
    profile = tmp_path / "bad.yaml"
    profile.write_text(HOSPITAL.read_text().replace("staff_hours_per_week: 16",
                                                    "staff_hours_per_week: lots")
                       .replace("segment: local_public", "segment: nurzes"))
    result = CliRunner().invoke(main, ["validate", str(profile)])
    assert result.exit_code == 2
    for field in ("resources.staff_hours_per_week", "audiences[0].segment"):
        words = reply["problem_map"][field]
        assert f"{field}: {words}" in result.stderr
    # The advice stays that of the last valid profile, and says so.
    assert 'id="stale"' in reply["advice"]


def test_each_browser_session_has_its_own_state(served: str, advisor: Advisor) -> None:
    one, two = Browserless(served), Browserless(served)
    one.get()
    two.get()
    one.change({**hospital_fields(advisor), "organization.name": "Session One"})
    _, _, yaml_two = two.get("export/profile.yaml")
    _, _, yaml_one = one.get("export/profile.yaml")
    assert b"Session One" in yaml_one and b"Session One" not in yaml_two


def test_refused_posts_say_why_and_change_nothing(served: str, advisor: Advisor) -> None:
    client = Browserless(served)
    client.get()
    _, _, before = client.get("export/profile.yaml")
    changed = {"form": {**hospital_fields(advisor), "organization.name": "Changed"}}
    refused = [
        client.post("api/change", changed, origin=None),
        client.post("api/change", changed, origin="http://evil.example"),
        client.post("api/change", changed, content_type="text/plain"),
        client.post("api/change", None, raw=b"{not json"),
        client.oversized(declared=True),
        client.oversized(declared=False),
        client.post("api/change", {"form": {"organization.tipe": "x"}}),
        client.post("api/change", {"form": changed["form"], "add": "organization.name"}),
        client.post("api/apply", {"fix": 7}),
        client.post("api/start", {"from": "/etc/passwd"}),
        client.post("api/start", {"from": "text", "text": "a: [", "name": "x.yaml"}),
        client.post("api/change", changed, host="attacker.example"),
    ]
    statuses = [status for status, _, _ in refused]
    assert statuses == [403, 403, 415, 400, 413, 413, 422, 422, 422, 400, 422, 400]
    for _status, kind, body in refused[:-1]:
        assert kind == "application/json" and json.loads(body)["error"]
    assert client.get("export/profile.yaml")[2] == before
    stranger = Browserless(served)  # no session cookie
    assert stranger.post("api/change", changed)[0] == 403


def test_downloads_are_the_init_yaml_and_the_cli_report(served: str, advisor: Advisor,
                                                        tmp_path: Path) -> None:
    client = Browserless(served)
    client.get()
    client.change({**hospital_fields(advisor), "resources.staff_hours_per_week": "4"})
    _, _, saved = client.get("export/profile.yaml")
    profile = advisor.load(HOSPITAL).profile.model_copy(update={
        "resources": advisor.load(HOSPITAL).profile.resources.model_copy(
            update={"staff_hours_per_week": 4.0})})
    assert saved.decode() == profile_yaml(profile)
    (tmp_path / "saved.yaml").write_bytes(saved)
    result = CliRunner().invoke(main, ["assess", str(tmp_path / "saved.yaml"), "--format",
                                       "json"])
    assert result.exit_code == 0
    assert client.get("export/report.json")[2].decode() == result.stdout
    for name in ("report.md", "report.html", "report.txt", "brief.md", "brief.html",
                 "brief.json"):
        status, _, body = client.get(f"export/{name}")
        assert status == 200 and b"Example Valley Community Hospital" in body, name
    assert client.get("export/nothing.exe")[0] == 404


def test_explain_then_apply_a_fix_then_undo_it(served: str, advisor: Advisor) -> None:
    client = Browserless(served)
    client.get()
    _, _, before = client.get("export/profile.yaml")
    status, _, body = client.post("api/explain", {"channel": "tiktok"})
    reply = json.loads(body)
    assert status == 200 and 'data-action="apply"' in reply["explain"]
    status, _, body = client.post("api/apply", {"fix": 0})
    applied = json.loads(body)
    assert status == 200 and applied["status"].startswith("applied ")
    assert client.get("export/profile.yaml")[2] != before
    status, _, body = client.post("api/undo", {})
    assert status == 200 and json.loads(body)["status"] == "undone"
    assert client.get("export/profile.yaml")[2] == before
    assert client.post("api/explain", {"channel": "myspace"})[0] == 422


def test_without_the_web_extra_the_command_says_what_to_install() -> None:
    blocked = ("import sys; sys.modules['starlette'] = None; sys.argv = ['advisor', 'workshop'];"
               "from advisor.cli import main; main()")
    result = subprocess.run([sys.executable, "-c", blocked], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "error: the workshop needs starlette "
        "(pip install 'healthcare-social-advisor[web]')"]


def test_a_taken_port_is_one_line_and_exit_2() -> None:
    sock = bind("127.0.0.1", 0)
    port = sock.getsockname()[1]
    try:
        result = CliRunner().invoke(main, ["workshop", str(HOSPITAL), "--port", str(port)])
    finally:
        sock.close()
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: cannot listen on 127.0.0.1:{port}: ")
    assert len(result.stderr.splitlines()) == 1


def test_only_the_workshop_command_imports_the_workshop() -> None:
    importers = sorted(
        str(path.relative_to(REPO)) for path in (REPO / "advisor").rglob("*.py")
        if "advisor.workshop" in path.read_text() and "workshop" not in path.parts
        and path.name != "workshop.py"
    )
    assert importers == []


def test_starting_empty_shows_what_is_required_and_offers_no_download(served: str) -> None:
    client = Browserless(served)
    client.get()
    status, _, body = client.post("api/start", {"from": "empty"})
    reply = json.loads(body)
    assert status == 200 and reply["valid"] is False
    assert reply["problem_map"]["organization.name"] == "required field is missing"
    assert 'id="no-advice"' in reply["advice"]
    status, _, body = client.get("export/report.json")
    assert status == 409 and b"the form has problems" in body
    status, _, body = client.post("api/start", {"from": "defaults"})
    assert json.loads(body)["valid"] is True


def test_list_items_grow_and_shrink_and_the_baseline_can_be_pinned(
        served: str, advisor: Advisor) -> None:
    client = Browserless(served)
    client.get()
    fields = hospital_fields(advisor)
    grown = client.change(fields, add="technology.current_channels[1]")
    assert 'name="technology.current_channels[1].channel"' in grown["form"]
    assert grown["problem_map"]["technology.current_channels[1].channel"] == (
        "required field is missing")
    shrunk = client.change(fields, remove="audiences[0]")
    assert 'name="audiences[2].segment"' not in shrunk["form"]
    assert shrunk["valid"] and 'id="since-baseline"' in shrunk["advice"]
    status, _, body = client.post("api/pin", {})
    assert status == 200 and "Nothing has moved since the baseline" in json.loads(body)["advice"]


def test_a_sessions_undo_history_is_bounded_in_count_and_size(advisor: Advisor) -> None:
    from advisor.workshop.state import MAX_UNDO, MAX_UNDO_CHARS, WorkshopEngine

    engine = WorkshopEngine(advisor, {"organization": {"name": "A", "type": "hospital"}})
    workshop = engine.new_workshop()
    for hours in range(MAX_UNDO + 20):
        engine.replace(workshop, {"organization": {"name": "A", "type": "hospital"},
                                  "resources": {"staff_hours_per_week": hours}})
    assert len(workshop.undo) == MAX_UNDO
    for n in range(5):  # drafts as large as a loaded file may make them
        engine.replace(workshop, {"organization": {"name": "A" * 400, "type": "hospital"},
                                  "pain_points": [f"x{n}" * 100_000]})
    assert sum(map(len, workshop.undo)) <= MAX_UNDO_CHARS
    assert engine.undo(workshop) and workshop.draft["pain_points"] == ["x3" * 100_000]


def test_the_session_store_is_bounded_and_forgets_idle_sessions(advisor: Advisor) -> None:
    from advisor.workshop.state import SessionStore, WorkshopEngine

    engine = WorkshopEngine(advisor, {"organization": {"name": "A", "type": "hospital"}})
    store = SessionStore(engine, limit=2)
    first, second, third = (store.create()[0] for _ in range(3))
    assert len(first) >= 40  # 32 random bytes, URL-safe
    assert store.get(first) is None and store.get(second) and store.get(third)
    idle = SessionStore(engine, idle_seconds=0)
    session_id, _ = idle.create()
    time.sleep(0.01)
    assert idle.get(session_id) is None and len(idle) == 0
