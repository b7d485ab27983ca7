import ClinicPressModel

/// The Atom 1.0 feed (RFC 4287) of the newest posts, with every element the spec requires.
enum AtomFeed {
    /// How many posts the feed carries.
    static let entryLimit = 20

    /// The feed of `posts` (newest first): the site's at `feed.xml`, or a topic's (`tag` its display name) at
    /// `tags/<slug>/feed.xml`, beside the page at `pagePath`. Authors named by a key of `people` are shown by name.
    static func xml(_ posts: [BuiltPost], config: SiteConfig, people: People = People([], isDefined: false), feedPath: String = "feed.xml",
                    pagePath: String = "", tag: String? = nil) -> String {
        let entries = posts.prefix(entryLimit)
        let updated = entries.map { $0.post.updated ?? $0.post.date }.max()?.iso8601 ?? "1970-01-01T00:00:00Z"
        let title = tag.map { "\(config.title): \($0)" } ?? config.title
        var xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(Markup.escape(config.language))" xml:base="\(Markup.escape(config.baseURL))">
          <title>\(Markup.escape(title))</title>

        """
        if tag == nil, let description = config.description {
            xml += "  <subtitle>\(Markup.escape(description))</subtitle>\n"
        }
        let feedAuthor = config.author.map { people[$0]?.displayName ?? $0 } ?? config.clinic
        xml += """
          <link href="\(Markup.escape(config.absoluteURL(feedPath)))" rel="self" type="application/atom+xml"/>
          <link href="\(Markup.escape(config.absoluteURL(pagePath)))" rel="alternate" type="text/html"/>
          <id>\(Markup.escape(config.absoluteURL(tag == nil ? pagePath : feedPath)))</id>
          <updated>\(updated)</updated>
          <author><name>\(Markup.escape(feedAuthor))</name></author>
          <generator>ClinicPress</generator>

        """
        for built in entries {
            let post = built.post
            let url = config.absoluteURL(post.path)
            xml += """
              <entry>
                <title>\(Markup.escape(post.title))</title>
                <link href="\(Markup.escape(url))" rel="alternate" type="text/html"/>
                <id>\(Markup.escape(url))</id>
                <published>\(post.date.iso8601)</published>
                <updated>\((post.updated ?? post.date).iso8601)</updated>

            """
            if let author = post.author {
                xml += "    <author><name>\(Markup.escape(people[author]?.displayName ?? author))</name></author>\n"
            }
            for tag in post.tags {
                xml += "    <category term=\"\(Markup.escape(tag))\"/>\n"
            }
            xml += """
                <summary>\(Markup.escape(built.summary))</summary>
                <content type="html">\(Markup.escape(built.html + sourcesHTML(built.sources)))</content>
              </entry>

            """
        }
        xml += "</feed>\n"
        return xml
    }

    /// The post's sources as a numbered list, so the superscript numbers in feed readers lead somewhere.
    static func sourcesHTML(_ sources: [CitedSource]) -> String {
        guard !sources.isEmpty else { return "" }
        return "<h2>Sources</h2>\n<ol>\n" + sources.map { "<li id=\"source-\($0.number)\">\($0.html)</li>\n" }.joined() + "</ol>\n"
    }
}
