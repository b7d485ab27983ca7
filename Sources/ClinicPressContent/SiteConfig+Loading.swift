import ClinicPressModel
import ClinicPressText
import Foundation
import Yams

extension SiteConfig {
    /// The keys `site.yaml` understands. Other keys are kept for templates as `site.extra`.
    static let knownKeys = [
        "title", "base_url", "language", "clinic", "description", "disclaimer", "author", "posts_per_page", "markdown", "claims", "comments",
        "review_every", "image", "image_alt", "cta_url", "cta_text", "editor", "menu", "tags", "strings",
    ]

    /// Reads `site.yaml` in `siteDirectory`. Every problem is appended to `diagnostics`; nil when the
    /// configuration cannot be used.
    static func load(from siteDirectory: URL, diagnostics: inout [Diagnostic]) -> SiteConfig? {
        let file = "site.yaml"
        let url = siteDirectory.appendingPathComponent(file)
        guard !SourceText.isAbsent(url.path) else {
            diagnostics.append(.error("no site.yaml in the site folder", at: SourceLocation(file: file), rule: "site-config",
                                      hint: "pass the site folder with --site DIR, or create a site with `clinicpress init DIR`"))
            return nil
        }
        guard let text = SourceText.read(url, relativePath: file, sizeLimit: SourceText.yamlSizeLimit).value(reportingTo: &diagnostics) else { return nil }
        return parse(text, diagnostics: &diagnostics)
    }

    /// Interprets the text of `site.yaml`.
    static func parse(_ text: String, diagnostics: inout [Diagnostic]) -> SiteConfig? {
        let file = "site.yaml"
        guard var yaml = YAMLMapping.parse(text, file: file, firstLine: 1, diagnostics: &diagnostics) else { return nil }
        defer { diagnostics += yaml.diagnostics.map { $0.withRule("site-config") } }

        let title = yaml.string("title")
        let baseURL = yaml.string("base_url")
        for (key, value) in [("title", title), ("base_url", baseURL)] where value == nil && yaml[key] == nil {
            yaml.report(.error("site.yaml is missing the required key `\(key)`", at: SourceLocation(file: file), rule: "site-config",
                               hint: key == "title" ? "add `title: \"Your Clinic Blog\"`" : "add `base_url: \"https://blog.example.com/\"`, the address the site is deployed at"))
        }
        if let baseURL, !(baseURL.hasPrefix("https://") || baseURL.hasPrefix("http://")) || baseURL.contains(" ") {
            yaml.report(.error("`base_url` must be an absolute http(s) address, found '\(baseURL)'", at: yaml.location(of: yaml["base_url"]!.value),
                               rule: "site-config", hint: "for example `base_url: \"https://blog.example.com/\"`"))
        }
        let language = yaml.string("language")
        let clinic = yaml.string("clinic")
        let description = yaml.string("description")
        let disclaimer = yaml.string("disclaimer")
        let author = yaml.string("author")
        let postsPerPage = yaml.integer("posts_per_page", minimum: 1)
        var allowRawHTML = false
        if let markdown = yaml["markdown"] {
            if let mapping = markdown.value.mapping {
                for (key, value) in mapping {
                    let name = key.scalar?.string ?? ""
                    if name == "raw_html" {
                        if let flag = YAMLMapping.boolean(value) {
                            allowRawHTML = flag
                        } else {
                            yaml.report(.error("`raw_html` must be `true` or `false`", at: yaml.location(of: value), rule: "site-config"))
                        }
                    } else {
                        yaml.report(.error("unknown markdown setting `\(name)`", at: yaml.location(of: key), rule: "site-config",
                                           hint: "the markdown settings are: raw_html (true or false)"))
                    }
                }
            } else {
                yaml.report(.error("`markdown` must be a mapping such as `markdown: { raw_html: false }`", at: yaml.location(of: markdown.value), rule: "site-config"))
            }
        }
        let claims = yaml["claims"].map { claimSettings($0.value, yaml: &yaml) } ?? ClaimSettings()
        let comments = yaml["comments"].map { commentSettings($0.value, yaml: &yaml) } ?? CommentSettings()
        let image = yaml.string("image"), imageAlt = yaml.string("image_alt")
        let ctaURL = yaml.link("cta_url"), ctaText = yaml.string("cta_text")
        var reviewEvery: ReviewInterval?
        if let entry = yaml["review_every"] {
            reviewEvery = entry.value.scalar.flatMap { ReviewInterval(parsing: $0.string.trimmingWhitespace) }
            if reviewEvery == nil {
                yaml.report(.error("`review_every` must be a number and a unit, such as `12 months`", at: yaml.location(of: entry.value),
                                   rule: "site-config", hint: "units: days, weeks, months, years"))
            }
        }
        var editor = Editor.none
        if let entry = yaml["editor"], let written = yaml.string("editor") {
            if let known = Editor(rawValue: written.trimmingWhitespace.lowercased()) {
                editor = known
            } else {
                let names = Editor.allCases.map(\.rawValue)
                let likely = Spelling.closest(to: written, among: names) ?? Spelling.close(to: written, among: names, limit: 1).first
                yaml.report(.error("unknown editor '\(written)'", at: yaml.location(of: entry.value), rule: "site-config",
                                   hint: (likely.map { "did you mean `\($0)`? " } ?? "") + "the editors are: vscode, zed, idea, none"))
            }
        }
        let menu = yaml["menu"].map { Self.menuItems($0.value, yaml: &yaml) } ?? []
        let tagNames = yaml["tags"].map { Self.tagNames($0.value, yaml: &yaml) } ?? [:]
        var strings: [(key: String, value: String, location: SourceLocation)] = []
        if let entry = yaml["strings"] {
            if let mapping = entry.value.mapping {
                for (keyNode, value) in mapping {
                    guard let text = value.scalar?.string, value.null == nil else {
                        yaml.report(.error("each of `strings` must be text", at: yaml.location(of: value), rule: "site-config"))
                        continue
                    }
                    strings.append((keyNode.scalar?.string ?? "", text, yaml.location(of: keyNode)))
                }
            } else {
                yaml.report(.error("`strings` must map interface strings to your text, such as `strings: {read_more: \"Continue reading\"}`",
                                   at: yaml.location(of: entry.value), rule: "site-config"))
            }
        }
        yaml.warnAboutMisspelledKeys(known: knownKeys, rule: "site-config")
        let extra = yaml.entries.filter { !knownKeys.contains($0.key) }.map { (key: $0.key, value: yaml.metaValue($0.value)) }

        guard let title, let baseURL, !yaml.diagnostics.containsErrors else { return nil }
        var config = SiteConfig(
            title: title, baseURL: baseURL, language: language ?? "en", clinic: clinic, description: description,
            disclaimer: disclaimer, author: author, postsPerPage: postsPerPage ?? 10, allowRawHTML: allowRawHTML, claims: claims, comments: comments,
            extra: extra
        )
        config.reviewEvery = reviewEvery
        config.editor = editor
        config.image = image
        config.imageAlt = imageAlt
        config.ctaURL = ctaURL
        config.ctaText = ctaText
        config.menu = menu
        config.tagNames = tagNames
        config.strings = strings
        if let entry = yaml["base_url"] { config.baseURLLocation = yaml.location(of: entry.value) }
        if let entry = yaml["image"] { config.imageLocation = yaml.location(of: entry.value) }
        return config
    }
}

