import ClinicPressModel
import Foundation
import Testing

/// Folders and files that could not be read used to look empty or absent: a post went live without its comments,
/// the built-in theme replaced the clinic's, `*.MD` posts were skipped. Each is an error at its path now.
///
/// Tests run as root, whom `chmod 000` does not stop, so unreadable folders are made two ways: as a regular file
/// where a folder belongs (any user), and with `chmod 000` read by `nobody` through `setpriv` (when available).
@Suite struct SilentFallbackTests {
    static let comment = "---\nauthor: \"Ana\"\ndate: 2026-01-02\nstatus: approved\n---\nThank you.\n"

    @Test func aCommentsFolderThatIsAFileIsAnError() throws {
        let site = RedTeam.site(["Posts/2026-01-01-a.md": RedTeam.post("A"), "Posts/2026-01-01-a.comments": "not a folder\n"])
        let result = try #require(try RedTeam.run(["check", "--site", site.url.path]))
        #expect(result.status == 2)
        #expect(result.stdout == """
        Posts/2026-01-01-a.comments:1:1: error: cannot read the comments folder: Not a directory [io]
            hint: check that Posts/2026-01-01-a.comments is a folder and that you may read it
            | not a folder

        """)
    }

    @Test func aPostsFolderThatIsAFileCannotBeReadRatherThanBeingMissing() throws {
        let site = RedTeam.site([:])
        try FileManager.default.removeItem(at: site.url.appendingPathComponent("Posts"))
        site.write("Posts", "not a folder\n")
        let result = try #require(try RedTeam.run(["check", "--site", site.url.path]))
        #expect(result.status == 2)
        #expect(result.stdout.hasPrefix("""
        Posts:1:1: error: cannot read the Posts/ folder: Not a directory [io]
            hint: check that Posts/ is a folder and that you may read it
        """))
    }

    @Test(.enabled(if: RedTeam.canRunAsNobody, "needs root and setpriv to read as `nobody`"))
    func anUnreadableCommentsFolderIsAnErrorNotAPostWithoutComments() throws {
        let site = RedTeam.site(["Posts/2026-01-01-a.md": RedTeam.post("A"), "Posts/2026-01-01-a.comments/c1.md": Self.comment])
        try unreadable(site.url.appendingPathComponent("Posts/2026-01-01-a.comments"))
        let result = try #require(try RedTeam.run(["check", "--site", site.url.path], asNobody: true))
        #expect(result.status == 2)
        #expect(result.stdout == """
        Posts/2026-01-01-a.comments:1:1: error: cannot read the comments folder: Permission denied [io]
            hint: check that Posts/2026-01-01-a.comments is a folder and that you may read it

        """)
    }

    @Test(.enabled(if: RedTeam.canRunAsNobody, "needs root and setpriv to read as `nobody`"))
    func anUnreadablePostsFolderSaysCannotRead() throws {
        let site = RedTeam.site(["Posts/2026-01-01-a.md": RedTeam.post("A")])
        try unreadable(site.url.appendingPathComponent("Posts"))
        let result = try #require(try RedTeam.run(["check", "--site", site.url.path], asNobody: true))
        #expect(result.status == 2)
        #expect(result.stdout == """
        Posts:1:1: error: cannot read the Posts/ folder: Permission denied [io]
            hint: check that Posts/ is a folder and that you may read it

        """)
    }

    @Test(.enabled(if: RedTeam.canRunAsNobody, "needs root and setpriv to read as `nobody`"))
    func anUnreadableTemplatesFolderIsAnErrorNotTheBuiltInTheme() throws {
        let site = RedTeam.site(["Posts/2026-01-01-a.md": RedTeam.post("A"), "Templates/layout.mustache": "<main>{{{content}}}</main>\n"])
        try unreadable(site.url.appendingPathComponent("Templates"))
        let result = try #require(try RedTeam.run(["check", "--site", site.url.path], asNobody: true))
        #expect(result.status == 2)
        #expect(result.stdout == """
        Templates:1:1: error: cannot read the folder Templates/: Permission denied [io]
            hint: check that you may read it, or remove it to use the built-in theme

        """)
    }

    /// A `Templates` that is a file, or a link that leads nowhere, is not "no templates": the clinic meant a theme.
    @Test(arguments: [
        ("a file", """
        Templates:1:1: error: cannot read the folder Templates/: Not a directory [io]
            hint: check that you may read it, or remove it to use the built-in theme
            | not a folder

        """),
        ("a dangling link", """
        Templates:1:1: error: cannot read the folder Templates/: No such file or directory [io]
            hint: check that you may read it, or remove it to use the built-in theme

        """),
    ])
    func aTemplatesEntryThatIsNoFolderIsAnErrorNotTheBuiltInTheme(kind: String, expected: String) throws {
        let site = RedTeam.site(["Posts/2026-01-01-a.md": RedTeam.post("A")])
        let templates = site.url.appendingPathComponent("Templates")
        if kind == "a file" {
            try Data("not a folder\n".utf8).write(to: templates)
        } else {
            try FileManager.default.createSymbolicLink(atPath: templates.path, withDestinationPath: "/nonexistent-theme")
        }
        let result = try ClinicPressBinary.run(["check", "--site", site.url.path])
        #expect(result.status == 2)
        #expect(result.stdout == expected)
    }

    @Test(.enabled(if: RedTeam.canRunAsNobody, "needs root and setpriv to read as `nobody`"))
    func anUnreadableTemplateIsAnErrorNotTheBuiltInOne() throws {
        let site = RedTeam.site(["Posts/2026-01-01-a.md": RedTeam.post("A"), "Templates/layout.mustache": "<main>{{{content}}}</main>\n"])
        try unreadable(site.url.appendingPathComponent("Templates/layout.mustache"))
        let result = try #require(try RedTeam.run(["check", "--site", site.url.path], asNobody: true))
        #expect(result.status == 2)
        #expect(result.stdout == """
        Templates/layout.mustache:1:1: error: cannot read the file [io]
            hint: check that you may read it (and that it is not a FIFO or a device)

        """)
    }

    @Test func aReferenceListThatCannotBeReadIsAnErrorNotAnEmptyList() throws {
        // A dangling link: FileManager said "no such file", and every [@key] citation would look broken.
        let site = RedTeam.site(["Posts/2026-01-01-a.md": RedTeam.post("A")])
        try FileManager.default.createSymbolicLink(atPath: site.url.appendingPathComponent("references.yaml").path,
                                                   withDestinationPath: "shared/references.yaml")
        let result = try #require(try RedTeam.run(["check", "--site", site.url.path]))
        #expect(result.status == 2)
        #expect(result.stdout == "references.yaml:1:1: error: cannot read the file: No such file or directory [io]\n")
    }

    @Test(.enabled(if: RedTeam.canRunAsNobody, "needs root and setpriv to read as `nobody`"))
    func anUnreadableSiteFolderCannotBeReadRatherThanLackingSiteYAML() throws {
        let site = RedTeam.site(["Posts/2026-01-01-a.md": RedTeam.post("A")])
        try unreadable(site.url)
        let result = try #require(try RedTeam.run(["check", "--site", site.url.path], asNobody: true))
        #expect(result.status == 2)
        #expect(result.stdout.contains("site.yaml:1:1: error: cannot read the file: Permission denied [io]\n"))
        #expect(!result.stdout.contains("no site.yaml"))
    }

    @Test func anUpperCaseMDPostIsReportedNotSkipped() throws {
        let site = RedTeam.site(["Posts/2026-01-01-a.md": RedTeam.post("A"), "Posts/2026-01-02-b.MD": RedTeam.post("B")])
        let result = try #require(try RedTeam.run(["check", "--site", site.url.path]))
        #expect(result.status == 2)
        #expect(result.stdout == """
        Posts/2026-01-02-b.MD:1:1: error: the file ends in `.MD`, and only files ending in `.md` are read [site-layout]
            hint: rename it to 2026-01-02-b.md
            | ---

        """)
    }

    @Test func anUpperCaseMDCommentIsReportedNotSkipped() throws {
        let site = RedTeam.site(["Posts/2026-01-01-a.md": RedTeam.post("A"), "Posts/2026-01-01-a.comments/c1.Md": Self.comment])
        let result = try #require(try RedTeam.run(["check", "--site", site.url.path]))
        #expect(result.status == 2)
        #expect(result.stdout.hasPrefix("""
        Posts/2026-01-01-a.comments/c1.Md:1:1: error: the file ends in `.Md`, and only files ending in `.md` are read [site-layout]
            hint: rename it to c1.md
        """))
    }

    /// Makes a file or folder unreadable to `nobody` (the site around it stays readable).
    private func unreadable(_ url: URL) throws {
        try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: url.path)
    }
}

/// Series whose titles have no Latin letters all got the address `series/` and overwrote each other.
@Suite struct SeriesAddressTests {
    func seriesPost(_ title: String, series: String, part: Int = 1) -> String {
        RedTeam.post(title, "series: \"\(series)\"\npart: \(part)\nparts: 2\n")
    }

    @Test func nonLatinSeriesTitlesGetDistinctStableAddresses() throws {
        let site = RedTeam.site([
            "Posts/2026-01-01-a.md": seriesPost("A", series: "Кетамин"),
            "Posts/2026-01-02-b.md": seriesPost("B", series: "抑郁症"),
        ])
        let result = try #require(try RedTeam.run(["build", "--site", site.url.path]))
        #expect(result.status == 0, "\(result.stderr)")
        let series = try FileManager.default.contentsOfDirectory(atPath: site.url.appendingPathComponent("Public/series").path).sorted()
        #expect(series == ["index.html", "ketamin", "s-200f9e72"])
        let sitemap = try String(contentsOf: site.url.appendingPathComponent("Public/sitemap.xml"), encoding: .utf8)
        #expect(sitemap.components(separatedBy: "<loc>https://test.example/series/ketamin/</loc>").count == 2)
        #expect(sitemap.components(separatedBy: "<loc>https://test.example/series/s-200f9e72/</loc>").count == 2)
    }

    @Test(arguments: [("Кетамин", "ketamin"), ("Ψυχοθεραπεία", "psychotherapeia"), ("抑郁症", "s-200f9e72"), ("うつ病", "s-2d6ee438"),
                      ("Sleep & TMS", "sleep-tms"), ("", "s-811c9dc5")])
    func titleSlugs(title: String, slug: String) {
        #expect(Slug.make(title: title) == slug)
    }

    @Test func twoSeriesThatWouldShareAnAddressAreAnError() throws {
        // Different letters (so two series), one address: the accent is dropped from the slug.
        let site = RedTeam.site([
            "Posts/2026-01-01-a.md": seriesPost("A", series: "Café"),
            "Posts/2026-01-02-b.md": seriesPost("B", series: "Cafe", part: 1),
        ])
        let result = try #require(try RedTeam.run(["build", "--site", site.url.path]))
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("""
        Posts/2026-01-01-a.md:3:1: error: series 'Café' and series 'Cafe' would both be published at series/cafe/ [series]
            hint: give one of them a title that differs in its letters or digits
        """))
    }
}
