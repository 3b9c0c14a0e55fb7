"""Images a user might provide, drawn here (no file is shipped): a logo and an EU-style
emblem (twelve gold stars in a circle on blue)."""

from __future__ import annotations

import io
import math

from PIL import Image, ImageDraw


def logo_png() -> bytes:
    img = Image.new("RGB", (600, 200), "white")
    draw = ImageDraw.Draw(img)
    draw.rectangle((10, 10, 190, 190), fill=(31, 58, 95))
    draw.ellipse((60, 60, 140, 140), fill="white")
    draw.rectangle((220, 80, 580, 120), fill=(31, 58, 95))
    out = io.BytesIO()
    img.save(out, "PNG")
    return out.getvalue()


def emblem_png() -> bytes:
    img = Image.new("RGB", (450, 300), (0, 51, 153))
    draw = ImageDraw.Draw(img)
    cx, cy, r = 225, 150, 100
    for k in range(12):
        a = 2 * math.pi * k / 12
        x, y = cx + r * math.sin(a), cy - r * math.cos(a)
        points = []
        for j in range(10):
            b = math.pi * j / 5
            rr = 16 if j % 2 == 0 else 6.5
            points.append((x + rr * math.sin(b), y - rr * math.cos(b)))
        draw.polygon(points, fill=(255, 204, 0))
    out = io.BytesIO()
    img.save(out, "JPEG", quality=92)
    return out.getvalue()
