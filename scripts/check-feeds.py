#!/usr/bin/env python3
"""Checks feed.xml and every topic's tags/<slug>/feed.xml (Atom, RFC 4287), rss.xml (RSS 2.0) and sitemap.xml
(sitemaps.org 0.9) of built sites: well-formed XML and every element the specifications require.
Usage: check-feeds.py SITE_DIR [SITE_DIR ...]"""
import glob
import os
import sys
import xml.etree.ElementTree as ET

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
problems = []

def check_rss(site):
    path = f"{site}/rss.xml"
    if not os.path.exists(path):
        problems.append(f"{path}: missing")
        return
    rss = ET.parse(path).getroot()
    channel = rss.find("channel")
    if rss.tag != "rss" or rss.get("version") != "2.0" or channel is None:
        problems.append(f"{path}: not an RSS 2.0 document with a <channel>")
        return
    for name in ("title", "link", "description"):
        if channel.find(name) is None:
            problems.append(f"{path}: channel has no <{name}>")
    for item in channel.findall("item"):
        if item.find("title") is None and item.find("description") is None:
            problems.append(f"{path}: an item has neither title nor description")
        if item.find("pubDate") is not None and len(item.findtext("pubDate").split()) != 6:
            problems.append(f"{path}: pubDate '{item.findtext('pubDate')}' is not an RFC 822 date")


for site in sys.argv[1:]:
    check_rss(site)
    for topic in sorted(glob.glob(f"{site}/tags/*/feed.xml")):
        feed = ET.parse(topic).getroot()
        if feed.tag != ATOM + "feed" or any(feed.find(ATOM + name) is None for name in ("id", "title", "updated")):
            problems.append(f"{topic}: not an Atom feed with id, title and updated")
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
