import ClinicPressModel

/// Values that every page of a build shows the same — the interface strings (`{{strings.read_more}}`) and the site's
/// text settings (`{{site.title}}`, `{{site.base_path}}`) — written into the templates' text once, before they are
/// compiled, instead of being looked up on every page. swift-mustache splits each name by `Character` and casts every
/// value it passes through to several protocols at each lookup; these were a third of a page's lookups.
///
/// The rendered pages are the same byte for byte as without it. A tag is replaced only where nothing else can answer
/// its name and where the replacement text parses as the tag did:
/// - only variables (`{{name}}`, escaped as the theme escapes; `{{{name}}}` and `{{&name}}` as they are), never
///   sections, partials or names with transforms;
/// - only outside sections over the site's or a post's `extra:` map, and not in templates included from inside one:
///   those maps are the site owner's, and a key `site` or `strings` in one would answer the name first;
/// - only values with something besides white space and without braces or line breaks: an empty value would let a
///   section tag after it on the same line stand alone (and lose its line break), a brace could make a tag, and a
///   line break would change a partial's indentation;
/// - not at all in a theme that changes delimiters or content types, or uses template inheritance or dynamic
///   partials: there the text alone does not tell what a tag is or where it is rendered.
enum TemplateConstants {
    /// `texts` (template text by name) with the tags that name a key of `constants` replaced by its value; `escape`
    /// is the theme's HTML escaping.
    static func bake(_ texts: [String: String], constants: [String: String], escape: (String) -> String) -> [String: String] {
        let scanned = texts.mapValues(Tag.scan)
        guard !constants.isEmpty, !scanned.values.contains(where: { $0.contains(where: \.defeatsBaking) }) else { return texts }
        var result = texts
        for name in texts.keys.sorted() where !unbakeable(scanned).contains(name) {
            let text = texts[name]!
            var baked = ""
            var copied = text.startIndex
            for tag in scanned[name]! where !tag.inUserValues {
                guard case .variable(let variable, let escaped) = tag.kind, let value = constants[variable], canBake(value) else { continue }
                baked += text[copied..<tag.range.lowerBound]
                baked += escaped ? escape(value) : value
                copied = tag.range.upperBound
            }
            baked += text[copied...]
            result[name] = baked
        }
        return result
    }

    /// Whether `value` can stand in a template's text in place of a tag (see the type's notes).
    static func canBake(_ value: String) -> Bool {
        value.contains { !$0.isWhitespace } && !value.contains { $0 == "{" || $0 == "}" || $0.isNewline }
    }

    /// The templates included, directly or through others, from inside a section over site owners' values.
    private static func unbakeable(_ scanned: [String: [Tag]]) -> Set<String> {
        var result: Set<String> = []
        var pending = scanned.values.flatMap { tags in tags.compactMap { tag -> String? in
            if case .partial(let name) = tag.kind, tag.inUserValues { return name }
            return nil
        } }
        while let name = pending.popLast() {
            guard result.insert(name).inserted else { continue }
            for tag in scanned[name] ?? [] {
                if case .partial(let included) = tag.kind { pending.append(included) }
            }
        }
        return result
    }

    /// One `{{…}}` tag of a template, as swift-mustache reads it with the default delimiters.
    struct Tag {
        enum Kind: Equatable {
            /// A value: `escaped` for `{{name}}`, not for `{{{name}}}` and `{{&name}}`.
            case variable(String, escaped: Bool)
            case section(String), invertedSection(String), end(String)
            case partial(String)
            /// A comment, or a tag this type does not bake around: a delimiter or content-type change, template
            /// inheritance, a dynamic partial.
            case comment, other
        }

        let kind: Kind
        /// The tag's text, braces included.
        let range: Range<String.Index>
        /// Inside a section over the site's or a post's `extra:` map (any section whose name names `extra`).
        let inUserValues: Bool

        /// Tags the text alone cannot place: changed delimiters or content type, inheritance, dynamic partials.
        var defeatsBaking: Bool { kind == .other }

        /// Every tag of `text`, in order. An unclosed tag ends the scan: the template does not compile anyway.
        static func scan(_ text: String) -> [Tag] {
            var tags: [Tag] = []
            var sections: [String] = []
            var position = text.startIndex
            while let open = text[position...].range(of: "{{") {
                let triple = text[open.upperBound...].hasPrefix("{")
                guard let close = text[open.upperBound...].range(of: triple ? "}}}" : "}}") else { break }
                let inner = text[(triple ? text.index(after: open.upperBound) : open.upperBound)..<close.lowerBound]
                let kind = Self.kind(inner, triple: triple)
                let inUserValues = sections.contains(where: namesUserValues)
                switch kind {
                case .section(let name): sections.append(name)
                case .invertedSection(let name): sections.append(name)
                case .end: _ = sections.popLast()
                default: break
                }
                tags.append(Tag(kind: kind, range: open.lowerBound..<close.upperBound, inUserValues: inUserValues))
                position = close.upperBound
            }
            return tags
        }

        private static func kind(_ inner: Substring, triple: Bool) -> Kind {
            let name = { (text: Substring) in text.trimmingCharacters(in: .whitespacesAndNewlines) }
            if triple { return .variable(name(inner), escaped: false) }
            guard let sigil = inner.first else { return .variable("", escaped: true) }
            let rest = inner.dropFirst()
            switch sigil {
            case "#": return .section(name(rest))
            case "^": return .invertedSection(name(rest))
            case "/": return .end(name(rest))
            case "!": return .comment
            case "&": return .variable(name(rest), escaped: false)
            case ">": return name(rest).hasPrefix("*") ? .other : .partial(name(rest))
            case "=", "%", "<", "$": return .other
            default: return .variable(name(inner), escaped: true)
            }
        }

        /// A section name that reaches into `extra` (`extra`, `site.extra`, `post.extra.links`, `reversed(extra)`).
        private static func namesUserValues(_ name: String) -> Bool {
            name.split(whereSeparator: { $0 == "." || $0 == "(" || $0 == ")" }).contains("extra")
        }
    }
}
