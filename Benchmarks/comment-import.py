#!/usr/bin/env python3
"""Times `clinicpress comments import` of a large form export, as a clinic would run it after a busy month.

Writes a site with five posts and an N-row CSV export (deterministic: authors from a list of first names and
initials, dates over a year, short testimonial-like bodies, some with a phone number or an email, every post named
in one of the ways a form service names it), imports it into an empty site (RUNS times, each into a new one) and prints the wall, user and system time of each
run and their medians, the lines printed to stdout and stderr, and the files created. Most of the system time is the
file system creating and flushing one file per comment.

Usage: [RUNS=3] comment-import.py N [CLINICPRESS]   (default binary: .build/debug/clinicpress; median of RUNS runs)
Not a test: CI does not judge speed. Issue 15 measured 3,000 rows at 38 s and 3,001 printed lines.
"""
import csv
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time

FIRST = ("Sam May Tom Alex Luis Erin Beth Greg Jordan Rachel Nina Carl Dee Pat Lee Ana Max Mia Eli Bo Cy Jo Kim Ray "
         "Zoe Ivy Ben Amy Dan Eva").split()
POSTS = ["ketamine-basics", "tms-basics", "iv-therapy", "spravato-visits", "weight-loss"]
BODIES = [
    "Thank you for this post, it answered most of my questions about {t}.",
    "My sister started {t} last spring and her anxiety finally lifted after the third session.",
    "How long does a {t} appointment take? I work until five.",
    "Is {t} covered by insurance? Call me at 555-01{n:02d} if someone can explain.",
    "Great read. Could you write about side effects next? You can reach me at reader{n}@example.com.",
    "We drove two hours for {t} and the staff were lovely. Worth it.",
]
TOPICS = ["ketamine", "TMS", "IV therapy", "Spravato", "GLP-1 treatment"]


def post_name(rng, slug, index):
    # The ways exports name a post: slug, file name, page address.
    form = index % 3
    if form == 0:
        return slug
    if form == 1:
        return f"2026-01-0{POSTS.index(slug) + 1}-{slug}.md"
    return f"https://clinic.example/posts/{slug}/"


def write_site(root, rows):
    os.makedirs(os.path.join(root, "Posts"))
    with open(os.path.join(root, "site.yaml"), "w") as f:
        f.write('title: "Import Benchmark"\nbase_url: "https://clinic.example/"\n')
    for number, slug in enumerate(POSTS, 1):
        with open(os.path.join(root, "Posts", f"2026-01-0{number}-{slug}.md"), "w") as f:
            f.write(f'---\ntitle: "{slug.replace("-", " ").title()}"\n---\nBody.\n')
    rng = random.Random(15)
    with open(os.path.join(root, "export.csv"), "w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["post", "author", "email", "date", "body"])
        for index in range(rows):
            slug = rng.choice(POSTS)
            author = f"{rng.choice(FIRST)} {chr(65 + rng.randrange(26))}."
            month, day = rng.randint(1, 12), rng.randint(1, 28)
            date = f"2026-{month:02d}-{day:02d}T{rng.randint(8, 20):02d}:{rng.randint(0, 59):02d}:00Z"
            body = rng.choice(BODIES).format(t=rng.choice(TOPICS), n=index % 100)
            writer.writerow([post_name(rng, slug, index), author, f"r{index}@example.com" if index % 4 == 0 else "", date, body])


def main():
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 3000
    binary = os.path.abspath(sys.argv[2] if len(sys.argv) > 2 else ".build/debug/clinicpress")
    runs = int(os.environ.get("RUNS", "3"))
    walls, users, systems = [], [], []
    for run in range(runs):
        with tempfile.TemporaryDirectory() as root:
            write_site(root, rows)
            before = os.times()
            start = time.monotonic()
            result = subprocess.run([binary, "comments", "import", os.path.join(root, "export.csv"), "--site", root],
                                    capture_output=True, text=True)
            walls.append(time.monotonic() - start)
            after = os.times()
            users.append(after.children_user - before.children_user)
            systems.append(after.children_system - before.children_system)
            created = sum(len(files) for _, _, files in os.walk(os.path.join(root, "Posts")) if files) - len(POSTS)
            print(f"run {run + 1}: {walls[-1]:.2f} s wall, {users[-1]:.2f} s user, {systems[-1]:.2f} s system, exit {result.returncode}, "
                  f"{len(result.stdout.splitlines())} stdout lines, {len(result.stderr.splitlines())} stderr lines, {created} comment files")
    print(f"{rows} rows, {runs} runs: median {statistics.median(walls):.2f} s wall, {statistics.median(users):.2f} s user, "
          f"{statistics.median(systems):.2f} s system")
    print("last stdout line:", (result.stdout.splitlines() or [""])[-1])
    if result.stderr:
        print("first stderr line:", result.stderr.splitlines()[0])


if __name__ == "__main__":
    main()
