import ClinicPressModel
import ClinicPressSite
import Foundation
import Testing

/// `static/` is copied as is, at the same paths, under the same rules as every other input: regular files inside the
/// site only, limits before reading, an error for what cannot be read, and never in place of a page.
@Suite struct StaticFilesTests {
    func site(_ files: [String: String] = [:]) -> TemporaryDirectory {
        RedTeam.site(["Posts/2026-01-01-hello.md": RedTeam.post("Hello")].merging(files) { _, new in new })
    }

    func render(_ site: TemporaryDirectory) throws -> [OutputFile] {
        try SiteBuilder.render(BuildOptions(siteDirectory: site.url, now: Fixtures.now)).files
    }

    func errors(_ site: TemporaryDirectory) throws -> [String] {
        let error = try #require(throws: DiagnosticsError.self) { try render(site) }
        return error.diagnostics.map(\.description)
    }

    @Test func theFolderIsCopiedAsIsAtTheSamePaths() throws {
        let site = site([
            "static/assets/brochure.pdf": "%PDF-1.7 brochure",
            "static/forms/new-patients/intake.pdf": "%PDF-1.7 intake",
            "static/favicon.ico": "ICO",
            "static/.well-known/security.txt": "Contact: mailto:security@clinic.example\n",
            "static/.DS_Store": "junk",
            "static/assets/.gitkeep": "",
        ])
        let files = try render(site)
        let copied = Dictionary(uniqueKeysWithValues: files.map { ($0.path, String(decoding: $0.contents, as: UTF8.self)) })
        #expect(copied["assets/brochure.pdf"] == "%PDF-1.7 brochure")
        #expect(copied["forms/new-patients/intake.pdf"] == "%PDF-1.7 intake")
        #expect(copied["favicon.ico"] == "ICO")
        #expect(copied[".well-known/security.txt"] == "Contact: mailto:security@clinic.example\n")
        #expect(copied[".DS_Store"] == nil && copied["assets/.gitkeep"] == nil)
        // The theme's assets are still there beside them, and the order is the same on every build.
        #expect(copied["assets/style.css"] != nil)
        #expect(files.map(\.path) == files.map(\.path).sorted())
        #expect(try render(site) == files)
    }

    @Test func theFilesAreWrittenIntoTheOutput() throws {
        let site = site(["static/assets/brochure.pdf": "%PDF-1.7 brochure"])
        let output = site.url.appendingPathComponent("Public")
        _ = try SiteBuilder.build(BuildOptions(siteDirectory: site.url, now: Fixtures.now))
        #expect(try String(contentsOf: output.appendingPathComponent("assets/brochure.pdf"), encoding: .utf8) == "%PDF-1.7 brochure")
    }

