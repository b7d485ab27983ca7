#!/usr/bin/env python3
"""Load test of `clinicpress intake` (Python 3 standard library only; not part of `make test`).

Copies a site to a temporary folder, starts `clinicpress intake` on it, and fires many concurrent clients at it for a
bounded time: each sends comment forms (and some JSON) from the site's origin, each from its own address (intake runs
with --behind-proxy, and each client sends its own X-Forwarded-For). It prints the accepted submissions per second and
the latency percentiles, then checks that every accepted submission is on disk exactly once and that every comment
file parses (`clinicpress comments list --status all` exits 0 only when all do).

With --kill, intake is killed with SIGKILL in the middle of the load (several rounds), restarted each time, and the
checks are: no partial file (every comment file parses, and no temporary file is left once intake has restarted),
every submission answered 303/200 before the kill is on disk exactly once, and a submission in flight at the kill is
on disk at most once.

    swift build --product clinicpress
    python3 scripts/intake-load-test.py                       # 64 clients for 10 s
    python3 scripts/intake-load-test.py --kill                # 3 rounds of kill -9 mid-load
    python3 scripts/intake-load-test.py --binary .build/release/clinicpress --clients 100 --duration 30

Exit code 0 when every check passes, 1 otherwise.
"""
import argparse
import http.client
import json
import os
import pathlib
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

ROOT = pathlib.Path(__file__).resolve().parent.parent


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--binary", default=str(ROOT / ".build/debug/clinicpress"), help="the clinicpress binary")
    parser.add_argument("--site", default=str(ROOT), help="the site to copy (default: the sample site)")
    parser.add_argument("--clients", type=int, default=64, help="concurrent clients (default 64)")
    parser.add_argument("--duration", type=float, default=10.0, help="seconds of load (default 10; per round with --kill)")
    parser.add_argument("--json-share", type=float, default=0.2, help="share of JSON submissions (default 0.2)")
    parser.add_argument("--kill", action="store_true", help="kill -9 intake mid-load, restart, verify")
    parser.add_argument("--rounds", type=int, default=3, help="kill -9 rounds (default 3)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary site for inspection")
    return parser.parse_args()


# --- the site ------------------------------------------------------------------------------------------------------

def copy_site(source, destination):
    for name in ["site.yaml", "references.yaml", "people.yaml", "Posts", "Templates", "Pages", "static"]:
        path = source / name
        if path.is_dir():
            shutil.copytree(path, destination / name)
        elif path.is_file():
            shutil.copy2(path, destination / name)


def site_origin(site):
    text = (site / "site.yaml").read_text(encoding="utf-8")
    match = re.search(r'^base_url:\s*"?([^"\s#]+)', text, re.M)
    parts = urllib.parse.urlsplit(match.group(1))
    return f"{parts.scheme}://{parts.netloc}"


def candidate_slugs(site):
    """Slugs the posts probably have (front matter `slug`, else the file name without its date); probed later."""
    slugs = []
    for path in sorted((site / "Posts").glob("*.md")):
        text = path.read_text(encoding="utf-8", errors="replace")
        match = re.search(r"^slug:\s*\"?([^\"\n]+)", text, re.M)
        slugs.append(match.group(1).strip() if match else re.sub(r"^\d{4}-\d{2}-\d{2}-", "", path.stem))
    return slugs


# --- intake ------------------------------------------------------------------------------------------------------

