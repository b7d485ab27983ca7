import ClinicPressModel
@testable import ClinicPressPreview
import ClinicPressSite
import Foundation
import Testing

/// Pictures and files a post points at: a missing one was published as a broken picture (exit 0); now it is an
/// error at its line and column. Pictures of the site get their size, all get `loading="lazy"` and
/// `decoding="async"`, and a picture without alt text is an accessibility warning.
@Suite struct PostFilesTests {
    /// A real 300×200 PNG from the image fixtures.
    static let png = try! [UInt8](Data(contentsOf: Fixtures.root.appendingPathComponent("Images/png-300x200.png")))

    func site(_ body: String, frontMatter: String = "", files: [String: [UInt8]] = ["static/assets/room.png": png],
              baseURL: String = "https://test.example/") -> TemporaryDirectory {
        let site = TemporaryDirectory()
        site.write("site.yaml", "title: \"Test Blog\"\nbase_url: \"\(baseURL)\"\n")
        site.write("Posts/2026-01-01-hello.md", "---\ntitle: \"Hello\"\n\(frontMatter)---\n\(body)")
        for (path, bytes) in files {
            try! FileManager.default.createDirectory(at: site.url.appendingPathComponent(path).deletingLastPathComponent(), withIntermediateDirectories: true)
            try! Data(bytes).write(to: site.url.appendingPathComponent(path))
        }
        return site
    }

    func build(_ site: TemporaryDirectory) throws -> (page: String, warnings: [String]) {
        let result = try SiteBuilder.render(BuildOptions(siteDirectory: site.url, now: Fixtures.now))
        let page = result.files.first { $0.path == "posts/hello/index.html" }.map { String(decoding: $0.contents, as: UTF8.self) } ?? ""
        return (page, result.report.warnings.map(\.description))
    }

    func errors(_ site: TemporaryDirectory) throws -> [String] {
        let error = try #require(throws: DiagnosticsError.self) { try SiteBuilder.render(BuildOptions(siteDirectory: site.url, now: Fixtures.now)) }
        return error.diagnostics.map(\.description)
    }

