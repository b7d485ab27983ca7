import ClinicPressModel

/// Builds the values templates see. Every page gets `site` and `page`; docs/templates.md lists every variable.
///
/// Values are plain dictionaries, arrays, strings, numbers and booleans. A key that has no value is left
/// out rather than set to an empty string, so `{{#key}}…{{/key}}` sections behave as authors expect.
struct PageContext {
    let config: SiteConfig
    /// The year of the newest post, for the copyright line (never the build's date, so builds repeat exactly).
    let copyrightYear: Int
    /// Whether the site has a series page to link from the header.
    var hasSeries = false
    /// The moment of the build, to mark scheduled posts in previews.
    var now: Timestamp?
    /// The writers and reviewers of `people.yaml`, for bylines and author pages.
    var people = People([], isDefined: false)
    /// The navigation menu's links.
    var menu: [MenuItem] = []
    /// The interface strings and date format of the site's language.
    var strings = UIStrings.builtIn("en")

    /// `site`: the configuration.
    func site(current: String? = nil) -> [String: Any] {
        var site: [String: Any] = [
            "title": config.title,
            "url": config.baseURL,
            "base_path": config.basePath,
            "language": config.language,
            "og_locale": config.language.replacingOccurrences(of: "-", with: "_"),
            "clinic": config.clinic,
            // Without a `clinic:` of its own, the clinic's name is the title: the header shows it once.
            "clinic_is_title": config.clinic == config.title,
            "cta_text": strings("cta_text", ["clinic": config.clinic]),
            "copyright_year": copyrightYear,
            "has_series": hasSeries,
        ]
        site["description"] = config.description
        site["disclaimer"] = config.disclaimer
        site["author"] = config.author
        site["extra"] = Self.templateValue(.map(config.extra))
        site["menu"] = menu.map { item -> [String: Any] in
            let isSitePath = item.url.hasPrefix("/")
            return ["title": item.title, "url": isSitePath ? link(String(item.url.dropFirst())) : item.url,
                    "is_current": isSitePath && current.map { "/" + $0 == item.url || "/" + $0 == item.url + "/" } == true]
        }
        site["has_menu"] = !menu.isEmpty
        return site
    }

    /// The values every page shows the same, by the names templates give them: `strings.<key>` for each interface
    /// string, `site.<key>` for each text of `site` (the menu, which marks the current page, is no text).
    var constants: [String: String] {
        var constants: [String: String] = [:]
        for (key, value) in strings.values { constants["strings." + key] = value }
        for (key, value) in site() {
            if let text = value as? String { constants["site." + key] = text }
        }
        return constants
    }

    /// `page`: what the `<head>` and header need.
    func page(type: String, title: String, path: String, description: String?, heading: String? = nil) -> [String: Any] {
        var page: [String: Any] = [
            "type": type,
            "is_\(type.replacingOccurrences(of: "-", with: "_"))": true,
            "title": title,
            "title_tag": title == config.title ? title : "\(title) · \(config.title)",
            "heading": heading ?? title,
            "url": config.absoluteURL(path),
            "path": config.basePath + path,
            "description": description ?? config.description ?? config.title,
            "og_type": type == "post" ? "article" : type == "author" ? "profile" : "website",
            "language": config.language,
        ]
        page["is_series"] = type == "series" || type == "series-list" ? true : nil
        if type == "404" { page["noindex"] = true }
        if let image = config.image {
            page["image"] = imageURL(image, absolute: true)
            page["image_alt"] = config.imageAlt
        }
        return page
    }

    /// The call-to-action button under a post: the post's own `cta_url`/`cta_text`, else the site's; without an
    /// address it links to the articles, as before there was a setting.
    func callToAction(_ post: Post) -> [String: Any] {
        let url = post.ctaURL ?? config.ctaURL
        let text = post.ctaText ?? config.ctaText ?? strings(url == nil ? "cta_more_articles" : "cta_button")
        return ["url": url.map(linkOrAddress) ?? config.basePath, "text": text]
    }

    /// A site path (`/contact/`) under the base path; an address as written.
    private func linkOrAddress(_ target: String) -> String {
        target.hasPrefix("/") ? link(sitePath(rooted: target)) : target
    }

    /// The site path of an address written from the root: `/contact/` → `contact/`, and under a base path such as
    /// `/blog/`, `/blog/contact/` → `contact/` too (the build reads it so: LocalFiles), not `blog/contact/`.
    private func sitePath(rooted target: String) -> String {
        let path = String(target.dropFirst())
        let base = config.basePath.dropFirst()
        return !base.isEmpty && path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
    }

