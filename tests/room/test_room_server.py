"""The room in its own thread on 127.0.0.1: start/stop, sockets closed on stop, hostile
payloads (the hostile-text list and hypothesis-generated JSON) that never harm the file,
and ``python main.py serve``."""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from room_helpers import RoomFile, file_rows, make_room_file, open_poll, options, room_ballots

from facilitator.room.backend import OwnerThreadBackend
from facilitator.room.server import COOKIE, Limits, Rate, RoomServer

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "reliability"))
from test_hostile_text import REJECTED, STORABLE  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
OPEN = Limits(
    requests_per_address=Rate(100_000, 60),
    join_per_address=Rate(10_000, 60),
    ideas_per_device=Rate(10_000, 60),
    ballots_per_device=Rate(10_000, 60),
    reads_per_device=Rate(10_000, 60),
)


class Phone:
    """A tiny HTTP client with the device cookie (standard library only)."""

    def __init__(self, server: RoomServer) -> None:
        self.server = server
        self.cookie = ""

    def request(
        self, method: str, path: str, body: Any = None, raw: bytes | None = None, code: bool = True
    ) -> tuple[int, Any]:
        conn = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=10)
        headers = {}
        if code:
            headers["X-Room-Code"] = self.server.code
        if self.cookie:
            headers["Cookie"] = f"{COOKIE}={self.cookie}"
        data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
        if data is not None:
            headers["Content-Type"] = "application/json"
        try:
            conn.request(method, path, body=data, headers=headers)
            res = conn.getresponse()
            payload = res.read()
            for k, v in res.getheaders():
                if k.lower() == "set-cookie" and v.startswith(COOKIE + "="):
                    self.cookie = v.split(";", 1)[0].split("=", 1)[1]
            try:
                return res.status, json.loads(payload)
            except ValueError:
                return res.status, payload
        finally:
            conn.close()

    def join(self, name: str | None = None) -> None:
        status, _ = self.request("POST", "/api/join", {} if name is None else {"name": name})
        assert status == 200


@pytest.fixture
def served(backend: OwnerThreadBackend) -> Iterator[RoomServer]:
    server = RoomServer(backend, "127.0.0.1", 0, limits=OPEN)
    server.room.ask_name = True
    server.start()
    yield server
    server.stop()


def test_refuses_every_interface_and_names() -> None:
    for host in ("0.0.0.0", "::"):
        with pytest.raises(ValueError, match="one address"):
            RoomServer(None, host)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="not an IP address"):
        RoomServer(None, "laptop.local")  # type: ignore[arg-type]


def test_start_serves_and_stop_closes_every_socket(served: RoomServer) -> None:
    assert served.port > 0
    assert served.join_url == f"http://127.0.0.1:{served.port}/j/{served.code}"
    assert len(served.code) == 6
    phone = Phone(served)
    phone.join()
    status, view = phone.request("GET", "/api/state")
    assert status == 200 and view["workshop"] == "Laboratorio in sala"
    # an idle keep-alive HTTP connection and a WebSocket stay open until the room closes
    idle = socket.create_connection(("127.0.0.1", served.port), timeout=5)
    idle.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    assert idle.recv(65536).startswith(b"HTTP/1.1 200")
    ws = socket.create_connection(("127.0.0.1", served.port), timeout=5)
    ws.sendall(
        (
            f"GET /api/ws?code={served.code} HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            "Upgrade: websocket\r\nConnection: Upgrade\r\n"
            "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
            f"Cookie: {COOKIE}={phone.cookie}\r\n\r\n"
        ).encode()
    )
    assert ws.recv(4096).startswith(b"HTTP/1.1 101")
    started = time.monotonic()
    served.stop()
    took = time.monotonic() - started
    for sock in (idle, ws):
        sock.settimeout(2)
        assert _closed_by_peer(sock)
        sock.close()
    # the listening socket is gone too
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", served.port), timeout=1).close()
    print(f"stop took {took:.3f} s")