extension SiteConfig {
    /// Reads the `claims:` mapping: `rules` (rule id → error, warning, info or off), `phrases` (category → list),
    /// `exceptions` (list: phrases that make a sentence no claim) and `trusted_domains` (list). Rule ids and categories are checked by the claim checker, which knows them.
    static func claimSettings(_ node: Node, yaml: inout YAMLMapping) -> ClaimSettings {
        var settings = ClaimSettings()
        guard let mapping = node.mapping else {
            yaml.report(.error("`claims` must be a mapping with `rules`, `phrases` or `trusted_domains`", at: yaml.location(of: node), rule: "site-config"))
            return settings
        }
        for (keyNode, value) in mapping {
            let key = keyNode.scalar?.string ?? ""
            switch key {
            case "rules":
                for (ruleNode, severityNode) in Self.pairs(value) {
                    let text = severityNode.scalar?.string.lowercased() ?? ""
                    let severity: Diagnostic.Severity?? = text == "off" || text == "false" ? .some(nil) : Diagnostic.Severity(rawValue: text).map { .some($0) }
                    guard let severity else {
                        yaml.report(.error("the severity of a claim rule must be error, warning, info or off, found '\(text)'",
                                           at: yaml.location(of: severityNode), rule: "site-config"))
                        continue
                    }
                    settings.rules.append(.init(rule: ruleNode.scalar?.string ?? "", severity: severity, location: yaml.location(of: ruleNode)))
                }
                if value.mapping == nil {
                    yaml.report(.error("`claims.rules` must map rule ids to severities, such as `uncited-comparative: warning`",
                                       at: yaml.location(of: value), rule: "site-config"))
                }
            case "phrases":
                for (categoryNode, list) in Self.pairs(value) {
                    let phrases = Self.items(list).compactMap { $0.scalar?.string.trimmingWhitespace }.filter { !$0.isEmpty }
                    settings.phrases.append(.init(category: categoryNode.scalar?.string ?? "", phrases: phrases, location: yaml.location(of: categoryNode)))
                }
                if value.mapping == nil {
                    yaml.report(.error("`claims.phrases` must map claim categories to lists, such as `absolute: [\"miracle cure\"]`",
                                       at: yaml.location(of: value), rule: "site-config"))
                }
            case "exceptions":
                settings.exceptions = Self.items(value).compactMap { $0.scalar?.string.trimmingWhitespace }.filter { !$0.isEmpty }
            case "trusted_domains":
                settings.trustedDomains = Self.items(value).compactMap { $0.scalar?.string.trimmingWhitespace.lowercased() }
                    .filter { !$0.isEmpty }
            default:
                let likely = Spelling.closest(to: key, among: ["rules", "phrases", "exceptions", "trusted_domains"])
                yaml.report(.error("unknown key `claims.\(key)`", at: yaml.location(of: keyNode), rule: "site-config",
                                   hint: likely.map { "did you mean `\($0)`?" } ?? "the claims settings are: rules, phrases, exceptions, trusted_domains"))
            }
        }
        return settings
    }