    /// A site-relative link: `posts/a/` → `/posts/a/` (or `/blog/posts/a/` under a sub-folder).
    func link(_ path: String) -> String { config.basePath + path }

    /// A post as the lists (home, tags, archive) and the post page see it.
    func post(_ built: BuiltPost, withContent: Bool) -> [String: Any] {
        let post = built.post
        let tags = post.tags.compactMap { tag -> [String: String]? in
            let slug = Slug.make(tag)
            return slug.isEmpty ? nil : ["name": config.tagNames[slug] ?? tag, "url": link(SitePaths.tag(slug))]
        }
        var value: [String: Any] = [
            "title": post.title,
            "slug": post.slug,
            "url": link(post.path),
            "absolute_url": config.absoluteURL(post.path),
            "date_iso": post.date.iso8601,
            "date_display": strings.date(post.date),
            "summary": built.summary,
            "reading_minutes": built.readingMinutes,
            "word_count": built.wordCount,
            "tags": tags,
            "has_tags": !tags.isEmpty,
            "comment_count": built.commentCount,
            "comment_count_label": strings(built.commentCount == 1 ? "comment" : "comments_count"),
            "min_read": strings("min_read", ["minutes": String(built.readingMinutes)]),
            "has_comments": built.commentCount > 0,
            "extra": Self.templateValue(.map(post.extra)),
        ]
        value["first_tag"] = tags.first
        value["author"] = (post.author ?? config.author).map { people[$0]?.displayName ?? $0 }
        value["author_person"] = (post.author ?? config.author).flatMap(person)
        value["reviewer"] = post.reviewedBy.flatMap(person)
        value["has_byline"] = post.author != nil || config.author != nil || post.reviewedBy != nil
        value["description"] = post.description
        value["is_draft"] = post.isDraft ? true : nil
        if let now, post.isScheduled(now: now), !post.isDraft {
            value["is_scheduled"] = true
            value["scheduled_for"] = strings("scheduled_for", ["date": strings.date(post.date)])
        }
        if let updated = post.updated {
            value["updated_iso"] = updated.iso8601
            value["updated_display"] = strings.date(updated)
        }
        value["reviewed_by"] = post.reviewedBy.map { people[$0]?.displayName ?? $0 }
        if let reviewedOn = post.reviewedOn {
            value["reviewed_on_iso"] = reviewedOn.dayString
            value["reviewed_on_display"] = strings.date(reviewedOn)
        }
        if let image = post.image {
            value["image"] = imageURL(image, absolute: false)
            value["image_alt"] = post.imageAlt ?? ""
            if let size = built.imageSize {
                value["image_width"] = size.width
                value["image_height"] = size.height
            }
        }
        return withContent ? self.post(built, card: value) : value
    }

    /// A post as its own page sees it: `card` (the post as lists see it) with its body, sources, comments and form.
    func post(_ built: BuiltPost, card: [String: Any]) -> [String: Any] {
        let post = built.post
        var value = card
        value["content"] = built.html
        value["sources"] = built.sources.map(Self.source)
        value["has_sources"] = !built.sources.isEmpty
        let form = config.comments.endpoint.map { CommentForm(action: $0, post: post.slug, maxLength: config.comments.maxLength) }
        value["comments"] = built.comments.map { comment($0, form: form) }
        value["comment_form"] = form?.values(replyingTo: nil)
        return value
    }

    /// A writer or reviewer as a byline shows them: from `people.yaml` by key (name, credentials, role, photo, bio, links
    /// and their page), else the name as written. Every key is present, so an outer context never shows through.
    func person(_ written: String) -> [String: Any]? {
        guard let person = people[written] else {
            return ["name": written, "display_name": written, "has_page": false, "credentials": "", "role": "", "bio": "", "photo": "",
                    "has_photo": false, "links": [String](), "has_links": false]
        }
        var value: [String: Any] = [
            "key": person.key, "name": person.name, "display_name": person.displayName, "has_page": true, "url": link(person.path),
            "credentials": person.credentials ?? "", "role": person.role ?? "", "bio": person.bio ?? "",
            "photo": person.photo.map { imageURL($0, absolute: false) } ?? "", "has_photo": person.photo != nil,
            "links": person.links.map { ["url": $0] }, "has_links": !person.links.isEmpty,
        ]
        value["absolute_url"] = config.absoluteURL(person.path)
        return value
    }