def _closed_by_peer(sock: socket.socket) -> bool:
    """True once the server has closed its end (bounded: at most 100 reads)."""
    try:
        for _ in range(100):
            if not sock.recv(65536):
                return True
    except ConnectionResetError:
        return True
    except TimeoutError:
        return False
    return False


def test_a_second_opening_gets_a_new_code(backend: OwnerThreadBackend) -> None:
    codes = set()
    for _ in range(3):
        with RoomServer(backend, "127.0.0.1") as server:
            codes.add(server.code)
            status, _ = Phone(server).request("POST", "/api/join", {})
            assert status == 200
    assert len(codes) == 3


def test_host_header_must_name_the_room(served: RoomServer) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", served.port, timeout=5)
    conn.request("GET", "/", headers={"Host": "evil.example"})
    assert conn.getresponse().status == 421
    conn.close()


# --- hostile payloads -----------------------------------------------------------------------


def test_hostile_text_as_ideas_and_names(served: RoomServer, room_file: RoomFile) -> None:
    phone = Phone(served)
    phone.join()
    for n, text in enumerate(STORABLE):
        status, data = phone.request("POST", "/api/idea", {"key": f"hostile-{n:04}", "text": text})
        if len(text.strip()) > 1000:
            assert status == 422 and data["error"] == "too_long"
        else:
            assert status == 200, (text, data)
    for n, text in enumerate(REJECTED):
        status, data = phone.request("POST", "/api/idea", {"key": f"rejected-{n:04}", "text": text})
        assert status == 422, text
        assert data["message"]
    stored = [r[0] for r in file_rows(room_file.path, "SELECT text FROM room_ideas ORDER BY id")]
    expected = [
        t.replace("\r\n", "\n").replace("\r", "\n").strip()
        for t in STORABLE
        if len(t.strip()) <= 1000
    ]
    assert stored == expected
    for name in STORABLE + REJECTED:
        status, data = phone.request("POST", "/api/join", {"name": name})
        stored = file_rows(room_file.path, "SELECT name FROM room_devices")
        if status == 200:
            assert stored == [(" ".join(name.split()),)]
        else:
            assert status == 422 and data["message"], name
    assert file_rows(room_file.path, "PRAGMA integrity_check") == [("ok",)]


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: (
        st.lists(inner, max_size=6) | st.dictionaries(st.text(max_size=8), inner, max_size=6)
    ),
    max_leaves=30,
)


def _ballot_like(poll: int, ids: list[int]) -> st.SearchStrategy[Any]:
    entry = st.lists(
        st.one_of(
            st.sampled_from(ids),
            st.integers(-5, 10**12),
            st.booleans(),
            st.text(max_size=3),
            st.none(),
        ),
        min_size=0,
        max_size=4,
    )
    return st.fixed_dictionaries(
        {
            "poll": st.one_of(st.just(poll), JSON),
            "key": st.one_of(st.text(alphabet="abcdef0123456789", min_size=8, max_size=12), JSON),
            "entries": st.one_of(st.lists(entry, max_size=5), JSON),
        }
    )


@pytest.fixture(scope="module")
def fuzz_room(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[RoomServer, RoomFile, Phone]]:
    rf = make_room_file(tmp_path_factory.mktemp("fuzz") / "fuzz.workshop")
    backend = OwnerThreadBackend(rf.path)
    open_poll(backend, rf.polls["dot"])
    server = RoomServer(backend, "127.0.0.1", limits=OPEN)
    server.start()
    phone = Phone(server)
    phone.join()
    yield server, rf, phone
    server.stop()
    backend.close()


@settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_generated_json_never_harms_the_file(
    fuzz_room: tuple[RoomServer, RoomFile, Phone], data: st.DataObject
) -> None:
    server, rf, phone = fuzz_room
    poll = rf.polls["dot"]
    ids = _ids(server, poll)
    path = data.draw(st.sampled_from(["/api/ballot", "/api/idea", "/api/upvote", "/api/join"]))
    body = data.draw(_ballot_like(poll, ids)) if path == "/api/ballot" else data.draw(JSON)
    raw = data.draw(st.one_of(st.just(json.dumps(body).encode()), st.binary(max_size=60)))
    status, answer = phone.request("POST", path, raw=raw)
    assert status in (200, 400, 415, 422), (status, answer)
    if status != 200:
        assert isinstance(answer, dict) and answer["ok"] is False and answer["message"]
    # whatever was accepted obeys the poll's rules
    live = [b for b in room_ballots(rf.path, poll) if not b["deleted"]]
    assert len(live) <= 1
    for b in live:
        total = sum(v for _, _, v in b["entries"])
        assert 1 <= total <= 5 and all(0 < v <= 3 for _, _, v in b["entries"])
        assert {o for o, _, _ in b["entries"]} <= set(ids)
    assert file_rows(rf.path, "PRAGMA quick_check") == [("ok",)]


def _ids(server: RoomServer, poll: int) -> list[int]:
    backend = server.room.backend
    assert isinstance(backend, OwnerThreadBackend)
    return options(backend, poll)


# --- python main.py serve -------------------------------------------------------------------


def test_serve_prints_url_and_code_and_stops_on_ctrl_c(room_file: RoomFile) -> None:
    proc = subprocess.Popen(
        [
            sys.executable,
            "main.py",
            "serve",
            str(room_file.path),
            "--host",
            "127.0.0.1",
            "--no-terminal-qr",
        ],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        lines = []
        assert proc.stdout is not None
        for _ in range(20):  # bounded: the banner is a handful of lines
            line = proc.stdout.readline()
            lines.append(line)
            if "Ctrl+C" in line or not line:
                break
        text = "".join(lines)
        url = next(x.split("Join: ", 1)[1].strip() for x in lines if x.startswith("Join: "))
        assert url.startswith("http://127.0.0.1:") and "/j/" in url
        code = url.rsplit("/", 1)[1]
        assert len(code) == 6 and f"type the code {code}" in text
        port = int(url.split(":")[2].split("/")[0])
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        conn.request(
            "POST",
            "/api/join",
            body=b"{}",
            headers={"X-Room-Code": code, "Content-Type": "application/json"},
        )
        assert conn.getresponse().status == 200
        conn.close()
        # the facilitator's commands in the terminal: open a poll, look at the room
        assert proc.stdin is not None
        proc.stdin.write(f"open {room_file.polls['dot']}\nstatus\nbogus\n")
        proc.stdin.flush()
        answers = [proc.stdout.readline() for _ in range(3)]
        assert answers[0].startswith(f"poll {room_file.polls['dot']} is open")
        assert answers[1].startswith("1 phones (joining open); 0 ideas waiting; poll ")
        assert "unknown command" in answers[2]
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 0, err
    assert "Room closed" in out
    assert "Traceback" not in err
    assert file_rows(room_file.path, "SELECT count(*) FROM room_devices") == [(1,)]
    assert file_rows(
        room_file.path, "SELECT state FROM polls WHERE id = ?", (room_file.polls["dot"],)
    ) == [("open",)]


def test_serve_refuses_every_interface(room_file: RoomFile) -> None:
    result = subprocess.run(
        [sys.executable, "main.py", "serve", str(room_file.path), "--host", "0.0.0.0"],
        cwd=ROOT,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 2
    assert "one address" in result.stderr


def test_serve_refuses_a_file_open_elsewhere_and_a_file_that_is_not_a_workshop(
    room_file: RoomFile, tmp_path: Path
) -> None:
    from facilitator.services.workshop import WorkshopService

    with WorkshopService.open(room_file.path):
        result = subprocess.run(
            [sys.executable, "main.py", "serve", str(room_file.path), "--host", "127.0.0.1"],
            cwd=ROOT,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=30,
        )
    assert result.returncode == 1 and "already open" in result.stderr
    assert "Traceback" not in result.stderr
    junk = tmp_path / "junk.workshop"
    junk.write_bytes(b"not a database at all" * 10)
    result = subprocess.run(
        [sys.executable, "main.py", "serve", str(junk), "--host", "127.0.0.1"],
        cwd=ROOT,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 1 and "not a SQLite database" in result.stderr
    assert junk.read_bytes() == b"not a database at all" * 10
