@testable import ClinicPressComments
import ClinicPressContent
import ClinicPressModel
import ClinicPressSite
import Foundation
import Testing

/// A small clinic site for the import mappings, whose posts the fixtures in `Tests/Fixtures/Imports/` name: every
/// fixture there was written for these tests (an invented clinic and invented comments).
enum ImportSite {
    static let ketamine = "Posts/2024-09-01-ketamine-basics.comments"
    static let tms = "Posts/2024-09-15-tms-what-to-expect.comments"
    static let iv = "Posts/2024-10-02-iv-hydration.comments"

    /// `ketamine-basics` (with Lee's approved comment `2024-09-20-lee-sep`), `tms-what-to-expect`, and
    /// `2024-10-02-iv-hydration.md`, whose front matter gives it the slug `iv-therapy-faq`.
    static func make() -> TemporaryDirectory {
        let site = TemporaryDirectory()
        site.write("""
        -- site.yaml --
        title: "Cedar Grove Wellness"
        base_url: "https://cedargrove.example/"
        -- Posts/2024-09-01-ketamine-basics.md --
        ---
        title: "Ketamine Basics"
        ---
        What a session looks like.
        -- Posts/2024-09-15-tms-what-to-expect.md --
        ---
        title: "TMS: What to Expect"
        ---
        Your first appointment.
        -- Posts/2024-10-02-iv-hydration.md --
        ---
        title: "IV Therapy FAQ"
        slug: iv-therapy-faq
        ---
        Questions we hear.
        -- Posts/2024-09-01-ketamine-basics.comments/2024-09-20-lee-sep.md --
        ---
        author: Lee
        date: 2024-09-20T10:00:00Z
        status: approved
        ---
        Helpful, thanks.
        """)
        return site
    }

    static func fixture(_ name: String) -> String {
        Fixtures.root.appendingPathComponent("Imports/\(name)").path
    }

    static func importing(_ site: TemporaryDirectory, _ file: String, _ extra: [String] = []) throws -> CommandResult {
        try ClinicPressBinary.run(["comments", "import", file, "--site", site.url.path] + extra)
    }

    /// The comment files of the site's comments folders, by path relative to the site.
    static func comments(_ site: TemporaryDirectory) -> [String: String] {
        filesBelow(site.url).filter { $0.key.contains(".comments/") }.mapValues { String(decoding: $0, as: UTF8.self) }
    }
}

/// `comments import` from the services clinics use (issue 15): Netlify Forms, Formspree and WordPress, each read by
/// its own field names, matched to posts, imported once, with bad rows reported and contact details kept out of pages.
@Suite struct CommentImportMappingTests {
    typealias Site = ImportSite

    // MARK: WordPress

