import ClinicPressContent
import ClinicPressModel
@testable import ClinicPressPreview
import ClinicPressSite
import Foundation
import Hummingbird
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

/// The preview's rebuilds: a saved post is read and built alone, and only the pages that show it are rendered again.
@Suite struct PreviewRebuildTests {
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

    func report(_ outcome: PreviewBuilder.Outcome) -> BuildReport? {
        guard case .built(_, let report) = outcome else { return nil }
        return report
    }

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
        let firstBuild = builder.build(generation: "g")
        guard case .built(let first, let firstReport) = firstBuild else { Issue.record("first build failed"); return }
        #expect(firstReport.postsBuilt == 4)
        site.write("Posts/2026-01-01-a.md", "---\ntitle: \"A\"\ntags: [one]\n---\nFirst, edited.\n")
        let secondBuild = builder.build(generation: "g", changed: ["Posts/2026-01-01-a.md"])
        guard case .built(let second, let secondReport) = secondBuild else { Issue.record("second build failed"); return }
        #expect(secondReport.postsBuilt == 1)
        // A's summary changed, so: A's page, its neighbour B's page (which shows A's card), home, tag "one", and the
        // archive. The topic index (names and counts) and the 404 page show nothing of A's text and are kept.
        #expect(secondReport.pagesRendered == 5)
        #expect(secondReport.changedFiles == ["archive/index.html", "feed.xml", "index.html", "posts/a/index.html", "posts/b/index.html",
                                        "rss.xml", "sitemap.xml", "tags/one/feed.xml", "tags/one/index.html"])
        let changed = zip(first, second).filter { $0.contents != $1.contents }.map(\.0.path)
        // The summary (first paragraph) changed too, so the lists showing it changed.
        #expect(changed == ["feed.xml", "index.html", "posts/a/index.html", "rss.xml", "tags/one/feed.xml", "tags/one/index.html"])
        // A template change renders every page again and builds no post.
        site.write("Templates/partials/footer.mustache", "<footer>new</footer>\n")
        let third = builder.build(generation: "g", changed: ["Templates/partials/footer.mustache"])
        #expect(report(third)?.postsBuilt == 0)
        #expect(report(third)?.pagesRendered == report(third)?.pages)
        #expect(report(third)?.changedFiles == nil)
        // Saved again unchanged: nothing is rendered.
        site.write("Templates/partials/footer.mustache", "<footer>new</footer>\n")
        let fourth = builder.build(generation: "g", changed: ["Templates/partials/footer.mustache"])
        #expect(report(fourth)?.pagesRendered == 0)
        #expect(report(fourth)?.changedFiles == [])
    }

    @Test func aWatchedEditReadsOneFileAndRendersOnePage() throws {
        let site = makeSite()
        let builder = PreviewBuilder(siteDirectory: site.url, baseURL: "http://127.0.0.1:8000/")
        #expect(report(builder.build(generation: "g", changed: []))?.filesRead == 3)
        // Below the first paragraph: the summary, and so every list, stays the same.
        site.write("Posts/2026-01-01-a.md", "---\ntitle: \"A\"\n---\nFirst paragraph of A.\n\nSecond paragraph, edited.\n")
        let edited = builder.build(generation: "g", changed: ["Posts/2026-01-01-a.md"])
        #expect(report(edited)?.filesRead == 1)
        #expect(report(edited)?.postsBuilt == 1)
        #expect(report(edited)?.pagesRendered == 1)
        // The post's page, and the feeds, which show the newest posts in full.
        #expect(report(edited)?.changedFiles == ["feed.xml", "posts/a/index.html", "rss.xml"])
        #expect(builder.lastChangedPaths == ["feed.xml", "posts/a/index.html", "rss.xml"])
        #expect(page(edited, "posts/a/index.html")?.contains("Second paragraph, edited.") == true)
        // Saved again unchanged: read, and nothing built.
        let saved = builder.build(generation: "g", changed: ["Posts/2026-01-01-a.md"])
        #expect(report(saved)?.filesRead == 1)
        #expect(report(saved)?.postsBuilt == 0)
        #expect(report(saved)?.changedFiles == [])
        // A path the watcher did not report is not read: the build trusts the watcher.
        site.write("Posts/2026-01-02-b.md", "---\ntitle: \"B\"\n---\nB, edited unseen.\n")
        let unseen = builder.build(generation: "g", changed: [])
        #expect(report(unseen)?.filesRead == 0)
        #expect(page(unseen, "posts/b/index.html")?.contains("edited unseen") == false)
    }

    /// The editor overlay: a post's page lists its own findings; warnings about files that are not posts (a comment
    /// file here) go on the home page.
    @Test func overlaysListEachPagesFindings() throws {
        let site = makeSite()
        site.write("Posts/2026-01-02-b.md", "---\ntitle: \"B\"\n---\nA recent trial found that 6 in 10 patients improved.\n")
        site.write("Posts/2026-01-02-b.comments/2026-01-05-x.md",
                   "---\nauthor: \"Sam\"\ndate: 2026-01-05\nstatus: approved\nemial: sam@example.com\n---\nThanks.\n")
        let builder = PreviewBuilder(siteDirectory: site.url, baseURL: "http://127.0.0.1:8000/")
        let outcome = builder.build(generation: "g")
        let postB = page(outcome, "posts/b/index.html") ?? ""
        let home = page(outcome, "index.html") ?? ""
        #expect(postB.contains("<aside id=\"cp-review\" class=\"cp-review\""))
        #expect(postB.contains("uncited-statistic"))
        #expect(!postB.contains("emial"))
        #expect(home.contains("emial"))
        #expect(!home.contains("uncited-statistic"))
        #expect(page(outcome, "posts/c/index.html")?.contains("cp-review") == false)
        // The comment's key corrected: the home page, whose HTML is the same, loses the warning from its overlay.
        site.write("Posts/2026-01-02-b.comments/2026-01-05-x.md",
                   "---\nauthor: \"Sam\"\ndate: 2026-01-05\nstatus: approved\nemail: sam@example.com\n---\nThanks.\n")
        let corrected = builder.build(generation: "g", changed: ["Posts/2026-01-02-b.comments/2026-01-05-x.md"])
        #expect(page(corrected, "index.html")?.contains("emial") == false)
        #expect(builder.lastChangedPaths?.contains("index.html") == true)
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
        guard case .built(let files, let report) = outcome else { Issue.record("build failed"); return }
        // The new post and the comment folder are read; the deleted post is not, and no other file is.
        #expect(report.filesRead == 2)
        // A post added or deleted changes lists, neighbours and links: every post is built again.
        #expect(report.postsBuilt == 3)
        #expect(report.changedFiles == nil)
        #expect(report.posts == 3)
        #expect(files.contains { $0.path == "posts/d/index.html" })
        #expect(!files.contains { $0.path == "posts/c/index.html" })
        #expect(page(outcome, "posts/b/index.html")?.contains("Helpful, thanks.") == true)
        // A lost event queue (the kernel's overflow) reads everything again.
        #expect(self.report(builder.build(generation: "g", changes: .everything))?.filesRead == 4)
        // And so does a build that is not told what changed.
        #expect(self.report(builder.build(generation: "g"))?.filesRead == 4)
    }

    func files(_ outcome: PreviewBuilder.Outcome) -> [String: [UInt8]] {
        guard case .built(let files, _) = outcome else { return [:] }
        return Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.contents) })
    }

    /// Rebuilds after the edit through `builder` (told the paths) and builds from scratch, and compares every file;
    /// returns the files the rebuild said it made again.
    @discardableResult
    func expectSameAsFreshBuild(_ builder: PreviewBuilder, _ site: TemporaryDirectory, changed: [String],
                                sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [String]? {
        let outcome = builder.build(generation: "g", changed: changed)
        let incremental = files(outcome)
        let fresh = files(PreviewBuilder(siteDirectory: site.url, baseURL: builder.baseURL).build(generation: "g"))
        #expect(!fresh.isEmpty, sourceLocation: sourceLocation)
        #expect(incremental.keys.sorted() == fresh.keys.sorted(), sourceLocation: sourceLocation)
        for (path, contents) in fresh where incremental[path] != contents {
            Issue.record("\(path) differs from a fresh build", sourceLocation: sourceLocation)
        }
        return report(outcome)?.changedFiles
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
        -- Pages/about.md --
        ---
        title: "About"
        ---
        ## Who we are

        See [part one](post:a).
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
        #expect(expectSameAsFreshBuild(builder, site, changed: ["Posts/2026-01-01-a.md"]) == ["feed.xml", "posts/a/index.html", "rss.xml", "tags/ketamine/feed.xml"])

        // A comment edited in place: the post's page changes, its comment count does not.
        site.write("Posts/2026-01-02-b.comments/2026-01-03-x.md", "---\nauthor: \"Sam\"\ndate: 2026-01-03\nstatus: approved\n---\nThank you, very clear.\n")
        #expect(expectSameAsFreshBuild(builder, site, changed: ["Posts/2026-01-02-b.comments/2026-01-03-x.md"]) == ["feed.xml", "posts/b/index.html", "rss.xml", "tags/ketamine/feed.xml"])

        // A new title changes lists and series navigation: everything is built again.
        site.write("Posts/2026-01-03-c.md", "---\ntitle: \"TMS, explained\"\ntags: [tms]\n---\nPlain words.\n")
        #expect(expectSameAsFreshBuild(builder, site, changed: ["Posts/2026-01-03-c.md"]) == nil)

        // A new first paragraph changes the summary the lists show: the pages listing the post.
        site.write("Posts/2026-01-03-c.md", "---\ntitle: \"TMS, explained\"\ntags: [tms]\n---\nNew opening words.\n")
        #expect(expectSameAsFreshBuild(builder, site, changed: ["Posts/2026-01-03-c.md"])
            == ["archive/index.html", "feed.xml", "index.html", "posts/b/index.html", "posts/c/index.html", "rss.xml", "sitemap.xml",
                "tags/tms/feed.xml", "tags/tms/index.html"])

        // A broken link fails the build; fixing it builds again, from the last successful build.
        site.write("Posts/2026-01-03-c.md", "---\ntitle: \"TMS, explained\"\ntags: [tms]\n---\nNew opening words.\n\nSee [this](missing.md).\n")
        guard case .failed = builder.build(generation: "g", changed: ["Posts/2026-01-03-c.md"]) else {
            Issue.record("a broken link should fail the build")
            return
        }
        site.write("Posts/2026-01-03-c.md", "---\ntitle: \"TMS, explained\"\ntags: [tms]\n---\nNew opening words.\n\nSee [part one](2026-01-01-a.md).\n")
        #expect(expectSameAsFreshBuild(builder, site, changed: ["Posts/2026-01-03-c.md"]) == ["feed.xml", "posts/c/index.html", "rss.xml", "tags/tms/feed.xml"])

        // A new tag: its page is added, with the topic index; the tag it lost loses its page.
        site.write("Posts/2026-01-03-c.md", "---\ntitle: \"TMS, explained\"\ntags: [new]\n---\nNew opening words.\n\nSee [part one](2026-01-01-a.md).\n")
        #expect(expectSameAsFreshBuild(builder, site, changed: ["Posts/2026-01-03-c.md"])
            == ["archive/index.html", "feed.xml", "index.html", "posts/b/index.html", "posts/c/index.html", "rss.xml", "sitemap.xml", "tags/index.html",
                "tags/new/feed.xml", "tags/new/index.html", "tags/tms/feed.xml", "tags/tms/index.html"])

        // A page edited: a new heading (its anchor and id) and a link to another post; every page is rendered again.
        site.write("Pages/about.md", "---\ntitle: \"About\"\n---\n## Who we are\n\n## Where to find us\n\nSee [TMS](post:c).\n")
        #expect(expectSameAsFreshBuild(builder, site, changed: ["Pages/about.md"]) == nil)
        guard case .built(let files, _) = builder.build(generation: "g", changed: []) else {
            Issue.record("the edited page should build")
            return
        }
        let about = String(decoding: try #require(files.first { $0.path == "about/index.html" }).contents, as: UTF8.self)
        #expect(about.contains("<h2 id=\"where-to-find-us\">Where to find us <a class=\"heading-anchor\"") && about.contains("href=\"/posts/c/\""))

        // A broken link in the page fails the build; fixing it builds again.
        site.write("Pages/about.md", "---\ntitle: \"About\"\n---\n## Who we are\n\nSee [this](missing.md).\n")
        guard case .failed(_, let diagnostics) = builder.build(generation: "g", changed: ["Pages/about.md"]) else {
            Issue.record("a broken link in a page should fail the build")
            return
        }
        #expect(diagnostics.contains { $0.location.file == "Pages/about.md" && $0.location.line == 6 && $0.rule == "broken-link" })
        site.write("Pages/about.md", "---\ntitle: \"About\"\n---\n## Who we are\n")
        #expect(expectSameAsFreshBuild(builder, site, changed: ["Pages/about.md"]) == nil)
    }
}

