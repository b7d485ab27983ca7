import ClinicPressContent
import ClinicPressModel
@testable import ClinicPressPreview
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// The preview server's routes, without a socket (Hummingbird's router test framework).
@Suite struct PreviewServerTests {
    /// A preview site holding a small build.
    func makeSite() async -> PreviewSite {
        let site = PreviewSite(generation: "test")
        await site.publish([
            OutputFile(path: "index.html", text: "<html><body>home</body></html>"),
            OutputFile(path: "posts/a/index.html", text: "<html><body>post a</body></html>"),
            OutputFile(path: "404.html", text: "<html><body>not here</body></html>"),
            OutputFile(path: "assets/style.css", text: "body{}"),
            OutputFile(path: "feed.xml", text: "<feed/>"),
            OutputFile(path: "assets/logo.svg", text: "<svg/>"),
        ])
        return site
    }

    func test(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let app = Application(router: PreviewRouter.make(site: await makeSite()))
        try await app.test(.router) { client in try await body(client) }
    }

    @Test func servesPagesWithContentTypesAndNoStore() async throws {
        try await test { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == "<html><body>home</body></html>")
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                #expect(response.headers[.cacheControl] == "no-store")
            }
            for (uri, type) in [("/posts/a/", "text/html; charset=utf-8"), ("/assets/style.css", "text/css; charset=utf-8"),
                                ("/feed.xml", "application/atom+xml; charset=utf-8"), ("/assets/logo.svg", "image/svg+xml")] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .ok, "\(uri)")
                    #expect(response.headers[.contentType] == type, "\(uri)")
                }
            }
        }
    }

    @Test func missesGetThe404PageAndFoldersRedirect() async throws {
        try await test { client in
            try await client.execute(uri: "/nope/", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(String(buffer: response.body) == "<html><body>not here</body></html>")
            }
            try await client.execute(uri: "/posts/a", method: .get) { response in
                #expect(response.status == .movedPermanently)
                #expect(response.headers[.location] == "/posts/a/")
            }
        }
    }

    @Test func headRequestsHaveHeadersAndNoBody() async throws {
        try await test { client in
            try await client.execute(uri: "/posts/a/", method: .head) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentLength] == "32")
                #expect(response.body.readableBytes == 0)
            }
        }
    }

    @Test(arguments: ["/../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/posts/%2E%2E/%2E%2E/site.yaml", "/posts/..%2f..%2fsite.yaml",
                      "/%00", "/posts/a/%0a", "/..", "/assets/..\\..\\x"])
    func pathTraversalIsAMiss(uri: String) async throws {
        try await test { client in
            try await client.execute(uri: uri, method: .get) { response in
                #expect(response.status == .notFound, "\(uri)")
            }
        }
    }

    @Test func aFailedBuildShowsItsErrorPageInsteadOfStalePages() async throws {
        let site = await makeSite()
        await site.fail("<html><body>The site does not build</body></html>")
        let app = Application(router: PreviewRouter.make(site: site))
        try await app.test(.router) { client in
            try await client.execute(uri: "/posts/a/", method: .get) { response in
                #expect(response.status == .internalServerError)
                #expect(String(buffer: response.body).contains("The site does not build"))
            }
            // Assets still come from the last good build.
            try await client.execute(uri: "/assets/style.css", method: .get) { response in
                #expect(response.status == .ok)
            }
        }
        await site.publish([OutputFile(path: "index.html", text: "back")])
        let page = await site.page(for: "/")
        #expect(page.status == 200)
    }

    @Test func changesAreAnnouncedForThePagesThatChanged() async throws {
        let site = await makeSite()
        var events = await site.events().makeAsyncIterator()
        #expect(await events.next() == "retry: 300\nevent: hello\ndata: test\n\n")
        await site.publish([
            OutputFile(path: "index.html", text: "<html><body>home</body></html>"),
            OutputFile(path: "posts/a/index.html", text: "<html><body>post a, edited</body></html>"),
            OutputFile(path: "404.html", text: "<html><body>not here</body></html>"),
            OutputFile(path: "assets/style.css", text: "body{}"),
            OutputFile(path: "feed.xml", text: "<feed>new</feed>"),
            OutputFile(path: "assets/logo.svg", text: "<svg/>"),
        ])
        #expect(await events.next() == "event: change\ndata: {\"version\":2,\"paths\":[\"/feed.xml\",\"/posts/a/\"]}\n\n")
        await site.fail("broken")
        #expect(await events.next() == "event: change\ndata: {\"version\":3,\"paths\":[\"*\"]}\n\n")
    }

    /// A build's list of changed paths only spares comparisons: a path that was not published before (here a page
    /// replacing another, so the counts match) still gets the whole new site published.
    @Test func changedPathsThatAreNewPublishEverything() async {
        let site = PreviewSite(generation: "test")
        await site.publish([OutputFile(path: "index.html", text: "home"), OutputFile(path: "posts/b/index.html", text: "b")])
        await site.publish([OutputFile(path: "index.html", text: "home"), OutputFile(path: "posts/c/index.html", text: "c")],
                           changed: ["posts/c/index.html"])
        #expect(await site.page(for: "/posts/c/").status == 200)
        #expect(await site.page(for: "/posts/b/").status == 404)
        // A known change to a published file is published.
        await site.publish([OutputFile(path: "index.html", text: "home, edited"), OutputFile(path: "posts/c/index.html", text: "c")],
                           changed: ["index.html"])
        #expect(await site.page(for: "/").body == Array("home, edited".utf8))
    }

    @Test func filePathsNeverClimbOut() {
        #expect(PreviewSite.filePath(for: "/") == "index.html")
        #expect(PreviewSite.filePath(for: "/posts/a/") == "posts/a/index.html")
        #expect(PreviewSite.filePath(for: "//posts//a/") == "posts/a/index.html")
        #expect(PreviewSite.filePath(for: "/a/../../b") == nil)
        #expect(PreviewSite.filePath(for: "relative") == nil)
    }
}