class Intake:
    def __init__(self, binary, site):
        self.process = subprocess.Popen(
            [binary, "intake", "--site", str(site), "--port", "0", "--behind-proxy", "--rate-limit", "1000000"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = self.process.stdout.readline()
        match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        if not match:
            self.process.kill()
            raise SystemExit(f"intake did not start: {line!r} {self.process.stderr.read()}")
        self.port = int(match.group(1))
        self.log = []
        self.reader = threading.Thread(target=self._read_log, daemon=True)
        self.reader.start()

    def _read_log(self):
        for line in self.process.stderr:
            self.log.append(line.rstrip("\n"))

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=30)
        self.reader.join(timeout=5)

    def kill(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=30)
        self.reader.join(timeout=5)


# --- clients -----------------------------------------------------------------------------------------------------

class Results:
    def __init__(self):
        self.lock = threading.Lock()
        self.latencies = []          # seconds, every answered request
        self.statuses = {}
        self.answered = {}           # token -> (status, slug) for 303/200 answers
        self.in_flight = set()       # tokens sent whose answer never came (connection lost)
        self.errors = 0
        self.refusals = 0               # connections refused: nothing sent

    def record(self, token, slug, status, latency):
        with self.lock:
            self.latencies.append(latency)
            self.statuses[status] = self.statuses.get(status, 0) + 1
            if status in (200, 303):
                self.answered[token] = (status, slug)

    def refused(self):
        with self.lock:
            self.refusals += 1

    def lost(self, token):
        with self.lock:
            self.in_flight.add(token)
            self.errors += 1


def submit(connection, origin, address, slug, token, as_json):
    comment = f"Load test comment {token}. Thank you for explaining what to expect at the first visit."
    headers = {"Origin": origin, "X-Forwarded-For": address}
    if as_json:
        body = json.dumps({"post": slug, "name": f"Visitor {token[-6:]}", "comment": comment})
        headers.update({"Content-Type": "application/json", "Accept": "application/json"})
    else:
        body = urllib.parse.urlencode({"post": slug, "reply_to": "", "name": f"Visitor {token[-6:]}", "email": "",
                                       "comment": comment, "website": ""})
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    connection.request("POST", "/", body=body.encode("utf-8"), headers=headers)
    response = connection.getresponse()
    response.read()
    return response.status


def client(number, port, origin, slugs, deadline, results, json_share, run):
    rng = random.Random(number)
    address = f"10.{number // 250}.{number % 250}.{run % 250 + 1}"
    connection = None
    sequence = 0
    while time.monotonic() < deadline:
        sequence += 1
        token = f"lt{run}-{number}-{sequence}-{rng.getrandbits(32):08x}"
        slug = rng.choice(slugs)
        try:
            if connection is None:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            started = time.perf_counter()
            status = submit(connection, origin, address, slug, token, rng.random() < json_share)
            results.record(token, slug, status, time.perf_counter() - started)
        except ConnectionRefusedError:
            # Intake is down (killed): nothing was sent.
            results.refused()
            connection = None
            time.sleep(0.05)
        except (OSError, http.client.HTTPException):
            results.lost(token)
            if connection is not None:
                connection.close()
            connection = None
            time.sleep(0.05)
    if connection is not None:
        connection.close()


def run_load(port, origin, slugs, clients, duration, json_share, results, run, on_started=None):
    deadline = time.monotonic() + duration
    threads = [threading.Thread(target=client, args=(n, port, origin, slugs, deadline, results, json_share, run), daemon=True)
               for n in range(clients)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    if on_started:
        on_started()
    for thread in threads:
        thread.join()
    return time.monotonic() - started


def percentile(values, fraction):
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


# --- checks ------------------------------------------------------------------------------------------------------

def comment_files(site):
    """(visible .md files, hidden files) of every comments folder."""
    visible, hidden = [], []
    for folder in sorted((site / "Posts").glob("*.comments")):
        for path in sorted(folder.iterdir()):
            (hidden if path.name.startswith(".") else visible).append(path)
    return visible, hidden


def tokens_on_disk(site):
    counts = {}
    pattern = re.compile(r"Load test comment (lt[0-9]+-[0-9]+-[0-9]+-[0-9a-f]{8})\.")
    visible, _ = comment_files(site)
    for path in visible:
        for token in pattern.findall(path.read_text(encoding="utf-8", errors="replace")):
            counts[token] = counts.get(token, 0) + 1
    return counts


def every_comment_parses(binary, site):
    result = subprocess.run([binary, "comments", "list", "--site", str(site), "--status", "all"], capture_output=True, text=True)
    return result.returncode == 0, result.stderr.strip()


def check(label, ok, detail=""):
    print(f"  {'ok  ' if ok else 'FAIL'} {label}{': ' + detail if detail and not ok else ''}")
    return ok


# --- main --------------------------------------------------------------------------------------------------------

def probe_slugs(port, origin, candidates, results):
    """The candidate slugs intake accepts (each probe is a real submission, checked like the others)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    accepted = []
    for slug in candidates:
        token = f"lt0-9999-{len(accepted)}-{random.getrandbits(32):08x}"
        started = time.perf_counter()
        status = submit(connection, origin, "10.255.255.1", slug, token, False)
        results.record(token, slug, status, time.perf_counter() - started)
        if status == 303:
            accepted.append(slug)
    connection.close()
    return accepted


def main():
    args = parse_args()
    if args.clients < 1 or args.duration <= 0:
        raise SystemExit("--clients and --duration must be positive")
    binary = str(pathlib.Path(args.binary).resolve())
    work = pathlib.Path(tempfile.mkdtemp(prefix="clinicpress-intake-load-"))
    site = work / "site"
    site.mkdir()
    copy_site(pathlib.Path(args.site).resolve(), site)
    origin = site_origin(site)
    before_visible, _ = comment_files(site)
    results = Results()
    ok = True

    intake = Intake(binary, site)
    slugs = probe_slugs(intake.port, origin, candidate_slugs(site), results)
    if not slugs:
        intake.stop()
        raise SystemExit("no post accepted a comment; is the site's base_url right?")

    if not args.kill:
        print(f"intake load test: {args.clients} clients for {args.duration:g} s on {len(slugs)} posts "
              f"({int(args.json_share * 100)}% JSON), {args.binary}")
        load = Results()
        elapsed = run_load(intake.port, origin, slugs, args.clients, args.duration, args.json_share, load, run=1)
        intake.stop()
        accepted = len(load.answered)
        print(f"  {accepted} accepted in {elapsed:.1f} s: {accepted / elapsed:.0f} submissions/s; "
              f"latency p50 {percentile(load.latencies, 0.5) * 1000:.1f} ms, p99 {percentile(load.latencies, 0.99) * 1000:.1f} ms, "
              f"max {max(load.latencies) * 1000:.1f} ms; statuses {dict(sorted(load.statuses.items()))}; "
              f"connection errors {load.errors}")
        results.answered.update(load.answered)
        ok &= check("no submission refused or lost", set(load.statuses) <= {200, 303} and load.errors == 0,
                    f"statuses {load.statuses}, errors {load.errors}")
    else:
        print(f"intake kill -9 test: {args.rounds} rounds of {args.clients} clients, intake killed after about half of "
              f"{args.duration:g} s and restarted")
        for round_number in range(1, args.rounds + 1):
            load = Results()
            kill_after = args.duration * random.uniform(0.35, 0.65)
            timer = threading.Timer(kill_after, intake.kill)
            elapsed = run_load(intake.port, origin, slugs, args.clients, args.duration, args.json_share, load, run=round_number,
                               on_started=timer.start)
            timer.join()
            _, hidden = comment_files(site)
            parses, errors = every_comment_parses(binary, site)
            print(f"  round {round_number}: killed at {kill_after:.1f} s; {len(load.answered)} answered 303/200 before the kill, "
                  f"{len(load.in_flight)} in flight (sent, no answer); {len(hidden)} temporary file(s) left by the kill")
            ok &= check("every comment file parses after the kill", parses, errors[:500])
            results.answered.update(load.answered)
            results.in_flight |= load.in_flight
            intake = Intake(binary, site)
            time.sleep(0.3)
            removed = [line for line in intake.log if line.startswith("removed ")]
            _, hidden = comment_files(site)
            ok &= check(f"restarted intake removed the temporary files ({len(removed)})", not hidden, f"{len(hidden)} left")
        # After the last restart, intake still takes comments.
        after = Results()
        run_load(intake.port, origin, slugs, min(args.clients, 8), 2.0, args.json_share, after, run=args.rounds + 1)
        intake.stop()
        results.answered.update(after.answered)
        ok &= check("intake takes comments after the restarts", len(after.answered) > 0 and set(after.statuses) <= {200, 303},
                    f"{len(after.answered)} accepted, statuses {after.statuses}")

    # On disk: every answered submission exactly once; nothing unanswered more than once; every file parses.
    counts = tokens_on_disk(site)
    missing = [token for token in results.answered if counts.get(token, 0) == 0]
    duplicated = [token for token, count in counts.items() if count > 1]
    unexpected = [token for token in counts if token not in results.answered and token not in results.in_flight]
    in_flight_written = sum(1 for token in results.in_flight if counts.get(token, 0) == 1)
    visible, hidden = comment_files(site)
    new_files = len(visible) - len(before_visible)
    parses, errors = every_comment_parses(binary, site)
    ok &= check(f"every answered submission is on disk ({len(results.answered)})", not missing, f"missing {missing[:5]}")
    ok &= check("no submission is on disk twice", not duplicated, f"{duplicated[:5]}")
    ok &= check("nothing on disk that was not sent", not unexpected, f"{unexpected[:5]}")
    ok &= check(f"one file per stored submission ({new_files} new files)", new_files == sum(counts.values()))
    if args.kill:
        print(f"  (of {len(results.in_flight)} submissions in flight at a kill, {in_flight_written} were stored — allowed, once at most)")
    ok &= check("every comment file parses", parses, errors[:500])
    ok &= check("no temporary file left", not hidden, f"{[p.name for p in hidden[:5]]}")

    if args.keep:
        print(f"  site kept at {site}")
    else:
        shutil.rmtree(work, ignore_errors=True)
    print("intake load test: " + ("all checks passed" if ok else "FAILED"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
