import ClinicPressContent
@testable import ClinicPressIntake
import ClinicPressModel
import ClinicPressSite
import Foundation
import Hummingbird
import Testing

/// `clinicpress intake`: the comment form's submissions become pending, screened comment files. The router is tested
/// without a socket; `scripts/intake-load-test.py` runs the real binary under load and kill -9.
@Suite struct IntakeTests {
    typealias Harness = IntakeHarness

    @Test func aGoodSubmissionWritesOnePendingFileWithFlagsAndRedirectsToThePost() async throws {
        let harness = Harness()
        let before = harness.snapshot()
        try await harness.test(clock: { Harness.october1 }) { client in
            let response = try await Harness.post(client, Harness.form(Harness.fields()))
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "https://clinic.example/posts/ketamine-basics/?comment=pending#comment-form")
            #expect(response.headers[.cacheControl] == "no-store")
        }
        let written = harness.newFiles(since: before)
        #expect(written.count == 1)
        let path = try #require(written.first)
        // Named like every new comment file, imported or received: the day, the first name and the month.
        #expect(path == "\(Harness.folder)/2026-10-01-may-oct.md")
        let text = try harness.text(path)
        #expect(text.hasPrefix("---\nauthor: \"May M.\"\ndate: 2026-10-01T08:00:00Z\n"))
        #expect(text.contains("\nstatus: pending\nemail: \"may@example.com\"\nflags: [health-disclosure, testimonial]\n---\n"))
        #expect(text.hasSuffix("---\nMy sister's anxiety finally lifted after her third session.\n"))
        // The build reads it like any other comment file.
        let (comments, diagnostics) = SiteContent.loadComments(from: harness.site.url)
        #expect(diagnostics.isEmpty)
        #expect(comments["2026-09-01-ketamine-basics"]?.count == 3)
    }

    @Test func jsonRequestsGetJSON() async throws {
        let harness = Harness()
        let before = harness.snapshot()
        let site = harness.site.url
        try await harness.test { client in
            var headers = HTTPFields()
            headers[.contentType] = "application/json"
            headers[.accept] = "application/json"
            headers[.origin] = Harness.origin
            let body = #"{"post": "ketamine-basics", "name": "Jo", "comment": "Clear explanation, thank you.", "reply_to": "2026-09-20-lee", "ts": null}"#
            let response = try await client.execute(uri: "/", method: .post, headers: headers, body: ByteBuffer(string: body))
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/json")
            #expect(response.headers[.accessControlAllowOrigin] == Harness.origin)
            let answer = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: String]
            #expect(answer?["status"] == "pending")
            let id = try #require(answer?["id"])
            let text = try String(contentsOf: site.appendingPathComponent("\(Harness.folder)/\(id).md"), encoding: .utf8)
            #expect(text.contains("\nreply_to: \"2026-09-20-lee\"\n"))
        }
        #expect(harness.newFiles(since: before).count == 1)
    }

    @Test func aFormThatAcceptsJSONGetsJSON() async throws {
        let harness = Harness()
        try await harness.test { client in
            let response = try await Harness.post(client, Harness.form(Harness.fields()), headers: Harness.formHeaders(accept: "application/json, text/plain;q=0.5"))
            #expect(response.status == .ok)
            #expect(String(buffer: response.body).hasPrefix(#"{"id":""#))
        }
    }

    @Test func aReplyToAnApprovedCommentIsWrittenWithReplyTo() async throws {
        let harness = Harness()
        let before = harness.snapshot()
        try await harness.test { client in
            let response = try await Harness.post(client, Harness.form(Harness.fields([("reply_to", "2026-09-20-lee")])))
            #expect(response.status == .seeOther)
        }
        let path = try #require(harness.newFiles(since: before).first)
        #expect(try harness.text(path).contains("\nreply_to: \"2026-09-20-lee\"\n"))
    }

    @Test func submissionsWithoutJavaScriptNeedNoTimeStamp() async throws {
        let harness = Harness()
        try await harness.test { client in
            // The form as rendered, sent without the script: no ts, no sent.
            let response = try await Harness.post(client, Harness.form(Harness.fields()))
            #expect(response.status == .seeOther)
        }
    }

    @Test func aFormSentSecondsAfterThePageLoadedIsAccepted() async throws {
        let harness = Harness()
        try await harness.test { client in
            let now = Harness.nowMilliseconds
            let loadedEarlier = Harness.fields([("ts", String(now - 10_000)), ("sent", String(now))])
            let status1 = try await Harness.post(client, Harness.form(loadedEarlier)).status
            #expect(status1 == .seeOther)
            // The visitor's clock is a day ahead: only the difference between ts and sent counts.
            let skewed = Harness.fields([("ts", String(now + 86_400_000)), ("sent", String(now + 86_405_000)), ("name", "Bo")])
            let status2 = try await Harness.post(client, Harness.form(skewed)).status
            #expect(status2 == .seeOther)
        }
    }

    @Test func aPostPublishedAfterIntakeStartedTakesComments() async throws {
        let harness = Harness()
        let site = harness.site.url
        try await harness.test { client in
            let status3 = try await Harness.post(client, Harness.form(Harness.fields([("post", "new-post")]))).status
            #expect(status3 == .notFound)
            try Data("---\ntitle: New\n---\nBody.\n".utf8).write(to: site.appendingPathComponent("Posts/2026-10-01-new-post.md"))
            let status4 = try await Harness.post(client, Harness.form(Harness.fields([("post", "new-post")]))).status
            #expect(status4 == .seeOther)
        }
        #expect(FileManager.default.fileExists(atPath: harness.site.url.appendingPathComponent("Posts/2026-10-01-new-post.comments").path))
    }

    @Test func corsPreflightsFromTheSiteAreAnswered() async throws {
        let harness = Harness()
        try await harness.test { client in
            var headers = HTTPFields()
            headers[.origin] = Harness.origin
            headers[.accessControlRequestMethod] = "POST"
            let allowed = try await client.execute(uri: "/", method: .options, headers: headers)
            #expect(allowed.status == .noContent)
            #expect(allowed.headers[.accessControlAllowOrigin] == Harness.origin)
            headers[.origin] = "https://evil.example"
            let status5 = try await client.execute(uri: "/", method: .options, headers: headers).status
            #expect(status5 == .forbidden)
        }
    }

    @Test func getSaysWhatTheServiceIs() async throws {
        try await Harness().test { client in
            let response = try await client.execute(uri: "/", method: .get)
            #expect(response.status == .ok)
            #expect(String(buffer: response.body).contains("comment intake for https://clinic.example"))
        }
    }

    /// A name with a script is a name: stored as text, and escaped on the page once a moderator approves it.
    @Test func aScriptInTheNameIsStoredAsTextAndEscapedOnThePage() async throws {
        let harness = Harness()
        let before = harness.snapshot()
        let name = #"<script>alert("x")</script> Mallory"#
        try await harness.test(clock: { Harness.october1 }) { client in
            let response = try await Harness.post(client, Harness.form(Harness.fields([("name", name), ("comment", "Hello <img src=x onerror=alert(1)>")])))
            #expect(response.status == .seeOther)
        }
        let path = try #require(harness.newFiles(since: before).first)
        // Only letters and digits reach the file name: the first word of the name as a slug, and the month.
        #expect(path == "\(Harness.folder)/2026-10-01-script-oct.md")
        let text = try harness.text(path)
        #expect(text.contains(#"author: "<script>alert(\"x\")</script> Mallory""#))
        try text.replacingOccurrences(of: "status: pending", with: "status: approved")
            .write(to: harness.site.url.appendingPathComponent(path), atomically: true, encoding: .utf8)

        let files = try SiteBuilder.render(BuildOptions(siteDirectory: harness.site.url, now: .now)).files
        let page = try #require(files.first { $0.path == "posts/ketamine-basics/index.html" }).contents
        let html = String(decoding: page, as: UTF8.self)
        #expect(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Mallory"))
        #expect(!html.contains("<script>alert"))
        #expect(!html.contains("<img src=x"))
    }

    // MARK: - Double submits

    /// Submit pressed twice: the second gets the same answer, and the one file on disk is the comment.
    @Test func theSameCommentSentTwiceWritesOneFileAndAnswersBothAlike() async throws {
        let harness = Harness()
        let before = harness.snapshot()
        let clock = TestClock(Harness.october1)
        try await harness.test(clock: clock.read) { client in
            let first = try await Harness.post(client, Harness.form(Harness.fields()))
            clock.advance(seconds: 40)
            let second = try await Harness.post(client, Harness.form(Harness.fields([("email", "")])))
            #expect(first.status == .seeOther)
            #expect(second.status == .seeOther)
            #expect(second.headers[.location] == first.headers[.location])
            #expect(String(buffer: second.body) == String(buffer: first.body))
            // A script asking for JSON is told the first comment's id.
            let third = try await Harness.post(client, Harness.form(Harness.fields()), headers: Harness.formHeaders(accept: "application/json"))
            let answer = try JSONSerialization.jsonObject(with: Data(buffer: third.body)) as? [String: String]
            #expect(answer == ["id": "2026-10-01-may-oct", "status": "pending"])
        }
        #expect(harness.newFiles(since: before) == ["\(Harness.folder)/2026-10-01-may-oct.md"])
    }

    /// Two identical submissions arriving at the same moment: one waits for the other and finds its file.
    @Test func theSameCommentSentTwiceAtOnceWritesOneFile() async throws {
        let harness = Harness()
        let before = harness.snapshot()
        try await harness.test(clock: { Harness.october1 }) { client in
            try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for _ in 0..<4 {
                    group.addTask { try await Harness.post(client, Harness.form(Harness.fields())).status }
                }
                for try await status in group { #expect(status == .seeOther) }
            }
        }
        #expect(harness.newFiles(since: before) == ["\(Harness.folder)/2026-10-01-may-oct.md"])
    }

    /// Only the same post, name, text and reply within ten minutes is the same comment: another text, another name,
    /// a reply, or the same words a quarter of an hour later are new comments.
    @Test func aDifferentCommentOrTheSameOneMuchLaterIsWritten() async throws {
        let harness = Harness()
        let before = harness.snapshot()
        let clock = TestClock(Harness.october1)
        try await harness.test(clock: clock.read) { client in
            for changes in [[], [("comment", "Does it help with sleep too?")], [("name", "May Moss")], [("reply_to", "2026-09-20-lee")]] {
                let status = try await Harness.post(client, Harness.form(Harness.fields(changes))).status
                #expect(status == .seeOther)
            }
            clock.advance(seconds: 15 * 60)
            let later = try await Harness.post(client, Harness.form(Harness.fields())).status
            #expect(later == .seeOther)
        }
        #expect(harness.newFiles(since: before).count == 5)
    }

    // MARK: - --commit

    @Test func commitRecordsEachAcceptedCommentInGit() async throws {
        let harness = Harness()
        let site = harness.site.url
        for arguments in [["init", "-q"], ["config", "user.name", "Intake Test"], ["config", "user.email", "intake@test.example"],
                          ["add", "."], ["commit", "-q", "-m", "Site"]] {
            #expect(GitCommitter.git(arguments, in: site).status == 0)
        }
        // Something else staged is not swept into the comment's commit.
        harness.site.write("notes.txt", "staged, not committed\n")
        #expect(GitCommitter.git(["add", "notes.txt"], in: site).status == 0)
        var options = CommentIntake.Options()
        options.commit = true
        let before = harness.snapshot()
        try await harness.test(options: options) { client in
            let status6 = try await Harness.post(client, Harness.form(Harness.fields())).status
            #expect(status6 == .seeOther)
        }
        let path = try #require(harness.newFiles(since: before).first { $0.hasPrefix(Harness.folder) })
        let id = String(path.split(separator: "/").last!.dropLast(3))
        let log = GitCommitter.git(["log", "-1", "--format=%s", "--name-only"], in: site).output
        #expect(log == "Comment \(id) on ketamine-basics (pending)\n\n\(path)\n")
        #expect(GitCommitter.git(["status", "--porcelain"], in: site).output == "A  notes.txt\n")
    }

    @Test func commitOutsideAGitRepositoryRefusesToStart() throws {
        let harness = Harness()
        var options = CommentIntake.Options()
        options.commit = true
        let config = try SiteContent.loadConfig(from: harness.site.url)
        let failure = try #require(throws: CommentIntake.StartFailure.self) {
            try CommentIntake(siteDirectory: harness.site.url, config: config, options: options)
        }
        #expect(failure.description.hasPrefix("--commit needs the site in a git repository: \(harness.site.url.path) is not in a git repository"))
    }

    @Test func theCommandRefusesToStartWithCommitOutsideARepository() throws {
        let harness = Harness()
        let result = try ClinicPressBinary.run(["intake", "--site", harness.site.url.path, "--port", "0", "--commit"])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("error: --commit needs the site in a git repository"))
        #expect(result.stdout.isEmpty)
    }
}
