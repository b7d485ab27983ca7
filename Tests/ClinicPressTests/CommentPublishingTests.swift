import ClinicPressComments
import ClinicPressContent
import ClinicPressModel
import ClinicPressSite
import Foundation
import Testing

/// What reaches `Public/` of visitors' comments: approved ones only, threaded, inert, and nothing private.
@Suite struct CommentPublishingTests {
    func builtFiles(_ site: URL) throws -> [OutputFile] {
        try SiteBuilder.render(BuildOptions(siteDirectory: site, includeDrafts: true, now: Fixtures.now)).files
    }

    func page(_ files: [OutputFile], _ path: String) throws -> String {
        String(decoding: try #require(files.first { $0.path == path }).contents, as: UTF8.self)
    }

    @Test func onlyApprovedCommentsAppearThreadedOldestFirst() throws {
        let html = try page(try builtFiles(Fixtures.site("basic")), "posts/first-visit/index.html")
        let ana = try #require(html.range(of: "id=\"comment-2026-01-12-ana\""))
        let reply = try #require(html.range(of: "id=\"comment-2026-01-13-clinic\""))
        let hostile = try #require(html.range(of: "id=\"comment-2026-01-16-hostile\""))
        #expect(ana.lowerBound < reply.lowerBound && reply.lowerBound < hostile.lowerBound)
        // The reply sits inside Ana's list item, in a nested list.
        let anaItem = html[ana.lowerBound..<hostile.lowerBound]
        #expect(anaItem.contains("<ol class=\"comment-replies\">"))
        #expect(html.contains("<h2 id=\"comments-heading\">3 comments</h2>"))
        // Pending, rejected, and an approved reply to a pending comment are not published.
        #expect(!html.contains("2026-01-11-lee"))
        #expect(!html.contains("2026-01-14-reply-to-pending"))
        #expect(!html.contains("REJECTED-TEXT-MARKER"))
    }

    @Test func commentCountsShowInPostLists() throws {
        let files = try SiteBuilder.render(BuildOptions(siteDirectory: Fixtures.site("basic"), now: Fixtures.now)).files
        let html = try page(files, "page/2/index.html")
        #expect(html.contains("· 1 min read · Ana Ruiz, RN · 3 comments</p>"))
    }

    /// Script tags, `javascript:` links, attribute injection in the author name, entities, a 10,000-character
    /// line, control characters and a right-to-left override, all in one approved comment.
    @Test func hostileCommentsAreInert() throws {
        let html = try page(try builtFiles(Fixtures.site("basic")), "posts/first-visit/index.html")
        let start = try #require(html.range(of: "<section class=\"comments"))
        let end = try #require(html.range(of: "</section>", range: start.upperBound..<html.endIndex))
        let comments = String(html[start.lowerBound..<end.upperBound])
        for forbidden in ["<script", "javascript:", "<img", "<iframe", "<b ", "evil.example/p.png", "\u{202E}", "\u{01}", "\u{07}"] {
            #expect(!comments.contains(forbidden), "comment output contains \(forbidden.debugDescription)")
        }
        // No tag carries an event handler: `onerror=` may only appear as escaped text.
        for tag in tags(in: comments) {
            #expect(!tag.lowercased().contains(" on"), "tag with an event handler: \(tag)")
        }
        #expect(comments.contains("<span class=\"comment-author\">&lt;img src=x onerror=alert(1)&gt; &quot;Eve&quot; evil</span>"))
        #expect(comments.contains("<a rel=\"nofollow ugc noopener\" href=\"\">click</a>"))
        #expect(comments.contains("&lt;b&gt; &amp; bold"))
        #expect(comments.contains("title=\"t&quot; onclick=&quot;x\""))
        #expect(comments.contains(String(repeating: "A", count: 10_000)))
        // Every link a visitor wrote is marked as user content.
        #expect(comments.components(separatedBy: "<a ").count - 1 == comments.components(separatedBy: "<a rel=\"nofollow ugc noopener\"").count - 1)
    }

    /// Every `<…>` tag of an HTML text (text content cannot hold a raw `<`, so this finds exactly the tags).
    func tags(in html: String) -> [String] {
        var tags: [String] = []
        var rest = Substring(html)
        while let open = rest.firstIndex(of: "<"), let close = rest[open...].firstIndex(of: ">") {
            tags.append(String(rest[open...close]).replacingOccurrences(of: "\"[^\"]*\"", with: "\"\"", options: .regularExpression))
            rest = rest[rest.index(after: close)...]
        }
        return tags
    }

    /// No email, flag, moderator note or unapproved comment text anywhere in the output: pages, feeds, JSON-LD,
    /// sitemap — for the sample site and the fixture site, drafts included.
    @Test(arguments: ["basic", "sample"])
    func nothingPrivateIsPublished(site name: String) throws {
        let site = name == "sample" ? Fixtures.repository : Fixtures.site(name)
        let files = try builtFiles(site)
        let output = files.map { String(decoding: $0.contents, as: UTF8.self) }.joined(separator: "\n")
        let comments = SiteContent.loadComments(from: site).comments.values.flatMap { $0 }
        #expect(!comments.isEmpty)
        let published = Set(files.flatMap { file in
            comments.filter { String(decoding: file.contents, as: UTF8.self).contains("id=\"comment-\(Slug.make($0.id))\"") }.map(\.id)
        })
        for comment in comments {
            if let email = comment.email { #expect(!output.contains(email), "\(comment.source): email published") }
            if let reason = comment.reason { #expect(!output.contains(reason), "\(comment.source): moderation reason published") }
            if comment.status != .approved {
                #expect(!published.contains(comment.id), "\(comment.source): \(comment.status) comment published")
                let text = CommentRenderer.cleanText(comment.body).trimmingCharacters(in: .whitespacesAndNewlines)
                #expect(!output.contains(String(text.prefix(40))), "\(comment.source): text of a \(comment.status) comment published")
            }
        }
        for secret in ["moderated_by", "moderated_at", "flags:", "health-disclosure", "contact-info", "@example.com", "@example.org"] {
            #expect(!output.contains(secret), "\(secret) appears in the output")
        }
    }
}
