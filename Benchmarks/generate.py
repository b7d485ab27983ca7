#!/usr/bin/env python3
"""Writes N clinic-style posts, deterministically, as two equivalent sites: one for ClinicPress and one for Hugo.

Each post has front matter with tags (and every tenth post a series part), 600-1,500 words of Markdown with
`##` sections, a numbered list, a table, footnoted and unfootnoted claims, and approved comment files for
ClinicPress. The Hugo site gets minimal templates with the same pages, as a typical Hugo blog has them: home and
tag pages paginated ten to a page with a summary partial, post pages, RSS
(Hugo's equivalent of the Atom feed) and sitemap.

With `--dense`, the prose is written the way clinic pages are, claim after claim: most sentences assert an outcome,
a figure, a safety promise or a comparison (about half of them without a source), the rest are logistics and
descriptions. The claim checker then has a finding for most paragraphs, as on a real clinic blog full of claims.

Usage: generate.py [--dense] N OUT_DIR   → OUT_DIR/clinicpress/ and OUT_DIR/hugo/
"""
import os
import random
import sys

TOPICS = ["ketamine", "esketamine", "tms", "iv-therapy", "weight-loss", "med-spa", "anxiety", "ptsd", "depression", "nad"]
WORDS = ("patients clinic session treatment infusion nurse provider symptoms mood sleep energy recovery plan dose "
         "program visit consultation therapy support team comfort schedule insurance follow-up options safety "
         "monitoring results progress questions family routine appointment care lounge evening weekend").split()
CLAIMS = [
    "As many as {a} in 10 patients report feeling better after {b} sessions.",
    "Research confirms that {t} lifts mood within a day for most people.",
    "A recent trial found that {p}% of participants improved by week {b}.",
    "Our {t} program works faster than standard antidepressants.",
    "The benefits of a single {t} session last for weeks.",
]
CITED = [
    "A 2021 review found that {p}% of patients responded to {t}.[^{n}]",
    "Studies show that {t} can ease symptoms within hours.[^{n}]",
]


# Dense prose: original sentence patterns in the voices clinics write in (owner, nurse, marketer, physician).
TREATMENTS = {"ketamine": "ketamine infusions", "esketamine": "esketamine treatment", "tms": "TMS therapy",
              "iv-therapy": "IV hydration", "weight-loss": "semaglutide", "med-spa": "microneedling",
              "anxiety": "our anxiety program", "ptsd": "stellate ganglion block", "depression": "our depression program",
              "nad": "NAD+ therapy"}
DENSE_CLAIMS = [
    "{T} relieves stubborn depression in as little as {b} days.",
    "Most patients notice clearer thinking after their first {t} session.",
    "Around {a} out of 10 people feel calmer by the end of the first week.",
    "{T} is completely safe for adults of every age.",
    "Side effects are rare and fade within {b} hours.",
    "Results typically hold for {b} to {c} months.",
    "Unlike pills, {t} works directly on the brain's mood circuits.",
    "{T} is far more effective than talk therapy alone.",
    "Patients lose an average of {p} pounds over the first {b} months.",
    "Nearly {p}% of our clients report better sleep within a month.",
    "This approach cuts cravings so you eat less without feeling hungry.",
    "There is no downtime, and the results start showing right away.",
    "{T} boosts energy, sharpens focus and strengthens the immune system.",
    "According to the national psychiatric association, {t} is a proven option for resistant cases.",
    "Doctors agree that {t} is the most reliable treatment available today.",
    "{T} does not cause weight gain or sexual side effects.",
    "Relief lasts longer when sessions are spaced {b} weeks apart.",
    "Suicidal thoughts ease within hours for many people who try {t}.",
    "Every skin type tolerates the treatment without irritation.",
    "Between {a}0 and {c}0 percent of patients go into remission.",
]
DENSE_CITED = [
    "In a controlled study, {p}% of participants responded to {t}.[^{n}]",
    "A large review found that {t} halved symptom scores within {b} weeks.[^{n}]",
    "Researchers reported that relief lasted at least {c} months for most responders.[^{n}]",
]
DENSE_PLAIN = [
    "Your first visit starts with a short conversation about your history.",
    "Each session takes about {b}0 minutes, and you rest in a quiet room afterwards.",
    "Bring a list of your current medications to the consultation.",
    "A nurse checks your blood pressure before and after the treatment.",
    "You will need someone to drive you home after the appointment.",
    "We will call you the day before to confirm the time.",
    "In this article we look at what a typical course of {t} involves.",
    "Our team includes a psychiatrist, two nurses and a care coordinator.",
]


