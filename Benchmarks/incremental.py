#!/usr/bin/env python3
"""Times rebuilds through the preview server's own code path (file watcher → rebuild → live-reload event).

Usage: Benchmarks/incremental.py CLINICPRESS SITE [RUNS]

Starts `clinicpress serve` on SITE, waits for its first build, subscribes to the live-reload event stream like a
browser tab, then RUNS times: edits one post (appends a sentence) and waits for the server's "Built …" line and
for the change event; then RUNS times saves the same post unchanged (a no-change rebuild). Prints the
server's own rebuild time and the end-to-end latency from the write to the browser's change event, as medians.
"""
import os, re, socket, statistics, subprocess, sys, threading, time

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]

def main():
    binary, site = sys.argv[1], sys.argv[2]
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    port = free_port()
    server = subprocess.Popen([binary, "serve", "--site", site, "--port", str(port)],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1)
    built = []  # (time, milliseconds, line)
    ready = threading.Event()
    listening = threading.Event()
    def read_log():
        for line in server.stdout:
            if line.startswith("Previewing"):
                listening.set()
            if os.environ.get("VERBOSE"): print("LOG", line.strip()[:200], flush=True)
            match = re.search(r"Built \d+ posts in (\d+) ms", line)
            if match:
                built.append((time.monotonic(), int(match.group(1)), line.strip()))
                ready.set()
    threading.Thread(target=read_log, daemon=True).start()
    try:
        started = time.monotonic()
        if not ready.wait(600):
            sys.exit("the server did not finish its first build")
        print(f"first build: {built[0][1]} ms by the server's log, {time.monotonic() - started:.2f} s from start")
        if not listening.wait(120):
            sys.exit("the server did not start listening")
        events = []
        def listen():
            sock = socket.create_connection(("127.0.0.1", port))
            sock.sendall(f"GET /__clinicpress/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n".encode())
            buffer = b""
            while True:
                chunk = sock.recv(65536)
                if not chunk:
                    return
                buffer += chunk
                while b"event: change" in buffer:
                    events.append(time.monotonic())
                    buffer = buffer[buffer.index(b"event: change") + 13:]
        threading.Thread(target=listen, daemon=True).start()
        time.sleep(0.5)
        posts = sorted(name for name in os.listdir(os.path.join(site, "Posts")) if name.endswith(".md"))
        post = os.path.join(site, "Posts", posts[len(posts) // 2])
        original = open(post, encoding="utf-8").read()

        def measure(change):
            results = []
            for run in range(runs):
                before_builds, before_events = len(built), len(events)
                t0 = time.monotonic()
                change(run)
                deadline = t0 + 30
                while len(built) == before_builds and time.monotonic() < deadline:
                    time.sleep(0.001)
                if len(built) == before_builds:
                    sys.exit("no rebuild after a change")
                # A change event comes only when some page changed.
                while len(events) == before_events and time.monotonic() < t0 + 2:
                    time.sleep(0.001)
                latency = (events[before_events] - t0) * 1000 if len(events) > before_events else None
                results.append((built[-1][1], latency, built[-1][2]))
                time.sleep(0.3)
            return results

        def edit(run):
            with open(post, "w", encoding="utf-8") as file:
                file.write(original + f"\nEdited for benchmark run {run}.\n")
        edits = measure(edit)
        def save_unchanged(run):
            # An editor's save with nothing changed: the file is written again with the same text.
            with open(post, "w", encoding="utf-8") as file:
                file.write(original)
        unchanged = measure(save_unchanged)
        with open(post, "w", encoding="utf-8") as file:
            file.write(original)
        print(f"sample log line: {edits[-1][2]}")
        latencies = [latency for _, latency, _ in edits if latency is not None]
        print(f"one-post edit: rebuild {statistics.median(r for r, _, _ in edits)} ms median (server log, {runs} runs: "
              f"{', '.join(str(r) for r, _, _ in edits)}); write → browser change event {statistics.median(latencies):.0f} ms median")
        print(f"no-change save: rebuild {statistics.median(r for r, _, _ in unchanged)} ms median "
              f"({', '.join(str(r) for r, _, _ in unchanged)})")
    finally:
        server.terminate()
        server.wait(10)

if __name__ == "__main__":
    main()
