#!/usr/bin/env python3
"""The preview's review panel in a real browser (headless Chromium), at 1280 and 390 px wide.

For a post with findings it checks, with bounding boxes, that no highlighted sentence lies under the panel (the
side column on a wide screen, the count badge on a narrow one) wherever the panel or the keyboard brings it; that
clicking a finding scrolls to its sentence and focuses it, that `j` moves to the next one and the sentence's
marker leads back to the panel entry; that errors and warnings differ in underline style, not colour alone; and it
measures the contrast of every highlight, marker and badge (WCAG AA: 4.5:1 for text, 3:1 for underlines against
the highlight and the page). It loads `/_review` and checks its order. With --screenshots it writes docs/preview-1280.png,
docs/preview-390.png and docs/preview-review.png (`make test` runs it without, so a test run changes no tracked file).

Usage: python3 scripts/preview-panel-test.py [--binary .build/debug/clinicpress] [--screenshots]
Needs what scripts/browser-test.py needs (chromium, websocket-client).
"""
import argparse
import base64
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
_spec = importlib.util.spec_from_file_location("browser_test", os.path.join(ROOT, "scripts", "browser-test.py"))
browser_test = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(browser_test)
Browser, wait_for, free_port, copy_sample_site = browser_test.Browser, browser_test.wait_for, browser_test.free_port, browser_test.copy_sample_site

POST_URL = "/posts/ketamine-for-depression-how-it-works-pt-1/"

# WCAG relative luminance and contrast, and the effective background behind an element, in the page.
CONTRAST_JS = r"""
(() => {
  const parse = (c) => { const m = c.match(/rgba?\(([^)]+)\)/); if (!m) return null; const p = m[1].split(/[ ,\/]+/).filter(Boolean).map(Number); return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1}; };
  const lum = (c) => { const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }; return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  const background = (element) => { for (let e = element; e; e = e.parentElement) { const c = parse(getComputedStyle(e).backgroundColor); if (c && c.a > 0.5) return c; } return {r: 255, g: 255, b: 255, a: 1}; };
  const pairs = [];
  const add = (what, element, fg, bg, minimum) => pairs.push({what, ratio: Math.round(ratio(fg, bg) * 100) / 100, minimum, text: (element.textContent || "").trim().slice(0, 30)});
  for (const mark of document.querySelectorAll("mark.cp-claim")) {
    const s = getComputedStyle(mark), kind = mark.className;
    const own = parse(s.backgroundColor), page = background(mark.parentElement), line = parse(s.borderBottomColor);
    add(kind + " text", mark, parse(s.color), own, 4.5);
    add(kind + " underline on highlight", mark, line, own, 3);
    add(kind + " underline on page", mark, line, page, 3);
  }
  for (const element of document.querySelectorAll("a.cp-marker, .cp-sev, .cp-badge, .cp-entry, .cp-rule, .cp-location, .cp-go, .cp-counts, .cp-keys, .cp-review button")) {
    const s = getComputedStyle(element);
    if (s.display === "none" || !element.getClientRects().length) continue;
    add((element.className || element.tagName) + "", element, parse(s.color), background(element), 4.5);
  }
  return pairs;
})()
"""

# Every highlight's line boxes against the panel's box (the column, the open sheet or the badge), in the viewport.
OVERLAP_JS = r"""
(() => {
  const panel = [...document.querySelectorAll("#cp-review .cp-review-body, #cp-review .cp-badge")].map((e) => e.getBoundingClientRect()).filter((r) => r.width && r.height);
  const hits = [];
  for (const mark of document.querySelectorAll("mark.cp-claim")) {
    for (const box of mark.getClientRects()) {
      if (box.bottom < 0 || box.top > innerHeight) continue;
      for (const p of panel) {
        if (box.left < p.right && box.right > p.left && box.top < p.bottom && box.bottom > p.top) hits.push(mark.textContent.slice(0, 40));
      }
    }
  }
  return hits;
})()
"""