def dense_sentence(rng, topic, footnotes):
    values = dict(a=rng.randint(5, 8), b=rng.randint(2, 6), c=rng.randint(6, 9), p=rng.randint(40, 90),
                  t=TREATMENTS[topic], T=TREATMENTS[topic][0].upper() + TREATMENTS[topic][1:])
    roll = rng.random()
    if roll < 0.6:
        return rng.choice(DENSE_CLAIMS).format(**values)
    if roll < 0.75:
        footnotes.append(len(footnotes) + 1)
        return rng.choice(DENSE_CITED).format(n=footnotes[-1], **values)
    return rng.choice(DENSE_PLAIN).format(**values)


def dense_paragraph(rng, topic, footnotes):
    return " ".join(dense_sentence(rng, topic, footnotes) for _ in range(rng.randint(3, 6)))


def sentence(rng, words):
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def paragraph(rng):
    return " ".join(sentence(rng, rng.randint(9, 18)) for _ in range(rng.randint(3, 6)))


def post_body(rng, topic, footnotes, dense=False):
    if dense:
        paragraph = lambda rng: dense_paragraph(rng, topic, footnotes)
    else:
        paragraph = globals()["paragraph"]
    parts = [paragraph(rng)]
    target = rng.randint(600, 1500)
    section = 0
    while sum(len(p.split()) for p in parts) < target:
        section += 1
        parts.append(f"## Section {section}: {rng.choice(WORDS).capitalize()} and {rng.choice(WORDS)}")
        if dense:
            parts.append(paragraph(rng))
            if section % 3 == 0:
                parts.append("\n".join(f"- {dense_sentence(rng, topic, footnotes)}" for _ in range(4)))
            continue
        parts.append(paragraph(rng) + " " + rng.choice(CLAIMS).format(a=rng.randint(5, 9), b=rng.randint(2, 8), p=rng.randint(40, 90), t=topic))
        if section % 2 == 0:
            footnotes.append(len(footnotes) + 1)
            parts.append(paragraph(rng) + " " + rng.choice(CITED).format(p=rng.randint(40, 90), t=topic, n=footnotes[-1]))
        if section % 3 == 0:
            parts.append("\n".join(f"{i}. {sentence(rng, rng.randint(5, 10))}" for i in range(1, 5)))
        if section % 4 == 0:
            parts.append("| Option | Sessions | Notes |\n| --- | --- | --- |\n"
                         + "\n".join(f"| {rng.choice(WORDS)} | {rng.randint(1, 12)} | {sentence(rng, 5)} |" for _ in range(3)))
    parts.append("\n".join(f"[^{n}]: Example Author, Other Author. An example study of {topic}. Journal of Examples. 20{10 + n % 15}. "
                           f"https://doi.org/10.5555/{n}" for n in footnotes))
    return "\n\n".join(parts) + "\n"