/// The preview's build cache: a saved post is parsed alone and only the pages that show it are rendered again.
@Suite struct PreviewRebuildTests {
    @Test func savingAPostRebuildsOnlyWhatShowsIt() throws {
        let site = TemporaryDirectory()
        site.write(minimalSiteYAML + """

        -- Posts/2026-01-01-a.md --
        ---
        title: "A"
        tags: [one]
        ---
        First.
        -- Posts/2026-01-02-b.md --
        ---
        title: "B"
        tags: [two]
        ---
        Second.
        -- Posts/2026-01-03-c.md --
        ---
        title: "C"
        tags: [two]
        ---
        Third.
        -- Posts/2026-01-04-d.md --
        ---
        title: "D"
        ---
        Fourth.
        """)
        let builder = PreviewBuilder(siteDirectory: site.url, baseURL: "http://127.0.0.1:8000/")
        guard case .built(let first, _) = builder.build(generation: "g") else { Issue.record("first build failed"); return }
        #expect(builder.cache.lastMisses == 4)
        site.write("Posts/2026-01-01-a.md", "---\ntitle: \"A\"\ntags: [one]\n---\nFirst, edited.\n")
        guard case .built(let second, _) = builder.build(generation: "g") else { Issue.record("second build failed"); return }
        #expect(builder.cache.lastMisses == 1)
        #expect(builder.cache.lastHits == 3)
        // A's summary changed, so: A's page, its neighbour B's page (which shows A's card), home, tag "one", and the
        // archive. The topic index (names and counts) and the 404 page show nothing of A's text and are reused.
        #expect(builder.cache.pages.lastRendered == 5)
        let changed = zip(first, second).filter { $0.contents != $1.contents }.map(\.0.path)
        // The summary (first paragraph) changed too, so the lists showing it changed.
        #expect(changed == ["feed.xml", "index.html", "posts/a/index.html", "tags/one/index.html"])
        // A template change renders every page again and parses no post.
        site.write("Templates/partials/footer.mustache", "<footer>new</footer>\n")
        guard case .built = builder.build(generation: "g") else { Issue.record("third build failed"); return }
        #expect(builder.cache.lastMisses == 0)
        #expect(builder.cache.pages.lastReused == 0)
    }
}

