#!/usr/bin/env python3
"""Draws the sample content's two original pictures, with nothing but the standard library.

    python3 docs/sample-pictures.py

writes content/logo.png (the fictional clinic's logo: a leaf on a teal badge) and
content/microneedling/images/healing-strip.png (four panels of treated skin settling down over two
weeks). Shapes are drawn from signed distances, so edges are smooth without supersampling. The
pictures have no words in them: the alt text and caption say what they show, in each language.
"""

import math
import os
import struct
import zlib

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "content")


def png(path, width, height, rows, alpha=False):
    """Writes 8-bit `rows` (lists of (r, g, b), or (r, g, b, a) with `alpha`) as a PNG."""
    raw = b"".join(b"\0" + bytes(c for px in row for c in px) for row in rows)
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 6 if alpha else 2, 0, 0, 0))
    data += chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


def mix(a, b, t):
    t = max(0.0, min(1.0, t))
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b))


def cover(d):
    """Coverage of a pixel whose centre is `d` pixels outside a shape's edge."""
    return max(0.0, min(1.0, 0.5 - d))


def rounded_rect(x, y, cx, cy, hw, hh, r):
    qx, qy = abs(x - cx) - hw + r, abs(y - cy) - hh + r
    return math.hypot(max(qx, 0.0), max(qy, 0.0)) + min(max(qx, qy), 0.0) - r


def ellipse(x, y, cx, cy, a, b):
    return (math.hypot((x - cx) / a, (y - cy) / b) - 1.0) * min(a, b)


def circle(x, y, cx, cy, r):
    return math.hypot(x - cx, y - cy) - r


TEAL = (11, 85, 99)
WHITE = (255, 255, 255)
PAGE = (255, 255, 255)


def logo():
    size = 240
    rows = []
    for py in range(size):
        row = []
        for px in range(size):
            x, y = px + 0.5, py + 0.5
            # Outside the badge is transparent, so the logo sits on any background.
            badge = cover(rounded_rect(x, y, 120, 120, 116, 116, 44))
            c = TEAL
            # The leaf: the overlap of two circles, tilted 45 degrees, with a stem and a vein.
            u, v = ((x - 120) + (y - 120)) / math.sqrt(2), ((x - 120) - (y - 120)) / math.sqrt(2)
            leaf = max(circle(u, v, 0, -52, 88), circle(u, v, 0, 52, 88))
            c = mix(c, WHITE, cover(leaf))
            vein = max(abs(v) - 3.5, abs(u + 8) - 56)
            c = mix(c, TEAL, cover(vein))
            stem = max(abs(v) - 4.5, -(u + 62), u + 92)
            c = mix(c, WHITE, cover(stem))
            row.append(c + (round(255 * badge),))
        rows.append(row)
    png(os.path.join(ROOT, "logo.png"), size, size, rows, alpha=True)


SKIN = (238, 200, 170)
# Day 1, days 2-3, days 4-7, week 2: red like a sunburn, then pink, then dry and flaking, then calm.
STAGES = [
    ((222, 110, 100), 0.95, "dots"),
    ((229, 150, 135), 0.8, None),
    ((232, 178, 155), 0.55, "flakes"),
    ((236, 192, 165), 0.25, None),
]


def strip():
    width, height, gap = 1200, 330, 24
    panel = (width - 3 * gap) / 4
    rows = []
    for py in range(height):
        row = []
        for px in range(width):
            x, y = px + 0.5, py + 0.5
            i = min(3, int(x // (panel + gap)))
            left = i * (panel + gap)
            cx, cy = left + panel / 2, height / 2
            c = PAGE
            inside = cover(rounded_rect(x, y, cx, cy, panel / 2, height / 2 - 2, 26))
            c = mix(c, SKIN, inside)
            tint, strength, texture = STAGES[i]
            area = ellipse(x, y, cx, cy, panel * 0.36, height * 0.32)
            # A soft edge: the redness fades out over a dozen pixels.
            fade = max(0.0, min(1.0, 0.5 - area / 14.0))
            c = mix(c, tint, fade * strength * inside)
            if texture == "dots" and area < 0:
                # Tiny pinpoint marks in a loose grid, as the needles leave them on day 1.
                gx, gy = (x - cx) % 22 - 11, (y - cy + 7 * ((x - cx) // 22 % 2)) % 22 - 11
                c = mix(c, (190, 80, 78), cover(math.hypot(gx, gy) - 2.2))
            if texture == "flakes" and area < 0:
                gx, gy = (x - cx + 5) % 31 - 15.5, (y - cy + 11 * ((x - cx + 5) // 31 % 2)) % 27 - 13.5
                flake = ellipse(gx, gy, 0, 0, 6.5, 3.0)
                c = mix(c, (248, 232, 220), cover(flake))
            row.append(c)
        rows.append(row)
    png(os.path.join(ROOT, "microneedling", "images", "healing-strip.png"), width, height, rows)


if __name__ == "__main__":
    logo()
    strip()
