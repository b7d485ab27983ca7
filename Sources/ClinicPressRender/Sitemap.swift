import ClinicPressModel

/// `sitemap.xml` (sitemaps.org 0.9): every page a search engine should index, posts with their last change.
enum Sitemap {
    static func xml(_ posts: [BuiltPost], tags: [String], series: [Series], config: SiteConfig, homePages: Int, others: [String] = []) -> String {
        var urls: [(path: String, lastModified: Timestamp?)] = []
        urls.append(("", posts.first.map { $0.post.updated ?? $0.post.date }))
        if homePages > 1 {
            urls += (2...homePages).map { (SitePaths.home(page: $0), nil) }
        }
        urls += posts.map { ($0.post.path, $0.post.updated ?? $0.post.date) }
        urls.append((SitePaths.tags, nil))
        urls += tags.map { (SitePaths.tag($0), nil) }
        if !series.isEmpty {
            urls.append((SitePaths.seriesList, nil))
            urls += series.map { ($0.path, nil) }
        }
        urls.append((SitePaths.archive, nil))
        // Standalone pages and author pages.
        urls += others.map { ($0, nil) }

        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for url in urls {
            xml += "  <url><loc>\(Markup.escape(config.absoluteURL(url.path)))</loc>"
            if let lastModified = url.lastModified {
                xml += "<lastmod>\(lastModified.dayString)</lastmod>"
            }
            xml += "</url>\n"
        }
        xml += "</urlset>\n"
        return xml
    }
}