    @Test func aWordPressExportImportsItsCommentsPendingWithRepliesLinked() throws {
        let site = Site.make()
        let file = Site.fixture("wordpress-export.xml")
        let result = try Site.importing(site, file)
        #expect(result.status == 1)
        #expect(result.stdout == "Imported 6 comments for moderation from WordPress; left out 1 pingback, 1 spam, 1 in the trash; 3 bad rows.\n")
        #expect(result.stderr == """
        \(file): comment 108 (line 137): no text (wp:comment_content is empty)
        \(file): comment 109 (line 151): replies to comment 108, which is not imported (see its error); fix that one and import again
        \(file): comment 401 (line 221): no post 'our-new-location' in this site

        """)
        let comments = Site.comments(site)
        #expect(comments.keys.sorted() == [
            "\(Site.ketamine)/2024-09-20-lee-sep.md", "\(Site.ketamine)/2024-09-23-priya-sep.md", "\(Site.ketamine)/2024-09-24-cedar-sep.md",
            "\(Site.ketamine)/2024-09-24-priya-sep-2.md", "\(Site.ketamine)/2024-10-01-anonymous-oct.md",
            "\(Site.tms)/2024-09-18-ana-sep.md", "\(Site.iv)/2024-10-05-marcus-oct.md",
        ])
        // Approved on WordPress, pending here: screened and moderated like any other comment. The date is GMT.
        #expect(comments["\(Site.ketamine)/2024-09-23-priya-sep.md"] == """
        ---
        author: "Priya Natarajan"
        date: 2024-09-23T14:05:00Z
        status: pending
        email: "priya.n@example.net"
        flags: []
        ---
        How long does the first visit take, start to finish? I need to arrange a ride home.

        """)
        // comment_parent → reply_to, to the id the parent was imported as.
        #expect(comments["\(Site.ketamine)/2024-09-24-cedar-sep.md"] == """
        ---
        author: "Cedar Grove Wellness"
        date: 2024-09-24T12:30:00Z
        status: pending
        email: "frontdesk@cedargrove.example"
        reply_to: "2024-09-23-priya-sep"
        flags: []
        ---
        Plan on about two hours, and yes, please bring someone to drive you.

        """)
        // Unapproved on WordPress is pending too; the text is kept as written, lines and all.
        #expect(comments["\(Site.ketamine)/2024-09-24-priya-sep-2.md"] == """
        ---
        author: "Priya Natarajan"
        date: 2024-09-24T15:00:00Z
        status: pending
        email: "priya.n@example.net"
        reply_to: "2024-09-24-cedar-sep"
        flags: []
        ---
        Thank you &amp; see you on the 3rd!
        Two lines, the second one short.

        """)
        // No name: "Anonymous". No GMT date (zeros): the local one.
        #expect(comments["\(Site.ketamine)/2024-10-01-anonymous-oct.md"] == """
        ---
        author: "Anonymous"
        date: 2024-10-01T09:30:00Z
        status: pending
        flags: []
        ---
        Is parking free at the Elm Road office?

        """)
        // The site's posts answer to WordPress's post_name: a slug from a file name or from front matter.
        #expect(comments["\(Site.iv)/2024-10-05-marcus-oct.md"]?.contains("author: \"Marcus Bell\"\n") == true)
        // The build reads every file written.
        let (_, diagnostics) = SiteContent.loadComments(from: site.url)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
    }

    @Test func importingAWordPressExportAgainWritesNothing() throws {
        let site = Site.make()
        let file = Site.fixture("wordpress-export.xml")
        _ = try Site.importing(site, file)
        let before = filesBelow(site.url)
        let again = try Site.importing(site, file)
        #expect(again.status == 1)
        #expect(again.stdout == "Imported 0 comments for moderation from WordPress; skipped 6 already imported (comments 101, 102, 105, 107, 201, …); left out 1 pingback, 1 spam, 1 in the trash; 3 bad rows.\n")
        #expect(filesBelow(site.url) == before)
    }

    /// A reply to a comment imported before (by an earlier export) is threaded under that comment's file.
    @Test func aReplyToACommentImportedBeforeFindsItsFile() throws {
        let site = Site.make()
        site.write("first.xml", Self.wxr(comments: [Self.wxrComment(id: 7, author: "Kim", date: "2024-09-21 10:00:00", text: "Is it covered?")]))
        site.write("second.xml", Self.wxr(comments: [
            Self.wxrComment(id: 7, author: "Kim", date: "2024-09-21 10:00:00", text: "Is it covered?"),
            Self.wxrComment(id: 8, author: "Front Desk", date: "2024-09-22 10:00:00", text: "Often, yes: call us to check.", parent: 7),
        ]))
        #expect(try Site.importing(site, site.url.appendingPathComponent("first.xml").path).status == 0)
        let second = try Site.importing(site, site.url.appendingPathComponent("second.xml").path)
        #expect(second.stdout == "Imported 1 comment for moderation from WordPress; skipped 1 already imported (comment 7); 0 bad rows.\n")
        #expect(Site.comments(site)["\(Site.ketamine)/2024-09-22-front-sep.md"]?.contains("reply_to: \"2024-09-21-kim-sep\"\n") == true)
    }

    /// Replies come after their parents in the files' order whatever their order in the export, and a loop of
    /// parents is reported, not followed forever.
    @Test func repliesBeforeTheirParentsAreWrittenAfterThemAndLoopsAreBadRows() throws {
        let site = Site.make()
        site.write("export.xml", Self.wxr(comments: [
            Self.wxrComment(id: 3, author: "Ola", date: "2024-09-23 10:00:00", text: "Thanks both.", parent: 2),
            Self.wxrComment(id: 2, author: "Pia", date: "2024-09-22 10:00:00", text: "Same question here.", parent: 1),
            Self.wxrComment(id: 1, author: "Rue", date: "2024-09-21 10:00:00", text: "Is it covered?"),
            Self.wxrComment(id: 5, author: "Sid", date: "2024-09-24 10:00:00", text: "Loop one.", parent: 6),
            Self.wxrComment(id: 6, author: "Tev", date: "2024-09-25 10:00:00", text: "Loop two.", parent: 5),
        ]))
        let result = try Site.importing(site, site.url.appendingPathComponent("export.xml").path)
        #expect(result.status == 1)
        #expect(result.stderr.contains("comment 5 (line 38): its comment_parent chain goes round in a circle"))
        #expect(result.stderr.contains("comment 6 (line 48): its comment_parent chain goes round in a circle"))
        let comments = Site.comments(site)
        #expect(comments["\(Site.ketamine)/2024-09-22-pia-sep.md"]?.contains("reply_to: \"2024-09-21-rue-sep\"\n") == true)
        #expect(comments["\(Site.ketamine)/2024-09-23-ola-sep.md"]?.contains("reply_to: \"2024-09-22-pia-sep\"\n") == true)
    }

    /// FoundationXML's parser goes on after some errors and says it succeeded; the import does not: the first error
    /// is reported with its line and column, and nothing is written, not even the comments read before it.
    @Test(arguments: [
        ("truncated", "line 60, column 33: the XML cannot be read: the file ends before its elements are closed"),
        ("ampersand", "line 18, column 39: the XML cannot be read: an & that starts no entity (write &amp;)"),
        ("entities", "the XML cannot be read: an entity refers to itself or expands too far"),
    ])
    func malformedXMLIsAnErrorWithItsLineAndWritesNothing(kind: String, message: String) throws {
        let site = Site.make()
        let fixture = try String(contentsOfFile: Site.fixture("wordpress-export.xml"), encoding: .utf8)
        let good = Self.wxrComment(id: 1, author: "Rue", date: "2024-09-21 10:00:00", text: "Is it covered?")
        let text = switch kind {
        case "truncated": String(fixture.prefix(3_000))
        case "ampersand": Self.wxr(comments: [good, "<wp:comment><wp:comment_content>Salt & pepper</wp:comment_content></wp:comment>"])
        default: Self.billionLaughs
        }
        site.write("broken.xml", text)
        let before = filesBelow(site.url)
        let result = try Site.importing(site, site.url.appendingPathComponent("broken.xml").path)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("error: \(site.url.appendingPathComponent("broken.xml").path): "))
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(filesBelow(site.url) == before)
    }

    /// Entities that expand to gigabytes: libxml2 stops them, and the import fails at once.
    static let billionLaughs = """
        <?xml version="1.0"?>
        <!DOCTYPE rss [
         <!ENTITY a "aaaaaaaaaa">
         <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
         <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
         <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
         <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
         <!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
         <!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">
         <!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">
         <!ENTITY i "&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;">
        ]>
        <rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><item><wp:post_name>ketamine-basics</wp:post_name>
        <wp:comment><wp:comment_id>1</wp:comment_id><wp:comment_author>X</wp:comment_author>
        <wp:comment_date_gmt>2024-09-01 10:00:00</wp:comment_date_gmt><wp:comment_content>&i;</wp:comment_content></wp:comment>
        </item></channel></rss>
        """

    @Test func xmlThatIsNotAWordPressExportIsRefused() throws {
        let site = Site.make()
        site.write("feed.xml", "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><item><title>A</title></item></channel></rss>\n")
        let result = try Site.importing(site, site.url.appendingPathComponent("feed.xml").path)
        #expect(result.status == 2)
        #expect(result.stderr.contains("not a WordPress export (WXR)"))
    }

    // MARK: Netlify Forms

    @Test func aNetlifySubmissionsExportImportsByTheFormsFieldsAndThePagesAddress() throws {
        let site = Site.make()
        let file = Site.fixture("netlify-submissions.json")
        let result = try Site.importing(site, file)
        #expect(result.status == 1)
        #expect(result.stdout == "Imported 3 comments for moderation from Netlify Forms; 2 bad rows.\n")
        #expect(result.stderr == """
        \(file): row 4: no post 'ketamine-for-ptsd' or 'https://cedargrove.example/posts/ketamine-for-ptsd/' in this site
        \(file): row 5: no body

        """)
        let comments = Site.comments(site)
        // data.name, data.email, data.comment, data.post; created_at to the second.
        #expect(comments["\(Site.ketamine)/2026-10-03-may-oct.md"] == """
        ---
        author: "May Moreno"
        date: 2026-10-03T14:05:09Z
        status: pending
        email: "may.moreno@example.com"
        flags: []
        ---
        Does the clinic offer evening appointments for the first consultation? I work days.

        """)
        // No post field: the referrer's path names the post, whatever its query and fragment.
        #expect(comments["\(Site.tms)/2026-10-04-omar-oct.md"] == """
        ---
        author: "Omar S."
        date: 2026-10-04T08:30:00Z
        status: pending
        flags: []
        ---
        The section on what the magnet sounds like was reassuring.

        """)
        // The form's reply_to names a comment of the post.
        #expect(comments["\(Site.ketamine)/2026-10-04-grace-oct.md"]?.contains("reply_to: \"2024-09-20-lee-sep\"\n") == true)
    }

    /// The CSV the Forms tab downloads holds the same submissions: imported after the JSON, every one is known.
    @Test func aNetlifyCSVOfTheSameSubmissionsIsImportedOnce() throws {
        let site = Site.make()
        #expect(try Site.importing(site, Site.fixture("netlify-submissions.json")).status == 1)
        let before = filesBelow(site.url)
        let file = Site.fixture("netlify-export.csv")
        let result = try Site.importing(site, file)
        #expect(result.stdout == "Imported 0 comments for moderation from Netlify Forms; skipped 3 already imported (rows 2, 3, 4); 2 bad rows.\n")
        #expect(result.stderr == """
        \(file): row 5: no post 'ketamine-for-ptsd' or 'https://cedargrove.example/posts/ketamine-for-ptsd/' in this site
        \(file): row 6: cannot read the date 'last Tuesday' (use YYYY-MM-DDTHH:MM:SSZ)

        """)
        #expect(filesBelow(site.url) == before)
    }

    // MARK: Formspree

    @Test func aFormspreeExportImportsByItsSpecialFields() throws {
        let site = Site.make()
        let file = Site.fixture("formspree-submissions.json")
        let result = try Site.importing(site, file)
        #expect(result.status == 1)
        #expect(result.stdout == "Imported 2 comments for moderation from Formspree; 2 bad rows.\n")
        #expect(result.stderr == """
        \(file): row 3: cannot read the date 'the seventh' (use YYYY-MM-DDTHH:MM:SSZ)
        \(file): row 4: no post 'esketamine-explained' in this site

        """)
        let comments = Site.comments(site)
        // `_date` has no zone: Formspree's times are UTC.
        #expect(comments["\(Site.iv)/2026-10-07-hannah-oct.md"] == """
        ---
        author: "Hannah Cole"
        date: 2026-10-07T09:12:44Z
        status: pending
        email: "hannah.cole@example.com"
        flags: []
        ---
        Is the IV drip covered by any insurance plans you accept?

        """)
        // firstName + lastName, `_replyto` for the email, the page's address for the post.
        #expect(comments["\(Site.tms)/2026-10-07-luis-oct.md"] == """
        ---
        author: "Luis Ortega"
        date: 2026-10-07T16:40:02Z
        status: pending
        email: "luis.ortega@example.net"
        flags: []
        ---
        Thanks, the checklist at the end is handy.

        """)
        let again = try Site.importing(site, Site.fixture("formspree-export.csv"))
        #expect(again.stdout == "Imported 0 comments for moderation from Formspree; skipped 2 already imported (rows 2, 3); 1 bad row.\n")
    }

    // MARK: Every source

    /// Emails, IP addresses, browsers, the commenters' own web addresses: none of it reaches a page, even with every
    /// imported comment approved. Emails are kept in `email:`, unpublished; the rest is not kept at all.
    @Test func contactDetailsFromExportsNeverEndUpPublished() throws {
        let site = Site.make()
        for name in ["wordpress-export.xml", "netlify-submissions.json", "formspree-submissions.json"] {
            _ = try Site.importing(site, Site.fixture(name))
        }
        let private_ = [
            "priya.n@example.net", "frontdesk@cedargrove.example", "may.moreno@example.com", "grace.liu@example.org", "hannah.cole@example.com",
            "luis.ortega@example.net", "203.0.113.41", "198.51.100.7", "203.0.113.15", "Mozilla/5.0", "priya-bakes.example.org",
            "6710a1f2c3d4e5f600000001",
        ]
        let comments = Site.comments(site)
        #expect(comments.count == 12)
        for (path, text) in comments {
            for value in private_ where text.contains(value) {
                #expect(value.contains("@") && text.contains("\nemail: \"\(value)\"\n"), "\(value) in \(path)")
            }
            site.write(path, text.replacingOccurrences(of: "status: pending", with: "status: approved"))
        }
        let files = try SiteBuilder.render(BuildOptions(siteDirectory: site.url, now: Fixtures.now)).files
        let page = try #require(files.first { $0.path == "posts/ketamine-basics/index.html" })
        #expect(String(decoding: page.contents, as: UTF8.self).contains("Priya Natarajan"))
        for file in files {
            let text = String(decoding: file.contents, as: UTF8.self)
            for value in private_ { #expect(!text.contains(value), "\(value) in \(file.path)") }
        }
    }

    @Test(arguments: [
        ("wordpress-export.xml", ImportFormat.wordpress), ("netlify-submissions.json", .netlify), ("netlify-export.csv", .netlify),
        ("formspree-submissions.json", .formspree), ("formspree-export.csv", .formspree),
    ])
    func theKindOfExportIsRecognised(fixture: String, format: ImportFormat) throws {
        let text = try String(contentsOfFile: Site.fixture(fixture), encoding: .utf8)
        #expect(ImportFormat.detect(text: text, fileName: fixture) == format)
    }

    @Test(arguments: [
        ("export.csv", "post,author,email,date,body\n", ImportFormat.generic),
        ("export.json", #"[{"post": "a", "author": "b", "date": "2026-10-01", "body": "c"}]"#, .generic),
        ("export.txt", "\u{FEFF}  <?xml version=\"1.0\"?><rss/>", .wordpress),
        ("Export.XML", "", .wordpress),
        ("export.csv", "Name,Email,Comment,Created at,IP\n", .netlify),
        ("export.json", #"{"fields": ["_date"], "submissions": []}"#, .formspree),
        ("export.json", #"[{"_date": "2026-10-01T00:00:00", "message": "x"}]"#, .formspree),
        ("export.json", "[{\"post\": ", .generic),
    ])
    func theKindOfExportIsReadFromItsNameAndContent(fileName: String, text: String, format: ImportFormat) {
        #expect(ImportFormat.detect(text: text, fileName: fileName) == format)
    }

    /// `--from` says what the file is: read as Netlify's, Formspree's `_date` is no date field.
    @Test func fromOverridesTheRecognisedKind() throws {
        let site = Site.make()
        let result = try Site.importing(site, Site.fixture("formspree-submissions.json"), ["--from", "netlify"])
        #expect(result.status == 1)
        #expect(result.stdout == "Imported 0 comments for moderation from Netlify Forms; 4 bad rows.\n")
        #expect(result.stderr.contains("row 1: no date\n"))
        let asXML = try Site.importing(site, Site.fixture("netlify-export.csv"), ["--from", "wordpress"])
        #expect(asXML.status == 2)
        #expect(asXML.stderr.contains("line 1, column 1: the XML cannot be read"))
        let unknown = try Site.importing(site, Site.fixture("netlify-export.csv"), ["--from", "typeform"])
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("typeform"))
    }

    @Test func aReplyToThatIsNoCommentOfThePostIsABadRow() throws {
        let site = Site.make()
        site.write("export.json", """
        [{"post": "ketamine-basics", "name": "Ivy", "date": "2026-10-01T08:00:00Z", "comment": "Me too.", "reply_to": "2024-09-20-lee-sep"},
         {"post": "tms-what-to-expect", "name": "Jo", "date": "2026-10-01T09:00:00Z", "comment": "Me too.", "reply_to": "2024-09-20-lee-sep"}]
        """)
        let result = try Site.importing(site, site.url.appendingPathComponent("export.json").path)
        #expect(result.status == 1)
        #expect(result.stderr.hasSuffix("row 2: reply_to '2024-09-20-lee-sep' is no comment of post 'tms-what-to-expect'; give the id of one (its file name without .md), or leave reply_to empty\n"))
        #expect(Site.comments(site)["\(Site.ketamine)/2026-10-01-ivy-oct.md"]?.contains("reply_to: \"2024-09-20-lee-sep\"\n") == true)
    }

    /// A post field that names no post (a slug changed since) gives way to the next column that does: here the page
    /// the form was sent from.
    @Test func theFirstColumnThatNamesAPostWins() throws {
        let site = Site.make()
        site.write("export.json", """
        [{"post": "tms-first-visit", "referrer": "https://cedargrove.example/posts/tms-what-to-expect/", "name": "Ivy",
          "date": "2026-10-01T08:00:00Z", "comment": "Very clear."}]
        """)
        let result = try Site.importing(site, site.url.appendingPathComponent("export.json").path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Site.comments(site)["\(Site.tms)/2026-10-01-ivy-oct.md"] != nil)
    }

    // MARK: Post names

    @Test(arguments: [
        "https://cedargrove.example/posts/tms-what-to-expect/?comment=pending#comment-form",
        "https://cedargrove.example/blog/posts/tms-what-to-expect/", "/posts/tms-what-to-expect", "tms-what-to-expect",
    ])
    func aPageAddressNamesItsPostWhateverItsQueryFragmentOrBasePath(name: String) {
        let posts = PostNames([.init(stem: "2024-09-15-tms-what-to-expect", slug: "tms-what-to-expect"), .init(stem: "a", slug: "a")])
        #expect(posts.stems(named: name) == ["2024-09-15-tms-what-to-expect"])
    }

    @Test func aSitesOwnAddressHasNoPath() {
        #expect(PostNames.pathOfAddress("https://cedargrove.example") == "")
        #expect(PostNames.pathOfAddress("https://cedargrove.example/?utm=x") == "")
        #expect(PostNames.pathOfAddress("https://cedargrove.example/posts/a/#x") == "/posts/a/")
    }

    // MARK: Helpers

    static func wxr(comments: [String]) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/">
        <channel>
        <item>
        <title>Ketamine Basics</title>
        <link>https://oldsite.example/2024/09/ketamine-basics/</link>
        <wp:post_name>ketamine-basics</wp:post_name>
        \(comments.joined(separator: "\n"))
        </item>
        </channel>
        </rss>
        """
    }

    static func wxrComment(id: Int, author: String, date: String, text: String, parent: Int = 0) -> String {
        """
        <wp:comment>
        <wp:comment_id>\(id)</wp:comment_id>
        <wp:comment_author><![CDATA[\(author)]]></wp:comment_author>
        <wp:comment_author_email></wp:comment_author_email>
        <wp:comment_date_gmt>\(date)</wp:comment_date_gmt>
        <wp:comment_content><![CDATA[\(text)]]></wp:comment_content>
        <wp:comment_approved>1</wp:comment_approved>
        <wp:comment_type>comment</wp:comment_type>
        <wp:comment_parent>\(parent)</wp:comment_parent>
        </wp:comment>
        """
    }
}
