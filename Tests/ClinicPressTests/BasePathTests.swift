@testable import ClinicPressSite
import ClinicPressModel
import Foundation
import Testing

/// A site published under a sub-folder (`base_url: https://example.org/blog/`, or `build --base-url` with a path, as a
/// preview deploy does): every root-relative address the site writes starts with `/blog/`.
@Suite struct BasePathTests {
    /// A site at `https://example.org/blog/` whose post `a` has `body`; post `b`, `static/assets/p.png` and
    /// `static/files/guide.pdf` exist. Returns every file of the build by path.
    func build(_ body: String, frontMatter: String = "", baseURL: String? = nil) throws -> [String: String] {
        let site = TemporaryDirectory()
        site.write("""
        -- site.yaml --
        title: "Sub-folder Blog"
        base_url: "https://clinic.test/blog/"
        markdown:
          raw_html: true
        -- Posts/2026-01-02-b.md --
        ---
        title: "B"
        ---
        B.
        -- static/files/guide.pdf --
        A guide.
        -- Posts/2026-01-01-a.md --
        ---
        title: "A"
        \(frontMatter)
        ---
        \(body)
        """)
        try FileManager.default.createDirectory(at: site.url.appendingPathComponent("static/assets"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Fixtures.site("basic").appendingPathComponent("static/assets/note.png"),
                                         to: site.url.appendingPathComponent("static/assets/p.png"))
        let files = try SiteBuilder.render(BuildOptions(siteDirectory: site.url, baseURL: baseURL, now: Fixtures.now)).files
        return Dictionary(files.map { ($0.path, String(decoding: $0.contents, as: UTF8.self)) }, uniquingKeysWith: { first, _ in first })
    }

    /// The post's body as written in its page.
    func body(_ markdown: String) throws -> String {
        let page = try #require(try build(markdown)["posts/a/index.html"])
        let start = try #require(page.range(of: "<div class=\"post-body prose narrow\">"))
        let end = try #require(page.range(of: "</div>", range: start.upperBound..<page.endIndex))
        return page[start.upperBound..<end.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test(arguments: [
        // Pages of the site, written from the root.
        ("[b](/posts/b/)", #"<p><a href="/blog/posts/b/">b</a></p>"#),
        ("[home](/)", #"<p><a href="/blog/">home</a></p>"#),
        ("[topic](/tags/ketamine/)", #"<p><a href="/blog/tags/ketamine/">topic</a></p>"#),
        ("[call](/contact)", #"<p><a href="/blog/contact">call</a></p>"#),
        ("[part](/posts/b/#part-2)", #"<p><a href="/blog/posts/b/#part-2">part</a></p>"#),
        ("[search](/search/?q=tms)", #"<p><a href="/blog/search/?q=tms">search</a></p>"#),
        ("[ref][r]\n\n[r]: /posts/b/", #"<p><a href="/blog/posts/b/">ref</a></p>"#),
        // Files of the site: static ones and the ones the build writes.
        ("[guide](/files/guide.pdf)", #"<p><a href="/blog/files/guide.pdf">guide</a></p>"#),
        ("[feed](/feed.xml)", #"<p><a href="/blog/feed.xml">feed</a></p>"#),
        ("![Room](/assets/p.png)", #"<p><img src="/blog/assets/p.png" alt="Room" width="64" height="40" loading="lazy" decoding="async" /></p>"#),
        // Already under the base path, relative, another host, an anchor: left as written.
        ("[b](/blog/posts/b/)", #"<p><a href="/blog/posts/b/">b</a></p>"#),
        ("[b](../b/)", #"<p><a href="../b/">b</a></p>"#),
        ("[cdn](//cdn.example/x.js)", #"<p><a href="//cdn.example/x.js">cdn</a></p>"#),
        ("[main site](https://clinic.test/contact)", #"<p><a href="https://clinic.test/contact">main site</a></p>"#),
        ("[up](#top)", ##"<p><a href="#top">up</a></p>"##),
        // A folder that only starts like the base path is not under it.
        ("[tips](/blog-tips/)", #"<p><a href="/blog/blog-tips/">tips</a></p>"#),
        // Raw HTML.
        (#"<a href="/posts/b/">b</a> <img src='/assets/p.png' alt="p">"#, #"<p><a href="/blog/posts/b/">b</a> <img src='/blog/assets/p.png' alt="p"></p>"#),
        (#"<p><a href=/contact>call</a></p>"#, #"<p><a href=/blog/contact>call</a></p>"#),
        (#"<img srcset="/assets/p.png 1x, /assets/p.png 2x" src="/assets/p.png" alt="p">"#,
         #"<img srcset="/blog/assets/p.png 1x, /blog/assets/p.png 2x" src="/blog/assets/p.png" alt="p">"#),
        (#"<a title="/not/an/address" href="https://example.com/">x</a>"#, #"<p><a title="/not/an/address" href="https://example.com/">x</a></p>"#),
    ])
    func rootRelativeAddressesInPostBodiesFollowTheBasePath(markdown: String, html: String) throws {
        #expect(try body(markdown) == html)
    }

    /// The tag filter still escapes `<script>` in raw HTML whose addresses were rewritten.
    @Test func rewrittenRawHTMLStillGoesThroughTheTagFilter() throws {
        let page = try #require(try build(#"<div><a href="/posts/b/">b</a><script src="/x.js"></script></div>"#)["posts/a/index.html"])
        #expect(page.contains(#"<div><a href="/blog/posts/b/">b</a>&lt;script src="/blog/x.js">&lt;/script></div>"#))
    }

    @Test func theThemeFeedSitemapAndCanonicalAddressesFollowTheBasePath() throws {
        let files = try build("See [b](/posts/b/).", frontMatter: "image: /blog/assets/p.png\nimage_alt: \"A room\"\ncta_url: /blog/contact/")
        let page = try #require(files["posts/a/index.html"])
        for expected in [
            #"<link rel="canonical" href="https://clinic.test/blog/posts/a/">"#,
            #"<link rel="stylesheet" href="/blog/assets/style.css">"#,
            #"<link rel="alternate" type="application/atom+xml" title="Sub-folder Blog" href="/blog/feed.xml">"#,
            #"<meta property="og:image" content="https://clinic.test/blog/assets/p.png">"#,
            #"<a class="button" href="/blog/contact/">"#,
            #"<a class="brand" href="/blog/">"#,
        ] {
            #expect(page.contains(expected), "missing \(expected)")
        }
        #expect(!page.contains("/blog/blog/"))
        let feed = try #require(files["feed.xml"])
        #expect(feed.contains(#"xml:base="https://clinic.test/blog/""#))
        #expect(feed.contains("&lt;a href=&quot;/blog/posts/b/&quot;&gt;b&lt;/a&gt;"))
        #expect(feed.contains(#"<link href="https://clinic.test/blog/posts/a/" rel="alternate" type="text/html"/>"#))
        let sitemap = try #require(files["sitemap.xml"])
        #expect(sitemap.contains("<loc>https://clinic.test/blog/posts/a/</loc>"))
        #expect(!sitemap.contains("<loc>https://clinic.test/posts/"))
        #expect(files["robots.txt"]?.contains("Sitemap: https://clinic.test/blog/sitemap.xml") == true)
        let notFound = try #require(files["404.html"])
        #expect(notFound.contains(#"href="/blog/assets/style.css""#))
    }

    /// `build --base-url` with a path (a preview deploy under a sub-folder) moves every address there, Markdown and
    /// raw HTML alike.
    @Test func theBaseURLFlagWithAPathMovesPostBodiesToo() throws {
        let files = try build("[b](/posts/b/) <a href=\"/tags/x/\">x</a> ![Room](/assets/p.png)", baseURL: "https://preview.test/pr-42/")
        let page = try #require(files["posts/a/index.html"])
        #expect(page.contains(#"<a href="/pr-42/posts/b/">b</a> <a href="/pr-42/tags/x/">x</a> <img src="/pr-42/assets/p.png""#))
        #expect(page.contains(#"<link rel="canonical" href="https://preview.test/pr-42/posts/a/">"#))
        #expect(!page.contains("\"/posts/") && !page.contains("\"/tags/"))
    }

    @Test func atTheRootNothingIsRewritten() throws {
        let files = try build("[b](/posts/b/) <a href=\"/tags/x/\">x</a>", baseURL: "https://clinic.test/")
        #expect(files["posts/a/index.html"]?.contains(#"<a href="/posts/b/">b</a> <a href="/tags/x/">x</a>"#) == true)
    }
}

@Suite struct RawHTMLAddressTests {
    let rebase: (String) -> String? = { $0.hasPrefix("/") && !$0.hasPrefix("//") && !$0.hasPrefix("/blog/") ? "/blog" + $0 : nil }

    @Test(arguments: [
        (#"<a href="/a/">"#, #"<a href="/blog/a/">"#),
        (#"<A HREF='/a/'>"#, #"<A HREF='/blog/a/'>"#),
        (#"<a href = "/a/" >"#, #"<a href = "/blog/a/" >"#),
        ("<a\nhref=/a/>", "<a\nhref=/blog/a/>"),
        (#"<img alt="x" src="/p.png"/>"#, #"<img alt="x" src="/blog/p.png"/>"#),
        (#"<video poster="/v.jpg" src="/v.mp4"></video>"#, #"<video poster="/blog/v.jpg" src="/blog/v.mp4"></video>"#),
        (#"<form action="/send"><button formaction="/other">"#, #"<form action="/blog/send"><button formaction="/blog/other">"#),
        (#"<img srcset="/a.png 1x,/b.png 2x">"#, #"<img srcset="/blog/a.png 1x,/blog/b.png 2x">"#),
        (#"<a data-href="/a/" title="/a/" href="/a/">"#, #"<a data-href="/a/" title="/a/" href="/blog/a/">"#),
        (#"<!-- <a href="/a/"> --><a href="/b/">"#, #"<!-- <a href="/a/"> --><a href="/blog/b/">"#),
        (#"<a disabled href="/a/">"#, #"<a disabled href="/blog/a/">"#),
        (#"<p>href="/a/" in text</p>"#, #"<p>href="/a/" in text</p>"#),
        (#"<a href="/café/">"#, #"<a href="/blog/café/">"#),
        (#"<a href="/a/"#, #"<a href="/blog/a/"#),
    ])
    func rewritesAddressAttributes(html: String, expected: String) {
        #expect((RawHTMLAddresses.rewrite(html, rebase) ?? html) == expected)
    }

    @Test(arguments: [#"<a href="https://x.example/">"#, #"<a href="//cdn/x">"#, #"<a href="/blog/a/">"#, "<p>plain</p>", "a < b > c", "<", "<a href=", ""])
    func leavesOtherHTMLAlone(html: String) {
        #expect(RawHTMLAddresses.rewrite(html, rebase) == nil)
    }

    /// On random tag soup: only the values the closure changes change, the bytes outside them are kept, and a second run
    /// changes nothing more (an address under the base path is left alone).
    @Test func randomTagSoupKeepsEverythingElseAndIsIdempotent() {
        var generator = SeededGenerator(seed: 42)
        let pieces = ["<a", "<img", " href=", " src=", " srcset=", " title=", "\"/x/\"", "'/y'", "/z", "\"", "'", ">", "/>", " ", "\n", "<!--",
                      "-->", "=", "é", "text", ",", " 2x", "<", "/blog/w"]
        for _ in 0..<2_000 {
            let html = (0..<Int.random(in: 0...24, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let once = RawHTMLAddresses.rewrite(html, rebase) ?? html
            #expect((RawHTMLAddresses.rewrite(once, rebase) ?? once) == once, "not idempotent: \(html)")
            // Taking "/blog" out again gives the input back: nothing else was touched.
            #expect(once.replacingOccurrences(of: "/blog/", with: "/").replacingOccurrences(of: "/blog", with: "")
                    == html.replacingOccurrences(of: "/blog/", with: "/").replacingOccurrences(of: "/blog", with: ""), "changed more than addresses: \(html)")
            // Identity rewrites change nothing.
            #expect(RawHTMLAddresses.rewrite(html, { _ in nil }) == nil)
        }
    }
}
