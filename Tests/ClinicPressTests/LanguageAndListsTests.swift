import ClinicPressContent
import ClinicPressModel
@testable import ClinicPressRender
import ClinicPressSite
import Foundation
import Testing

/// Interface strings and dates in the site's language, topic display names, paginated topics and archive, the RSS
/// feed and topic feeds (issue 16 items 6 and 7).
@Suite struct LanguageAndListsTests {
    @Test(arguments: [
        ("en", "September 8, 2026"), ("en-GB", "September 8, 2026"), ("es", "8 de septiembre de 2026"), ("fr-CA", "8 septembre 2026"),
        ("de-DE", "8. September 2026"), ("pt-BR", "September 8, 2026"),
    ])
    func datesFollowTheLanguage(language: String, expected: String) {
        #expect(UIStrings.builtIn(language).date(Timestamp(year: 2026, month: 9, day: 8)) == expected)
    }

    @Test func everyLanguageHasEveryEnglishString() throws {
        let theme = try Theme.builtIn()
        let english = Set(try #require(theme.strings["en"]).keys)
        for code in ["es", "fr", "de"] {
            #expect(Set(try #require(theme.strings[code]).keys) == english, "strings/\(code).yaml")
        }
    }

    private func site(_ settings: String, posts: Int = 1, tags: String = "[Light Therapy]") -> TemporaryDirectory {
        let site = TemporaryDirectory()
        var archive = """
        -- site.yaml --
        title: "Blog"
        base_url: "https://blog.test/"
        posts_per_page: 2
        \(settings)
        """
        for day in 1...posts {
            archive += """

            -- Posts/2026-01-0\(day)-post-\(day).md --
            ---
            title: "Post \(day)"
            tags: \(tags)
            reviewed_by: "Dr. Ana Ortiz"
            reviewed_on: 2026-01-0\(day)
            ---
            ## Start
            """
        }
        site.write(archive)
        return site
    }

    @Test func interfaceStringsFollowTheLanguageAndSiteYAMLOverridesThem() throws {
        let site = site("language: es\nstrings:\n  medically_reviewed_by: \"Revisado por\"", posts: 2)
        let files = try SiteBuilder.render(BuildOptions(siteDirectory: site.url, now: Fixtures.now)).files
        let page = try #require(files.first { $0.path == "posts/post-1/index.html" }).text
        #expect(page.contains("<span>Revisado por Dr. Ana Ortiz · Revisado el <time datetime=\"2026-01-01\">1 de enero de 2026</time></span>"))
        #expect(page.contains("<span class=\"label\">Más reciente</span> Post 2"))
        #expect(page.contains("aria-label=\"Enlace a esta sección: Start\""))
        #expect(page.contains("<a class=\"skip-link\" href=\"#main\">Saltar al contenido principal</a>"))
    }

    @Test func aThemesStringsFileChangedInThePreviewGivesWhatAFreshBuildGives() throws {
        let site = site("", posts: 2)
        let options = BuildOptions(siteDirectory: site.url, now: Fixtures.now)
        let build = IncrementalBuild(options)
        _ = try build.build(.everything)
        site.write("Templates/strings/en.yaml", "heading_link: Permalink\nnewer: Later\n")
        let (files, _) = try build.build(SiteChanges([SiteChange(path: "Templates/strings/en.yaml")!]))
        let fresh = try SiteBuilder.render(options).files
        #expect(files.map(\.path) == fresh.map(\.path))
        #expect(zip(files, fresh).allSatisfy { $0.contents == $1.contents })
        let page = try #require(files.first { $0.path == "posts/post-1/index.html" }).text
        #expect(page.contains("aria-label=\"Permalink: Start\"") && page.contains("<span class=\"label\">Later</span>"))
    }

    @Test func anUnknownStringKeyIsAWarningWithTheLikelyKey() throws {
        let site = site("strings:\n  read_mor: \"Continue\"")
        let report = try SiteBuilder.render(BuildOptions(siteDirectory: site.url, now: Fixtures.now)).report
        #expect(report.warnings.map(\.description) == [
            "site.yaml:5:3: warning: unknown interface string `read_mor`; did you mean `read_more`? [site-config]\n    hint: the strings are listed in docs/language.md, with their English text",
        ])
    }

    @Test func topicsAndTheArchiveArePaginatedLikeTheHomePage() throws {
        let site = site("tags:\n  light-therapy: \"Light therapy (bright light)\"", posts: 5)
        let files = try SiteBuilder.render(BuildOptions(siteDirectory: site.url, now: Fixtures.now)).files
        let paths = Set(files.map(\.path))
        for path in ["tags/light-therapy/index.html", "tags/light-therapy/page/2/index.html", "tags/light-therapy/page/3/index.html",
                     "archive/index.html", "archive/page/2/index.html", "archive/page/3/index.html"] {
            #expect(paths.contains(path), "missing \(path)")
        }
        #expect(!paths.contains("tags/light-therapy/page/4/index.html"))
        let second = try #require(files.first { $0.path == "tags/light-therapy/page/2/index.html" }).text
        #expect(second.contains("<title>Articles about Light therapy (bright light), Page 2 of 3 · Blog</title>"))
        #expect(second.contains("<a class=\"prev\" rel=\"prev\" href=\"/tags/light-therapy/\">← Newer articles</a>"))
        #expect(second.contains("<a class=\"next\" rel=\"next\" href=\"/tags/light-therapy/page/3/\">Older articles →</a>"))
        #expect(second.contains(">Post 3</a>") && second.contains(">Post 2</a>") && !second.contains(">Post 1</a>"))
        let sitemap = try #require(files.first { $0.path == "sitemap.xml" }).text
        #expect(sitemap.contains("<loc>https://blog.test/tags/light-therapy/page/3/</loc>") && sitemap.contains("<loc>https://blog.test/archive/page/2/</loc>"))
    }

    @Test func theRSSFeedAndEachTopicsFeedCarryThePosts() throws {
        let site = site("", posts: 2)
        let files = try SiteBuilder.render(BuildOptions(siteDirectory: site.url, now: Fixtures.now)).files
        let rss = try #require(files.first { $0.path == "rss.xml" }).text
        #expect(rss.contains("<atom:link href=\"https://blog.test/rss.xml\" rel=\"self\" type=\"application/rss+xml\"/>"))
        #expect(rss.contains("<pubDate>Fri, 02 Jan 2026 00:00:00 +0000</pubDate>"))
        #expect(rss.contains("<category>Light Therapy</category>"))
        let topic = try #require(files.first { $0.path == "tags/light-therapy/feed.xml" }).text
        #expect(topic.contains("<title>Blog: Light Therapy</title>"))
        #expect(topic.contains("<link href=\"https://blog.test/tags/light-therapy/feed.xml\" rel=\"self\" type=\"application/atom+xml\"/>"))
        #expect(topic.components(separatedBy: "<entry>").count == 3)
        let page = try #require(files.first { $0.path == "tags/light-therapy/index.html" }).text
        #expect(page.contains("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Blog: Light Therapy\" href=\"/tags/light-therapy/feed.xml\">"))
        #expect(page.contains("<link rel=\"alternate\" type=\"application/rss+xml\" title=\"Blog (RSS)\" href=\"/rss.xml\">"))
    }
}

private extension OutputFile {
    var text: String { String(decoding: contents, as: UTF8.self) }
}
