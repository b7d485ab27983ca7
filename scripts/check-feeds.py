#!/usr/bin/env python3
"""Checks feed.xml (Atom, RFC 4287) and sitemap.xml (sitemaps.org 0.9) of built sites: well-formed XML and
every element the specifications require. Usage: check-feeds.py SITE_DIR [SITE_DIR ...]"""
import sys
import xml.etree.ElementTree as ET

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
problems = []

for site in sys.argv[1:]:
    feed = ET.parse(f"{site}/feed.xml").getroot()
    if feed.tag != ATOM + "feed":
        problems.append(f"{site}/feed.xml: root is {feed.tag}, not atom:feed")
    for name in ("id", "title", "updated"):
        if feed.find(ATOM + name) is None:
            problems.append(f"{site}/feed.xml: feed has no <{name}>")
    if not any(link.get("rel") == "self" for link in feed.findall(ATOM + "link")):
        problems.append(f"{site}/feed.xml: feed has no rel=self link")
    feed_has_author = feed.find(ATOM + "author") is not None
    for entry in feed.findall(ATOM + "entry"):
        title = entry.findtext(ATOM + "title")
        for name in ("id", "title", "updated"):
            if entry.find(ATOM + name) is None:
                problems.append(f"{site}/feed.xml: entry '{title}' has no <{name}>")
        if not feed_has_author and entry.find(ATOM + "author") is None:
            problems.append(f"{site}/feed.xml: entry '{title}' has no author and the feed none either")
        if entry.find(ATOM + "link") is None and entry.find(ATOM + "content") is None:
            problems.append(f"{site}/feed.xml: entry '{title}' has neither link nor content")

    urlset = ET.parse(f"{site}/sitemap.xml").getroot()
    if urlset.tag != SITEMAP + "urlset":
        problems.append(f"{site}/sitemap.xml: root is {urlset.tag}, not urlset")
    for url in urlset.findall(SITEMAP + "url"):
        loc = url.findtext(SITEMAP + "loc") or ""
        if not loc.startswith(("http://", "https://")):
            problems.append(f"{site}/sitemap.xml: <loc> '{loc}' is not an absolute URL")

for problem in problems:
    print(problem, file=sys.stderr)
sys.exit(1 if problems else 0)
