"""Times: stored as UTC ISO-8601 strings, shown in the venue's time zone (an IANA name
stored in the workshop), whatever the zone of the laptop that shows them."""

from __future__ import annotations

import datetime as dt
import os
import time
import zoneinfo


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def to_iso(value: dt.datetime) -> str:
    if value.tzinfo is None:
        raise ValueError("naive datetime: store aware UTC times only")
    return value.astimezone(dt.UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


def from_iso(text: str | None) -> dt.datetime | None:
    if not text:
        return None
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))


def date_from_iso(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def time_from_text(text: str | None) -> dt.time | None:
    if not text:
        return None
    return dt.time.fromisoformat(text)


def time_to_text(value: dt.time | None) -> str | None:
    return value.strftime("%H:%M") if value is not None else None


def add_minutes(value: dt.time, minutes: int) -> dt.time:
    start = dt.datetime.combine(dt.date(2000, 1, 1), value)
    return (start + dt.timedelta(minutes=minutes)).time()


def valid_zone(name: str) -> bool:
    """Is ``name`` an IANA time zone this machine knows ("Europe/Rome")?"""
    if not name or name != name.strip() or name.startswith("/") or ".." in name:
        return False
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
        return False
    return True


def zone(name: str) -> dt.tzinfo:
    """The tzinfo of an IANA zone name; "" (a file from before zones were stored) or an
    unknown name is the machine's own zone, as such files were always shown."""
    if valid_zone(name):
        return zoneinfo.ZoneInfo(name)
    local = local_zone_name()
    if local != "UTC" and valid_zone(local):
        return zoneinfo.ZoneInfo(local)
    return dt.UTC if local == "UTC" else (dt.datetime.now().astimezone().tzinfo or dt.UTC)


def local_zone_name() -> str:
    """The IANA name of this machine's zone (the ``TZ`` variable, ``/etc/localtime``,
    ``/etc/timezone``); "UTC" when none can be found."""
    env = os.environ.get("TZ", "").lstrip(":")
    if env and valid_zone(env):
        return env
    try:
        target = os.path.realpath("/etc/localtime")
    except OSError:
        target = ""
    marker = "zoneinfo" + os.sep
    if marker in target:
        name = target.split(marker, 1)[1]
        name = name.removeprefix("posix" + os.sep).removeprefix("right" + os.sep)
        if valid_zone(name):
            return "UTC" if name in ("Etc/UTC", "Etc/UCT", "UCT", "Zulu", "Etc/Zulu") else name
    try:
        with open("/etc/timezone", encoding="utf-8") as fh:
            name = fh.read().strip()
        if valid_zone(name):
            return name
    except OSError:
        pass
    return _windows_zone() or "UTC"


def _windows_zone() -> str:
    """On Windows: the IANA name of the zone Windows reports (a few common ones)."""
    if os.name != "nt":
        return ""
    names = {
        "W. Europe Standard Time": "Europe/Berlin",
        "Romance Standard Time": "Europe/Paris",
        "Central Europe Standard Time": "Europe/Budapest",
        "Central European Standard Time": "Europe/Warsaw",
        "GTB Standard Time": "Europe/Athens",
        "E. Europe Standard Time": "Europe/Chisinau",
        "FLE Standard Time": "Europe/Kiev",
        "GMT Standard Time": "Europe/London",
        "Greenwich Standard Time": "Atlantic/Reykjavik",
        "UTC": "UTC",
    }
    return names.get(time.tzname[0], "")