    @Test func aMissingPictureIsAnErrorAtItsPositionWithTheClosestFile() throws {
        let site = site("Our new room.\n\nA photo: ![The infusion room](/assets/infusion-room.jpg)\n",
                        files: ["static/assets/infusion-room.jpeg": Self.png, "static/assets/lobby.jpg": Self.png])
        #expect(try errors(site) == [
            "Posts/2026-01-01-hello.md:6:10: error: image '/assets/infusion-room.jpg' is not a file of the site: there is no static/assets/infusion-room.jpg [missing-file]\n    hint: did you mean /assets/infusion-room.jpeg?",
        ])
    }

    @Test func aMissingFrontMatterImageIsAnErrorAtItsKey() throws {
        let site = site("Text.\n", frontMatter: "tags: [news]\nimage: /assets/infusion-room.jpg\nimage_alt: \"The room\"\n", files: [:])
        #expect(try errors(site) == [
            "Posts/2026-01-01-hello.md:4:1: error: `image` '/assets/infusion-room.jpg' is not a file of the site: there is no static/assets/infusion-room.jpg [missing-file]\n    hint: put the file at static/assets/infusion-room.jpg: the static/ folder is copied as is into the site",
        ])
    }

    @Test func aMissingSitePictureIsAnErrorAtItsLine() throws {
        let site = site("Text.\n")
        site.write("site.yaml", "title: \"Test Blog\"\nbase_url: \"https://test.example/\"\nimage: /assets/social.png\n")
        #expect(try errors(site) == [
            "site.yaml:3:8: error: `image` '/assets/social.png' is not a file of the site: there is no static/assets/social.png [missing-file]\n    hint: put the file at static/assets/social.png: the static/ folder is copied as is into the site",
        ])
    }

    @Test func aLinkToAMissingFileOfTheSiteIsAnErrorAndLinksToPagesAreNot() throws {
        let site = site("""
        Read [the brochure](/assets/Brochure.PDF), [our prices](/assets/prices.pdf), [about us](/about/),
        [a page](/team.html), [the feed](/feed.xml), [elsewhere](https://clinic.example/a.pdf), [top](#top), [mail](mailto:a@b.example).

        """, files: ["static/assets/brochure.pdf": Array("%PDF".utf8)])
        #expect(try errors(site) == [
            "Posts/2026-01-01-hello.md:4:6: error: link to '/assets/Brochure.PDF' is not a file of the site: there is no static/assets/Brochure.PDF [missing-file]\n    hint: did you mean /assets/brochure.pdf?",
            "Posts/2026-01-01-hello.md:4:44: error: link to '/assets/prices.pdf' is not a file of the site: there is no static/assets/prices.pdf [missing-file]\n    hint: put the file at static/assets/prices.pdf: the static/ folder is copied as is into the site",
        ])
    }

    @Test func picturesOfTheSiteGetTheirSizeAndEveryPictureLoadsLazily() throws {
        let site = site("""
        ![The infusion room](/assets/room.png "Room 2")

        ![A chart](https://cdn.example/chart.png)

        """, frontMatter: "image: assets/room.png\nimage_alt: \"The room\"\n")
        let (page, warnings) = try build(site)
        #expect(warnings.isEmpty)
        #expect(page.contains("<p><img src=\"/assets/room.png\" alt=\"The infusion room\" title=\"Room 2\" width=\"300\" height=\"200\" loading=\"lazy\" decoding=\"async\" /></p>"))
        #expect(page.contains("<p><img src=\"https://cdn.example/chart.png\" alt=\"A chart\" loading=\"lazy\" decoding=\"async\" /></p>"))
        // The lead image is at the top of the page: its size, but not lazily.
        #expect(page.contains("<img src=\"/assets/room.png\" alt=\"The room\" width=\"300\" height=\"200\" decoding=\"async\">"))
    }

    @Test func aPictureWithoutAltTextIsAnAccessibilityWarning() throws {
        let (_, warnings) = try build(site("Intro.\n\nSee ![](/assets/room.png) and ![ ](/assets/room.png).\n"))
        #expect(warnings == [
            "Posts/2026-01-01-hello.md:6:5: warning: image has no alt text, so screen readers cannot say what it shows [accessibility]\n    hint: describe the picture between the brackets, as in ![Our infusion room](/assets/room.png)",
            "Posts/2026-01-01-hello.md:6:31: warning: image has no alt text, so screen readers cannot say what it shows [accessibility]\n    hint: describe the picture between the brackets, as in ![Our infusion room](/assets/room.png)",
        ])
    }

    @Test func anAddressWithoutALeadingSlashIsReadFromThePostsPage() throws {
        let found = try build(site("![Chart](chart.png)\n", files: ["static/posts/hello/chart.png": Self.png]))
        #expect(found.page.contains("<img src=\"/posts/hello/chart.png\" alt=\"Chart\" width=\"300\" height=\"200\""))
        #expect(try errors(site("![Room](assets/room.png)\n")) == [
            "Posts/2026-01-01-hello.md:4:1: error: image 'assets/room.png' is not a file of the site: there is no static/posts/hello/assets/room.png [missing-file]\n    hint: did you mean /assets/room.png? (an address without a leading / is read from the post's page, /posts/hello/)",
        ])
    }

    @Test func underASubFolderBaseURLFilesAreWrittenWithItsPath() throws {
        let (page, _) = try build(site("![Room](/assets/room.png) ![Again](/blog/assets/room.png) [Brochure](/assets/room.png#top)\n",
                                       baseURL: "https://test.example/blog/"))
        #expect(page.contains("<img src=\"/blog/assets/room.png\" alt=\"Room\" width=\"300\""))
        #expect(page.contains("<img src=\"/blog/assets/room.png\" alt=\"Again\" width=\"300\""))
        #expect(page.contains("<a href=\"/blog/assets/room.png#top\">Brochure</a>"))
    }

    @Test func thePreviewBuildsOnceTheMissingPictureIsAdded() throws {
        let site = site("![Room](/assets/new.png)\n")
        let builder = PreviewBuilder(siteDirectory: site.url, baseURL: "http://127.0.0.1:8000/")
        guard case .failed(_, let diagnostics) = builder.build(generation: "g", changed: []) else {
            Issue.record("built with a missing picture")
            return
        }
        #expect(diagnostics.map(\.rule) == ["missing-file"])
        try Data(Self.png).write(to: site.url.appendingPathComponent("static/assets/new.png"))
        guard case .built(let files, _) = builder.build(generation: "g", changed: ["static/assets/new.png"]) else {
            Issue.record("the preview still fails after the picture was added")
            return
        }
        #expect(files.contains { $0.path == "assets/new.png" })
    }
}