/// The preview's content cache: the watcher's paths decide which files are read again.
@Suite struct PreviewContentCacheTests {
    func makeSite() -> TemporaryDirectory {
        let site = TemporaryDirectory()
        site.write(minimalSiteYAML + """

        -- Posts/2026-01-01-a.md --
        ---
        title: "A"
        ---
        First paragraph of A.

        Second paragraph of A.
        -- Posts/2026-01-02-b.md --
        ---
        title: "B"
        ---
        B.
        -- Posts/2026-01-03-c.md --
        ---
        title: "C"
        ---
        C.
        """)
        return site
    }

    func page(_ outcome: PreviewBuilder.Outcome, _ path: String) -> String? {
        guard case .built(let files, _) = outcome else { return nil }
        return files.first { $0.path == path }.map { String(decoding: $0.contents, as: UTF8.self) }
    }

    @Test func aWatchedEditReadsOneFileAndRendersOnePage() throws {
        let site = makeSite()
        let builder = PreviewBuilder(siteDirectory: site.url, baseURL: "http://127.0.0.1:8000/")
        _ = builder.build(generation: "g", changed: [])
        #expect(builder.cache.content.lastReads == 3)
        // Below the first paragraph: the summary, and so every list, stays the same.
        site.write("Posts/2026-01-01-a.md", "---\ntitle: \"A\"\n---\nFirst paragraph of A.\n\nSecond paragraph, edited.\n")
        let edited = builder.build(generation: "g", changed: ["Posts/2026-01-01-a.md"])
        #expect(builder.cache.content.lastReads == 1)
        #expect(builder.cache.lastMisses == 1)
        #expect(builder.cache.pages.lastRendered == 1)
        #expect(page(edited, "posts/a/index.html")?.contains("Second paragraph, edited.") == true)
        // A path the watcher did not report is not read: the cache trusts the watcher.
        site.write("Posts/2026-01-02-b.md", "---\ntitle: \"B\"\n---\nB, edited unseen.\n")
        let unseen = builder.build(generation: "g", changed: [])
        #expect(builder.cache.content.lastReads == 0)
        #expect(page(unseen, "posts/b/index.html")?.contains("edited unseen") == false)
    }

    /// The editor overlay: a post's page lists its own findings; warnings about files that are not posts (a comment
    /// file here) go on the home page.
    @Test func overlaysListEachPagesFindings() throws {
        let site = makeSite()
        site.write("Posts/2026-01-02-b.md", "---\ntitle: \"B\"\n---\nA recent trial found that 6 in 10 patients improved.\n")
        site.write("Posts/2026-01-02-b.comments/2026-01-05-x.md",
                   "---\nauthor: \"Sam\"\ndate: 2026-01-05\nstatus: approved\nemial: sam@example.com\n---\nThanks.\n")
        let outcome = PreviewBuilder(siteDirectory: site.url, baseURL: "http://127.0.0.1:8000/").build(generation: "g")
        let postB = page(outcome, "posts/b/index.html") ?? ""
        let home = page(outcome, "index.html") ?? ""
        #expect(postB.contains("<script type=\"application/json\" id=\"cp-findings\">"))
        #expect(postB.contains("uncited-statistic"))
        #expect(!postB.contains("emial"))
        #expect(home.contains("emial"))
        #expect(!home.contains("uncited-statistic"))
        #expect(page(outcome, "posts/c/index.html")?.contains("cp-findings") == false)
    }

    @Test func deletedAndNewPostsAndCommentsAreSeen() throws {
        let site = makeSite()
        let builder = PreviewBuilder(siteDirectory: site.url, baseURL: "http://127.0.0.1:8000/")
        _ = builder.build(generation: "g", changed: [])
        try FileManager.default.removeItem(at: site.url.appendingPathComponent("Posts/2026-01-03-c.md"))
        site.write("Posts/2026-01-04-d.md", "---\ntitle: \"D\"\n---\nD.\n")
        site.write("Posts/2026-01-02-b.comments/2026-01-05-x.md",
                   "---\nauthor: \"Sam\"\ndate: 2026-01-05\nstatus: approved\n---\nHelpful, thanks.\n")
        let outcome = builder.build(generation: "g", changed: ["Posts/2026-01-03-c.md", "Posts/2026-01-04-d.md",
                                                               "Posts/2026-01-02-b.comments", "Posts/2026-01-02-b.comments/2026-01-05-x.md"])
        #expect(builder.cache.content.lastReads == 2)
        guard case .built(let files, let report) = outcome else { Issue.record("build failed"); return }
        #expect(report.posts == 3)
        #expect(files.contains { $0.path == "posts/d/index.html" })
        #expect(!files.contains { $0.path == "posts/c/index.html" })
        #expect(page(outcome, "posts/b/index.html")?.contains("Helpful, thanks.") == true)
        // A lost event queue (the kernel's overflow) reads everything again.
        _ = builder.build(generation: "g", changes: [.everything])
        #expect(builder.cache.content.lastReads == 4)
        // And so does a build that is not told what changed.
        _ = builder.build(generation: "g")
        #expect(builder.cache.content.lastReads == 4)
    }
}

