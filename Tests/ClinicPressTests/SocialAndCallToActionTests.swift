import ClinicPressModel
import ClinicPressSite
import Foundation
import Testing

/// Issue 16 item 8: a site-wide picture for link previews, and a call-to-action button that links where the clinic says.
@Suite struct SocialAndCallToActionTests {
    static func site(_ settings: String, post extra: String = "") -> TemporaryDirectory {
        let site = TemporaryDirectory()
        site.write("""
        -- site.yaml --
        title: Social
        base_url: https://clinic.example.org/blog/
        \(settings)
        -- Posts/2026-03-01-plain.md --
        ---
        title: Plain
        \(extra)
        ---
        Text.
        -- Posts/2026-03-02-pictured.md --
        ---
        title: Pictured
        image: /assets/room.jpg
        image_alt: Our infusion room
        ---
        Text.
        -- static/assets/room.jpg --
        (the post's picture: pictures a site names must be its files)
        -- static/assets/social.png --
        (the site's picture)
        """)
        return site
    }

    static func pages(_ site: TemporaryDirectory) throws -> [String: String] {
        let files = try SiteBuilder.render(BuildOptions(siteDirectory: site.url, now: Fixtures.now)).files
        return Dictionary(uniqueKeysWithValues: files.map { ($0.path, String(decoding: $0.contents, as: UTF8.self)) })
    }

    @Test func theSitesPictureIsOnEveryPageAndAPostsOwnReplacesIt() throws {
        let pages = try Self.pages(Self.site("image: /assets/social.png\nimage_alt: The clinic's garden"))
        for path in ["index.html", "posts/plain/index.html", "tags/index.html", "archive/index.html"] {
            let html = try #require(pages[path], "\(path)")
            #expect(html.contains(#"<meta property="og:image" content="https://clinic.example.org/blog/assets/social.png">"#), "\(path)")
            #expect(html.contains(#"<meta property="og:image:alt" content="The clinic&#39;s garden">"#), "\(path)")
            #expect(html.contains(#"<meta name="twitter:card" content="summary_large_image">"#), "\(path)")
            #expect(html.contains(#"<meta name="twitter:image" content="https://clinic.example.org/blog/assets/social.png">"#), "\(path)")
        }
        let pictured = try #require(pages["posts/pictured/index.html"])
        #expect(pictured.contains(#"<meta property="og:image" content="https://clinic.example.org/blog/assets/room.jpg">"#))
        #expect(pictured.contains(#"<meta name="twitter:image:alt" content="Our infusion room">"#))
        #expect(!pictured.contains("social.png"))
    }

    @Test func withoutAPictureTheCardIsASummary() throws {
        let pages = try Self.pages(Self.site(""))
        let plain = try #require(pages["posts/plain/index.html"])
        #expect(plain.contains(#"<meta name="twitter:card" content="summary">"#))
        #expect(!plain.contains("og:image"))
    }

    @Test func theButtonLinksWhereTheSiteSays() throws {
        let pages = try Self.pages(Self.site("cta_url: https://clinic.example.org/book/\ncta_text: Book a free consultation"))
        #expect(pages["posts/plain/index.html"]?.contains(#"<a class="button" href="https://clinic.example.org/book/">Book a free consultation</a>"#) == true)
    }

    @Test func aPostMaySetItsOwnButton() throws {
        let pages = try Self.pages(Self.site("cta_url: https://clinic.example.org/book/", post: "cta_url: /contact/\ncta_text: Ask our nurses"))
        #expect(pages["posts/plain/index.html"]?.contains(#"<a class="button" href="/blog/contact/">Ask our nurses</a>"#) == true)
        // The other post keeps the site's address, with the text for a booking link.
        #expect(pages["posts/pictured/index.html"]?.contains(#"<a class="button" href="https://clinic.example.org/book/">Book a consultation</a>"#) == true)
    }

    @Test func withoutSettingsTheButtonLeadsToTheArticles() throws {
        let pages = try Self.pages(Self.site(""))
        #expect(pages["posts/plain/index.html"]?.contains(#"<a class="button" href="/blog/">Read more articles</a>"#) == true)
    }

    @Test(arguments: ["javascript:alert(1)", "book.html", "//evil.example/", "https://"])
    func anAddressThatIsNotALinkIsAnErrorAtItsValue(url: String) throws {
        let site = Self.site("cta_url: \"\(url)\"")
        let error = try #require(throws: DiagnosticsError.self) { try Self.pages(site) }
        #expect(error.diagnostics.map(\.description) == [
            "site.yaml:3:10: error: `cta_url` must be an address such as `https://clinic.example/book/`, `tel:+15550100`, or a path of the site such as `/contact/` [site-config]",
        ])
    }
}
