#!/usr/bin/env python3
"""Draws the sample site's picture of a treatment room, static/assets/treatment-room.png (960×540), with the Python
standard library only: flat shapes on a canvas twice the size, averaged down for smooth edges, written as a PNG.
Deterministic: the same bytes every run. Run from anywhere; it writes into the repository."""
import pathlib
import struct
import zlib

SCALE = 2
WIDTH, HEIGHT = 960, 540
W, H = WIDTH * SCALE, HEIGHT * SCALE
canvas = [bytearray(W * 3) for _ in range(H)]


def rgb(hex_colour):
    hex_colour = hex_colour.lstrip("#")
    return bytes(int(hex_colour[i:i + 2], 16) for i in (0, 2, 4))


def span(y, x0, x1, colour):
    """Fills row y from x0 to x1 (canvas pixels, x1 excluded)."""
    if not 0 <= y < H:
        return
    x0, x1 = max(0, int(round(x0))), min(W, int(round(x1)))
    if x1 > x0:
        canvas[y][x0 * 3:x1 * 3] = colour * (x1 - x0)


def rect(x0, y0, x1, y1, colour):
    colour = rgb(colour)
    for y in range(int(y0 * SCALE), int(y1 * SCALE)):
        span(y, x0 * SCALE, x1 * SCALE, colour)


def ellipse(cx, cy, rx, ry, colour, clip=None):
    colour = rgb(colour)
    cx, cy, rx, ry = cx * SCALE, cy * SCALE, rx * SCALE, ry * SCALE
    for y in range(int(cy - ry), int(cy + ry) + 1):
        d = 1 - ((y + 0.5 - cy) / ry) ** 2
        if d <= 0:
            continue
        half = rx * d ** 0.5
        x0, x1 = cx - half, cx + half
        if clip:
            if not clip[1] * SCALE <= y < clip[3] * SCALE:
                continue
            x0, x1 = max(x0, clip[0] * SCALE), min(x1, clip[2] * SCALE)
        span(y, x0, x1, colour)


def polygon(points, colour):
    """Even-odd scanline fill of a closed polygon given in picture pixels."""
    colour = rgb(colour)
    points = [(x * SCALE, y * SCALE) for x, y in points]
    ys = [p[1] for p in points]
    for y in range(int(min(ys)), int(max(ys)) + 1):
        yc = y + 0.5
        crossings = []
        for (xa, ya), (xb, yb) in zip(points, points[1:] + points[:1]):
            if (ya <= yc < yb) or (yb <= yc < ya):
                crossings.append(xa + (yc - ya) * (xb - xa) / (yb - ya))
        crossings.sort()
        for x0, x1 in zip(crossings[0::2], crossings[1::2]):
            span(y, x0, x1, colour)


def rounded(x0, y0, x1, y1, r, colour):
    rect(x0 + r, y0, x1 - r, y1, colour)
    rect(x0, y0 + r, x1, y1 - r, colour)
    for cx, cy in ((x0 + r, y0 + r), (x1 - r, y0 + r), (x0 + r, y1 - r), (x1 - r, y1 - r)):
        ellipse(cx, cy, r, r, colour)


# The room: wall, skirting, wooden floor with planks, a rug.
rect(0, 0, WIDTH, 380, "#eef3f0")
rect(0, 372, WIDTH, 384, "#dfe7e3")
rect(0, 384, WIDTH, HEIGHT, "#d2b48c")
for i, y in enumerate(range(400, HEIGHT, 26)):
    rect(0, y, WIDTH, y + 2, "#c4a57c")
    for x in range((i * 170) % 340 - 340, WIDTH, 340):
        rect(x, y, x + 2, y + 26, "#c4a57c")
ellipse(400, 470, 300, 48, "#e6f2ef")
ellipse(400, 470, 270, 38, "#d5ebe6")