/// The preview's fast path (only edited posts redone) must give exactly what a build from scratch gives.
@Suite struct PreviewFastPathTests {
    func files(_ outcome: PreviewBuilder.Outcome) -> [String: String] {
        guard case .built(let files, _) = outcome else { return [:] }
        return Dictionary(uniqueKeysWithValues: files.map { ($0.path, String(decoding: $0.contents, as: UTF8.self)) })
    }

    /// Builds after the edit through `builder` (told the paths) and from scratch, and compares every file.
    func expectSameAsFreshBuild(_ builder: PreviewBuilder, _ site: TemporaryDirectory, changed: [String], fastPath: Bool,
                                sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let incremental = files(builder.build(generation: "g", changed: changed))
        #expect((builder.cache.lastChangedFiles != nil) == fastPath, "fast path", sourceLocation: sourceLocation)
        let fresh = files(PreviewBuilder(siteDirectory: site.url, baseURL: builder.baseURL).build(generation: "g"))
        #expect(!fresh.isEmpty, sourceLocation: sourceLocation)
        #expect(incremental.keys.sorted() == fresh.keys.sorted(), sourceLocation: sourceLocation)
        for (path, text) in fresh where incremental[path] != text {
            Issue.record("\(path) differs from a fresh build", sourceLocation: sourceLocation)
        }
    }

