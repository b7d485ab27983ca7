import ClinicPressContent
import ClinicPressModel
import ClinicPressSite
import Foundation
import Testing

/// `comments import` and `comments screen` at scale (issue 15, item 5): the names a row may give its post, the ids new
/// comments get, and what the commands print.
@Suite struct CommentImportRunTests {
    static let folder = "Posts/2026-09-01-ketamine-basics.comments"

    func run(_ site: TemporaryDirectory, _ arguments: [String]) throws -> CommandResult {
        try ClinicPressBinary.run(["comments"] + arguments + ["--site", site.url.path])
    }

    func files(_ site: TemporaryDirectory, _ folder: String = folder) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: site.url.appendingPathComponent(folder).path).sorted()
    }

    /// An export of `rows` plain comments on ketamine-basics, one a day from 2026-10-01 on, by different authors.
    func export(_ site: TemporaryDirectory, rows: Int) -> String {
        var csv = "post,author,date,body\n"
        for row in 1...rows {
            let day = Timestamp(secondsSinceEpoch: Timestamp(parsing: "2026-10-01T09:00:00Z")!.secondsSinceEpoch + row * 86_400)
            csv += "ketamine-basics,Reader \(row),\(day.iso8601),Thank you for post number \(row).\n"
        }
        site.write("export.csv", csv)
        return site.url.appendingPathComponent("export.csv").path
    }

    // MARK: The post column

    /// The docs said a row's post may be its file name; `ketamine-basics.md` was refused as "no post … in this site".
    @Test(arguments: ["2026-09-01-ketamine-basics.md", "Posts/2026-09-01-ketamine-basics.md", "2026-09-01-ketamine-basics",
                      "ketamine-basics", "https://test.example/posts/ketamine-basics/"])
    func aRowMayNameItsPostByFileNameStemSlugOrAddress(post: String) throws {
        let site = ketamineBasicsSite()
        site.write("export.json", #"[{"post": "\#(post)", "author": "Eli", "date": "2026-10-01T08:00:00Z", "body": "Great read."}]"#)
        let result = try run(site, ["import", site.url.appendingPathComponent("export.json").path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try files(site) == ["2026-10-01-eli-oct.md"])
    }

    /// A post's slug from its front matter is the name its address shows.
    @Test func aRowMayNameItsPostByItsFrontMatterSlug() throws {
        let site = QueueSite.make()
        site.write("export.json", #"[{"post": "clinic-note", "author": "Eli", "date": "2026-10-01T08:00:00Z", "body": "Great read."}]"#)
        let result = try run(site, ["import", site.url.appendingPathComponent("export.json").path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try files(site, "Posts/third-note.comments") == ["2026-03-16-lee.md", "2026-10-01-eli-oct.md"])
    }

    // MARK: Ids

    /// New comments get ids a moderator can type: the author's first name and the month, `-2`, `-3` when the post
    /// has one already. The file name keeps the date in front, so the folder still sorts by date.
    @Test func newCommentsGetShortIdsOfFirstNameAndMonth() throws {
        let site = ketamineBasicsSite()
        site.write("export.json", """
        [{"post": "ketamine-basics", "author": "Sam O'Neil", "date": "2026-11-03T08:00:00Z", "body": "First."},
         {"post": "ketamine-basics", "author": "Sam T.", "date": "2026-11-20T08:00:00Z", "body": "Second."},
         {"post": "ketamine-basics", "author": "sam", "date": "2027-11-01T08:00:00Z", "body": "Third."},
         {"post": "ketamine-basics", "author": "Dr. Ana Ruiz", "date": "2026-12-01T08:00:00Z", "body": "Fourth."},
         {"post": "ketamine-basics", "author": "株式会社", "date": "2026-12-02T08:00:00Z", "body": "Fifth."}]
        """)
        let result = try run(site, ["import", site.url.appendingPathComponent("export.json").path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try files(site) == ["2026-11-03-sam-nov.md", "2026-11-20-sam-nov-2.md", "2026-12-01-ana-dec.md", "2026-12-02-comment-dec.md",
                                    "2027-11-01-sam-nov-3.md"])
        let approved = try run(site, ["approve", "sam-nov", "--by", "Dana"])
        #expect(approved.status == 0, "\(approved.stderr)")
        #expect(approved.stdout == "approved 2026-11-03-sam-nov (\(Self.folder)/2026-11-03-sam-nov.md)\n")
        #expect(try run(site, ["approve", "sam-nov-2", "--by", "Dana"]).stdout == "approved 2026-11-20-sam-nov-2 (\(Self.folder)/2026-11-20-sam-nov-2.md)\n")
    }

    @Test(arguments: [
        ("Sam O'Neil", "2026-11-03", "sam-nov"), ("Dr. Ana Ruiz", "2026-12-01", "ana-dec"), ("Мария Ф.", "2026-05-01", "mariia-may"),
        ("株式会社", "2026-12-02", "comment-dec"), ("Dr.", "2026-01-05", "dr-jan"), (String(repeating: "x", count: 30) + " Y", "2026-02-01", "xxxxxxxxxxxxxxxxxxxx-feb"),
    ])
    func aShortIdIsTheFirstNameAndTheMonth(author: String, date: String, shortID: String) {
        #expect(CommentFile.baseShortID(author: author, date: Timestamp(parsing: date)!) == shortID)
    }

    @Test(arguments: [("2026-09-23-may-m", "may-m"), ("sam-nov-2", "sam-nov-2"), ("2026-09-23", "2026-09-23"), ("c1", "c1")])
    func theShortIdIsTheIdWithoutItsDate(id: String, shortID: String) {
        #expect(CommentFile.shortID(of: id) == shortID)
    }

    /// Two writers choosing the same new name (an import and the intake endpoint, each with its own listing of the
    /// folder) never replace each other's comment: the second takes the next number.
    @Test func creatingACommentFileNeverReplacesOne() throws {
        let site = ketamineBasicsSite()
        let store = CommentStore(siteDirectory: site.url)
        let date = Timestamp(parsing: "2026-11-03T08:00:00Z")!
        var first: Set<String> = [], second: Set<String> = []
        let a = try store.createNew(author: "Sam", date: date, postStem: "2026-09-01-ketamine-basics", text: "first\n", taken: &first)
        let b = try store.createNew(author: "Sam", date: date, postStem: "2026-09-01-ketamine-basics", text: "second\n", taken: &second)
        #expect(a.id == "2026-11-03-sam-nov")
        #expect(b.id == "2026-11-03-sam-nov-2")
        #expect(store.text(of: a) == "first\n")
        #expect(store.text(of: b) == "second\n")
        #expect(try files(site) == ["2026-11-03-sam-nov-2.md", "2026-11-03-sam-nov.md"])
    }

    /// Comments named the old way (`2026-09-23-may-m`) answer to their whole id, a unique prefix of it, and their short
    /// id (the id without its date).
    @Test(arguments: ["2026-09-23-may-m", "2026-09-23", "may-m", "may"])
    func oldIdsKeepWorkingAndAnswerToTheirShortId(address: String) throws {
        let site = QueueSite.make()
        let result = try run(site, ["reject", address, "--reason", "Off topic", "--by", "Dana"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "rejected 2026-09-23-may-m (\(QueueSite.may))\n")
    }

    // MARK: Output

    /// 3,000 rows printed 3,001 lines: now one summary line when the output is not a terminal.
    @Test func importPrintsOneSummaryLine() throws {
        let site = ketamineBasicsSite()
        let result = try run(site, ["import", export(site, rows: 200)])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "Imported 200 comments for moderation; 0 bad rows.\n")
        #expect(result.stderr == "")
        #expect(try files(site).count == 200)

        let again = try run(site, ["import", site.url.appendingPathComponent("export.csv").path])
        #expect(again.stdout == "Imported 0 comments for moderation; skipped 200 already imported (rows 2, 3, 4, 5, 6, …); 0 bad rows.\n")
    }

    @Test func quietPrintsOnlyErrors() throws {
        let site = ketamineBasicsSite()
        site.write("export.csv", "post,author,date,body\nketamine-basics,Bo,2026-10-01T08:00:00Z,Hi\nnope,Cy,2026-10-01T08:00:00Z,Hi\n")
        let result = try run(site, ["import", "--quiet", site.url.appendingPathComponent("export.csv").path])
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr == "\(site.url.appendingPathComponent("export.csv").path): row 3: no post 'nope' in this site\n")
        #expect(try files(site) == ["2026-10-01-bo-oct.md"])
    }

    /// On a terminal (standard error a TTY), a progress bar counts the rows, then makes room for the summary.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func importShowsAProgressBarOnATerminal() throws {
        let site = ketamineBasicsSite()
        let file = export(site, rows: 40)
        let command = [ClinicPressBinary.url.path, "comments", "import", file, "--site", site.url.path].map { "'\($0)'" }.joined(separator: " ")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", command, "/dev/null"]
        let out = Pipe()
        process.standardOutput = out
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(text.contains("\rImporting [####################] 40/40 rows"))
        #expect(text.contains("\r\u{1B}[KImported 40 comments for moderation; 0 bad rows.\r\n"))
    }

    /// The bar redraws once per whole percent, so 3,000 rows cost 101 redraws, and it is erased at the end.
    @Test func theProgressBarRedrawsOnlyWhenThePercentageChanges() {
        var written: [String] = []
        let bar = ProgressBar(label: "Importing", unit: "rows", total: 3000) { written.append($0) }
        for done in 1...3000 { bar.update(done) }
        bar.finish()
        #expect(written.count == 102)
        #expect(written.first == "\rImporting [....................] 1/3000 rows")
        #expect(written[50] == "\rImporting [##########..........] 1500/3000 rows")
        #expect(written[100] == "\rImporting [####################] 3000/3000 rows")
        #expect(written.last == "\r\u{1B}[K")
    }

    @Test func screeningEveryPendingCommentPrintsOneSummaryLine() throws {
        let site = QueueSite.make()
        site.write(CommentApprovalTests.rita, CommentApprovalTests.ritaText)
        let result = try run(site, ["screen"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "Screened 4 comments: 2 flagged (contact-info: 1, health-disclosure: 1, testimonial: 1), 0 marked spam.\n")
        let quiet = try run(site, ["screen", "--quiet"])
        #expect(quiet.status == 0)
        #expect(quiet.stdout == "")
    }
}