# The window, its view of hills, and a curtain.
rect(586, 70, 866, 320, "#ffffff")
for y in range(82, 308):
    t = (y - 82) / 226
    colour = "#%02x%02x%02x" % (int(0xbf + t * (0xea - 0xbf)), int(0xe3 + t * (0xf6 - 0xe3)), int(0xf2 + t * (0xfb - 0xf2)))
    rect(598, y, 854, y + 1, colour)
ellipse(660, 330, 170, 80, "#a7d3a4", clip=(598, 82, 854, 308))
ellipse(820, 340, 160, 95, "#86bf85", clip=(598, 82, 854, 308))
ellipse(790, 130, 26, 26, "#fff6d5")
rect(722, 82, 730, 308, "#ffffff")
rect(598, 190, 854, 198, "#ffffff")
rect(556, 56, 896, 64, "#8a6d4b")
polygon([(560, 64), (604, 64), (596, 330), (548, 330)], "#0f5e5a")
polygon([(848, 64), (892, 64), (904, 330), (856, 330)], "#0f5e5a")

# A framed picture on the wall.
rect(90, 110, 230, 210, "#8a6d4b")
rect(98, 118, 222, 202, "#f7efe2")
ellipse(140, 175, 34, 22, "#e8b07a")
ellipse(185, 160, 28, 34, "#7fb8b0")

# The infusion pole with its bag.
rect(496, 120, 502, 446, "#9aa7a4")
rect(470, 442, 528, 450, "#9aa7a4")
rounded(480, 132, 518, 190, 8, "#dceff5")
rect(498, 190, 500, 300, "#b8c6c3")
rect(490, 116, 508, 122, "#9aa7a4")

# The recliner: back, seat, footrest and arm.
polygon([(170, 208), (236, 196), (300, 380), (226, 392)], "#2f7f7a")
rounded(196, 330, 430, 404, 22, "#2f7f7a")
polygon([(400, 344), (540, 372), (534, 404), (396, 396)], "#2f7f7a")
rounded(232, 308, 392, 336, 14, "#3d938d")
rect(232, 404, 244, 440, "#5b4a3a")
rect(386, 404, 398, 440, "#5b4a3a")
rounded(178, 214, 232, 250, 14, "#e6f2ef")

# A side table with a cup, and a plant in a pot.
rect(600, 352, 690, 362, "#8a6d4b")
rect(608, 362, 616, 440, "#8a6d4b")
rect(674, 362, 682, 440, "#8a6d4b")
rounded(630, 330, 652, 352, 4, "#ffffff")
polygon([(770, 416), (834, 416), (824, 476), (780, 476)], "#d98c5f")
for cx, cy, rx, ry in ((790, 380, 18, 44), (815, 372, 16, 52), (780, 404, 34, 14), (826, 398, 30, 16), (802, 356, 12, 36)):
    ellipse(cx, cy, rx, ry, "#3e8e5e")

# Down to picture size: each pixel the average of its 2×2 block.
rows = []
for y in range(HEIGHT):
    top, bottom = canvas[2 * y], canvas[2 * y + 1]
    row = bytearray(WIDTH * 3)
    for x in range(WIDTH):
        i = 6 * x
        for c in range(3):
            row[3 * x + c] = (top[i + c] + top[i + 3 + c] + bottom[i + c] + bottom[i + 3 + c] + 2) // 4
    rows.append(bytes(row))


def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


# Each row filtered by "Up" (type 2): rows repeat a lot in flat drawings.
raw = bytearray()
previous = bytes(WIDTH * 3)
for row in rows:
    raw.append(2)
    raw.extend((a - b) & 0xFF for a, b in zip(row, previous))
    previous = row
png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", WIDTH, HEIGHT, 8, 2, 0, 0, 0)) \
    + chunk(b"IDAT", zlib.compress(bytes(raw), 9)) + chunk(b"IEND", b"")
out = pathlib.Path(__file__).resolve().parent.parent / "static" / "assets" / "treatment-room.png"
out.parent.mkdir(parents=True, exist_ok=True)
out.write_bytes(png)
print(f"wrote {out.relative_to(out.parent.parent.parent)} ({len(png)} bytes, {WIDTH}x{HEIGHT})")
