"""A real phone browser in the participants' mode: headless Chromium at 360×740 picks its
name from the list (searching, accents ignored), types its join code, votes; the file
is checked. Screenshots go to ``$FACILITATOR_SHOTS`` when it is set (see
test_room_browser.py, whose browser fixture this shares)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from room_helpers import RoomFile, file_rows, make_room_file, open_poll, options, room_ballots
from test_room_browser import _full_shot, _text_in, _wait, browser_factory  # noqa: F401

from facilitator.room.backend import OwnerThreadBackend
from facilitator.room.server import RoomServer
from facilitator.services import operations as ops

PEOPLE = (
    ("Anna Rossi", "Comune di Torino"),
    ("Ben Weber", "Land Berlin"),
    ("Chiara Neri", "Cooperativa Sociale Arcobaleno"),
    ("Marco Rossi", "Città di Torino"),
    ("Niccolò Bertè", "PN Metro Plus"),
    ("Małgorzata Wiśniewska", "National Competence Centre (PL)"),
)


def _with_people(backend: OwnerThreadBackend) -> dict[str, tuple[int, str]]:
    def add(room: Any) -> dict[str, tuple[int, str]]:
        for name, org in PEOPLE:
            room.svc.add_participant(name, org, email="someone@example.org")
        ops.IssueJoinCodes().do(room.svc)
        return {c.name: (c.participant_id, c.code) for c in room.codes.codes()}

    return backend.call(add)


@pytest.fixture
def people(backend: OwnerThreadBackend) -> dict[str, tuple[int, str]]:
    return _with_people(backend)


@pytest.fixture
def room(backend: OwnerThreadBackend, people: dict[str, tuple[int, str]]) -> Iterator[RoomServer]:
    server = RoomServer(backend, "127.0.0.1", 0, push_interval=0.2)
    server.room.participants = True
    server.start()
    yield server
    server.stop()


def _names(driver: Any) -> list[str]:
    from selenium.webdriver.common.by import By

    return [
        b.find_element(By.TAG_NAME, "span").text
        for b in driver.find_elements(By.CSS_SELECTOR, "#who-list button")
    ]


def test_a_phone_picks_its_name_types_its_code_and_votes(
    browser_factory: Any,  # noqa: F811
    room: RoomServer,
    backend: OwnerThreadBackend,
    room_file: RoomFile,
    people: dict[str, tuple[int, str]],
) -> None:
    from selenium.webdriver.common.by import By

    poll = room_file.polls["dot"]
    open_poll(backend, poll)
    a, b, _c = options(backend, poll)
    driver = browser_factory("it")
    other = browser_factory("en")  # a second phone, already on the list meanwhile
    other.get(room.join_url)
    _wait(other, lambda d: len(_names(d)) == len(PEOPLE))
    assert "already joined" not in other.find_element(By.ID, "who-list").text
    driver.get(room.join_url)
    _wait(driver, lambda d: d.find_element(By.ID, "who").is_displayed())
    _wait(driver, lambda d: len(_names(d)) == len(PEOPLE))
    assert not driver.find_element(By.ID, "vote").is_displayed()  # not before its name
    assert "@" not in driver.page_source
    _full_shot(driver, "phone-it-who")
    search = driver.find_element(By.ID, "who-search")
    search.send_keys("berte")  # accents ignored
    _wait(driver, lambda d: _names(d) == ["Niccolò Bertè"])
    search.clear()
    search.send_keys("ross")
    _wait(driver, lambda d: _names(d) == ["Anna Rossi", "Marco Rossi"])
    driver.find_elements(By.CSS_SELECTOR, "#who-list button")[0].click()
    _wait(driver, lambda d: d.find_element(By.ID, "claim-form").is_displayed())
    assert driver.find_element(By.ID, "who-chosen").text == "Anna Rossi — Comune di Torino"
    anna, code = people["Anna Rossi"]
    box = driver.find_element(By.ID, "join-code")
    box.send_keys(people["Marco Rossi"][1] + "\n")  # someone else's code
    _wait(driver, _text_in("claim-status", "Non è il codice stampato per questo nome"))
    _full_shot(driver, "phone-it-wrong-code")
    box.clear()
    box.send_keys(code[:3].lower() + " " + code[3:].lower() + "\n")
    _wait(driver, lambda d: d.find_element(By.ID, "vote").is_displayed())
    _wait(driver, _text_in("me-line", "Sei Anna Rossi."))
    assert not driver.find_element(By.ID, "who").is_displayed()
    plus = driver.find_elements(By.CSS_SELECTOR, "#options .opt .plus")
    for button in (plus[0], plus[0], plus[1]):
        button.click()
    driver.find_element(By.ID, "vote-button").click()
    _wait(driver, _text_in("ballot-status", "Voto registrato"))
    _full_shot(driver, "phone-it-voted-as-participant")
    stored = room_ballots(room_file.path, poll)
    assert [x["entries"] for x in stored] == [[[a, 0, 2], [b, 0, 1]]]
    assert file_rows(
        room_file.path, "SELECT participant_id FROM poll_voters WHERE poll_id = ?", (poll,)
    ) == [(anna,)]
    assert file_rows(room_file.path, "SELECT participant_id, ended_at FROM room_claims") == [
        (anna, None)
    ]

    # the second phone (in English) is told at once (pushed), and cannot be Anna too
    _wait(other, _text_in("who-list", "already joined"))
    anna_button = other.find_elements(By.CSS_SELECTOR, "#who-list button")[0]
    assert not anna_button.is_enabled()  # "taken" is all it learns
    _full_shot(other, "phone-en-who")
    other.find_elements(By.CSS_SELECTOR, "#who-list button")[1].click()  # Ben
    other.find_element(By.ID, "join-code").send_keys(code + "\n")  # Anna's code for Ben
    _wait(other, _text_in("claim-status", "This is not the code printed for that name"))
    assert len(room_ballots(room_file.path, poll)) == 1
    for d in (driver, other):
        problems = [e["message"] for e in d.get_log("browser") if e["level"] == "SEVERE"]
        assert [p for p in problems if "422" not in p] == []  # refusals are answers, not bugs


def test_the_pick_your_name_page_in_english_and_italian(
    browser_factory: Any,  # noqa: F811
    tmp_path: Path,
) -> None:
    """The page in a workshop of each language (for the screenshots), and the page goes
    back to the list when the facilitator frees the phone."""
    from selenium.webdriver.common.by import By

    for lang in ("en", "it"):
        rf = make_room_file(tmp_path / f"{lang}.workshop", language=lang)
        with OwnerThreadBackend(rf.path) as backend:
            people = _with_people(backend)
            with RoomServer(backend, "127.0.0.1", push_interval=0.2) as server:
                server.room.participants = True
                driver = browser_factory(lang)
                driver.get(server.join_url)
                _wait(driver, lambda d: len(_names(d)) == len(PEOPLE))
                title = "Who are you?" if lang == "en" else "Chi sei?"
                assert driver.find_element(By.ID, "who-h").text == title
                _full_shot(driver, f"phone-{lang}-pick-your-name")
                # 200 % text: the list stays usable (nothing clipped sideways)
                driver.execute_script("document.documentElement.style.fontSize = '225%'")
                wide = driver.execute_script(
                    "var out = []; document.querySelectorAll('body *').forEach(function (e) {"
                    "  var r = e.getBoundingClientRect();"
                    "  if (r.width && r.right > 361) { out.push(e.tagName + '#' + e.id); }"
                    "}); return out;"
                )
                assert wide == []
                _full_shot(driver, f"phone-{lang}-pick-your-name-200")
                driver.execute_script("document.documentElement.style.fontSize = ''")
                ben, code = people["Ben Weber"]
                driver.find_elements(By.CSS_SELECTOR, "#who-list button")[1].click()
                _full_shot(driver, f"phone-{lang}-type-your-code")
                driver.find_element(By.ID, "join-code").send_keys(code + "\n")
                me = "You are Ben Weber." if lang == "en" else "Sei Ben Weber."
                _wait(driver, _text_in("me-line", me))
                device = file_rows(rf.path, "SELECT device_id FROM room_claims")[0][0]
                backend.call(lambda s, d=device: ops.FreeClaim(d).do(s.svc))
                server.notify_changed()
                _wait(driver, lambda d: d.find_element(By.ID, "who").is_displayed())
                assert not driver.find_element(By.ID, "vote").is_displayed()
