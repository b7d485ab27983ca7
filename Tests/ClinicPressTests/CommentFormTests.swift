import ClinicPressContent
import ClinicPressModel
import ClinicPressSite
import Foundation
import Testing

/// The comment form of the default theme (`partials/comment-form.mustache`), shown when `comments.endpoint` is set.
/// Sites without the key are byte-identical to before: `GoldenSiteTests` builds them.
@Suite struct CommentFormTests {
    static let endpoint = "https://comments.fixture.example/submit"

    /// The basic fixture site (approved, pending and hostile comments on `first-visit`) with `comments.endpoint` set.
    func siteWithEndpoint(_ endpointLine: String = "  endpoint: \"\(endpoint)\"") throws -> TemporaryDirectory {
        let copy = TemporaryDirectory()
        let source = Fixtures.site("basic")
        for name in ["site.yaml", "Posts", "Templates", "references.yaml", "static"] {
            try FileManager.default.copyItem(at: source.appendingPathComponent(name), to: copy.url.appendingPathComponent(name))
        }
        let yaml = try String(contentsOf: copy.url.appendingPathComponent("site.yaml"), encoding: .utf8)
        copy.write("site.yaml", yaml + "comments:\n" + endpointLine + "\n")
        return copy
    }

    func render(_ site: URL) throws -> [String: String] {
        let files = try SiteBuilder.render(BuildOptions(siteDirectory: site, now: Fixtures.now)).files
        return Dictionary(uniqueKeysWithValues: files.map { ($0.path, String(decoding: $0.contents, as: UTF8.self)) })
    }

    @Test func postPagesHaveTheFormWithTheHiddenPostAndEmptyReplyTo() throws {
        let site = try siteWithEndpoint()
        let page = try #require(try render(site.url)["posts/first-visit/index.html"])
        #expect(page.contains(#"<section class="comment-form-section narrow" id="comment-form" aria-labelledby="comment-form-heading">"#))
        #expect(page.contains(#"<form class="comment-form" method="post" action="\#(Self.endpoint)" accept-charset="utf-8">"#))
        #expect(page.contains(#"<input type="hidden" name="post" value="first-visit">"#))
        #expect(page.contains(#"<input type="hidden" name="reply_to" value="">"#))
        #expect(page.contains("Please don&#39;t share medical details; we read every comment before it appears."))
        #expect(page.contains("Thank you — your comment awaits review."))
        // The notice shows only when the intake's redirect targets #comment-form.
        #expect(page.contains("#comment-form:target .comment-notice { display: block;"))
        // No time stamp is rendered at build time: the optional script adds ts and sent when the form is sent.
        #expect(!page.contains(#"name="ts""#))
        #expect(page.contains(#"["ts", loaded], ["sent", String(Date.now())]"#))
    }

    @Test func everyFieldHasALabelAndTheNotesAreLinked() throws {
        let site = try siteWithEndpoint()
        let page = try #require(try render(site.url)["posts/first-visit/index.html"])
        for prefix in ["comment", "reply-2026-01-12-ana", "reply-2026-01-13-clinic"] {
            for field in ["name", "email", "text", "website"] {
                #expect(page.contains(#"<label for="\#(prefix)-\#(field)">"#), "\(prefix)-\(field)")
                #expect(page.components(separatedBy: #"id="\#(prefix)-\#(field)""#).count == 2, "one \(prefix)-\(field)")
            }
            #expect(page.contains(#"aria-describedby="\#(prefix)-email-note""#))
            #expect(page.contains(#"id="\#(prefix)-email-note">Private: only our team sees it, to answer you; it is never published.<"#))
            #expect(page.contains(#"aria-describedby="\#(prefix)-privacy""#))
        }
        #expect(page.contains(#"<input id="comment-name" name="name" type="text" required maxlength="100" autocomplete="name">"#))
        #expect(page.contains(#"maxlength="2000" aria-describedby="comment-privacy""#))
    }

