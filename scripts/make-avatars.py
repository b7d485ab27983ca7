#!/usr/bin/env python3
"""Draws the sample site's portraits of its invented team, static/assets/people/<key>.png (320×320): a head and
shoulders in flat colours on a round tinted background, one palette per person. Python standard library only, drawn on
a canvas twice the size and averaged down for smooth edges. Deterministic: the same bytes every run. Run from anywhere;
it writes into the repository."""
import pathlib
import struct
import zlib

SCALE = 2
SIZE = 320
N = SIZE * SCALE

# key: (background, skin, hair, clothes, collar)
PEOPLE = {
    "priya-raman": ("#d7ebe6", "#b07a55", "#2b1d16", "#2f6f63", "#ffffff"),
    "dana-whitfield": ("#e8e1f1", "#f0c8a8", "#a8662e", "#5b4b8a", "#f3eef9"),
    "marcus-lee": ("#f3e6d3", "#d9a77c", "#1c1c1c", "#2e5d8a", "#dbe9f5"),
}


def rgb(hex_colour):
    hex_colour = hex_colour.lstrip("#")
    return tuple(int(hex_colour[i:i + 2], 16) for i in (0, 2, 4))


def draw(background, skin, hair, clothes, collar):
    white = (255, 255, 255)
    canvas = [[white] * N for _ in range(N)]

    def inside_ellipse(x, y, cx, cy, rx, ry):
        return ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1

    c = N / 2
    for y in range(N):
        for x in range(N):
            px, py = x + 0.5, y + 0.5
            if not inside_ellipse(px, py, c, c, c, c):
                continue
            colour = rgb(background)
            # Shoulders: a wide ellipse cut by the circle.
            if inside_ellipse(px, py, c, N * 1.02, N * 0.42, N * 0.36):
                colour = rgb(clothes)
                # A V-shaped collar under the chin.
                if abs(px - c) < (py - N * 0.70) * 0.55 and py < N * 0.86:
                    colour = rgb(collar)
            # Neck.
            if abs(px - c) < N * 0.075 and N * 0.52 < py < N * 0.72 and abs(px - c) > (py - N * 0.70) * 0.55:
                colour = rgb(skin)
            # Hair behind the head, then the face.
            if inside_ellipse(px, py, c, N * 0.40, N * 0.205, N * 0.215):
                colour = rgb(hair)
            if inside_ellipse(px, py, c, N * 0.43, N * 0.165, N * 0.195) and py > N * 0.30:
                colour = rgb(skin)
            canvas[y][x] = colour
    return canvas


def png(canvas):
    raw = bytearray()
    for y in range(SIZE):
        raw.append(0)
        for x in range(SIZE):
            pixels = [canvas[y * SCALE + dy][x * SCALE + dx] for dy in range(SCALE) for dx in range(SCALE)]
            raw += bytes(sum(p[i] for p in pixels) // len(pixels) for i in range(3))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", SIZE, SIZE, 8, 2, 0, 0, 0)) \
        + chunk(b"IDAT", zlib.compress(bytes(raw), 9)) + chunk(b"IEND", b"")


folder = pathlib.Path(__file__).resolve().parent.parent / "static" / "assets" / "people"
folder.mkdir(parents=True, exist_ok=True)
for key, palette in PEOPLE.items():
    data = png(draw(*palette))
    out = folder / f"{key}.png"
    out.write_bytes(data)
    print(f"wrote static/assets/people/{key}.png ({len(data)} bytes, {SIZE}x{SIZE})")