    @Test func editsGiveTheSameSiteAsAFreshBuild() throws {
        let site = TemporaryDirectory()
        site.write(minimalSiteYAML + """

        -- Posts/2026-01-01-a.md --
        ---
        title: "Ketamine basics, Part 1"
        tags: [ketamine]
        ---
        What a first visit looks like.

        A recent trial found that 6 in 10 patients improved.[^1]

        [^1]: Smith J, Ketamine trial, 2024, https://pubmed.ncbi.nlm.nih.gov/1/
        -- Posts/2026-01-02-b.md --
        ---
        title: "Ketamine basics, Part 2"
        tags: [ketamine]
        ---
        The second part.

        Most patients feel better within hours.
        -- Posts/2026-01-02-b.comments/2026-01-03-x.md --
        ---
        author: "Sam"
        date: 2026-01-03
        status: approved
        ---
        Thank you.
        -- Posts/2026-01-03-c.md --
        ---
        title: "TMS"
        tags: [tms]
        ---
        Plain words.
        """)
        let builder = PreviewBuilder(siteDirectory: site.url, baseURL: "http://127.0.0.1:8000/")
        _ = builder.build(generation: "g", changed: [])

        // A new uncited claim further down a post: its page, its findings overlay and the feed change.
        site.write("Posts/2026-01-01-a.md", """
        ---
        title: "Ketamine basics, Part 1"
        tags: [ketamine]
        ---
        What a first visit looks like.

        A recent trial found that 6 in 10 patients improved.[^1] Nine in ten patients feel better in a week.

        [^1]: Smith J, Ketamine trial, 2024, https://pubmed.ncbi.nlm.nih.gov/1/
        """)
        expectSameAsFreshBuild(builder, site, changed: ["Posts/2026-01-01-a.md"], fastPath: true)
        #expect(builder.cache.lastChangedFiles == ["posts/a/index.html", "feed.xml"])

        // A comment edited in place: the post's page changes, its comment count does not.
        site.write("Posts/2026-01-02-b.comments/2026-01-03-x.md", "---\nauthor: \"Sam\"\ndate: 2026-01-03\nstatus: approved\n---\nThank you, very clear.\n")
        expectSameAsFreshBuild(builder, site, changed: ["Posts/2026-01-02-b.comments/2026-01-03-x.md"], fastPath: true)

        // A new title changes lists and series navigation: the full path.
        site.write("Posts/2026-01-03-c.md", "---\ntitle: \"TMS, explained\"\ntags: [tms]\n---\nPlain words.\n")
        expectSameAsFreshBuild(builder, site, changed: ["Posts/2026-01-03-c.md"], fastPath: false)

        // A new first paragraph changes the summary the lists show: the full path.
        site.write("Posts/2026-01-03-c.md", "---\ntitle: \"TMS, explained\"\ntags: [tms]\n---\nNew opening words.\n")
        expectSameAsFreshBuild(builder, site, changed: ["Posts/2026-01-03-c.md"], fastPath: false)

        // A broken link fails the build; fixing it builds again.
        site.write("Posts/2026-01-03-c.md", "---\ntitle: \"TMS, explained\"\ntags: [tms]\n---\nNew opening words.\n\nSee [this](missing.md).\n")
        guard case .failed = builder.build(generation: "g", changed: ["Posts/2026-01-03-c.md"]) else {
            Issue.record("a broken link should fail the build")
            return
        }
        site.write("Posts/2026-01-03-c.md", "---\ntitle: \"TMS, explained\"\ntags: [tms]\n---\nNew opening words.\n\nSee [part one](2026-01-01-a.md).\n")
        expectSameAsFreshBuild(builder, site, changed: ["Posts/2026-01-03-c.md"], fastPath: false)

        // Then body edits take the fast path again.
        site.write("Posts/2026-01-03-c.md", "---\ntitle: \"TMS, explained\"\ntags: [tms]\n---\nNew opening words.\n\nSee [part one](2026-01-01-a.md) first.\n")
        expectSameAsFreshBuild(builder, site, changed: ["Posts/2026-01-03-c.md"], fastPath: true)
    }

    /// Random sequences of the edits editors make — body text, titles, tags, comments added, removed or moderated,
    /// posts added and deleted, broken links and their fixes, site.yaml and a template — each followed by the
    /// preview's rebuild and a build from scratch: same files, or both failed with the same findings.
    @Test(arguments: [1, 2, 3] as [UInt64])
    func randomEditSequencesGiveTheSameSiteAsAFreshBuild(seed: UInt64) throws {
        var random = SeededGenerator(seed: seed)
        let site = TemporaryDirectory()
        site.write(minimalSiteYAML)
        func post(_ title: String, tags: String, body: String) -> String { "---\ntitle: \"\(title)\"\ntags: [\(tags)]\n---\n\(body)\n" }
        var bodies = ["a": "What a first visit looks like.\n\nA recent trial found that 6 in 10 patients improved.[^1]\n\n[^1]: Smith J, Trial, 2024, https://pubmed.ncbi.nlm.nih.gov/1/",
                      "b": "The second part.\n\nMost patients feel better within hours.", "c": "Plain words."]
        var titles = ["a": "Ketamine basics, Part 1", "b": "Ketamine basics, Part 2", "c": "TMS"]
        var tags = ["a": "ketamine", "b": "ketamine", "c": "tms"]
        let days = ["a": "2026-01-01", "b": "2026-01-02", "c": "2026-01-03", "d": "2026-01-04"]
        func path(_ name: String) -> String { "Posts/\(days[name]!)-\(name).md" }
        for name in bodies.keys.sorted() { site.write(path(name), post(titles[name]!, tags: tags[name]!, body: bodies[name]!)) }
        let builder = PreviewBuilder(siteDirectory: site.url, baseURL: "http://127.0.0.1:8000/")
        _ = builder.build(generation: "g", changed: [])
        let sentences = ["Nine in ten patients feel better in a week.", "Call us to book.", "See [part two](post:b).",
                         "See [a missing page](missing.md).", "Studies show it works for everyone.", "In the next part we cover costs."]
        for step in 0..<30 {
            let names = bodies.keys.sorted()
            let name = names[Int(random.next() % UInt64(names.count))]
            var changed = [path(name)]
            switch random.next() % 9 {
            case 0, 1, 2:  // body text: the fast path, unless a link breaks or a summary changes
                bodies[name]! += "\n\n" + sentences[Int(random.next() % UInt64(sentences.count))]
            case 3:
                titles[name]! += " (updated)"
            case 4:
                tags[name] = tags[name] == "tms" ? "ketamine, tms" : "tms"
            case 5:  // a comment added, moderated or removed
                let file = "Posts/\(days[name]!)-\(name).comments/2026-02-01-c\(step % 3).md"
                let status = ["approved", "pending", "rejected"][Int(random.next() % 3)]
                if random.next() % 4 == 0 {
                    try? FileManager.default.removeItem(at: site.url.appendingPathComponent(file))
                } else {
                    site.write(file, "---\nauthor: \"Sam\"\ndate: 2026-02-01\nstatus: \(status)\n---\nComment \(step).\n")
                }
                changed = [file]
            case 6:  // a post added or deleted
                if bodies["d"] == nil {
                    bodies["d"] = "A new post, step \(step)."
                    titles["d"] = "New"
                    tags["d"] = "tms"
                    changed = [path("d")]
                } else if name != "a" {
                    try FileManager.default.removeItem(at: site.url.appendingPathComponent(path(name)))
                    bodies[name] = nil
                }
            case 7:
                site.write("site.yaml", "title: \"Test Blog \(step)\"\nbase_url: \"https://test.example/\"\n")
                changed = ["site.yaml"]
            default:
                site.write("Templates/partials/footer.mustache", "<footer>Step \(step)</footer>\n")
                changed = ["Templates/partials/footer.mustache"]
            }
            for name in bodies.keys where changed.contains(path(name)) {
                site.write(path(name), post(titles[name]!, tags: tags[name]!, body: bodies[name]!))
            }
            expectSameOutcome(builder, site, changed: changed, step: step)
        }
    }