def main():
    arguments = sys.argv[1:]
    dense = "--dense" in arguments
    if dense:
        arguments.remove("--dense")
    count, out = int(arguments[0]), arguments[1]
    rng = random.Random(20261122)
    cp = os.path.join(out, "clinicpress")
    hugo = os.path.join(out, "hugo")
    os.makedirs(os.path.join(cp, "Posts"), exist_ok=True)
    os.makedirs(os.path.join(hugo, "content", "posts"), exist_ok=True)
    with open(os.path.join(cp, "site.yaml"), "w") as f:
        f.write('title: "Benchmark Clinic"\nbase_url: "https://bench.example/"\nposts_per_page: 10\n')
    for i in range(count):
        topic = TOPICS[i % len(TOPICS)]
        day = f"20{18 + i % 8}-{1 + i % 12:02d}-{1 + i % 28:02d}"
        slug = f"{topic}-post-{i}"
        title = f"{topic.replace('-', ' ').title()} Guide {i}"
        tags = [topic, TOPICS[(i * 7) % len(TOPICS)]]
        series = f'series: "{topic.title()} Series {i // 100}"\npart: {(i // 10) % 10 + 1}\n' if i % 10 == 0 else ""
        body = post_body(rng, topic, [], dense)
        with open(os.path.join(cp, "Posts", f"{day}-{slug}.md"), "w") as f:
            f.write(f'---\ntitle: "{title}"\nauthor: "Dana Whitfield, PMHNP"\ntags: [{", ".join(tags)}]\n{series}---\n{body}')
        with open(os.path.join(hugo, "content", "posts", f"{slug}.md"), "w") as f:
            f.write(f'---\ntitle: "{title}"\ndate: {day}\nauthor: "Dana Whitfield, PMHNP"\ntags: [{", ".join(tags)}]\n---\n{body}')
        if i % 5 == 0:
            folder = os.path.join(cp, "Posts", f"{day}-{slug}.comments")
            os.makedirs(folder, exist_ok=True)
            for c in range(2):
                with open(os.path.join(folder, f"{day}-reader-{c}.md"), "w") as f:
                    f.write(f"---\nauthor: Reader {c}\ndate: {day}T1{c}:00:00Z\nstatus: {'approved' if c == 0 else 'pending'}\n---\n{sentence(rng, 14)}\n")

    # A typical Hugo blog: every list (home, tags, sections) paginated ten to a page, each entry through a summary
    # partial, as Hugo's own themes do. This minimal site writes a title, a date and the body.
    write_hugo_site(
        hugo, "config.toml", "layouts", config="",
        base='<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title>'
             '<link rel="canonical" href="{{ .Permalink }}"></head><body><header><a href="/">{{ site.Title }}</a></header>'
             '<main>{{ block "main" . }}{{ end }}</main><footer>Not medical advice.</footer></body></html>\n',
        summary='<article><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2><p>{{ .Date.Format "January 2, 2006" }}</p>'
                '<p>{{ .Summary }}</p></article>',
        single='{{ define "main" }}<article><h1>{{ .Title }}</h1><p>{{ .Date.Format "January 2, 2006" }} · '
               '{{ .ReadingTime }} min read</p>{{ .Content }}</article>{{ end }}\n')
    # A second configuration of the same site whose pages carry what a typical Hugo theme puts on them and
    # ClinicPress's default theme also writes: a description, Open Graph, Twitter and schema.org tags (Hugo's own
    # internal templates), an RSS link, a menu, the post's tags, reading time, a table of contents and links to the
    # neighbouring posts. Same content, same pagination: `hugo --config config-theme.toml --layoutDir layouts-theme`.
    tags = '{{ with .Params.tags }}<ul class="tags">{{ range . }}<li><a href="{{ "tags/" | relURL }}{{ . | urlize }}/">{{ . }}</a></li>{{ end }}</ul>{{ end }}'
    write_hugo_site(
        hugo, "config-theme.toml", "layouts-theme",
        config='languageCode = "en"\n[[menus.main]]\nname = "Articles"\nurl = "/"\nweight = 1\n[[menus.main]]\nname = "Topics"\n'
               'url = "/tags/"\nweight = 2\n[params]\ndescription = "A clinic blog"\n',
        base='<!DOCTYPE html><html lang="{{ site.LanguageCode }}"><head><meta charset="utf-8">'
             '<meta name="viewport" content="width=device-width, initial-scale=1"><title>{{ .Title }} · {{ site.Title }}</title>'
             '<meta name="description" content="{{ with .Description }}{{ . }}{{ else }}{{ if .IsPage }}{{ .Summary | plainify | truncate 160 }}'
             '{{ else }}{{ site.Params.description }}{{ end }}{{ end }}">'
             '{{ template "_internal/opengraph.html" . }}{{ template "_internal/twitter_cards.html" . }}{{ template "_internal/schema.html" . }}'
             '<link rel="canonical" href="{{ .Permalink }}">{{ with .OutputFormats.Get "rss" }}<link rel="alternate" '
             'type="application/rss+xml" href="{{ .Permalink }}" title="{{ site.Title }}">{{ end }}</head><body>'
             '<header><a href="/">{{ site.Title }}</a><nav aria-label="Main"><ul>{{ range site.Menus.main }}<li><a href="{{ .URL }}">'
             '{{ .Name }}</a></li>{{ end }}</ul></nav></header><main>{{ block "main" . }}{{ end }}</main>'
             '<footer>{{ site.Title }} · Not medical advice. · <a href="/index.xml">RSS</a></footer></body></html>\n',
        summary='<article><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2><p><time datetime="{{ .Date.Format "2006-01-02" }}">'
                '{{ .Date.Format "January 2, 2006" }}</time> · {{ .ReadingTime }} min read{{ with .Params.author }} · {{ . }}{{ end }}</p>'
                '<p>{{ .Summary }}</p>' + tags + '</article>',
        single='{{ define "main" }}<article><h1>{{ .Title }}</h1><p><time datetime="{{ .Date.Format "2006-01-02" }}">'
               '{{ .Date.Format "January 2, 2006" }}</time> · {{ .ReadingTime }} min read · {{ .WordCount }} words'
               '{{ with .Params.author }} · {{ . }}{{ end }}</p>' + tags + '<nav class="toc">{{ .TableOfContents }}</nav>{{ .Content }}'
               '<nav class="neighbours">{{ with .PrevInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}'
               '{{ with .NextInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</nav></article>{{ end }}\n')


