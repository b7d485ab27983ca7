#!/usr/bin/env python3
"""End-to-end test of `clinicpress serve` in a real browser (headless Chromium, driven over the DevTools protocol).

It copies the sample site to a temporary folder, starts the preview server and Chromium, opens a post, then edits
the post file the way an editor saves (write a temporary file, rename it over the post) and measures how long the
open page takes to show the new text without any reload from the test. It also checks that a broken post shows
its diagnostic in the browser and that fixing it brings the page back, and that the editor overlays (claim
highlights, pending comments, draft badge) are there.

It also takes a screenshot of a post with a lead picture, a byline with the writer's and the medical reviewer's
credentials, and a video embed, at 1200 pixels wide, and checks in the screenshot's own pixels that the picture and the
review badge were painted where the page says they are (`--screenshot FILE` keeps it).

Usage: python3 scripts/browser-test.py [--runs N] [--binary .build/debug/clinicpress] [--screenshot FILE]
Needs: chromium (Debian package) and websocket-client (PyPI); `make test` installs both.
"""
import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
import zlib

import websocket  # websocket-client

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
POST = "Posts/2026-09-22-ketamine-for-depression-how-it-works-pt-2.md"
POST_URL = "/posts/ketamine-for-depression-how-it-works-pt-2/"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(predicate, timeout, what):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.005)
    raise AssertionError(f"timed out after {timeout} s waiting for {what}")


class Browser:
    """A minimal DevTools protocol client: one page, commands and their answers."""

    def __init__(self, port, profile):
        self.process = subprocess.Popen(
            ["chromium", "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
             f"--remote-debugging-port={port}", f"--user-data-dir={profile}", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        targets = wait_for(lambda: self._targets(port), 30, "Chromium's DevTools endpoint")
        page = next(t for t in targets if t.get("type") == "page")
        self.socket = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=10)
        self.next_id = 0
        self.command("Page.enable")
        self.command("Runtime.enable")

    @staticmethod
    def _targets(port):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=1) as response:
                targets = json.load(response)
                return targets if any(t.get("type") == "page" for t in targets) else None
        except OSError:
            return None

    def command(self, method, **params):
        self.next_id += 1
        ident = self.next_id
        self.socket.send(json.dumps({"id": ident, "method": method, "params": params}))
        while True:
            message = json.loads(self.socket.recv())
            if message.get("id") == ident:
                if "error" in message:
                    raise AssertionError(f"{method}: {message['error']}")
                return message.get("result", {})

    def evaluate(self, expression):
        """The expression's value; None while the page is being replaced (a live reload or a navigation can land
        between sending the expression and its answer: the next poll asks the new page)."""
        try:
            result = self.command("Runtime.evaluate", expression=expression, returnByValue=True)
        except AssertionError as error:
            if "navigated or closed" in str(error) or "Cannot find context" in str(error):
                return None
            raise
        return result.get("result", {}).get("value")

    def text(self):
        return self.evaluate("document.body ? document.body.innerText : ''") or ""

    def close(self):
        try:
            self.socket.close()
        finally:
            self.process.terminate()
            self.process.wait(timeout=10)


