import Foundation
import Testing

/// Posts and templates nested far deeper than any real one: they crashed the build (SIGSEGV, no file:line) through
/// recursive walks of the Markdown tree and a template including itself. Each runs in a child process, so a crash
/// fails the test instead of the whole run.
@Suite struct NestingTests {
    /// Builds a site with one post whose body is `body` and returns the post's page.
    func buildPost(body: String) throws -> String? {
        let site = RedTeam.site(["Posts/2026-01-01-deep.md": RedTeam.post("Deep", body: body)])
        let result = try #require(try RedTeam.run(["build", "--site", site.url.path]))
        #expect(result.status == 0, "\(result.stderr)")
        return try? String(contentsOf: site.url.appendingPathComponent("Public/posts/deep/index.html"), encoding: .utf8)
    }

    @Test func sixThousandNestedBlockQuotesBuild() throws {
        let page = try buildPost(body: String(repeating: ">", count: 6_000) + " deep claim text\n")
        #expect(page?.contains("deep claim text") == true)
    }

    @Test func aListNestedThreeThousandDeepBuilds() throws {
        let page = try buildPost(body: String(repeating: "- ", count: 3_000) + "innermost item\n")
        #expect(page?.contains("innermost item") == true)
    }

    @Test func twentyThousandAsterisksAroundAWordBuild() throws {
        let stars = String(repeating: "*", count: 10_000)
        let page = try buildPost(body: "Studies show \(stars)word\(stars) works.\n")
        #expect(page?.contains("word") == true)
    }

    @Test func deeplyNestedLinksInsideQuotesStillCiteTheirSources() throws {
        // The claim checker reads prose through the same walks: a claim deep in quotes still finds its link.
        let site = RedTeam.site(["Posts/2026-01-01-deep.md": RedTeam.post("Deep", body: String(repeating: "> ", count: 6_000)
            + "Ketamine works in 80% of patients ([study](https://example.org/study)).\n")])
        let result = try #require(try RedTeam.run(["check", "--site", site.url.path]))
        #expect(result.status == 0)
        #expect(result.stdout == "No problems found.\n")

        // Without the link, the same claim 6,000 quotes deep is found, at its exact column.
        site.write("Posts/2026-01-01-deep.md", RedTeam.post("Deep", body: String(repeating: "> ", count: 6_000) + "Ketamine works in 80% of patients.\n"))
        let uncited = try #require(try RedTeam.run(["check", "--site", site.url.path]))
        #expect(uncited.status == 1)
        #expect(uncited.stdout.hasPrefix("Posts/2026-01-01-deep.md:4:12001: error: statistic without a citation [uncited-statistic]\n"))
    }

    @Test func aTemplateThatIncludesItselfIsAnErrorNamingIt() throws {
        let site = RedTeam.site([
            "Posts/2026-01-01-a.md": RedTeam.post("A"),
            "Templates/partials/footer.mustache": "<footer>\n  {{> partials/footer}}\n</footer>\n",
        ])
        let result = try #require(try RedTeam.run(["check", "--site", site.url.path]))
        #expect(result.status == 2)
        #expect(result.stdout == """
        Templates/partials/footer.mustache:2:3: error: template 'partials/footer' includes itself, so rendering it would never end [template]
            hint: remove the include, or put it inside a section such as `{{#replies}}…{{/replies}}` that ends
            |   {{> partials/footer}}

        """)
    }

    @Test func aTemplateThatIncludesItselfThroughAnotherIsAnErrorNamingBoth() throws {
        let site = RedTeam.site([
            "Posts/2026-01-01-a.md": RedTeam.post("A"),
            "Templates/partials/footer.mustache": "<footer>{{> partials/links}}</footer>\n",
            "Templates/partials/links.mustache": "<a href=\"/\">Home</a>{{> partials/more}}\n",
            "Templates/partials/more.mustache": "{{> partials/footer}}\n",
        ])
        let result = try #require(try RedTeam.run(["build", "--site", site.url.path]))
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("""
        Templates/partials/footer.mustache:1:9: error: template 'partials/footer' includes itself through 'partials/links' → 'partials/more', \
        so rendering it would never end [template]
        """))
        #expect(result.stderr.components(separatedBy: "includes itself").count == 2, "one loop, one error")
    }

    @Test func anIncludeInsideASectionMayRecurseAsTheBuiltInCommentThreadsDo() throws {
        let site = RedTeam.site([
            "Posts/2026-01-01-a.md": RedTeam.post("A"),
            "Templates/partials/footer.mustache": "<footer>{{#site.footer_links}}{{> partials/footer}}{{/site.footer_links}}</footer>\n",
        ])
        let result = try #require(try RedTeam.run(["check", "--site", site.url.path]))
        #expect(result.stdout == "No problems found.\n")
    }
}
