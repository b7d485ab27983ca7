import ClinicPressModel

/// The RSS 2.0 feed (`rss.xml`) of the newest posts, beside the Atom one, for readers and services that only take RSS.
/// The same posts as `feed.xml`, each with its summary as `description` and its whole body as `content:encoded`.
enum RSSFeed {
    static func xml(_ posts: [BuiltPost], config: SiteConfig, people: People) -> String {
        let entries = posts.prefix(AtomFeed.entryLimit)
        var xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
          <channel>
            <title>\(Markup.escape(config.title))</title>
            <link>\(Markup.escape(config.baseURL))</link>
            <description>\(Markup.escape(config.description ?? config.title))</description>
            <language>\(Markup.escape(config.language))</language>
            <atom:link href="\(Markup.escape(config.absoluteURL("rss.xml")))" rel="self" type="application/rss+xml"/>
            <generator>ClinicPress</generator>

        """
        if let newest = entries.map({ $0.post.updated ?? $0.post.date }).max() {
            xml += "    <lastBuildDate>\(newest.rfc822)</lastBuildDate>\n"
        }
        for built in entries {
            let post = built.post
            let url = config.absoluteURL(post.path)
            xml += """
                <item>
                  <title>\(Markup.escape(post.title))</title>
                  <link>\(Markup.escape(url))</link>
                  <guid isPermaLink="true">\(Markup.escape(url))</guid>
                  <pubDate>\(post.date.rfc822)</pubDate>

            """
            if let author = post.author ?? config.author {
                xml += "      <dc:creator>\(Markup.escape(people[author]?.displayName ?? author))</dc:creator>\n"
            }
            for tag in post.tags {
                xml += "      <category>\(Markup.escape(config.tagNames[Slug.make(tag)] ?? tag))</category>\n"
            }
            xml += """
                  <description>\(Markup.escape(built.summary))</description>
                  <content:encoded>\(Markup.escape(built.html + AtomFeed.sourcesHTML(built.sources)))</content:encoded>
                </item>

            """
        }
        xml += "  </channel>\n</rss>\n"
        return xml
    }
}
