#!/usr/bin/env python3
"""End-to-end test of the comment loop in a real browser (headless Chromium over the DevTools protocol), as issue 15
asks: a reader fills the comment form on a post page, `clinicpress intake` writes the pending file with its screening
flags, a moderator approves it in the preview's `/_moderation` queue (with the contact details removed), and the next
`clinicpress build` publishes it, with the reader's private email nowhere in the output.

It copies the sample site to a temporary folder, points its `base_url` at the preview and `comments.endpoint` at the
intake, both on 127.0.0.1, and runs `serve` and `intake` from the given binary.

Usage: python3 scripts/comments-browser-test.py [--binary .build/debug/clinicpress]
Needs: chromium and websocket-client, as scripts/browser-test.py (whose browser client it uses).
"""
import argparse
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
browser_test = __import__("browser-test")
Browser, free_port, wait_for = browser_test.Browser, browser_test.free_port, browser_test.wait_for
copy_sample_site = browser_test.copy_sample_site

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
STEM = "2026-09-22-ketamine-for-depression-how-it-works-pt-2"
POST_URL = "/posts/ketamine-for-depression-how-it-works-pt-2/"
EMAIL = "reader.private@example.org"
TEXT = "Thank you, this helped me decide to book. Call me at 555-0100 if a slot opens."


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build/debug/clinicpress"))
    args = parser.parse_args()

    work = tempfile.mkdtemp(prefix="clinicpress-comments-")
    site = copy_sample_site(work)
    preview_port, intake_port = free_port(), free_port()
    preview = f"http://127.0.0.1:{preview_port}"
    config = os.path.join(site, "site.yaml")
    with open(config, encoding="utf-8") as handle:
        text = handle.read()
    text = re.sub(r'^base_url: .*$', f'base_url: "{preview}/"', text, count=1, flags=re.M)
    text = re.sub(r'^  endpoint: .*$', f'  endpoint: "http://127.0.0.1:{intake_port}/"', text, count=1, flags=re.M)
    with open(config, "w", encoding="utf-8") as handle:
        handle.write(text)

    processes = []
    browser = None
    try:
        # What the two servers print goes to files (a pipe nobody reads could fill and stall them), shown on failure.
        serve_log, intake_log = os.path.join(work, "serve.log"), os.path.join(work, "intake.log")
        serve = subprocess.Popen([args.binary, "serve", "--site", site, "--port", str(preview_port)],
                                 stdout=subprocess.PIPE, stderr=open(serve_log, "w"), text=True)
        processes.append(serve)
        assert serve.stdout.readline().startswith("Previewing"), "the preview did not start"
        intake = subprocess.Popen([args.binary, "intake", "--site", site, "--port", str(intake_port)],
                                  stdout=subprocess.PIPE, stderr=open(intake_log, "w"), text=True)
        processes.append(intake)
        # Its first line says it is listening: a form sent before that (a slow start on a loaded CI machine) would fail.
        assert intake.stdout.readline().startswith("Receiving comments"), "the intake did not start"
        browser = Browser(free_port(), os.path.join(work, "profile"))

        # A reader fills the form (after the 3 s a robot would not wait) and is sent back to the post.
        browser.command("Page.navigate", url=preview + POST_URL)
        wait_for(lambda: browser.evaluate("document.querySelector('form.comment-form') !== null"), 10, "the comment form")
        time.sleep(3.2)
        browser.evaluate(f"""(() => {{
            const form = document.querySelector('#comment-form form.comment-form');
            form.querySelector('[name=name]').value = 'Test Reader';
            form.querySelector('[name=email]').value = '{EMAIL}';
            form.querySelector('[name=comment]').value = '{TEXT}';
            form.querySelector('button[type=submit]').click();
        }})()""")
        wait_for(lambda: "comment=pending" in (browser.evaluate("location.href") or ""), 10, "intake's redirect back to the post")
        wait_for(lambda: "Thank you — your comment awaits review." in browser.text(), 10, "the post's thanks to the reader")

        files = glob.glob(os.path.join(site, "Posts", STEM + ".comments", "*.md"))
        written = [path for path in files if "Test Reader" in open(path, encoding="utf-8").read()]
        assert len(written) == 1, f"expected one comment file by the reader, found {len(written)}"
        with open(written[0], encoding="utf-8") as handle:
            stored = handle.read()
        assert "status: pending" in stored and "contact-info" in stored, f"the file is not pending and flagged:\n{stored}"

        # The moderator approves it in the preview's queue, without the phone number.
        browser.command("Page.navigate", url=preview + "/_moderation")
        wait_for(lambda: "Test Reader" in browser.text(), 10, "the comment in the moderation queue")
        browser.evaluate("""(() => {
            const card = [...document.querySelectorAll('article.comment')].find((c) => c.innerText.includes('Test Reader'));
            card.querySelector('button[value=approve]').click();
        })()""")
        wait_for(lambda: "Approve with contact details removed" in browser.text(), 10, "the question before approving")
        browser.evaluate("document.querySelector('button[value=redact]').click()")
        wait_for(lambda: "approved, with its contact details removed" in browser.text(), 10, "the queue's notice")
        with open(written[0], encoding="utf-8") as handle:
            stored = handle.read()
        assert "status: approved" in stored and "[phone removed]" in stored, f"the file was not approved and cleaned:\n{stored}"

        # The next build publishes it; the private email is nowhere in the output.
        output = os.path.join(work, "Public")
        build = subprocess.run([args.binary, "build", "--site", site, "--output", output], capture_output=True, text=True)
        assert build.returncode == 0, f"the build failed:\n{build.stderr}"
        with open(os.path.join(output, "posts", "ketamine-for-depression-how-it-works-pt-2", "index.html"), encoding="utf-8") as handle:
            page = handle.read()
        assert "Thank you, this helped me decide to book." in page and "[phone removed]" in page, "the approved comment is not published"
        for folder, _, names in os.walk(output):
            for name in names:
                with open(os.path.join(folder, name), "rb") as handle:
                    assert EMAIL.encode() not in handle.read(), f"the reader's email is in {os.path.join(folder, name)}"
        print("comments browser test: form → intake → pending file with flags → /_moderation approval without contact "
              "details → build publishes it; the email is nowhere in the output")
    except AssertionError as error:
        raise AssertionError(f"{error}\n{context(browser, serve_log, intake_log)}") from None
    finally:
        if browser:
            browser.close()
        for process in processes:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
        shutil.rmtree(work, ignore_errors=True)


def context(browser, *logs):
    """What the page and the two servers showed when a step failed."""
    lines = []
    if browser:
        try:
            lines.append(f"page: {browser.evaluate('location.href')}")
            lines.append("page text: " + " ".join(browser.text().split())[:600])
        except Exception as error:  # the browser itself may be what failed
            lines.append(f"page: unreadable ({error})")
    for log in logs:
        if os.path.exists(log):
            with open(log, encoding="utf-8", errors="replace") as handle:
                lines.append(f"{os.path.basename(log)}:\n" + "".join(handle.readlines()[-20:]))
    return "\n".join(lines)


if __name__ == "__main__":
    try:
        main()
    except AssertionError as error:
        print(f"comments browser test failed: {error}", file=sys.stderr)
        sys.exit(1)
