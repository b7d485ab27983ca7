import Foundation
import Testing

/// Issue 12, "Silently wrong output": comment ids are unique only per post, and `approve` silently picked the
/// first. Comments are now addressed as `post/id` and an id that several comments have is an error listing them.
/// Issue 15: `comments list --post` with a file name or an unknown post printed a false "No pending comments".
@Suite struct CommentAddressTests {
    func run(_ site: TemporaryDirectory, _ arguments: [String]) throws -> CommandResult {
        try ClinicPressBinary.run(["comments"] + arguments + ["--site", site.url.path])
    }

    @Test func anIdThatTwoPostsHaveIsAnErrorListingBothAndChangesNothing() throws {
        let site = ModerationSite.make()
        let before = filesBelow(site.url)
        let result = try run(site, ["approve", "2026-09-23-may-m"])
        #expect(result.status == 2)
        #expect(result.stdout == "")
        #expect(result.stderr == """
        error: '2026-09-23-may-m' matches 2 comments: ketamine-basics/2026-09-23-may-m, tms-basics/2026-09-23-may-m; give more of the id, \
        or name the post as post/id

        """)
        #expect(filesBelow(site.url) == before)
    }

    @Test(arguments: ["tms-basics/2026-09-23-may-m", "2026-09-02-tms-basics/2026-09-23", "2026-09-02-tms-basics.md/2026-09-23-may-m",
                      "Posts/2026-09-02-tms-basics.md/2026-09-23-may-m"])
    func postSlashIdNamesOneComment(address: String) throws {
        let site = ModerationSite.make()
        let result = try run(site, ["approve", address, "--by", "Dana"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "approved 2026-09-23-may-m (\(ModerationSite.mayOnTMS))\n")
        #expect(try ModerationSite.read(site, ModerationSite.mayOnTMS).contains("status: approved\n"))
        #expect(try ModerationSite.read(site, ModerationSite.mayOnKetamine).contains("status: pending\n"))
    }

    @Test func anUnknownPostInAnAddressIsAnError() throws {
        let site = ModerationSite.make()
        let result = try run(site, ["approve", "ketamine-basic/2026-09-23-may-m"])
        #expect(result.status == 2)
        #expect(result.stderr == "error: no post 'ketamine-basic' in Posts/\n    hint: did you mean 'ketamine-basics'?\n")
    }

    @Test func anAmbiguousPrefixListsTheCandidatesAsAddresses() throws {
        let site = ModerationSite.make()
        let result = try run(site, ["spam", "2026-09-2"])
        #expect(result.status == 2)
        #expect(result.stderr == """
        error: '2026-09-2' matches 3 comments: ketamine-basics/2026-09-23-may-m, ketamine-basics/2026-09-24-max-b, tms-basics/2026-09-23-may-m; \
        give more of the id, or name the post as post/id

        """)
    }

    /// Both posts have a `may-m`: the list names this one with its post, as `approve` needs it.
    @Test(arguments: ["2026-09-02-tms-basics.md", "Posts/2026-09-02-tms-basics.md", "2026-09-02-tms-basics", "tms-basics"])
    func listByPostAcceptsItsFileNameStemOrSlug(post: String) throws {
        let site = ModerationSite.make()
        let result = try run(site, ["list", "--post", post])
        #expect(result.status == 0)
        #expect(result.stdout == """
        tms-basics/may-m  pending  2026-09-23  May T.  on tms-basics
            Does TMS hurt?
        1 comment

        """)
    }

    @Test func listOfAnUnknownPostIsAnErrorNotAnEmptyQueue() throws {
        let site = ModerationSite.make()
        let result = try run(site, ["list", "--post", "no-such-post"])
        #expect(result.status == 2)
        #expect(result.stdout == "")
        #expect(result.stderr == "error: no post 'no-such-post' in Posts/\n    hint: give the post's slug, as in its address (posts/<slug>/), or its file name in Posts/\n")
    }
}
