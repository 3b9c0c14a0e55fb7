"""The Qt-free parts the window's screens use: addresses, join screen (URL, code, QR,
Wi-Fi QR), the room summary, and the rules the room keeps (code, limits, language)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from room_helpers import RoomFile, open_poll, options

from facilitator.domain import room as r
from facilitator.domain.errors import ValidationError
from facilitator.domain.voting import Ballot
from facilitator.room import join, network
from facilitator.room.backend import OwnerThreadBackend
from facilitator.room.server import CODE_ALPHABET, Rate, RateLimiter, Room, new_code, phone_language


def test_pick_address_prefers_the_route_to_a_private_network() -> None:
    A = network.Address
    lan = A("192.168.1.20", "wlan0", True, True)
    other = A("10.8.0.2", "tun0", True, False)
    loop = A("127.0.0.1", "lo", False, False)
    public = A("203.0.113.5", "eth1", False, False)
    assert network.pick_address([loop, other, lan, public]) == lan
    assert network.pick_address([loop, other]) == other
    assert network.pick_address([loop, public]) is None


def test_list_addresses_is_real_and_never_offers_every_interface() -> None:
    found = network.list_addresses()
    ips = [a.ip for a in found]
    assert "127.0.0.1" in ips
    assert len(ips) == len(set(ips))
    assert "0.0.0.0" not in ips
    assert all(not a.routes_to_lan or a.private for a in found)
    with pytest.raises(ValueError):
        network.check_host("my-laptop.local")


def test_wifi_payload_escapes_special_characters() -> None:
    assert join.wifi_payload("Sala Blu", 'p;a:s,s\\w"d') == (
        'WIFI:T:WPA;S:Sala Blu;P:p\\;a\\:s\\,s\\\\w\\"d;;'
    )
    assert join.wifi_payload("Aperta") == "WIFI:T:nopass;S:Aperta;;"
    with pytest.raises(ValueError):
        join.wifi_payload("")


def test_join_screen_has_url_code_advice_and_qr_codes() -> None:
    screen = join.JoinScreen.build(
        "http://192.168.1.20:8765", "ABC234", "it", wifi_ssid="Sala", wifi_password="segreta"
    )
    assert screen.url == "http://192.168.1.20:8765/j/ABC234"
    assert "dati mobili" in screen.advice
    for svg in (screen.qr_svg, screen.wifi_qr_svg):
        root = ET.fromstring(svg)
        assert root.tag.endswith("svg")
    assert join.qr_png(screen.url).startswith(b"\x89PNG")
    english = join.JoinScreen.build("http://10.0.0.2:9000", "XYZ789", "en")
    assert "mobile data" in english.advice and english.wifi_qr_svg == ""


def test_room_codes_are_random_readable_and_compared_whole(backend: OwnerThreadBackend) -> None:
    codes = {new_code() for _ in range(200)}
    assert len(codes) > 195
    assert all(re.fullmatch(f"[{CODE_ALPHABET}]{{6}}", c) for c in codes)
    room = Room(backend, code="ABC234")
    assert room.code_matches("abc234") and room.code_matches(" ABC 234 ")
    for wrong in ("", "ABC23", "ABC2345", "ABC235", None, "ÀBC234"):
        assert not room.code_matches(wrong)


def test_rate_limiter_refills_over_time() -> None:
    now = [0.0]
    limiter = RateLimiter(clock=lambda: now[0])
    rate = Rate(2, 10)
    assert [limiter.allow("x", "a", rate) for _ in range(3)] == [True, True, False]
    assert limiter.allow("x", "b", rate)  # another key has its own bucket
    now[0] = 5.0  # half the period: one token back
    assert limiter.allow("x", "a", rate) and not limiter.allow("x", "a", rate)


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("en-US,en;q=0.9", "en"),
        ("it-IT,it;q=0.9,en;q=0.8", "it"),
        ("de-DE,de;q=0.9,en;q=0.8", "it"),
        ("fr;q=0.5,en;q=0.9", "en"),
        ("", "it"),
        ("garbage;;;q=x", "it"),
    ],
)
def test_phone_language(header: str, expected: str) -> None:
    assert phone_language(header, "it") == expected


def test_summary_for_the_facilitators_screens(
    backend: OwnerThreadBackend, room_file: RoomFile
) -> None:
    poll = room_file.polls["dot"]
    open_poll(backend, poll)
    a = options(backend, poll)[0]
    device = backend.call(lambda s: s.join("hash-1", "Luca", "it"))
    backend.call(lambda s: s.join("hash-2", None, "en"))
    backend.call(lambda s: s.cast(device.id, poll, Ballot({(a, 0): 2}), "summary-key-1"))
    backend.call(lambda s: s.submit_idea(device.id, "summary-idea", "Un'idea"))
    backend.call(lambda s: s.ask("Che cosa manca?"))
    summary = backend.call(lambda s: s.summary())
    assert (summary.devices, summary.pending_ideas, summary.poll_id) == (2, 1, poll)
    assert (summary.room_ballots, summary.all_ballots) == (1, 1)
    assert summary.results_visible is False and summary.question == "Che cosa manca?"
    backend.call(lambda s: s.remove_device(device.id))
    assert backend.call(lambda s: s.summary()).devices == 1
    assert [d.name for d in backend.call(lambda s: s.devices())] == [""]


def test_domain_checks_of_keys_names_and_ideas() -> None:
    assert r.check_key("abcdefgh") == "abcdefgh"
    for bad in ("short", "x" * 65, "has space1", 12345678, None, "ünïcödé1"):
        with pytest.raises(ValidationError):
            r.check_key(bad)
    assert r.clean_device_name("  Ana   María ") == "Ana María"
    assert r.clean_device_name(None) == ""
    with pytest.raises(ValidationError):
        r.clean_device_name("x" * 61)
    with pytest.raises(ValidationError):
        r.clean_idea(["not", "text"])
    assert r.clean_idea("\n  idea  \n") == "idea"