def png_pixels(data):
    """Width, height and rows of (r, g, b) of an 8-bit, non-interlaced RGB or RGBA PNG (what Chromium writes)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "the screenshot is not a PNG"
    offset, idat, header = 8, b"", None
    while offset < len(data):
        length = int.from_bytes(data[offset:offset + 4], "big")
        kind, body = data[offset + 4:offset + 8], data[offset + 8:offset + 8 + length]
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            idat += body
        offset += 12 + length
    width, height = int.from_bytes(header[0:4], "big"), int.from_bytes(header[4:8], "big")
    depth, colour, interlace = header[8], header[9], header[12]
    assert depth == 8 and colour in (2, 6) and interlace == 0, f"unexpected PNG format {depth}/{colour}/{interlace}"
    channels = 4 if colour == 6 else 3
    raw, stride, rows, previous = zlib.decompress(idat), width * channels, [], bytearray(width * channels)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b, c = previous[i], previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + a) & 255
            elif kind == 2:
                line[i] = (line[i] + b) & 255
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append([tuple(line[x * channels:x * channels + 3]) for x in range(width)])
        previous = line
    return width, height, rows


def screenshot_post(browser, base, keep):
    """A post with a lead picture, the byline and a video embed, photographed at 1200 px wide; the picture and the
    review badge must be painted where the page lays them out."""
    browser.command("Emulation.setDeviceMetricsOverride", width=1200, height=900, deviceScaleFactor=1, mobile=False)
    browser.command("Page.navigate", url=base + "/posts/ketamine-for-depression-how-it-works-pt-1/")
    picture = "document.querySelector('.post-image img')"
    wait_for(lambda: browser.evaluate(f"!!{picture} && {picture}.complete && {picture}.naturalWidth") == 960, 10, "the lead picture")
    # The preview's findings panel floats over the page: hidden, the screenshot shows what readers see.
    browser.evaluate("document.querySelectorAll('.cp-panel').forEach(p => p.style.display = 'none')")
    byline = browser.evaluate("(document.querySelector('.byline') || {}).innerText || ''")
    assert "Written by Priya Raman, MD" in byline and "Medically reviewed by Dana Whitfield, PMHNP-BC" in byline, f"the byline reads {byline!r}"
    rects = browser.evaluate("""JSON.stringify(['.post-image img', '.byline .review-badge', '.video-embed .video-frame'].map(s => {
        const r = document.querySelector(s).getBoundingClientRect();
        return [r.left + scrollX, r.top + scrollY, r.width, r.height]; }))""")
    (image, badge, frame) = json.loads(rects)
    height = int(frame[1] + frame[3] + 20)
    shot = browser.command("Page.captureScreenshot", format="png", captureBeyondViewport=True,
                           clip={"x": 0, "y": 0, "width": 1200, "height": height, "scale": 1})
    import base64
    data = base64.b64decode(shot["data"])
    if keep:
        with open(keep, "wb") as handle:
            handle.write(data)
    width, shot_height, rows = png_pixels(data)
    assert (width, shot_height) == (1200, height), f"the screenshot is {width}x{shot_height}, not 1200x{height}"

    def pixel(rect, fx, fy):
        return rows[int(rect[1] + rect[3] * fy)][int(rect[0] + rect[2] * fx)]
    # The picture as painted matches the file, point by point (scaled, so colours may differ slightly at shapes' edges).
    with open(os.path.join(ROOT, "static/assets/treatment-room.png"), "rb") as handle:
        source_width, source_height, source = png_pixels(handle.read())
    points = [(fx, fy) for fx in (0.1, 0.25, 0.4, 0.55, 0.7, 0.85) for fy in (0.15, 0.4, 0.65, 0.9)]
    matching = sum(1 for fx, fy in points
                   if max(abs(a - b) for a, b in zip(pixel(image, fx, fy), source[int(source_height * fy)][int(source_width * fx)])) <= 24)
    assert matching >= len(points) - 2, f"the lead picture as painted matches the file at {matching} of {len(points)} points"
    # The review badge's tinted background, and the video frame's dark one (or the player's page).
    badge_colour = pixel(badge, 0.97, 0.5)
    assert badge_colour != (255, 255, 255) and max(badge_colour) - min(badge_colour) < 60, f"the review badge is {badge_colour}"
    assert pixel(frame, 0.02, 0.02) != (255, 255, 255) or pixel(frame, 0.5, 0.5) != (255, 255, 255), "the video frame is blank"
    browser.command("Emulation.clearDeviceMetricsOverride")
    return width, height


def copy_sample_site(work):
    """The repository's sample site (settings, references, people, posts with comments, pages, templates, static files),
    copied into `work/site`."""
    site = os.path.join(work, "site")
    os.makedirs(site)
    for name in ["site.yaml", "references.yaml", "people.yaml"]:
        shutil.copy(os.path.join(ROOT, name), site)
    for name in ["Posts", "Pages", "Templates", "static"]:
        shutil.copytree(os.path.join(ROOT, name), os.path.join(site, name))
    return site


def save_like_an_editor(path, text):
    temporary = os.path.join(os.path.dirname(path), "." + os.path.basename(path) + ".swp-save")
    with open(temporary, "w", encoding="utf-8") as handle:
        handle.write(text)
    os.replace(temporary, path)


def check_host_header(port):
    """DNS rebinding: a request naming another host is refused (403); the loopback names are answered."""
    import http.client
    for host, expected in [(f"127.0.0.1:{port}", 200), (f"localhost:{port}", 200), ("evil.example", 403),
                           (f"evil.example:{port}", 403), (f"127.0.0.1.evil.example:{port}", 403)]:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        connection.putrequest("GET", "/", skip_host=True)
        connection.putheader("Host", host)
        connection.endheaders()
        response = connection.getresponse()
        body = response.read()
        connection.close()
        assert response.status == expected, f"Host: {host} got {response.status}, expected {expected}"
        if expected == 403:
            assert b"<html" not in body, f"Host: {host} got the site"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build/debug/clinicpress"))
    parser.add_argument("--screenshot", help="keep the post's screenshot in this PNG file")
    args = parser.parse_args()

    work = tempfile.mkdtemp(prefix="clinicpress-browser-")
    site = copy_sample_site(work)

    port = free_port()
    server = subprocess.Popen([args.binary, "serve", "--site", site, "--port", str(port)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    browser = None
    try:
        ready = server.stdout.readline()
        assert ready.startswith("Previewing"), f"the server did not start: {ready!r} {server.stderr.read() if server.poll() is not None else ''}"
        base = f"http://127.0.0.1:{port}"
        check_host_header(port)
        browser = Browser(free_port(), os.path.join(work, "profile"))

        # Overlays: claim highlights, the review panel (scripts/preview-panel-test.py tests it closely), pending comments, draft badge.
        browser.command("Page.navigate", url=base + "/posts/iv-vitamin-and-nad-therapy/")
        wait_for(lambda: browser.evaluate("document.querySelector('#cp-review') !== null"), 10, "the review panel")
        marks = browser.evaluate("document.querySelectorAll('mark.cp-claim').length")
        rule = browser.evaluate("(document.querySelector('.cp-entry') || {dataset: {}}).dataset.rule || ''")
        assert marks and marks > 0, "no claim is highlighted on the IV therapy post"
        assert rule.startswith("uncited-"), f"the first finding's rule is {rule!r}"
        browser.command("Page.navigate", url=base + "/posts/anxiety-treatment-options-with-and-without-medication/")
        wait_for(lambda: "Pending — not published" in browser.text(), 10, "the pending comment")
        browser.command("Page.navigate", url=base + "/posts/new-evening-hours-and-telehealth-visits/")
        wait_for(lambda: "Draft — not published" in browser.text(), 10, "the draft badge")

        # A picture of static/ and a video embed: the picture is served, decoded and shown at its proportions (its
        # width and height are written into the page); the video sits in a 16:9 frame from the no-cookie domain.
        browser.command("Page.navigate", url=base + POST_URL)
        picture = "document.querySelector('.post-body img[src=\"/assets/treatment-room.png\"]')"
        wait_for(lambda: browser.evaluate(f"{picture} !== null"), 10, "the picture on the post")
        browser.evaluate(f"{picture}.scrollIntoView()")
        wait_for(lambda: browser.evaluate(f"{picture}.complete && {picture}.naturalWidth") == 960, 10, "the picture from static/ to load")
        shape = browser.evaluate(f"(() => {{ const r = {picture}.getBoundingClientRect(); return r.width / r.height; }})()")
        assert abs(shape - 960 / 540) < 0.02, f"the picture is shown at {shape:.3f}:1, not 16:9"
        browser.command("Page.navigate", url=base + "/posts/ketamine-for-depression-how-it-works-pt-1/")
        frame = "document.querySelector('.video-embed .video-frame iframe')"
        wait_for(lambda: browser.evaluate(f"{frame} !== null"), 10, "the video embed")
        # Measured once the stylesheet applies (before it, an iframe is 300x150).
        wait_for(lambda: browser.evaluate("document.readyState") == "complete", 10, "the page to load")
        shape = browser.evaluate(f"(() => {{ const r = {frame}.getBoundingClientRect(); return r.width / r.height; }})()")
        source = browser.evaluate(f"{frame}.src")
        assert abs(shape - 16 / 9) < 0.02, f"the video frame is {shape:.3f}:1, not 16:9"
        assert source.startswith("https://www.youtube-nocookie.com/embed/"), f"the video plays from {source}"

        # A screenshot of a post with a picture, the byline and a video embed.
        shot = screenshot_post(browser, base, args.screenshot)

        # Live reload: edit the post file, wait for the open page to show the new text by itself.
        browser.command("Page.navigate", url=base + POST_URL)
        wait_for(lambda: "Step 1: Your consultation" in browser.text(), 10, "the post")
        time.sleep(0.5)  # let the page's event stream connect
        path = os.path.join(site, POST)
        with open(path, encoding="utf-8") as handle:
            original = handle.read()
        latencies = []
        for run in range(1, args.runs + 1):
            marker = f"Live reload check number {run}."
            edited = original.replace("## Step 1: Your consultation", f"{marker}\n\n## Step 1: Your consultation", 1)
            started = time.monotonic()
            save_like_an_editor(path, edited)
            wait_for(lambda: marker in browser.text(), 10, f"live reload {run}")
            latencies.append((time.monotonic() - started) * 1000)
            time.sleep(0.1)

        # A broken post shows its diagnostic in the browser; fixing it brings the page back by itself.
        save_like_an_editor(path, original.replace('title: "', 'title: "Unclosed ', 1).replace('Pt 2"', "Pt 2", 1))
        wait_for(lambda: "The site does not build" in browser.text(), 10, "the error page")
        page = browser.text()
        assert POST in page and "invalid YAML" in page, f"the error page does not name the file and problem:\n{page[:500]}"
        save_like_an_editor(path, original)
        wait_for(lambda: "Step 1: Your consultation" in browser.text(), 10, "the fixed page")

        # static/ is watched too: the picture taken away is an error naming the post; put back, the page returns.
        picture_path = os.path.join(site, "static/assets/treatment-room.png")
        os.rename(picture_path, picture_path + ".moved")
        wait_for(lambda: "The site does not build" in browser.text(), 10, "the error page for the missing picture")
        assert "missing-file" in browser.text(), "the error page does not name the missing picture"
        os.rename(picture_path + ".moved", picture_path)
        wait_for(lambda: "Step 1: Your consultation" in browser.text(), 10, "the page once the picture is back")

        print(f"browser test: {len(latencies)} live reloads, save to new page median {statistics.median(latencies):.0f} ms, "
              f"min {min(latencies):.0f} ms, max {max(latencies):.0f} ms; overlays, picture and video, error page and recovery, "
              f"static/ watched; screenshot {shot[0]}x{shot[1]} of a post with a picture, byline and video")
    finally:
        if browser:
            browser.close()
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            raise AssertionError("the server did not stop within 10 s of SIGTERM")
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    try:
        main()
    except AssertionError as error:
        print(f"browser test failed: {error}", file=sys.stderr)
        sys.exit(1)