def write_hugo_site(hugo, config_name, layouts_name, config, base, summary, single):
    """One configuration of the Hugo site: its config file (the shared settings, then `config`) and its layouts, whose
    home, list and term pages are the same in every configuration."""
    with open(os.path.join(hugo, config_name), "w") as f:
        f.write('baseURL = "https://bench.example/"\ntitle = "Benchmark Clinic"\n' + config + '[pagination]\npagerSize = 10\n'
                'paginate = 10\n[taxonomies]\ntag = "tags"\n[markup.goldmark.renderer]\nunsafe = true\n')
    layouts = os.path.join(hugo, layouts_name)
    os.makedirs(os.path.join(layouts, "_default"), exist_ok=True)
    os.makedirs(os.path.join(layouts, "partials"), exist_ok=True)
    paginated = '{{ range .Paginator.Pages }}{{ partial "summary.html" . }}{{ end }}{{ template "_internal/pagination.html" . }}'
    templates = {
        "_default/baseof.html": base,
        "partials/summary.html": summary + "\n",
        "index.html": '{{ define "main" }}{{ $pages := .Paginate (where site.RegularPages "Type" "posts") }}' + paginated + '{{ end }}\n',
        "_default/single.html": single,
        "_default/list.html": '{{ define "main" }}<h1>{{ .Title }}</h1>' + paginated + '{{ end }}\n',
        "_default/terms.html": '{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Data.Terms.Alphabetical }}<li><a href="'
                               '{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> {{ .Count }}</li>{{ end }}</ul>{{ end }}\n',
    }
    for name, text in templates.items():
        with open(os.path.join(layouts, name), "w") as f:
            f.write(text)

if __name__ == "__main__":
    main()
