import Foundation
import Testing

/// A site for the queue tests: a post with a pending comment and a pending reply to it, and two posts whose names
/// cross: `third-note.md` has `slug: clinic-note`, and `2026-08-01-clinic-note.md` has another slug, so the name
/// `clinic-note` is one post's slug and the other's file name.
enum QueueSite {
    static let may = "Posts/2026-09-01-ketamine-basics.comments/2026-09-23-may-m.md"
    static let max = "Posts/2026-09-01-ketamine-basics.comments/2026-09-24-max-b.md"
    static let lee = "Posts/third-note.comments/2026-03-16-lee.md"

    static func make() -> TemporaryDirectory {
        let site = TemporaryDirectory()
        site.write(minimalSiteYAML + """

        -- Posts/2026-09-01-ketamine-basics.md --
        ---
        title: "Ketamine Basics"
        ---
        Body.
        -- Posts/2026-08-01-clinic-note.md --
        ---
        title: "An Older Note"
        slug: old-clinic-note
        ---
        Body.
        -- Posts/third-note.md --
        ---
        title: "A Note Without a Date Prefix"
        date: 2026-03-15
        slug: clinic-note
        ---
        Body.
        -- \(may) --
        ---
        author: May M.
        date: 2026-09-23T14:05:00Z
        status: pending
        flags: [testimonial]
        ---
        My mother felt better after her second infusion.
        -- \(max) --
        ---
        author: Max B.
        date: 2026-09-24T10:00:00Z
        status: pending
        reply_to: 2026-09-23-may-m
        ---
        Which clinic was that?
        -- \(lee) --
        ---
        author: Lee
        date: 2026-03-16T09:00:00Z
        status: pending
        ---
        Are you open on Saturdays?
        """)
        return site
    }

    static func list(_ site: TemporaryDirectory, _ arguments: [String] = []) throws -> CommandResult {
        try ClinicPressBinary.run(["comments", "list"] + arguments + ["--site", site.url.path])
    }

    /// True when `result` lists Lee's comment, and only it.
    static func listsOnlyLee(_ result: CommandResult) -> Bool {
        result.status == 0 && result.stdout.contains("Are you open on Saturdays?") && result.stdout.hasSuffix("\n1 comment\n")
    }
}

/// `clinicpress comments list`: which post, which comments, and how they are shown (issue 15, item 5).
@Suite struct CommentQueueTests {
    // MARK: --post names a post by any of its names

    /// `--post clinic-note` used to select the post whose *file* is `clinic-note.md` (it has no comments) and print
    /// "No pending comments on clinic-note." with exit 0, while Lee's comment waited on the post at /posts/clinic-note/.
    @Test func aPostsSlugFromItsFrontMatterSelectsItNotTheFileNamedLikeIt() throws {
        let site = QueueSite.make()
        let result = try QueueSite.list(site, ["--post", "clinic-note"])
        #expect(QueueSite.listsOnlyLee(result), "\(result.stdout)\(result.stderr)")
    }

    @Test(arguments: ["clinic-note", "third-note", "third-note.md", "Posts/third-note.md", "posts/clinic-note/"])
    func listByPostAcceptsItsSlugFileNameOrStem(post: String) throws {
        let site = QueueSite.make()
        let result = try QueueSite.list(site, ["--post", post])
        #expect(QueueSite.listsOnlyLee(result), "\(result.stdout)\(result.stderr)")
    }

    /// A post that has no comments says so, exit 0: that queue really is empty.
    @Test func aPostWithoutCommentsHasAnEmptyQueue() throws {
        let site = QueueSite.make()
        let result = try QueueSite.list(site, ["--post", "2026-08-01-clinic-note.md"])
        #expect(result.status == 0)
        #expect(result.stdout == "No pending comments on 2026-08-01-clinic-note.md.\n")
    }

    @Test(arguments: [
        ("ketamine", "did you mean 'ketamine-basics'?"),
        ("clinic-nte", "did you mean 'clinic-note'?"),
        ("clinic", "did you mean one of: 'clinic-note', 'old-clinic-note'?"),
        ("zzz", "give the post's slug, as in its address (posts/<slug>/), or its file name in Posts/"),
    ])
    func anUnknownPostIsAnErrorWithAHintListingCloseSlugs(post: String, hint: String) throws {
        let site = QueueSite.make()
        let result = try QueueSite.list(site, ["--post", post])
        #expect(result.status == 2)
        #expect(result.stdout == "")
        #expect(result.stderr == "error: no post '\(post)' in Posts/\n    hint: \(hint)\n")
    }

    // MARK: Columns, replies, limit

