import ClinicPressContent
@testable import ClinicPressMarkdown
import ClinicPressModel
@testable import ClinicPressSite
import ClinicPressSeries
import Foundation
import Testing

/// Standalone pages, the menu, heading anchors, tables of contents and people (issue 16 items 3 and 4). The whole
/// picture is the `pages-people` golden site and the `page-errors` and `people-errors` invalid sites; these are the
/// rules one at a time.
@Suite struct PagesAndPeopleTests {
    private func anchors(_ markdown: String) -> (html: String, headings: [Heading]) {
        let tree = MarkdownTree(markdown, firstLine: 1, options: MarkdownOptions(allowRawHTML: false))
        var annotations = HTMLAnnotations()
        let headings = HeadingAnchors(tree.root, annotations: &annotations, label: "Link to this section").headings
        return (tree.html(annotations: annotations), headings)
    }

    @Test func headingIDsAreSlugsOfTheirTextRepeatedOnesNumberedInOrder() {
        let (html, headings) = anchors("## What to expect\n\n## What to *expect*\n\n### What to expect\n\n## Qué esperar\n\n#### Deep\n")
        #expect(headings.map(\.id) == ["what-to-expect", "what-to-expect-2", "what-to-expect-3", "que-esperar"])
        #expect(headings.map(\.level) == [2, 2, 3, 2])
        #expect(html.contains("<h2 id=\"what-to-expect-2\">What to <em>expect</em> <a class=\"heading-anchor\" href=\"#what-to-expect-2\" aria-label=\"Link to this section: What to expect\">#</a></h2>"))
        // Level 4 gets an anchor but stays out of the table of contents.
        #expect(html.contains("<h4 id=\"deep\">"))
    }

    @Test func headingIDsNeverTakeTheThemesOwnIDs() {
        let (_, headings) = anchors("## Main\n\n## Source 1\n\n## Comment-form\n\n## !!!\n\n## !!!\n")
        #expect(headings.prefix(3).map(\.id) == ["section-main", "section-source-1", "section-comment-form"])
        // A heading with no letters gets a stable hash of its text, as titles do.
        #expect(headings[3].id.hasPrefix("s-") && headings[4].id == headings[3].id + "-2")
    }

    @Test func headingIDsAreTheSameOnEveryBuild() {
        let markdown = "## A\n\n## A\n\n### B\n"
        #expect(anchors(markdown).html == anchors(markdown).html)
    }

    @Test func theTableOfContentsNestsThirdLevelHeadings() throws {
        let site = TemporaryDirectory()
        site.write(minimalSiteYAML + """

        -- Posts/2026-01-01-a.md --
        ---
        title: "A"
        toc: true
        ---
        ## One

        ### One point one

        ## Two
        -- Posts/2026-01-02-b.md --
        ---
        title: "B"
        ---
        ## Only
        """)
        let files = try SiteBuilder.render(BuildOptions(siteDirectory: site.url, now: Fixtures.now)).files
        let a = try #require(files.first { $0.path == "posts/a/index.html" }).text
        #expect(a.contains("<nav class=\"toc narrow\" aria-labelledby=\"toc-heading\">"))
        #expect(a.contains("<li><a href=\"#one\">One</a><ol><li><a href=\"#one-point-one\">One point one</a></li></ol></li>\n    <li><a href=\"#two\">Two</a></li>"))
        let b = try #require(files.first { $0.path == "posts/b/index.html" }).text
        #expect(!b.contains("class=\"toc"))
        #expect(b.contains("<h2 id=\"only\">"))
    }

    @Test func pagesAreLeftOutOfListsFeedsAndTopics() throws {
        let site = TemporaryDirectory()
        site.write(minimalSiteYAML + """

        -- Posts/2026-01-01-a.md --
        ---
        title: "A post"
        tags: [news]
        ---
        Body.
        -- Pages/team.md --
        ---
        title: "Our team"
        menu: 2
        ---
        People.
        """)
        let files = try SiteBuilder.render(BuildOptions(siteDirectory: site.url, now: Fixtures.now)).files
        #expect(files.contains { $0.path == "team/index.html" })
        for path in ["index.html", "archive/index.html", "tags/news/index.html", "feed.xml"] {
            let text = try #require(files.first { $0.path == path }).text
            #expect(!text.contains("Our team</a></h2>") && !text.contains("<title>Our team</title>"), "\(path) lists the page")
        }
        let sitemap = try #require(files.first { $0.path == "sitemap.xml" }).text
        #expect(sitemap.contains("<loc>https://test.example/team/</loc>"))
        // `menu: 2` puts the page in the navigation without a site.yaml menu.
        let home = try #require(files.first { $0.path == "index.html" }).text
        #expect(home.contains("<li><a href=\"/team/\">Our team</a></li>"))
    }