    func expectSameOutcome(_ builder: PreviewBuilder, _ site: TemporaryDirectory, changed: [String], step: Int) {
        let incremental = builder.build(generation: "g", changed: changed)
        let fresh = PreviewBuilder(siteDirectory: site.url, baseURL: builder.baseURL).build(generation: "g")
        switch (incremental, fresh) {
        case (.failed(_, let a), .failed(_, let b)):
            let (only, missing) = (a.filter { !b.contains($0) }, b.filter { !a.contains($0) })
            #expect(only.isEmpty && missing.isEmpty, "step \(step): only in the rebuild \(only); only in the fresh build \(missing)")
        case (.built, .built):
            let (a, b) = (files(incremental), files(fresh))
            #expect(a.keys.sorted() == b.keys.sorted(), "step \(step)")
            for (path, text) in b where a[path] != text { Issue.record("step \(step): \(path) differs from a fresh build") }
        default:
            Issue.record("step \(step): one build failed and the other did not")
        }
    }
}

extension PreviewBuilder {
    /// A build told of site-relative paths, as the file watcher sees them.
    func build(generation: String, changed paths: [String]) -> Outcome {
        build(generation: generation, changes: paths.compactMap(SiteChange.init(path:)))
    }
}

@Suite struct SiteChangeTests {
    @Test func pathsAreClassifiedOnce() {
        #expect(SiteChange(path: "Posts/2026-01-01-a.md") == .post(path: "Posts/2026-01-01-a.md"))
        #expect(SiteChange(path: "Posts/2026-01-01-a.comments/2026-01-02-x.md") == .comments(folder: "2026-01-01-a.comments"))
        #expect(SiteChange(path: "Posts/2026-01-01-a.comments") == .comments(folder: "2026-01-01-a.comments"))
        #expect(SiteChange(path: "site.yaml") == .siteWide(path: "site.yaml"))
        #expect(SiteChange(path: "Templates/post.mustache") == .siteWide(path: "Templates/post.mustache"))
        #expect(SiteChange(path: "Posts/images/a.png") == .siteWide(path: "Posts/images/a.png"))
        #expect(SiteChange(path: "Posts") == .everything)
        #expect(SiteChange(path: "Posts/.a.md.swp") == nil)
    }
}