    /// Reads the `comments:` mapping: `auto_spam` (list of screening flags), `max_length` (characters) and `endpoint`
    /// (the comment form's address).
    static func commentSettings(_ node: Node, yaml: inout YAMLMapping) -> CommentSettings {
        var settings = CommentSettings()
        for (keyNode, value) in pairs(node) {
            switch keyNode.scalar?.string ?? "" {
            case "auto_spam":
                settings.autoSpam = items(value).compactMap { item in item.scalar.map { ($0.string, yaml.location(of: item)) } }
            case "max_length":
                if let length = value.scalar.flatMap({ Int($0.string) }), length > 0 {
                    settings.maxLength = length
                } else {
                    yaml.report(.error("`comments.max_length` must be a whole number of characters", at: yaml.location(of: value), rule: "site-config"))
                }
            case "endpoint":
                settings.endpoint = commentEndpoint(value, yaml: &yaml)
            default:
                yaml.report(.error("unknown key `comments.\(keyNode.scalar?.string ?? "")`", at: yaml.location(of: keyNode), rule: "site-config",
                                   hint: "the comments settings are: auto_spam, max_length, endpoint"))
            }
        }
        if node.mapping == nil {
            yaml.report(.error("`comments` must be a mapping such as `comments: { auto_spam: [spam] }`", at: yaml.location(of: node), rule: "site-config"))
        }
        return settings
    }

    /// `comments.endpoint`: the absolute http(s) address the comment form posts to, reported at its own line when it
    /// is anything else (a relative path, a `javascript:` address, spaces, quotes or control characters).
    static func commentEndpoint(_ node: Node, yaml: inout YAMLMapping) -> String? {
        let hint = "the address of your `clinicpress intake` service, for example `endpoint: \"https://comments.example.com/\"`"
        guard let text = node.scalar?.string.trimmingWhitespace, !text.isEmpty else {
            yaml.report(.error("`comments.endpoint` must be an absolute http(s) address", at: yaml.location(of: node), rule: "site-config", hint: hint))
            return nil
        }
        guard let endpoint = absoluteHTTPAddress(text) else {
            yaml.report(.error("`comments.endpoint` must be an absolute http(s) address, found '\(text)'", at: yaml.location(of: node),
                               rule: "site-config", hint: hint))
            return nil
        }
        return endpoint
    }

    /// `text` when it is an absolute `http://` or `https://` address with a host and nothing a browser or an HTML
    /// attribute would read differently (whitespace, quotes, angle brackets, backslashes, control characters).
    static func absoluteHTTPAddress(_ text: String) -> String? {
        let lowered = text.lowercased()
        guard let scheme = ["https://", "http://"].first(where: lowered.hasPrefix) else { return nil }
        guard !text.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F || (0x80...0x9F).contains($0.value) || "\"'<>\\`".unicodeScalars.contains($0) })
        else { return nil }
        let host = text.dropFirst(scheme.count).prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        // A host, without user info (`https://blog.example@evil.example/` is a different site).
        guard !host.isEmpty, !host.contains("@"), !host.hasPrefix(":") else { return nil }
        return text
    }

    /// The key-value pairs of a mapping node; none for other nodes.
    private static func pairs(_ node: Node) -> [(Node, Node)] {
        guard let mapping = node.mapping else { return [] }
        return mapping.map { ($0.key, $0.value) }
    }

    /// The items of a list node; a single value counts as a one-item list.
    private static func items(_ node: Node) -> [Node] {
        guard let sequence = node.sequence else { return [node] }
        return sequence.map { $0 }
    }
}

extension Diagnostic {
    /// The same diagnostic under another rule id (YAML errors in site.yaml read as `site-config`).
    func withRule(_ rule: String) -> Diagnostic {
        var copy = self
        copy.rule = rule
        return copy
    }
}