extension PreviewBuilder {
    /// A build told of site-relative paths, as the file watcher sees them.
    func build(generation: String, changed paths: [String]) -> Outcome {
        build(generation: generation, changes: SiteChanges(paths.compactMap(SiteChange.init(path:))))
    }
}

@Suite struct SiteChangeTests {
    @Test func pathsAreClassifiedOnce() {
        #expect(SiteChange(path: "Posts/2026-01-01-a.md") == .post(path: "Posts/2026-01-01-a.md"))
        #expect(SiteChange(path: "Posts/2026-01-01-a.comments/2026-01-02-x.md") == .comments(folder: "2026-01-01-a.comments"))
        #expect(SiteChange(path: "Posts/2026-01-01-a.comments") == .comments(folder: "2026-01-01-a.comments"))
        #expect(SiteChange(path: "site.yaml") == .settings(path: "site.yaml"))
        #expect(SiteChange(path: "references.yaml") == .settings(path: "references.yaml"))
        #expect(SiteChange(path: "Templates/post.mustache") == .template(path: "Templates/post.mustache"))
        #expect(SiteChange(path: "Templates") == .template(path: "Templates"))
        #expect(SiteChange(path: "Posts") == .everything)
        #expect(SiteChange(path: "Posts/2026-01-01-a.MD") == .everything)
        #expect(SiteChange(path: "Posts/images/a.png") == nil)
        #expect(SiteChange(path: "Posts/notes.txt") == nil)
        #expect(SiteChange(path: "Posts/.a.md.swp") == nil)
    }

    @Test func changesMergeIntoOneSet() {
        var changes = SiteChanges([.post(path: "Posts/a.md"), .comments(folder: "a.comments"), .post(path: "Posts/a.md")])
        #expect(changes.posts == ["Posts/a.md"])
        #expect(changes.commentFolders == ["a.comments"])
        #expect(!changes.templates && !changes.settings && !changes.everything)
        changes.formUnion(SiteChanges([.template(path: "Templates/post.mustache"), .settings(path: "site.yaml")]))
        #expect(changes.templates && changes.settings)
        #expect(changes.description == "Posts/a.md, Posts/a.comments, templates, settings")
        #expect(SiteChanges().isEmpty)
        #expect(SiteChanges.everything.description == "everything")
    }
}
