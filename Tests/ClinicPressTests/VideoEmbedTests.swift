import ClinicPressModel
@testable import ClinicPressSite
import Foundation
import Testing

/// A paragraph holding only a YouTube or Vimeo address becomes a privacy-friendly embed; anything that is not
/// exactly a video address stays a link.
@Suite struct VideoEmbedTests {
    @Test(arguments: [
        ("https://www.youtube.com/watch?v=dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", "https://www.youtube.com/watch?v=dQw4w9WgXcQ"),
        ("https://youtu.be/dQw4w9WgXcQ?si=Xy1_z", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", "https://www.youtube.com/watch?v=dQw4w9WgXcQ"),
        ("https://youtube.com/shorts/a-B_c1D2e3F/", "https://www.youtube-nocookie.com/embed/a-B_c1D2e3F", "https://www.youtube.com/watch?v=a-B_c1D2e3F"),
        ("http://www.youtube.com/embed/dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", "https://www.youtube.com/watch?v=dQw4w9WgXcQ"),
        ("https://m.youtube.com/watch?feature=share&v=dQw4w9WgXcQ&t=1m30s", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=90",
         "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=90s"),
        ("https://youtu.be/dQw4w9WgXcQ?t=42", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=42", "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42s"),
        ("https://vimeo.com/76979871", "https://player.vimeo.com/video/76979871?dnt=1", "https://vimeo.com/76979871"),
        ("https://www.vimeo.com/76979871/8a1b2c3d4e", "https://player.vimeo.com/video/76979871?h=8a1b2c3d4e&dnt=1", "https://vimeo.com/76979871/8a1b2c3d4e"),
        ("https://player.vimeo.com/video/76979871?h=8a1b2c3d4e", "https://player.vimeo.com/video/76979871?h=8a1b2c3d4e&dnt=1", "https://vimeo.com/76979871/8a1b2c3d4e"),
    ])
    func videoAddressesAreRecognised(address: String, player: String, page: String) throws {
        let video = try #require(VideoEmbed(address: address))
        #expect(video.playerURL == player)
        #expect(video.pageURL == page)
    }

    @Test(arguments: [
        "https://www.youtube.com/watch?v=dQw4w9WgXc", "https://www.youtube.com/watch?v=dQw4w9WgXcQQ", "https://www.youtube.com/watch?v=dQw4w9WgX%22",
        "https://www.youtube.com/watch?v=dQw4w9WgX.Q", "https://www.youtube.com/watch", "https://www.youtube.com/playlist?list=PLx0sYbCqOb8TBPRdmBHs5Iftvv9TPboYG",
        "https://www.youtube.com/@clinic", "https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ", "https://evil.example/youtube.com/watch?v=dQw4w9WgXcQ",
        "https://user@youtube.com/watch?v=dQw4w9WgXcQ", "ftp://youtu.be/dQw4w9WgXcQ", "https://youtu.be/dQw4w9WgXcQ/more",
        "https://vimeo.com/76979871abc", "https://vimeo.com/channels/staffpicks/76979871", "https://vimeo.com/76979871/8A1B", "https://vimeo.com/",
        "https://vimeo.com/1234567890123", "https://player.vimeo.com/76979871", "javascript:alert(1)//youtu.be/dQw4w9WgXcQ",
    ])
    func anythingElseIsNotAVideo(address: String) {
        #expect(VideoEmbed(address: address) == nil)
    }

    func page(_ body: String) throws -> String {
        let site = TemporaryDirectory()
        site.write("site.yaml", "title: \"Test Blog\"\nbase_url: \"https://test.example/\"\n")
        site.write("Posts/2026-01-01-hello.md", "---\ntitle: \"Hello\"\n---\n\(body)")
        let files = try SiteBuilder.render(BuildOptions(siteDirectory: site.url, now: Fixtures.now)).files
        return files.first { $0.path == "posts/hello/index.html" }.map { String(decoding: $0.contents, as: UTF8.self) } ?? ""
    }

    @Test func aParagraphHoldingOnlyAVideoAddressBecomesAnEmbed() throws {
        let html = try page("Before.\n\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ\n\n<https://vimeo.com/76979871>\n\nAfter.\n")
        #expect(html.contains("""
        <p>Before.</p>
        <figure class="video-embed">
        <div class="video-frame"><iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ" title="YouTube video" loading="lazy" \
        allow="accelerometer; clipboard-write; encrypted-media; gyroscope; picture-in-picture; web-share" referrerpolicy="strict-origin-when-cross-origin" \
        allowfullscreen></iframe></div>
        <figcaption><a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ">Watch the video on YouTube</a></figcaption>
        </figure>
        <figure class="video-embed">
        <div class="video-frame"><iframe src="https://player.vimeo.com/video/76979871?dnt=1" title="Vimeo video" loading="lazy" \
        allow="autoplay; fullscreen; picture-in-picture" referrerpolicy="strict-origin-when-cross-origin" allowfullscreen></iframe></div>
        <figcaption><a href="https://vimeo.com/76979871">Watch the video on Vimeo</a></figcaption>
        </figure>
        <p>After.</p>
        """))
    }

    @Test func aLinkAloneInAParagraphTitlesItsEmbed() throws {
        let html = try page("[A tour of our \"infusion\" room](https://youtu.be/dQw4w9WgXcQ)\n")
        #expect(html.contains("title=\"A tour of our &quot;infusion&quot; room\" loading=\"lazy\""))
        #expect(html.contains("<figcaption><a href=\"https://www.youtube.com/watch?v=dQw4w9WgXcQ\">A tour of our &quot;infusion&quot; room</a></figcaption>"))
    }

    @Test func videoAddressesAnywhereElseStayLinks() throws {
        let html = try page("""
        Watch https://youtu.be/dQw4w9WgXcQ today.

        - https://youtu.be/dQw4w9WgXcQ

        https://youtu.be/dQw4w9WgXc

        """)
        #expect(!html.contains("<iframe"))
        #expect(html.contains("<p>Watch <a href=\"https://youtu.be/dQw4w9WgXcQ\">https://youtu.be/dQw4w9WgXcQ</a> today.</p>"))
        #expect(html.contains("<li><a href=\"https://youtu.be/dQw4w9WgXcQ\">https://youtu.be/dQw4w9WgXcQ</a></li>"))
        #expect(html.contains("<p><a href=\"https://youtu.be/dQw4w9WgXc\">https://youtu.be/dQw4w9WgXc</a></p>"))
    }
}
