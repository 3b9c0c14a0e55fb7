"""What the projector shows to let phones in: the join URL (with the IP address: Android
does not resolve ``.local`` names), the room code, a QR code of the URL with the code, and
optionally a Wi-Fi QR code (``WIFI:`` payload) for the venue network or the hotspot.

Qt-free data for the window's join screen; QR codes are made by segno (pure Python).
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import segno

ADVICE = {
    "it": "Restate su questa rete Wi-Fi. Se la pagina non si apre, spegnete i dati mobili.",
    "en": "Stay on this Wi-Fi network. If the page does not load, switch mobile data off.",
}
PARTICIPANTS_ADVICE = {  # the participants' mode: join codes on the badges
    "it": "Poi scegliete il vostro nome e scrivete il codice del vostro cartellino.",
    "en": "Then pick your name and type the code on your badge.",
}


def _wifi_escape(value: str) -> str:
    for ch in ("\\", ";", ",", ":", '"'):
        value = value.replace(ch, "\\" + ch)
    return value


def wifi_payload(ssid: str, password: str = "", security: str = "WPA", hidden: bool = False) -> str:
    """The ``WIFI:`` text phone cameras understand (ZXing's format)."""
    if not ssid:
        raise ValueError("a Wi-Fi network needs a name (SSID)")
    security = security.upper() if password else "nopass"
    if security not in ("WPA", "WEP", "nopass"):
        raise ValueError(f"unknown Wi-Fi security {security!r}: WPA, WEP or none")
    parts = [f"T:{security}", f"S:{_wifi_escape(ssid)}"]
    if password:
        parts.append(f"P:{_wifi_escape(password)}")
    if hidden:
        parts.append("H:true")
    return "WIFI:" + ";".join(parts) + ";;"


def qr_svg(payload: str, scale: int = 8, dark: str = "#000", light: str = "#fff") -> str:
    buf = io.BytesIO()
    segno.make(payload, error="m", micro=False).save(
        buf, kind="svg", scale=scale, dark=dark, light=light, xmldecl=False
    )
    return buf.getvalue().decode("utf-8")


def qr_png(payload: str, scale: int = 10) -> bytes:
    buf = io.BytesIO()
    segno.make(payload, error="m", micro=False).save(buf, kind="png", scale=scale, border=4)
    return buf.getvalue()


def qr_text(payload: str) -> str:
    """The QR code drawn with block characters, for a terminal."""
    buf = io.StringIO()
    segno.make(payload, error="l", micro=False).terminal(out=buf, compact=True)
    return buf.getvalue()


@dataclass(frozen=True)
class JoinScreen:
    """Everything the projector's join screen shows."""

    url: str  # http://192.168.1.20:8765/j/ABC123
    base_url: str  # http://192.168.1.20:8765 (to type, with the code)
    code: str
    advice: str
    qr_svg: str
    wifi_ssid: str = ""
    wifi_qr_svg: str = ""

    @classmethod
    def build(
        cls,
        base_url: str,
        code: str,
        language: str = "it",
        wifi_ssid: str = "",
        wifi_password: str = "",
        participants: bool = False,
    ) -> JoinScreen:
        url = f"{base_url}/j/{code}"
        advice = ADVICE.get(language, ADVICE["en"])
        if participants:
            advice += " " + PARTICIPANTS_ADVICE.get(language, PARTICIPANTS_ADVICE["en"])
        wifi = qr_svg(wifi_payload(wifi_ssid, wifi_password)) if wifi_ssid else ""
        return cls(
            url=url,
            base_url=base_url,
            code=code,
            advice=advice,
            qr_svg=qr_svg(url),
            wifi_ssid=wifi_ssid,
            wifi_qr_svg=wifi,
        )
