import Foundation
import Testing

/// `build --output` never replaces what ClinicPress did not build (issue 12, "Data loss" 1–4): each case is run
/// through the real command line, and each checks the exact diagnostic, the exit code and that the files survived.
@Suite struct OutputSafetyTests {
    /// A folder holding `site/` with a valid site, all paths real (no symbolic link in the temporary folder's path).
    final class Workspace {
        let directory = TemporaryDirectory()
        let root: String
        /// The site folder, real path.
        let site: String

        /// A workspace whose site lives at `sitePath` inside it.
        init(sitePath: String = "site") {
            root = realPath(directory.url.path)
            site = root + "/" + sitePath
            write(sitePath + "/site.yaml", "title: \"Test Blog\"\nbase_url: \"https://test.example/\"\n")
            write(sitePath + "/Posts/2026-01-01-hello.md", "---\ntitle: \"Hello\"\n---\nFirst post.\n")
        }

        func write(_ path: String, _ text: String) { directory.write(path, text) }

        func build(_ arguments: [String], in folder: String? = nil) throws -> CommandResult {
            try ClinicPressBinary.run(["build"] + arguments, in: folder.map { URL(fileURLWithPath: $0) })
        }

        func build(_ arguments: String..., in folder: String? = nil) throws -> CommandResult {
            try build(arguments, in: folder)
        }
    }

    static let notWritten = "error: the build was not written; the output folder was left untouched\n"
    static let stamp = ".clinicpress-output"

    // MARK: Data loss 1: a symbolic link in the site's path

