"""A real phone browser: headless Chromium (Selenium) joins the room by its URL, votes in
every method, sends an idea, and the workshop file is checked.

Without Chromium these tests are skipped with a reason; with
``FACILITATOR_REQUIRE_BROWSER=1`` (set by ``.ci/run``) a missing browser is a failure.
Screenshots of the phone page (360×740) go to ``$FACILITATOR_SHOTS`` when it is set.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from room_helpers import RoomFile, file_rows, make_room_file, open_poll, options, room_ballots

from facilitator.room.backend import OwnerThreadBackend
from facilitator.room.server import RoomServer

CHROMIUM = next(
    (
        p
        for p in ("/usr/bin/chromium", "/usr/bin/chromium-browser", shutil.which("chromium") or "")
        if p and Path(p).exists()
    ),
    None,
)
DRIVER = next(
    (
        p
        for p in ("/usr/bin/chromedriver", shutil.which("chromedriver") or "")
        if p and Path(p).exists()
    ),
    None,
)
REQUIRED = os.environ.get("FACILITATOR_REQUIRE_BROWSER") == "1"
SHOTS = os.environ.get("FACILITATOR_SHOTS")


def _need_browser() -> None:
    if CHROMIUM and DRIVER:
        return
    reason = "no Chromium/chromedriver (apt-get install chromium chromium-driver)"
    if REQUIRED:
        pytest.fail(reason + " and FACILITATOR_REQUIRE_BROWSER=1")
    pytest.skip(reason)


@pytest.fixture
def browser_factory() -> Iterator[Any]:
    _need_browser()
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    drivers: list[Any] = []

    def make(lang: str = "it") -> Any:
        opts = webdriver.ChromeOptions()
        opts.binary_location = str(CHROMIUM)
        for arg in (
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            f"--lang={lang}",
            "--no-first-run",
            "--disable-extensions",
            "--disable-background-networking",
        ):
            opts.add_argument(arg)
        opts.add_experimental_option("prefs", {"intl.accept_languages": lang})
        opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        # a phone's viewport (a desktop window cannot be narrower than 500 px)
        opts.add_experimental_option(
            "mobileEmulation", {"deviceMetrics": {"width": 360, "height": 740, "pixelRatio": 1.0}}
        )
        driver = webdriver.Chrome(service=Service(str(DRIVER)), options=opts)
        driver.set_page_load_timeout(20)
        drivers.append(driver)
        return driver

    yield make
    for d in drivers:
        d.quit()


@pytest.fixture
def room(room_file: RoomFile, backend: OwnerThreadBackend) -> Iterator[RoomServer]:
    server = RoomServer(backend, "127.0.0.1", 0, push_interval=0.2)
    server.room.ask_name = True
    server.start()
    yield server
    server.stop()


def _wait(driver: Any, condition: Any, timeout: float = 10) -> Any:
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout).until(condition)


def _text_in(element_id: str, text: str) -> Any:
    from selenium.webdriver.common.by import By

    def check(driver: Any) -> bool:
        return text in driver.find_element(By.ID, element_id).text

    return check


def _shot(driver: Any, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(Path(SHOTS) / f"{name}.png"))


def _metrics(driver: Any, height: int) -> None:
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": 360, "height": height, "deviceScaleFactor": 1, "mobile": True},
    )


def _full_shot(driver: Any, name: str) -> None:
    """The whole page at phone width (the viewport grows to the page's height)."""
    if not SHOTS:
        return
    driver.execute_script("window.scrollTo(0, 0)")
    height = driver.execute_script("return document.documentElement.scrollHeight")
    _metrics(driver, max(740, int(height)))
    _shot(driver, name)
    _metrics(driver, 740)


def _load_poll(driver: Any, room: RoomServer, title: str) -> None:
    driver.get(room.join_url)
    _wait(driver, _text_in("poll-title", title))


def test_phone_joins_by_url_and_votes_in_each_method(
    browser_factory: Any, room: RoomServer, backend: OwnerThreadBackend, room_file: RoomFile
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    driver = browser_factory("it")
    polls = room_file.polls
    projector: list[dict[str, Any]] = []  # what the laptop's projector is fed
    room.room.add_results_listener(projector.append)

    # dot voting with a cap of 3: + is disabled at the cap, the server stores 3 + 2
    open_poll(backend, polls["dot"])
    a, b, c = options(backend, polls["dot"])
    _load_poll(driver, room, "Dove mettere i punti?")
    rows = driver.find_elements(By.CSS_SELECTOR, "#options .opt")
    assert len(rows) == 3
    plus_a = rows[0].find_element(By.CSS_SELECTOR, ".plus")
    for _ in range(4):
        if plus_a.is_enabled():
            plus_a.click()
    assert not plus_a.is_enabled()  # the page helps with the cap...
    for _ in range(2):
        rows[1].find_element(By.CSS_SELECTOR, ".plus").click()
    assert "0 di 5" in driver.find_element(By.ID, "ballot-help").text
    _full_shot(driver, "phone-it-dot")
    driver.find_element(By.ID, "vote-button").click()
    _wait(driver, _text_in("ballot-status", "Voto registrato"))
    assert [x["entries"] for x in room_ballots(room_file.path, polls["dot"])] == [
        [[a, 0, 3], [b, 0, 2]]
    ]
    _wait(driver, lambda d: any(p.get("results", {}).get("ballots") == 1 for p in projector))
    fed = next(p for p in projector if p.get("results", {}).get("ballots") == 1)
    assert fed["poll"] == polls["dot"] and fed["visible"] is False  # hidden from phones
    assert [row["score"] for row in fed["results"]["rows"]] == ["3", "2", "0"]
    assert driver.find_element(By.ID, "results").is_displayed() is False
    backend.call(lambda s: s.org.close_poll(polls["dot"]))

    # multi-criteria scoring: every option on every criterion
    open_poll(backend, polls["score"])
    a, b, c = options(backend, polls["score"])
    _load_poll(driver, room, "Valutate le soluzioni")
    scores = {(a, 0): 5, (a, 1): 4, (b, 0): 3, (b, 1): 2, (c, 0): 1, (c, 1): 1}
    for (o, ci), v in scores.items():
        Select(driver.find_element(By.ID, f"s{o}_{ci}")).select_by_value(str(v))
    _full_shot(driver, "phone-it-score")
    driver.find_element(By.ID, "vote-button").click()
    _wait(driver, _text_in("ballot-status", "Voto registrato"))
    stored = room_ballots(room_file.path, polls["score"])
    assert stored[0]["entries"] == sorted([o, ci, v] for (o, ci), v in scores.items())
    backend.call(lambda s: s.org.close_poll(polls["score"]))

    # ranked choice: move the last option to the top with the ↑ buttons
    open_poll(backend, polls["ranked"])
    a, b, c = options(backend, polls["ranked"])
    _load_poll(driver, room, "Mettete in ordine")
    for _ in range(2):
        items = driver.find_elements(By.CSS_SELECTOR, "#options li")
        target = next(i for i in items if "Fondo rotativo" in i.text)
        target.find_element(By.CSS_SELECTOR, ".up").click()
    _full_shot(driver, "phone-it-ranked")
    driver.find_element(By.ID, "vote-button").click()
    _wait(driver, _text_in("ballot-status", "Voto registrato"))
    assert room_ballots(room_file.path, polls["ranked"])[0]["entries"] == sorted(
        [[c, 0, 1], [a, 0, 2], [b, 0, 3]]
    )
    backend.call(lambda s: s.org.close_poll(polls["ranked"]))

    # approval, then a change of mind: the second ballot replaces the first
    open_poll(backend, polls["approval"])
    a, b, c = options(backend, polls["approval"])
    _load_poll(driver, room, "Quali approvate?")
    boxes = driver.find_elements(By.CSS_SELECTOR, "#options input[type=checkbox]")
    boxes[0].click()
    boxes[2].click()
    _full_shot(driver, "phone-it-approval")
    driver.find_element(By.ID, "vote-button").click()
    _wait(driver, _text_in("ballot-status", "Voto registrato"))
    boxes[0].click()
    driver.find_element(By.ID, "vote-button").click()
    _wait(driver, _text_in("ballot-status", "sostituisce"))
    live = [x for x in room_ballots(room_file.path, polls["approval"]) if not x["deleted"]]
    assert [x["entries"] for x in live] == [[[c, 0, 1]]]
    # a reload shows the phone its own ballot
    _load_poll(driver, room, "Quali approvate?")
    boxes = driver.find_elements(By.CSS_SELECTOR, "#options input[type=checkbox]")
    assert [x.is_selected() for x in boxes] == [False, False, True]
    assert "Hai già votato" in driver.find_element(By.ID, "ballot-status").text
    # no script error and no Content-Security-Policy violation on the way
    problems = [
        e["message"] for e in driver.get_log("browser") if e["level"] in ("SEVERE", "WARNING")
    ]
    assert problems == []


def test_phone_sends_an_idea_and_upvotes_in_english(
    browser_factory: Any, room: RoomServer, backend: OwnerThreadBackend, room_file: RoomFile
) -> None:
    from selenium.webdriver.common.by import By

    backend.call(lambda s: s.ask("Quali sfide avete incontrato?"))
    driver = browser_factory("en")
    driver.get(room.join_url)
    _wait(driver, _text_in("idea-target", "Question: Quali sfide"))
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
    driver.find_element(By.ID, "name").send_keys("Hannah")
    driver.find_element(By.CSS_SELECTOR, "#name-form button").click()
    _wait(driver, _text_in("name-status", "Saved"))
    box = driver.find_element(By.ID, "idea-text")
    box.send_keys("Too little time for co-design <b>really</b>")
    driver.find_element(By.CSS_SELECTOR, "#idea-form button").click()
    _wait(driver, _text_in("idea-status", "Sent"))
    _wait(driver, _text_in("my-ideas", "waiting"))
    rows = file_rows(room_file.path, "SELECT id, text, author, status FROM room_ideas")
    assert [r[1:] for r in rows] == [
        ("Too little time for co-design <b>really</b>", "Hannah", "pending")
    ]
    backend.call(lambda s: s.accept(rows[0][0]))
    room.notify_changed()
    _wait(driver, _text_in("wall", "Too little time"))  # pushed over the WebSocket
    assert driver.find_elements(By.CSS_SELECTOR, "#wall b") == []  # text, never markup
    driver.find_element(By.CSS_SELECTOR, "#wall button").click()
    _wait(driver, _text_in("wall", "▲ 1"))
    assert file_rows(room_file.path, "SELECT count(*) FROM room_idea_votes") == [(1,)]
    assert file_rows(room_file.path, "SELECT speaker_name FROM notes") == [("Hannah",)]
    _full_shot(driver, "phone-en-ideas")


def test_page_in_both_languages_for_screenshots(browser_factory: Any, tmp_path: Path) -> None:
    """Each method's page in English and Italian, results revealed (for the screenshots);
    and the join form when the URL has no code."""
    from selenium.webdriver.common.by import By

    for lang in ("en", "it"):
        rf = make_room_file(tmp_path / f"{lang}.workshop", language=lang, hide_results=False)
        with OwnerThreadBackend(rf.path) as backend, RoomServer(backend, "127.0.0.1") as server:
            driver = browser_factory(lang)
            driver.get(server.url + "/")
            _wait(driver, lambda d: d.find_element(By.ID, "join").is_displayed())
            _shot(driver, f"phone-{lang}-join")
            # a wrong code is refused in words; the right one, typed in lower case, joins
            driver.find_element(By.ID, "code").send_keys("zzzzzz\n")
            wrong = "Codice della sala errato" if lang == "it" else "Wrong room code"
            _wait(driver, _text_in("join-status", wrong))
            box = driver.find_element(By.ID, "code")
            box.clear()
            box.send_keys(server.code.lower() + "\n")
            _wait(driver, lambda d: d.find_element(By.ID, "ideas").is_displayed())
            assert driver.current_url.endswith(f"/j/{server.code}")
            for method, title in (
                ("dot", "Dove mettere i punti?"),
                ("score", "Valutate le soluzioni"),
                ("ranked", "Mettete in ordine"),
                ("approval", "Quali approvate?"),
            ):
                open_poll(backend, rf.polls[method])
                _load_poll(driver, server, title)
                assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == lang
                _shot(driver, f"phone-{lang}-{method}-top")
                if method == "dot":  # results are live in this file: vote and see them
                    rows = driver.find_elements(By.CSS_SELECTOR, "#options .opt .plus")
                    for button in (rows[0], rows[0], rows[1]):
                        button.click()
                    driver.find_element(By.ID, "vote-button").click()
                    _wait(driver, lambda d: d.find_element(By.ID, "results").is_displayed())
                    _wait(driver, _text_in("ballot-count", "1"))
                    results = driver.find_element(By.ID, "results")
                    driver.execute_script("arguments[0].scrollIntoView()", results)
                    _shot(driver, f"phone-{lang}-dot-results")
                    # 200 % text: the page must stay usable (nothing clipped sideways)
                    driver.execute_script("document.documentElement.style.fontSize = '225%'")
                    driver.execute_script("window.scrollTo(0, 0)")
                    wide = driver.execute_script(
                        "var out = []; document.querySelectorAll('body *').forEach(function (e) {"
                        "  var r = e.getBoundingClientRect();"
                        "  if (r.width && r.right > 361) { out.push(e.tagName + '#' + e.id + '.' + e.className); }"
                        "}); return out;"
                    )
                    assert wide == []
                    _shot(driver, f"phone-{lang}-dot-200")
                    driver.execute_script("document.documentElement.style.fontSize = ''")
                backend.call(lambda s, p=rf.polls[method]: s.org.close_poll(p))


def test_a_phone_in_another_language_gets_the_workshops(
    browser_factory: Any, tmp_path: Path
) -> None:
    from selenium.webdriver.common.by import By

    rf = make_room_file(tmp_path / "en.workshop", language="en")
    with OwnerThreadBackend(rf.path) as backend, RoomServer(backend, "127.0.0.1") as server:
        open_poll(backend, rf.polls["dot"])
        driver = browser_factory("de")
        _load_poll(driver, server, "Dove mettere i punti?")
        assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
        assert "Dots left" in driver.find_element(By.ID, "ballot-help").text
        # the button switches this phone to Italian, and the server remembers it
        driver.find_element(By.ID, "lang").click()
        _wait(driver, _text_in("ballot-help", "Punti rimasti"))
        assert file_rows(rf.path, "SELECT language FROM room_devices") == [("it",)]
        assert "Voto a punti" in driver.find_element(By.ID, "poll-rules").text


def test_on_a_lost_network_the_page_retries_and_counts_once(
    browser_factory: Any, room: RoomServer, backend: OwnerThreadBackend, room_file: RoomFile
) -> None:
    from selenium.webdriver.common.by import By

    poll = room_file.polls["approval"]
    open_poll(backend, poll)
    a, b, c = options(backend, poll)
    driver = browser_factory("it")
    _load_poll(driver, room, "Quali approvate?")
    driver.find_elements(By.CSS_SELECTOR, "#options input[type=checkbox]")[1].click()
    driver.execute_cdp_cmd("Network.enable", {})
    offline = {"offline": True, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1}
    driver.execute_cdp_cmd("Network.emulateNetworkConditions", offline)
    driver.find_element(By.ID, "vote-button").click()
    _wait(driver, _text_in("ballot-status", "nuovo tentativo"))
    assert "registrato" not in driver.find_element(By.ID, "ballot-status").text
    assert room_ballots(room_file.path, poll) == []
    online = {**offline, "offline": False}
    driver.execute_cdp_cmd("Network.emulateNetworkConditions", online)
    _wait(driver, _text_in("ballot-status", "Voto registrato"), timeout=20)
    assert [x["entries"] for x in room_ballots(room_file.path, poll)] == [[[b, 0, 1]]]
