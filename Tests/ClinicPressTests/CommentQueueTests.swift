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
}
