import ClinicPressModel
import ClinicPressText

extension Post {
    /// The front matter keys ClinicPress interprets. Others are kept for templates.
    static let knownKeys = [
        "title", "date", "author", "tags", "summary", "slug", "draft", "updated", "series", "part", "parts",
        "reviewed_by", "reviewed_on", "image", "image_alt", "description", "cta_url", "cta_text", "toc",
    ]

    /// The most tags a post may have. Each tag is a page listing its posts, and each listing shows the post's tags, so
    /// the work grows with the square of the tags of one post: 2,000 tags took 52 s. Real posts have a handful.
    static let tagLimit = 50
    /// The highest `part` and `parts` of a series. Every planned part is a line in each part's series box, and
    /// `parts: 100000000` once made a build run out of memory.
    static let partLimit = 500

    /// A hash of the text's bytes, for noticing that a file changed. (`String.hashValue` hashes canonical equivalence,
    /// normalizing as it goes: a tenth of loading a large site.)
    static func byteHash(_ text: String) -> Int {
        var text = text
        var hasher = Hasher()
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        return hasher.finalize()
    }
    /// The most footnote marks (`[^…]` references and definitions) in a post: a long review article has a few hundred.
    static let footnoteLimit = 2_000

    /// Reads a post from its file text. `source` is the path relative to the site (`Posts/a.md`).
    /// Problems go to `diagnostics`; nil when the post cannot be built.
    static func parse(_ text: String, source: String, diagnostics: inout [Diagnostic]) -> Post? {
        let fileName = source.split(separator: "/").last.map(String.init) ?? source
        let fileStem = fileName.hasSuffix(".md") ? String(fileName.dropLast(3)) : fileName
        let (fileDate, fileSlugPart) = splitDatePrefix(fileStem)

        guard let frontMatter = FrontMatter.split(text, file: source).value(reportingTo: &diagnostics),
              var yaml = YAMLMapping.parse(frontMatter.yaml, file: source, firstLine: frontMatter.yamlFirstLine, diagnostics: &diagnostics)
        else {
            return nil
        }
        defer { diagnostics += yaml.diagnostics }

        let title = yaml.string("title")
        if title == nil, yaml["title"] == nil {
            yaml.report(.error("missing `title` in the front matter", at: yaml.location, rule: "front-matter",
                               hint: "add a line `title: \"…\"` between the `---` lines"))
        }
        var date = yaml.timestamp("date")
        if date == nil, yaml["date"] == nil {
            if let fileDate {
                date = fileDate
            } else {
                yaml.report(.error("missing `date`: the file name has no YYYY-MM-DD- prefix and the front matter no `date`", at: yaml.location,
                                   rule: "front-matter", hint: "add `date: YYYY-MM-DD` or rename the file YYYY-MM-DD-\(fileStem).md"))
            }
        }
        // A date in the front matter wins over the file name's; when they name different days, one of them is a
        // mistake (a post copied from another, a date changed in one place only).
        if let fileDate, date != nil, let entry = yaml["date"], let written = entry.value.scalar?.string.trimmingWhitespace,
           written.prefix(10) != fileStem.prefix(10) {
            let day = String(written.prefix(10))
            yaml.report(.warning("`date: \(written)` disagrees with the date \(fileDate.dayString) in the file name; the front matter's date is used",
                                 at: entry.keyLocation, rule: "front-matter",
                                 hint: "rename the file \(day)-\(fileSlugPart).md, or correct `date:` (or remove it, and the file name's date is used)"))
        }
        var slug = Slug.make(fileSlugPart)
        if let entry = yaml["slug"], let written = yaml.string("slug") {
            if written.contains("/") || written.contains("..") || written.contains("\\") {
                yaml.report(.error("slug '\(written)' would write outside the post's folder in Public/", at: yaml.location(of: entry.value),
                                   rule: "slug", hint: "a slug is one path segment of lowercase letters, digits and hyphens, such as `ketamine-basics`"))
            } else if !Slug.isValid(written) {
                yaml.report(.error("slug '\(written)' is not a valid URL segment", at: yaml.location(of: entry.value), rule: "slug",
                                   hint: "use lowercase letters, digits and single hyphens, such as `\(Slug.make(written))`"))
            } else {
                slug = written
            }
        } else if slug.isEmpty {
            yaml.report(.error("cannot make a slug from the file name '\(fileName)'", at: SourceLocation(file: source), rule: "slug",
                               hint: "rename the file with letters or digits, or add `slug: …` to the front matter"))
        }

        let post = Post(
            source: source,
            fileStem: fileStem,
            slug: slug,
            title: title ?? "",
            date: date ?? Timestamp(secondsSinceEpoch: 0),
            updated: yaml.timestamp("updated"),
            author: yaml.string("author"),
            tags: yaml.stringList("tags") ?? [],
            summary: yaml.string("summary"),
            description: yaml.string("description"),
            isDraft: yaml.bool("draft") ?? false,
            series: yaml.string("series"),
            part: yaml.integer("part", minimum: 1),
            parts: yaml.integer("parts", minimum: 1),
            reviewedBy: yaml.string("reviewed_by"),
            reviewedOn: yaml.timestamp("reviewed_on"),
            image: yaml.string("image"),
            imageAlt: yaml.string("image_alt"),
            ctaURL: yaml.link("cta_url"),
            ctaText: yaml.string("cta_text"),
            tableOfContents: yaml.bool("toc") ?? false,
            extra: yaml.entries.filter { !knownKeys.contains($0.key) }.map { (key: $0.key, value: yaml.metaValue($0.value)) },
            body: frontMatter.body,
            bodyFirstLine: frontMatter.bodyFirstLine,
            frontMatterHash: Self.byteHash(frontMatter.yaml),
            keyLines: Dictionary(yaml.entries.map { ($0.key, $0.keyLocation.line) }, uniquingKeysWith: { first, _ in first })
        )
        yaml.warnAboutMisspelledKeys(known: knownKeys, rule: "front-matter")
        if let entry = yaml["tags"], post.tags.count > Self.tagLimit {
            yaml.report(.error("the post has \(post.tags.count) tags, more than the limit of \(Self.tagLimit)", at: yaml.location(of: entry.value),
                               rule: "input-limit", hint: "keep the few tags a reader would browse by"))
        }
        for key in ["part", "parts"] {
            if let entry = yaml[key], let number = key == "part" ? post.part : post.parts, number > Self.partLimit {
                yaml.report(.error("`\(key): \(number)` is more than the limit of \(Self.partLimit) parts in a series", at: yaml.location(of: entry.value),
                                   rule: "input-limit", hint: "split the series, or check the number"))
            }
        }
        if let footnotes = FootnoteCount(body: frontMatter.body, firstLine: frontMatter.bodyFirstLine) {
            yaml.report(.error("the post has \(footnotes.count) footnote marks (`[^…]`), more than the limit of \(Self.footnoteLimit)",
                               at: SourceLocation(file: source, line: footnotes.lineOfFirstOverLimit), rule: "input-limit",
                               hint: "cite a shared source once with `[@key]` from references.yaml, or split the post"))
        }
        if let entry = yaml["tags"] {
            for tag in post.tags where Slug.make(tag).isEmpty {
                yaml.report(.warning("tag '\(tag)' has no letters or digits to make its page address, so it is left out", at: yaml.location(of: entry.value),
                                     rule: "front-matter", hint: "use a tag with Latin letters or digits"))
            }
        }
        if post.image != nil, post.imageAlt == nil, let entry = yaml["image"] {
            yaml.report(.warning("`image` has no `image_alt` text for screen readers", at: entry.keyLocation, rule: "accessibility",
                                 hint: "add `image_alt: \"…\"` describing the picture"))
        }
        guard !yaml.diagnostics.containsErrors else { return nil }
        return post
    }

    /// `2026-09-08-ketamine-basics` → (2026-09-08, "ketamine-basics"); no prefix → (nil, stem).
    public static func splitDatePrefix(_ stem: String) -> (Timestamp?, String) {
        guard stem.utf8.count > 11 else { return (nil, stem) }
        let prefix = String(stem.prefix(10))
        let separator = stem.dropFirst(10).first
        guard separator == "-" || separator == "_", let date = Timestamp(parsing: prefix) else { return (nil, stem) }
        return (date, String(stem.dropFirst(11)))
    }
}