    @Test func theHoneypotIsHiddenFromPeopleAndAssistiveTechnology() throws {
        let site = try siteWithEndpoint()
        let page = try #require(try render(site.url)["posts/first-visit/index.html"])
        let honeypot = [#"<p class="comment-honeypot" aria-hidden="true">"#, #"<label for="comment-website">Leave this field empty</label>"#,
                        #"<input id="comment-website" name="website" type="text" value="" tabindex="-1" autocomplete="off">"#]
        #expect(page.contains(honeypot.joined(separator: "\n      ")))
        #expect(page.contains(".comment-honeypot { position: absolute; left: -10000px;"))
    }

    @Test func approvedCommentsGetAReplyFormThatWorksWithoutJavaScript() throws {
        let site = try siteWithEndpoint()
        let page = try #require(try render(site.url)["posts/first-visit/index.html"])
        // One reply form per published comment (Ana, the clinic's reply, the hostile one), none for pending ones.
        #expect(page.components(separatedBy: #"<details class="comment-reply">"#).count == 4)
        #expect(page.contains(#"<input type="hidden" name="reply_to" value="2026-01-12-ana">"#))
        #expect(page.contains(#"<input type="hidden" name="reply_to" value="2026-01-13-clinic">"#))
        #expect(!page.contains(#"value="2026-01-11-lee""#))
        #expect(page.contains(#"<summary>Reply<span class="visually-hidden"> to Ana P.</span></summary>"#))
        #expect(page.contains(#"aria-label="Reply to Ana P.""#))
        // The hostile author's name is escaped in the reply form's label too.
        #expect(!page.contains("Reply to <img"))
        #expect(page.contains("Reply to &lt;img src=x onerror=alert(1)&gt;"))
    }

    @Test func onlyPostPagesHaveTheFormAndItsStyles() throws {
        let site = try siteWithEndpoint()
        let pages = try render(site.url)
        for (path, text) in pages where path.hasSuffix(".html") {
            let isPost = path.hasPrefix("posts/")
            #expect(text.contains(#"id="comment-form""#) == isPost, "\(path)")
            #expect(text.contains(".comment-honeypot {") == isPost, "\(path)")
        }
    }

    @Test func theFormChangesOnlyPostPages() throws {
        let before = try render(Fixtures.site("basic"))
        let site = try siteWithEndpoint()
        let after = try render(site.url)
        #expect(before.keys.sorted() == after.keys.sorted())
        let changed = before.keys.filter { before[$0] != after[$0] }.sorted()
        #expect(changed == ["posts/clinic-note/index.html", "posts/first-visit/index.html", "posts/follow-up/index.html"])
    }

    @Test(arguments: [
        ("  endpoint: \"/comments\"", 12, 13),
        ("  endpoint: \"javascript:alert(1)\"", 12, 13),
        ("  endpoint: \"https://blog.example@evil.example/\"", 12, 13),
        ("  endpoint: \"https://comments.example/a b\"", 12, 13),
        ("  endpoint: \"https://comments.example/\\\"onmouseover=x\"", 12, 13),
        ("  endpoint: [\"https://comments.example/\"]", 12, 13),
        ("  endpoint: \"\"", 12, 13),
    ])
    func anEndpointThatIsNotAnAbsoluteAddressIsAnErrorAtItsLine(line: String, expectedLine: Int, column: Int) throws {
        let site = try siteWithEndpoint(line)
        let error = try #require(throws: DiagnosticsError.self) { try SiteContent.loadConfig(from: site.url) }
        let diagnostic = try #require(error.diagnostics.first { $0.message.contains("comments.endpoint") })
        #expect(diagnostic.location.file == "site.yaml")
        #expect(diagnostic.location.line == expectedLine)
        #expect(diagnostic.location.column == column)
        #expect(diagnostic.rule == "site-config")
    }

    @Test func anAbsoluteEndpointIsRead() throws {
        let site = try siteWithEndpoint()
        let config = try SiteContent.loadConfig(from: site.url)
        #expect(config.comments.endpoint == Self.endpoint)
    }
}