def set_width(browser, width, height):
    browser.command("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1, mobile=width < 600)


def check_width(browser, base, width, height, screenshot):
    set_width(browser, width, height)
    browser.command("Page.navigate", url=base + POST_URL)
    wait_for(lambda: browser.evaluate("document.querySelectorAll('[id^=cp-finding-]').length > 0"), 10, f"the highlights at {width} px")
    targets = browser.evaluate("[...document.querySelectorAll('[id^=cp-finding-]')].map((e) => e.id)")
    entries = browser.evaluate("document.querySelectorAll('.cp-entry').length")
    narrow = width <= 800
    if narrow:
        assert browser.evaluate("getComputedStyle(document.querySelector('.cp-review-body')).display") == "none", "the panel is open by default on a narrow screen"
        badge = browser.evaluate("(() => { const r = document.querySelector('.cp-badge').getBoundingClientRect(); return [r.width, r.height]; })()")
        assert badge[0] * badge[1] < 200 * 60, f"the badge is {badge[0]:.0f}×{badge[1]:.0f} px"
    else:
        column = browser.evaluate("(() => { const r = document.querySelector('.cp-review-body').getBoundingClientRect(); return [r.left, r.width]; })()")
        article = browser.evaluate("(() => { const r = document.querySelector('.post-body').getBoundingClientRect(); return [r.right, r.width]; })()")
        assert article[0] <= column[0], f"the article ends at {article[0]:.0f} px, under the panel that starts at {column[0]:.0f}"
        assert article[1] >= 700, f"the article is {article[1]:.0f} px wide beside the panel (44rem without it)"
    # Every sentence, brought into view as the panel and the keyboard bring it, is clear of the panel.
    covered = []
    for target in targets:
        browser.evaluate(f"document.getElementById('{target}').scrollIntoView({{block: 'center'}})")
        covered += browser.evaluate(OVERLAP_JS)
    browser.evaluate("window.scrollTo(0, 0)")
    covered += browser.evaluate(OVERLAP_JS)
    assert not covered, f"at {width} px the panel covers: {covered}"

    # Clicking a finding scrolls to its sentence and focuses it (on a narrow screen, from the sheet the badge opens).
    if narrow:
        browser.evaluate("document.querySelector('.cp-badge').click()")
        assert browser.evaluate("document.querySelector('.cp-badge').getAttribute('aria-expanded')") == "true", "the badge does not open the sheet"
    browser.evaluate("document.querySelector('#cp-entry-1 .cp-go, .cp-entry .cp-go').click()")
    focused = browser.evaluate("document.activeElement.id")
    first = browser.evaluate("document.querySelector('.cp-entry .cp-go').getAttribute('href').slice(1)")
    assert focused == first, f"after a click on the first finding, the focus is on {focused!r}, not {first!r}"
    in_view = browser.evaluate(f"(() => {{ const r = document.getElementById('{first}').getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }})()")
    assert in_view, "the focused sentence is not in view"
    if narrow:
        assert browser.evaluate("document.querySelector('.cp-badge').getAttribute('aria-expanded')") == "false", "the sheet stays over the sentence"
    assert not browser.evaluate(OVERLAP_JS), f"at {width} px the panel covers the focused sentence"
    if screenshot:
        data = browser.command("Page.captureScreenshot", format="png")["data"]
        with open(os.path.join(ROOT, "docs", f"preview-{width}.png"), "wb") as handle:
            handle.write(base64.b64decode(data))
    # `j` moves to the next finding; the sentence's marker leads back to its entry.
    if len(targets) > 1:
        browser.command("Input.dispatchKeyEvent", type="keyDown", key="j", text="j", code="KeyJ", windowsVirtualKeyCode=74)
        browser.command("Input.dispatchKeyEvent", type="keyUp", key="j", code="KeyJ", windowsVirtualKeyCode=74)
        moved = browser.evaluate("document.activeElement.id")
        assert moved.startswith("cp-finding-") and moved != first, f"`j` left the focus on {moved!r}"
    # The copy button copies `file:line:column` and says so.
    browser.evaluate("document.querySelector('.cp-entry .cp-copy').click()")
    copied = wait_for(lambda: browser.evaluate("document.querySelector('.cp-status').textContent"), 5, "the copy button's confirmation")
    assert copied.startswith("Copied Posts/") and copied.count(":") == 2, f"the copy button says {copied!r}"
    browser.evaluate("document.querySelector('a.cp-marker').click()")
    back = browser.evaluate("document.activeElement.id")
    assert back.startswith("cp-entry-"), f"the marker after a sentence leads to {back!r}, not its panel entry"
    return len(targets), entries


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build/debug/clinicpress"))
    parser.add_argument("--screenshots", action="store_true", help="write docs/preview-1280.png, -390.png and -review.png")
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="clinicpress-panel-")
    site = copy_sample_site(work)
    with open(os.path.join(site, "site.yaml"), "a", encoding="utf-8") as handle:
        handle.write("editor: vscode\n")
    port = free_port()
    server = subprocess.Popen([args.binary, "serve", "--site", site, "--port", str(port)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    browser = None
    try:
        ready = server.stdout.readline()
        assert ready.startswith("Previewing"), f"the server did not start: {ready!r}"
        base = f"http://127.0.0.1:{port}"
        browser = Browser(free_port(), os.path.join(work, "profile"))
        wide = check_width(browser, base, 1280, 800, args.screenshots)
        narrow = check_width(browser, base, 390, 844, args.screenshots)

        # Errors and warnings differ without colour: underline style and marker icon.
        set_width(browser, 1280, 800)
        browser.command("Page.navigate", url=base + POST_URL)
        wait_for(lambda: browser.evaluate("document.querySelectorAll('mark.cp-claim').length > 0"), 10, "the highlights")
        styles = browser.evaluate("""(() => { const out = {}; for (const kind of ['error', 'warning', 'info']) {
            const mark = document.createElement('mark'); mark.className = 'cp-claim cp-' + kind; mark.textContent = 'x';
            document.querySelector('.post-body').appendChild(mark); out[kind] = getComputedStyle(mark).borderBottomStyle; mark.remove(); }
            return out; })()""")
        assert len(set(styles.values())) == 3, f"the underline styles do not tell severities apart: {styles}"
        icons = browser.evaluate("[...new Set([...document.querySelectorAll('a.cp-marker')].map((m) => m.className + ' ' + m.textContent))]")
        assert any("cp-error ✖" in icon for icon in icons), f"error markers: {icons}"
        link = browser.evaluate("document.querySelector('.cp-open').getAttribute('href')")
        assert link.startswith("vscode://file/") and ".md:" in link, f"the editor link is {link!r}"

        # Contrast of every highlight, marker and badge (and the warning highlight, made if the post has none).
        browser.evaluate("""(() => { for (const kind of ['warning', 'info']) { if (document.querySelector('mark.cp-' + kind)) continue;
            const mark = document.createElement('mark'); mark.className = 'cp-claim cp-' + kind; mark.textContent = 'sample ' + kind;
            document.querySelector('.post-body p').appendChild(mark); } })()""")
        pairs = browser.evaluate(CONTRAST_JS)
        failing = [p for p in pairs if p["ratio"] < p["minimum"]]
        assert not failing, f"colour pairs below WCAG AA: {failing[:5]}"
        lowest_text = min(p["ratio"] for p in pairs if p["minimum"] == 4.5)
        lowest_line = min(p["ratio"] for p in pairs if p["minimum"] == 3)

        # /_review: every post, what needs attention first, each a link to its preview.
        browser.command("Page.navigate", url=base + "/_review")
        wait_for(lambda: browser.evaluate("document.querySelectorAll('tbody tr').length > 0"), 10, "the review page")
        rows = browser.evaluate("[...document.querySelectorAll('tbody tr')].map((r) => [r.querySelector('th a').getAttribute('href'), r.children[1].textContent.replace(/\\D/g, '') | 0])")
        posts = len([name for name in os.listdir(os.path.join(site, "Posts")) if name.endswith(".md")])
        assert len(rows) == posts, f"/_review lists {len(rows)} posts of {posts}"
        errors = [count for _, count in rows]
        assert errors == sorted(errors, reverse=True), f"/_review is not sorted by errors first: {errors}"
        assert all(href.startswith("/posts/") for href, _ in rows), "a /_review row does not link to its post"
        if args.screenshots:
            data = browser.command("Page.captureScreenshot", format="png")["data"]
            with open(os.path.join(ROOT, "docs", "preview-review.png"), "wb") as handle:
                handle.write(base64.b64decode(data))
        print(f"preview panel test: 1280 px {wide[0]} highlights of {wide[1]} findings, 390 px {narrow[0]} of {narrow[1]}, none covered; "
              f"click focuses, j moves, markers link back, copy works; {len(pairs)} colour pairs, lowest text {lowest_text}:1, lowest underline {lowest_line}:1; "
              f"/_review {len(rows)} posts")
    finally:
        if browser:
            browser.close()
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    try:
        main()
    except AssertionError as error:
        print(f"preview panel test failed: {error}", file=sys.stderr)
        sys.exit(1)
