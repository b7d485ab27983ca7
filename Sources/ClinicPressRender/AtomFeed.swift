import ClinicPressModel

/// The Atom 1.0 feed (RFC 4287) of the newest posts, with every element the spec requires.
enum AtomFeed {
    /// How many posts the feed carries.
    static let entryLimit = 20

    static func xml(_ posts: [BuiltPost], config: SiteConfig) -> String {
        let entries = posts.prefix(entryLimit)
        let updated = entries.map { $0.post.updated ?? $0.post.date }.max()?.iso8601 ?? "1970-01-01T00:00:00Z"
        var xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(Escape.xml(config.language))" xml:base="\(Escape.xml(config.baseURL))">
          <title>\(Escape.xml(config.title))</title>

        """
        if let description = config.description {
            xml += "  <subtitle>\(Escape.xml(description))</subtitle>\n"
        }
        xml += """
          <link href="\(Escape.xml(config.absoluteURL("feed.xml")))" rel="self" type="application/atom+xml"/>
          <link href="\(Escape.xml(config.baseURL))" rel="alternate" type="text/html"/>
          <id>\(Escape.xml(config.baseURL))</id>
          <updated>\(updated)</updated>
          <author><name>\(Escape.xml(config.author ?? config.clinic))</name></author>
          <generator>ClinicPress</generator>

        """
        for built in entries {
            let post = built.post
            let url = config.absoluteURL(post.path)
            xml += """
              <entry>
                <title>\(Escape.xml(post.title))</title>
                <link href="\(Escape.xml(url))" rel="alternate" type="text/html"/>
                <id>\(Escape.xml(url))</id>
                <published>\(post.date.iso8601)</published>
                <updated>\((post.updated ?? post.date).iso8601)</updated>

            """
            if let author = post.author {
                xml += "    <author><name>\(Escape.xml(author))</name></author>\n"
            }
            for tag in post.tags {
                xml += "    <category term=\"\(Escape.xml(tag))\"/>\n"
            }
            xml += """
                <summary>\(Escape.xml(built.summary))</summary>
                <content type="html">\(Escape.xml(built.html))</content>
              </entry>

            """
        }
        xml += "</feed>\n"
        return xml
    }
}