    @Test func aChangeInPagesOrPeopleRebuildsEverything() {
        #expect(SiteChange(path: "Pages/about.md") == .settings(path: "Pages/about.md"))
        #expect(SiteChange(path: "people.yaml") == .settings(path: "people.yaml"))
    }

    /// A menu entry links to a path of the site or a web, mail or phone address; anything else is an error at the entry.
    @Test func aMenuAddressThatIsNoLinkIsAnErrorAtItsEntry() throws {
        let site = TemporaryDirectory()
        site.write(minimalSiteYAML + """

        menu:
          - {title: Evil, url: "javascript:alert(1)"}
          - {title: Bare, url: "https://"}
          - {title: Fine, url: "https://clinic.example/"}
        -- Posts/2026-01-01-a.md --
        ---
        title: "A"
        ---
        Body.
        """)
        let error = try #require(throws: DiagnosticsError.self) { try SiteBuilder.render(BuildOptions(siteDirectory: site.url, now: Fixtures.now)) }
        #expect(error.errors.map(\.description) == [
            "site.yaml:4:5: error: a `menu` url must be a path of the site such as `/about/`, or an address such as `https://…`, found 'javascript:alert(1)' [site-config]",
            "site.yaml:5:5: error: a `menu` url must be a path of the site such as `/about/`, or an address such as `https://…`, found 'https://' [site-config]",
        ])
    }

    @Test func editingAPageOrPeopleRebuildsAsAFreshBuildWould() throws {
        let site = TemporaryDirectory()
        site.write(minimalSiteYAML + """

        -- people.yaml --
        ana:
          name: Ana Ortiz
          credentials: MD
        -- Posts/2026-01-01-a.md --
        ---
        title: "A"
        author: ana
        ---
        Body.
        -- Pages/about.md --
        ---
        title: "About"
        ---
        First words.
        """)
        let options = BuildOptions(siteDirectory: site.url, now: Fixtures.now)
        let build = IncrementalBuild(options)
        _ = try build.build(.everything)
        site.write("Pages/about.md", "---\ntitle: \"About us\"\nmenu: 1\n---\nNew words.\n")
        site.write("people.yaml", "ana:\n  name: Ana Ortiz\n  credentials: MD, PhD\n")
        let (files, _) = try build.build(SiteChanges([SiteChange(path: "Pages/about.md")!, SiteChange(path: "people.yaml")!]))
        let fresh = try SiteBuilder.render(options).files
        #expect(files.map(\.path) == fresh.map(\.path))
        #expect(zip(files, fresh).allSatisfy { $0.contents == $1.contents })
        let post = try #require(files.first { $0.path == "posts/a/index.html" }).text
        #expect(post.contains("Ana Ortiz, MD, PhD") && post.contains("<li><a href=\"/about/\">About us</a></li>"))
    }

    /// A page with a heading and a picture without alt text (a warning), as a post's stages see it.
    private static let pageSite = minimalSiteYAML + """

        -- Posts/2026-01-01-a.md --
        ---
        title: "A"
        ---
        Body.
        -- Pages/about.md --
        ---
        title: "About"
        ---
        ## Who we are

        ![](https://example.com/room.png)
        """

    /// The pipeline of the site in `folder`, and its pages.
    private func pipeline(_ folder: TemporaryDirectory) throws -> (PostPipeline, [Page]) {
        let options = BuildOptions(siteDirectory: folder.url, now: Fixtures.now)
        let content = try SiteContent.load(from: folder.url)
        let series = SeriesIndex(posts: content.posts, isPublished: { _ in true })
        let pipeline = SiteBuilder.makePipeline(content, theme: try SiteBuilder.loadTheme(options), options: options, published: content.posts,
                                                series: series)
        return (pipeline, content.pages)
    }

    @Test func pagesAreAnalysedWithoutRenderingAndRenderedByTheRenderStage() throws {
        let site = TemporaryDirectory()
        site.write(Self.pageSite)
        let (pipeline, pages) = try pipeline(site)
        var times = StageTimes()
        let analysed = pipeline.build(pages, rendering: false, times: &times)
        // `check`'s way: findings, no HTML, and no time spent rendering.
        #expect(analysed.count == 1 && analysed[0].page == nil)
        #expect(analysed[0].diagnostics.map { "\($0.location.line):\($0.location.column) \($0.rule)" } == ["6:1 accessibility"])
        #expect(times[.parse] > 0 && times[.analyse] > 0 && times[.render] == 0)
        let rendered = pipeline.build(pages, rendering: true, times: &times)
        #expect(rendered[0].diagnostics == analysed[0].diagnostics)
        #expect(times[.render] > 0)
        let page = try #require(rendered[0].page)
        #expect(page.headings == [Heading(level: 2, id: "who-we-are", text: "Who we are")])
        #expect(page.html.hasPrefix("<h2 id=\"who-we-are\">Who we are <a class=\"heading-anchor\" href=\"#who-we-are\" aria-label=\"Link to this section: Who we are\">#</a></h2>"))
    }

    @Test func checkReportsAPagesFindingsAsABuildDoesWithoutRenderingIt() throws {
        let site = TemporaryDirectory()
        site.write(Self.pageSite)
        let options = BuildOptions(siteDirectory: site.url, now: Fixtures.now)
        let check = try SiteBuilder.check(options)
        let build = try SiteBuilder.render(options).report
        let pageWarnings = check.warnings.filter { $0.location.file == "Pages/about.md" }
        #expect(pageWarnings.count == 1 && pageWarnings == build.warnings.filter { $0.location.file == "Pages/about.md" })
        #expect(check.times[.render] == 0 && build.times[.render] > 0)
    }

    @Test func withoutPeopleYAMLAuthorsAreNamesAsWritten() throws {
        let site = TemporaryDirectory()
        site.write(minimalSiteYAML + """

        -- Posts/2026-01-01-a.md --
        ---
        title: "A"
        author: "Dr. Lena Park, MD"
        reviewed_by: "Sam Reyes, PharmD"
        reviewed_on: 2026-01-01
        ---
        Body.
        """)
        let result = try SiteBuilder.render(BuildOptions(siteDirectory: site.url, now: Fixtures.now))
        #expect(!result.files.contains { $0.path.hasPrefix("authors/") })
        let page = try #require(result.files.first { $0.path == "posts/a/index.html" }).text
        #expect(page.contains("<p class=\"byline\"><span class=\"byline-author\">Written by Dr. Lena Park, MD</span><span class=\"byline-separator\"> · </span><span class=\"review-badge\"><span class=\"review-icon\" aria-hidden=\"true\">✓</span><span>Medically reviewed by Sam Reyes, PharmD · Reviewed on <time datetime=\"2026-01-01\">January 1, 2026</time></span></span></p>"))
        #expect(page.contains("\"reviewedBy\":{\"@type\":\"Person\",\"name\":\"Sam Reyes, PharmD\"}"))
    }

    @Test func theSamplePostShowsItsAuthorAndReviewerWithCredentials() throws {
        let files = try SiteBuilder.render(BuildOptions(siteDirectory: Fixtures.repository, now: Fixtures.now)).files
        let page = try #require(files.first { $0.path == "posts/ptsd-and-ketamine-assisted-psychotherapy/index.html" }).text
        #expect(page.contains("Written by <a href=\"/authors/priya-raman/\">Priya Raman, MD</a>"))
        #expect(page.contains("Medically reviewed by <a href=\"/authors/dana-whitfield/\">Dana Whitfield, PMHNP-BC</a>"))
        #expect(page.contains("Reviewed on <time datetime=\"2026-08-05\">"))
        for path in ["about/index.html", "en-espanol/index.html", "authors/priya-raman/index.html", "assets/people/priya-raman.png"] {
            #expect(files.contains { $0.path == path }, "missing \(path)")
        }
        let spanish = try #require(files.first { $0.path == "en-espanol/index.html" }).text
        #expect(spanish.hasPrefix("<!DOCTYPE html>\n<html lang=\"es\">"))
    }
}

private extension OutputFile {
    var text: String { String(decoding: contents, as: UTF8.self) }
}