    @Test func aStaticFileWhereTheBuildWritesAFileIsAnErrorNamingBoth() throws {
        let site = site([
            "static/feed.xml": "<feed/>",
            "static/posts/hello/index.html": "<p>mine</p>",
            "static/assets/style.css": "body {}",
            "static/tags": "a file where a folder goes",
            "static/robots.txt/extra.txt": "a folder where a file goes",
        ])
        #expect(try errors(site) == [
            "static/assets/style.css:1:1: error: static/assets/style.css would replace the theme's assets/style.css (from Templates/assets/ or the built-in theme), which the build writes at assets/style.css [static-file]\n    hint: to replace a file of the theme, put it in Templates/assets/ instead; otherwise rename or move the static file",
            "static/feed.xml:1:1: error: static/feed.xml would replace the Atom feed, which the build writes at feed.xml [static-file]\n    hint: rename or move the static file: the build writes feed.xml itself",
            "static/posts/hello/index.html:1:1: error: static/posts/hello/index.html would replace the page of Posts/2026-01-01-hello.md, which the build writes at posts/hello/index.html [static-file]\n    hint: rename or move the static file: the build writes posts/hello/index.html itself",
            "static/robots.txt/extra.txt:1:1: error: static/robots.txt/extra.txt is in a folder static/robots.txt/ where the build writes robots.txt [static-file]\n    hint: rename or move the folder",
            "static/tags:1:1: error: static/tags is a file where the build writes the folder tags/ [static-file]\n    hint: rename or move the static file",
        ])
    }

    /// A one-shot build writes its pages as it renders them, before it puts the static files beside them: a clash still
    /// fails it with the same errors, and leaves the last output as it was, with no staging folder.
    @Test func aClashFailsABuildWithoutTouchingTheOutput() throws {
        let site = site()
        let output = site.url.appendingPathComponent("Public")
        _ = try SiteBuilder.build(BuildOptions(siteDirectory: site.url, now: Fixtures.now))
        let before = filesBelow(output)
        try FileManager.default.createDirectory(at: site.url.appendingPathComponent("static"), withIntermediateDirectories: true)
        try "<feed/>".write(to: site.url.appendingPathComponent("static/feed.xml"), atomically: true, encoding: .utf8)
        let error = try #require(throws: DiagnosticsError.self) { try SiteBuilder.build(BuildOptions(siteDirectory: site.url, now: Fixtures.now)) }
        #expect(error.diagnostics.map(\.description) == [
            "static/feed.xml:1:1: error: static/feed.xml would replace the Atom feed, which the build writes at feed.xml [static-file]\n    hint: rename or move the static file: the build writes feed.xml itself",
        ])
        #expect(filesBelow(output) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.url.path).filter { $0.hasPrefix(".Public.staging") }.isEmpty)
    }

    @Test func aSymbolicLinkOutOfTheSiteIsAnErrorAndOneInsideIsFollowed() throws {
        let site = site(["files/price-list.pdf": "%PDF prices"])
        let fileManager = FileManager.default
        try fileManager.createDirectory(at: site.url.appendingPathComponent("static"), withIntermediateDirectories: true)
        try fileManager.createSymbolicLink(atPath: site.url.appendingPathComponent("static/prices.pdf").path, withDestinationPath: "../files/price-list.pdf")
        // A link to the folder around it: followed once, never round and round.
        try fileManager.createSymbolicLink(atPath: site.url.appendingPathComponent("static/again").path, withDestinationPath: ".")
        #expect(try render(site).first { $0.path == "prices.pdf" }?.contents == Array("%PDF prices".utf8))

        try fileManager.createSymbolicLink(atPath: site.url.appendingPathComponent("static/passwd").path, withDestinationPath: "/etc/passwd")
        #expect(try errors(site) == [
            "static/passwd:1:1: error: the file is a symbolic link that leads out of the site folder [io]\n    hint: copy the file into the site instead of linking to it",
        ])
    }

    @Test func aFileOverTheSizeLimitIsRefusedBeforeItIsRead() throws {
        let site = site()
        try FileManager.default.createDirectory(at: site.url.appendingPathComponent("static"), withIntermediateDirectories: true)
        // A sparse file: 33 MiB to stat, nothing on disk.
        let video = site.url.appendingPathComponent("static/tour.mp4")
        _ = FileManager.default.createFile(atPath: video.path, contents: nil)
        try FileHandle(forWritingTo: video).truncate(atOffset: 33 << 20)
        #expect(try errors(site) == [
            "static/tour.mp4:1:1: error: the file is 33.0 MiB, more than the limit of 32.0 MiB [input-limit]\n    hint: resize large photos for the web; embed videos from YouTube or Vimeo instead of copying them",
        ])
    }

    @Test func aFolderOverTheTotalLimitIsRefusedBeforeAnythingIsRead() throws {
        let site = site()
        try FileManager.default.createDirectory(at: site.url.appendingPathComponent("static/photos"), withIntermediateDirectories: true)
        for index in 1...17 {
            let photo = site.url.appendingPathComponent("static/photos/\(index).jpg")
            _ = FileManager.default.createFile(atPath: photo.path, contents: nil)
            try FileHandle(forWritingTo: photo).truncate(atOffset: 31 << 20)
        }
        #expect(try errors(site) == [
            "static:1:1: error: static/ holds 527.0 MiB, more than the limit of 512.0 MiB [input-limit]\n    hint: resize large photos for the web, and embed videos from YouTube or Vimeo instead of copying them",
        ])
    }

    @Test func aFIFOIsAnErrorNotAHang() throws {
        let site = site()
        try FileManager.default.createDirectory(at: site.url.appendingPathComponent("static"), withIntermediateDirectories: true)
        #expect(mkfifo(site.url.appendingPathComponent("static/pipe").path, 0o644) == 0)
        let result = try #require(try RedTeam.run(["check", "--site", site.url.path], deadline: 20), "check hung on a FIFO in static/")
        #expect(result.status == 2)
        #expect(result.stdout == """
        static/pipe:1:1: error: the file is a FIFO, socket or device, which cannot be copied [io]
            hint: only regular files are copied from static/; move it out of the site

        """)
    }

    @Test(.enabled(if: RedTeam.canRunAsNobody, "needs root and setpriv to read as `nobody`"))
    func anUnreadableFileOrFolderIsAnErrorNotAMissingFile() throws {
        let site = site(["static/assets/brochure.pdf": "%PDF", "static/private/notes.txt": "x"])
        try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: site.url.appendingPathComponent("static/assets/brochure.pdf").path)
        try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: site.url.appendingPathComponent("static/private").path)
        let result = try #require(try RedTeam.run(["check", "--site", site.url.path], asNobody: true))
        #expect(result.status == 2)
        #expect(result.stdout == """
        static/assets/brochure.pdf:1:1: error: cannot read the file: Permission denied [io]
        static/private:1:1: error: cannot read the folder static/private/: Permission denied [io]
            hint: check that you may read it

        """)
    }
}