    /// A table of contents: the `##` headings, each with its `###` headings under it.
    func tableOfContents(_ headings: [Heading]) -> [String: Any] {
        var entries: [[String: Any]] = []
        for heading in headings {
            let entry: [String: Any] = ["id": heading.id, "text": heading.text]
            if heading.level == 3, !entries.isEmpty {
                var last = entries.removeLast()
                last["children"] = (last["children"] as? [[String: Any]] ?? []) + [entry]
                last["has_children"] = true
                entries.append(last)
            } else {
                entries.append(entry.merging(["children": [[String: Any]](), "has_children": false]) { first, _ in first })
            }
        }
        return ["entries": entries]
    }

    /// One entry of a post's "Sources": its number and HTML, and for a `references.yaml` entry its fields (every key
    /// present, so that a missing author is false rather than the post's author from an outer context).
    static func source(_ source: CitedSource) -> [String: Any] {
        var value: [String: Any] = ["number": source.number, "html": source.html, "is_reference": source.reference != nil]
        guard let reference = source.reference else { return value }
        let published = [reference.publisher, reference.year.map(String.init)].compactMap { $0 }.joined(separator: ", ")
        value["reference"] = [
            "title": reference.title, "title_stop": Markup.stop(after: reference.title),
            "author": reference.author ?? "", "has_author": reference.author != nil, "author_stop": Markup.stop(after: reference.author ?? ""),
            "publisher": reference.publisher ?? "", "year": reference.year.map(String.init) ?? "",
            "published": published, "has_published": !published.isEmpty, "published_stop": Markup.stop(after: published),
            "url": reference.link ?? "", "has_url": reference.link != nil,
        ] as [String: Any]
        return value
    }

    /// A series with its parts; `current` marks the part being read (on a post page) and adds previous/next.
    func series(_ series: Series, current: Int?) -> [String: Any] {
        let parts = series.parts.map { part -> [String: Any] in
            var value: [String: Any] = ["number": part.number, "is_current": part.number == current, "coming_soon": part.state == .comingSoon]
            if let title = part.title { value["title"] = title }
            if let path = part.path { value["url"] = link(path) }
            return value
        }
        var value: [String: Any] = [
            "title": series.title,
            "in_parts": strings("series_in_parts", ["total": String(series.parts.count)]),
            "published_so_far": strings("published_so_far", ["count": String(series.publishedParts.count)]),
            "parts_published": strings("parts_published", ["count": String(series.publishedParts.count), "total": String(series.parts.count)]),
            "url": link(series.path),
            "total": series.parts.count,
            "published_count": series.publishedParts.count,
            "parts": parts,
        ]
        if let current {
            value["part"] = current
            value["part_of_series"] = strings("part_of_series", ["part": String(current), "total": String(series.parts.count)])
            let published = series.parts.filter { $0.state == .published }
            if let previous = published.last(where: { $0.number < current }), let path = previous.path {
                value["previous"] = ["title": previous.title ?? "", "url": link(path), "number": previous.number] as [String: Any]
            }
            if let next = published.first(where: { $0.number > current }), let path = next.path {
                value["next"] = ["title": next.title ?? "", "url": link(path), "number": next.number] as [String: Any]
            }
        }
        return value
    }

    /// A published comment; `replies` and `has_replies` are always set, so a reply never sees its parent's. With a
    /// comment `form` (`comments.endpoint` is set), an approved comment gets `reply_form`, the form answering it.
    func comment(_ comment: PublishedComment, form: CommentForm? = nil) -> [String: Any] {
        var value: [String: Any] = [
            "anchor": Slug.make(comment.id),
            "author": comment.author,
            "date_iso": comment.date.iso8601,
            "date_display": strings.date(comment.date),
            "html": comment.html,
            "replies": comment.replies.map { self.comment($0, form: form) },
            "has_replies": !comment.replies.isEmpty,
            "is_pending": comment.pendingFlags != nil,
            "flags": (comment.pendingFlags ?? []).joined(separator: ", "),
        ]
        if let form, comment.pendingFlags == nil { value["reply_form"] = form.values(replyingTo: comment) }
        return value
    }

    /// Images given as site paths are made relative to the base path, or absolute for Open Graph.
    func imageURL(_ image: String, absolute: Bool) -> String {
        if image.hasPrefix("http://") || image.hasPrefix("https://") { return image }
        let path = image.hasPrefix("/") ? sitePath(rooted: image) : image
        return absolute ? config.absoluteURL(path) : link(path)
    }

    /// Converts a front matter value for Mustache: maps become dictionaries, lists arrays.
    static func templateValue(_ value: MetaValue) -> Any {
        switch value {
        case .string(let text): text
        case .bool(let flag): flag
        case .int(let number): number
        case .double(let number): number
        case .list(let values): values.map(templateValue)
        case .map(let pairs): Dictionary(pairs.map { ($0.key, templateValue($0.value)) }, uniquingKeysWith: { first, _ in first })
        }
    }
}