    @Test func listAlignsColumnsAndShowsWhichCommentsAreReplies() throws {
        let site = QueueSite.make()
        let result = try QueueSite.list(site)
        #expect(result.status == 0)
        #expect(result.stdout == """
        may-m  pending  2026-09-23  May M.  on ketamine-basics                    [testimonial]
            My mother felt better after her second infusion.
        max-b  pending  2026-09-24  Max B.  on ketamine-basics  ↳ reply to may-m
            Which clinic was that?
        lee    pending  2026-03-16  Lee     on clinic-note
            Are you open on Saturdays?
        3 comments

        """)
    }

    /// Each comment is listed by the shortest name that names it alone: the short id; the post and short id when
    /// another post has one like it; the whole id when its own post has two `may-m`s, with the post when another post
    /// has that id too. `show` accepts every one.
    @Test func everyListedNameNamesItsCommentAlone() throws {
        let site = ModerationSite.make()
        site.write("Posts/2026-09-01-ketamine-basics.comments/2026-09-25-may-m.md", "---\nauthor: May M.\ndate: 2026-09-25T10:00:00Z\nstatus: pending\n---\nAgain.\n")
        let result = try ClinicPressBinary.run(["comments", "list", "--site", site.url.path])
        let names = result.stdout.split(separator: "\n").filter { !$0.hasPrefix(" ") }.dropLast().map { String($0.prefix { $0 != " " }) }
        #expect(names == ["ketamine-basics/2026-09-23-may-m", "max-b", "2026-09-25-may-m", "tms-basics/may-m"])
        for name in names {
            let shown = try ClinicPressBinary.run(["comments", "show", name, "--site", site.url.path])
            #expect(shown.status == 0, "\(name): \(shown.stderr)")
        }
    }

    @Test func limitShowsTheFirstCommentsAndSaysHowManyMore() throws {
        let site = QueueSite.make()
        let result = try QueueSite.list(site, ["--limit", "2"])
        #expect(result.status == 0)
        #expect(result.stdout == """
        may-m  pending  2026-09-23  May M.  on ketamine-basics                    [testimonial]
            My mother felt better after her second infusion.
        max-b  pending  2026-09-24  Max B.  on ketamine-basics  ↳ reply to may-m
            Which clinic was that?
        … and 1 more; --limit 0 for all

        """)
    }

    @Test func theDefaultLimitIsFiftyAndZeroListsAll() throws {
        let site = ketamineBasicsSite()
        for index in 1...52 {
            let id = String(format: "2026-10-%02d-ann-\(index)", index % 28 + 1)
            site.write("Posts/2026-09-01-ketamine-basics.comments/\(id).md",
                       "---\nauthor: Ann\ndate: 2026-10-01T10:\(String(format: "%02d", index)):00Z\nstatus: pending\n---\nComment \(index).\n")
        }
        let limited = try ClinicPressBinary.run(["comments", "list", "--site", site.url.path])
        #expect(limited.status == 0)
        let lines = limited.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 50 * 2 + 2)
        #expect(lines[100] == "… and 2 more; --limit 0 for all")
        let all = try ClinicPressBinary.run(["comments", "list", "--limit", "0", "--site", site.url.path])
        #expect(all.stdout.split(separator: "\n").count == 52 * 2 + 1)
        #expect(all.stdout.hasSuffix("\n52 comments\n"))
    }

    @Test func aNegativeLimitIsABadArgument() throws {
        let site = QueueSite.make()
        let result = try QueueSite.list(site, ["--limit", "-1"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--limit"))
    }

    // MARK: JSON

    @Test func jsonListsEveryFieldAScriptNeeds() throws {
        let site = QueueSite.make()
        let result = try QueueSite.list(site, ["--format", "json", "--status", "all", "--post", "ketamine-basics"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == """
        [
          {
            "id": "2026-09-23-may-m",
            "post": "ketamine-basics",
            "author": "May M.",
            "date": "2026-09-23T14:05:00Z",
            "status": "pending",
            "flags": [
              "testimonial"
            ],
            "reply_to": null,
            "excerpt": "My mother felt better after her second infusion."
          },
          {
            "id": "2026-09-24-max-b",
            "post": "ketamine-basics",
            "author": "Max B.",
            "date": "2026-09-24T10:00:00Z",
            "status": "pending",
            "flags": [],
            "reply_to": "2026-09-23-may-m",
            "excerpt": "Which clinic was that?"
          }
        ]

        """)
    }

    /// A script gets every comment unless it asks for fewer; an empty queue is an empty array.
    @Test func jsonIsNotLimitedUnlessAskedAndAnEmptyQueueIsAnEmptyArray() throws {
        let site = QueueSite.make()
        let all = try QueueSite.list(site, ["--format", "json"])
        #expect(all.status == 0)
        #expect(all.stdout.components(separatedBy: "\"id\":").count - 1 == 3)
        let limited = try QueueSite.list(site, ["--format", "json", "--limit", "1"])
        #expect(limited.stdout.components(separatedBy: "\"id\":").count - 1 == 1)
        #expect(limited.stderr == "… and 2 more; --limit 0 for all\n")
        let empty = try QueueSite.list(site, ["--format", "json", "--status", "spam"])
        #expect(empty.status == 0)
        #expect(empty.stdout == "[]\n")
    }
}
