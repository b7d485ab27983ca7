import ClinicPressModel
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
        #expect(try files(site).count == 1)
    }

    /// A post's slug from its front matter is the name its address shows.
    @Test func aRowMayNameItsPostByItsFrontMatterSlug() throws {
        let site = QueueSite.make()
        site.write("export.json", #"[{"post": "clinic-note", "author": "Eli", "date": "2026-10-01T08:00:00Z", "body": "Great read."}]"#)
        let result = try run(site, ["import", site.url.appendingPathComponent("export.json").path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try files(site, "Posts/third-note.comments").count == 2)
    }
}