    @Test func anOutputThatContainsTheSiteThroughASymlinkIsRefused() throws {
        let work = Workspace(sitePath: "www/site")
        // www also holds pages of an earlier build, which made the old check take it for a generated site.
        work.write("www/index.html", "<h1>Old build</h1>")
        work.write("www/sitemap.xml", "<urlset/>")
        try FileManager.default.createSymbolicLink(atPath: work.root + "/wwwlink", withDestinationPath: work.root + "/www")
        let before = filesBelow(URL(fileURLWithPath: work.root + "/www"))

        for force in [false, true] {
            let result = try work.build(["--site", work.root + "/wwwlink/site", "--output", work.root + "/www"] + (force ? ["--force-output"] : []))
            #expect(result.status == 2)
            #expect(result.stderr == """
            \(work.root)/www: error: refusing to replace the output folder: it contains the site folder (\(work.root)/wwwlink/site is \(work.root)/www/site) [output]
                hint: choose an --output folder outside the site, or leave --output out to build into \(work.root)/wwwlink/site/Public
            \(Self.notWritten)
            """)
            #expect(result.stdout.isEmpty)
        }
        #expect(filesBelow(URL(fileURLWithPath: work.root + "/www")) == before)
    }

    @Test func theSiteFolderReachedThroughASymlinkIsRefused() throws {
        let work = Workspace()
        try FileManager.default.createSymbolicLink(atPath: work.root + "/link", withDestinationPath: work.site)
        for force in [false, true] {
            let result = try work.build(["--site", work.site, "--output", work.root + "/link"] + (force ? ["--force-output"] : []))
            #expect(result.status == 2)
            #expect(result.stderr.hasPrefix("\(work.root)/link: error: refusing to replace the output folder: it is the site folder \(work.site) [output]\n"))
        }
        #expect(FileManager.default.fileExists(atPath: work.site + "/Posts/2026-01-01-hello.md"))
    }

    @Test(arguments: ["Posts", "Templates/out"])
    func theSiteSourceFoldersAreRefused(_ folder: String) throws {
        let work = Workspace()
        let result = try work.build("--site", work.site, "--output", work.site + "/" + folder, "--force-output")
        let name = folder.split(separator: "/")[0]
        #expect(result.status == 2)
        #expect(result.stderr == """
        \(work.site)/\(folder): error: refusing to replace the output folder: it is \(folder.contains("/") ? "inside " : "")the site's \(name)/ folder, which the build reads [output]
            hint: choose an --output folder outside \(name)/, such as \(work.site)/Public (the default)
        \(Self.notWritten)
        """)
        #expect(FileManager.default.fileExists(atPath: work.site + "/Posts/2026-01-01-hello.md"))
        #expect(!FileManager.default.fileExists(atPath: work.site + "/Templates/out"))
    }

    // MARK: Data loss 2: a folder that merely looks like a site

    @Test func aFolderWithAnIndexAndPhotosIsRefused() throws {
        let work = Workspace()
        work.write("www/index.html", "<h1>My page</h1>")
        work.write("www/photos/wedding.jpg", "JPEG")
        work.write("www/thesis.docx", "DOCX")
        let before = filesBelow(URL(fileURLWithPath: work.root + "/www"))
        let result = try work.build("--site", work.site, "--output", work.root + "/www")
        #expect(result.status == 2)
        #expect(result.stderr == """
        \(work.root)/www: error: refusing to replace the output folder: it is not empty (index.html, photos, thesis.docx) and ClinicPress did not build it (no .clinicpress-output stamp) [output]
            hint: choose an empty or new folder; or, to delete everything in it and build there, run build once with --force-output
        \(Self.notWritten)
        """)
        #expect(filesBelow(URL(fileURLWithPath: work.root + "/www")) == before)
    }

    /// `index.html` and `sitemap.xml` were the old test for "a generated site"; any other tool writes them too.
    @Test func aFolderWithAnIndexAndASitemapFromAnotherToolIsRefused() throws {
        let work = Workspace()
        work.write("www/index.html", "<h1>Other generator</h1>")
        work.write("www/sitemap.xml", "<urlset/>")
        work.write("www/feed.xml", "<feed><generator>Hugo</generator></feed>")
        let result = try work.build("--site", work.site, "--output", work.root + "/www")
        #expect(result.status == 2)
        #expect(result.stderr.contains("it is not empty (feed.xml, index.html, sitemap.xml) and ClinicPress did not build it"))
        #expect(filesBelow(URL(fileURLWithPath: work.root + "/www")).count == 3)
    }

    @Test func forceOutputReplacesAForeignFolderOnceAndStampsIt() throws {
        let work = Workspace()
        work.write("www/index.html", "<h1>My page</h1>")
        work.write("www/photos/wedding.jpg", "JPEG")
        let forced = try work.build("--site", work.site, "--output", work.root + "/www", "--force-output")
        #expect(forced.status == 0)
        #expect(forced.stderr.isEmpty)
        let files = filesBelow(URL(fileURLWithPath: work.root + "/www"))
        #expect(files["photos/wedding.jpg"] == nil)
        #expect(files["posts/hello/index.html"] != nil)
        #expect(files[Self.stamp] != nil)
        // Stamped now: the next build needs no flag.
        #expect(try work.build("--site", work.site, "--output", work.root + "/www").status == 0)
    }

    @Test func forceOutputNeverReplacesTheCurrentFolder() throws {
        let work = Workspace()
        work.write("work/notes.md", "mine")
        let result = try work.build("--site", work.site, "--output", ".", "--force-output", in: work.root + "/work")
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("""
        \(work.root)/work: error: refusing to replace the output folder, even with --force-output: it is the current folder or contains it [output]
        """))
        #expect(filesBelow(URL(fileURLWithPath: work.root + "/work")) == ["notes.md": Data("mine".utf8)])
    }

    // MARK: Data loss 3: a regular file

    @Test(arguments: [false, true])
    func aRegularFileIsNeverReplaced(force: Bool) throws {
        let work = Workspace()
        work.write("notes.txt", "my notes")
        let result = try work.build(["--site", work.site, "--output", work.root + "/notes.txt"] + (force ? ["--force-output"] : []))
        #expect(result.status == 2)
        #expect(result.stderr == """
        \(work.root)/notes.txt: error: refusing to replace the output folder: \(work.root)/notes.txt is a file, not a folder [output]
            hint: ClinicPress never replaces a file; choose a folder for --output
        \(Self.notWritten)
        """)
        #expect(try String(contentsOfFile: work.root + "/notes.txt", encoding: .utf8) == "my notes")
    }

    // MARK: Data loss 4: Public as a symbolic link

    @Test func aPublicSymlinkIsFollowedAndKept() throws {
        let work = Workspace()
        try FileManager.default.createDirectory(atPath: work.root + "/deploy", withIntermediateDirectories: false)
        try FileManager.default.createSymbolicLink(atPath: work.site + "/Public", withDestinationPath: work.root + "/deploy")
        #expect(try work.build("--site", work.site).status == 0)
        work.write("site/Posts/2026-02-01-second.md", "---\ntitle: \"Second\"\n---\nBody.\n")
        let second = try work.build("--site", work.site)
        #expect(second.status == 0)
        #expect(second.stdout.hasPrefix("Built 2 posts"))
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: work.site + "/Public") == work.root + "/deploy")
        let deployed = filesBelow(URL(fileURLWithPath: work.root + "/deploy"))
        #expect(deployed["posts/second/index.html"] != nil)
        #expect(deployed[Self.stamp] != nil)
        // The staging folder lived beside the target and is gone.
        #expect(try FileManager.default.contentsOfDirectory(atPath: work.root).sorted() == ["deploy", "site"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: work.site).filter { $0.contains("staging") }.isEmpty)
    }

    @Test func aPublicSymlinkToAForeignFolderIsRefused() throws {
        let work = Workspace()
        work.write("deploy/photos/wedding.jpg", "JPEG")
        try FileManager.default.createSymbolicLink(atPath: work.site + "/Public", withDestinationPath: work.root + "/deploy")
        let result = try work.build("--site", work.site)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("\(work.site)/Public: error: refusing to replace the output folder: it is not empty (photos) and ClinicPress did not build it"))
        #expect(filesBelow(URL(fileURLWithPath: work.root + "/deploy")) == ["photos/wedding.jpg": Data("JPEG".utf8)])
    }

    @Test func aDanglingPublicSymlinkIsRefusedAndKept() throws {
        let work = Workspace()
        try FileManager.default.createSymbolicLink(atPath: work.site + "/Public", withDestinationPath: work.root + "/gone")
        let result = try work.build("--site", work.site)
        #expect(result.status == 2)
        #expect(result.stderr == """
        \(work.site)/Public: error: cannot use the output folder: \(work.site)/Public is a symbolic link to \(work.root)/gone, which does not exist [output]
            hint: create the folder the link points to, or remove the link
        \(Self.notWritten)
        """)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: work.site + "/Public") == work.root + "/gone")
    }

    // MARK: Read-only outputs

    @Test func aReadOnlyOutputIsNotReplaced() throws {
        let work = Workspace()
        #expect(try work.build("--site", work.site).status == 0)
        let output = work.site + "/Public"
        let before = filesBelow(URL(fileURLWithPath: output))
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: output)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: output) }
        work.write("site/Posts/2026-02-01-second.md", "---\ntitle: \"Second\"\n---\nBody.\n")
        let result = try work.build("--site", work.site)
        #expect(result.status == 2)
        #expect(result.stderr == """
        \(output): error: refusing to replace the output folder: \(output) is read-only [output]
            hint: make it writable (chmod u+w '\(output)') if ClinicPress should replace it, or choose another --output folder
        \(Self.notWritten)
        """)
        #expect(filesBelow(URL(fileURLWithPath: output)) == before)
    }

    @Test func aReadOnlyParentIsReported() throws {
        let work = Workspace()
        try FileManager.default.createDirectory(atPath: work.root + "/locked", withIntermediateDirectories: false)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: work.root + "/locked")
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: work.root + "/locked") }
        let result = try work.build("--site", work.site, "--output", work.root + "/locked/www")
        #expect(result.status == 2)
        #expect(result.stderr == """
        \(work.root)/locked/www: error: cannot replace the output folder: the folder that holds it, \(work.root)/locked, is read-only [output]
            hint: the build writes a staging folder beside the output and swaps it in; make \(work.root)/locked writable (chmod u+w) or choose another --output folder
        \(Self.notWritten)
        """)
        #expect(try FileManager.default.contentsOfDirectory(atPath: work.root + "/locked").isEmpty)
    }

    // MARK: Stamps, old outputs and staging folders

    @Test func everyOutputCarriesTheStamp() throws {
        let work = Workspace()
        #expect(try work.build("--site", work.site).status == 0)
        let stamp = try String(contentsOfFile: work.site + "/Public/" + Self.stamp, encoding: .utf8)
        #expect(stamp.hasPrefix("This folder was generated by ClinicPress."))
    }

    /// A `Public/` built before stamps existed is recognised by its feed's generator line and replaced (then stamped).
    @Test func anUnstampedOutputOfAnEarlierVersionIsReplaced() throws {
        let work = Workspace()
        #expect(try work.build("--site", work.site).status == 0)
        try FileManager.default.removeItem(atPath: work.site + "/Public/" + Self.stamp)
        work.write("site/Public/stale.html", "old page")
        let result = try work.build("--site", work.site)
        #expect(result.status == 0)
        let files = filesBelow(URL(fileURLWithPath: work.site + "/Public"))
        #expect(files["stale.html"] == nil)
        #expect(files[Self.stamp] != nil)
    }

    @Test func stagingFoldersOfDeadBuildsAreRemovedAndLiveOnesKept() throws {
        let work = Workspace()
        let dead = try deadProcessID()
        let live = ProcessInfo.processInfo.processIdentifier
        for name in [".Public.staging-\(dead)", ".Public.staging-\(dead).previous", ".Public.staging-\(live)", ".Other.staging-\(dead)"] {
            work.write("site/\(name)/index.html", "half-written")
        }
        #expect(try work.build("--site", work.site).status == 0)
        let left = try FileManager.default.contentsOfDirectory(atPath: work.site).filter { $0.contains("staging") }.sorted()
        #expect(left == [".Other.staging-\(dead)", ".Public.staging-\(live)"])
    }

    @Test func gitignoreCoversTheStagingFolders() throws {
        let work = Workspace()
        let created = try ClinicPressBinary.run(["init", work.root + "/new"])
        #expect(created.status == 0)
        for ignore in [work.root + "/new/.gitignore", Fixtures.repository.path + "/.gitignore"] {
            let patterns = try String(contentsOfFile: ignore, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("#") }
            #expect(patterns.contains { fnmatch(String($0), ".Public.staging-4242", 0) == 0 }, "\(ignore)")
            #expect(patterns.contains { fnmatch(String($0), ".Public.staging-4242.previous", 0) == 0 }, "\(ignore)")
        }
    }
}

/// `realpath(3)`, so expected messages match on machines whose temporary folder is reached through a link.
func realPath(_ path: String) -> String {
    guard let real = realpath(path, nil) else { return path }
    defer { free(real) }
    return String(cString: real)
}

/// The id of a process that has exited (and been reaped), for staging folders of "killed" builds.
func deadProcessID() throws -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/true")
    try process.run()
    process.waitUntilExit()
    return process.processIdentifier
}
