import ClinicPressContent
import ClinicPressModel
import Foundation
import Mustache

/// The compiled templates and the static assets of a site: the default theme, with every file the site's
/// own `Templates/` folder holds taking the place of the default of the same name.
public struct Theme: Sendable {
    /// The page templates every theme must provide.
    public static let pageTemplates = ["layout", "home", "post", "tags", "tag", "archive", "404"]

    private let library: MustacheLibrary
    /// Each template's text, by name.
    private let texts: [String: String]
    /// Where each template came from (`Templates/post.mustache` or `(built-in)/post.mustache`), by name.
    public let templateSources: [String: String]
    /// Files copied to `assets/` of the output, sorted by path.
    public let assets: [OutputFile]
    /// Whether any template mentions `word_count`: then lists change with nearly every edit of a post's body, not only
    /// with its front matter, summary, reading time and comment count (see `SiteRenderer.update`).
    public let mentionsWordCount: Bool
    /// The interface strings by language code (`en`, `es`…): `strings/<code>.yaml` of the built-in theme, with the
    /// keys of the site's `Templates/strings/<code>.yaml` over them.
    public let strings: [String: [String: String]]
    /// What loading found that does not stop the build: keys of the site's strings files that the theme does not have.
    public let warnings: [Diagnostic]

    /// Whether `other` renders every page as this theme does: the same templates and assets (a template saved
    /// unchanged, say).
    public func rendersLike(_ other: Theme) -> Bool {
        texts == other.texts && assets == other.assets && strings == other.strings
    }

    /// The default theme alone.
    public static func builtIn() throws -> Theme {
        try load(templatesDirectory: nil)
    }

    /// Loads the default theme overridden by `templatesDirectory` (a site's `Templates/`), compiles every
    /// template and checks that every `{{> partial}}` it names exists.
    /// - Throws: `DiagnosticsError` with a diagnostic per template error, at its file, line and column.
    public static func load(templatesDirectory: URL?, displayPath: String = "Templates") throws -> Theme {
        var texts: [String: (source: String, text: String)] = [:]
        var assets: [String: [UInt8]] = [:]
        var diagnostics = builtInStringFiles.diagnostics
        var strings = builtInStringFiles.strings
        let builtInKeys = Set(strings.values.flatMap(\.keys)).sorted()
        for file in DefaultTheme.files {
            if file.path.hasPrefix("assets/") {
                assets[String(file.path.dropFirst("assets/".count))] = Array(file.text.utf8)
            } else if file.path.hasSuffix(".mustache") {
                texts[String(file.path.dropLast(".mustache".count))] = ("(built-in)/" + file.path, file.text)
            }
        }
        if let templatesDirectory {
            // Anything that cannot be read is an error: falling back to the built-in template would publish a site
            // that looks nothing like the clinic's, without a word.
            for relative in files(under: templatesDirectory, displayPath: displayPath, diagnostics: &diagnostics) {
                let source = "\(displayPath)/\(relative)"
                let url = templatesDirectory.appendingPathComponent(relative)
                guard relative.hasPrefix("assets/") || relative.hasSuffix(".mustache") || stringsLanguage(relative) != nil else { continue }
                guard let data = FileManager.default.contents(atPath: url.path) else {
                    diagnostics.append(.error("cannot read the file", at: SourceLocation(file: source), rule: "io",
                                              hint: "check that you may read it (and that it is not a FIFO or a device)"))
                    continue
                }
                if let code = stringsLanguage(relative) {
                    guard let text = String(validating: data, as: UTF8.self) else {
                        diagnostics.append(.error("the strings file is not UTF-8 text", at: SourceLocation(file: source), rule: "template"))
                        continue
                    }
                    let site = StringsFile.parse(text, file: source, known: builtInKeys, diagnostics: &diagnostics)
                    strings[code, default: [:]].merge(site) { _, site in site }
                } else if relative.hasPrefix("assets/") {
                    assets[String(relative.dropFirst("assets/".count))] = Array(data)
                } else {
                    guard let text = String(validating: data, as: UTF8.self) else {
                        diagnostics.append(.error("the template is not UTF-8 text", at: SourceLocation(file: source), rule: "template"))
                        continue
                    }
                    texts[String(relative.dropLast(".mustache".count))] = (source, text)
                }
            }
        }

        var library = MustacheLibrary()
        for (name, entry) in texts.sorted(by: { $0.key < $1.key }) {
            do {
                library.register(try MustacheTemplate(string: HTMLEscaping.pragma + entry.text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(.error(
                    "cannot compile template: \(Self.explain(error.error))",
                    at: SourceLocation(file: entry.source, line: max(1, error.context.lineNumber - HTMLEscaping.pragmaLines),
                                       column: error.context.columnNumber),
                    rule: "template"
                ))
            } catch {
                diagnostics.append(.error("cannot compile template: \(error)", at: SourceLocation(file: entry.source), rule: "template"))
            }
        }
        for (name, entry) in texts.sorted(by: { $0.key < $1.key }) {
            for reference in PartialReference.scan(entry.text) where texts[reference.name] == nil {
                let known = texts.keys.filter { $0.hasPrefix("partials/") }.sorted().joined(separator: ", ")
                diagnostics.append(.error(
                    "unknown template '\(reference.name)' included by '\(name)'",
                    at: SourceLocation(file: entry.source, line: reference.line, column: reference.column),
                    rule: "template",
                    hint: "create \(displayPath)/\(reference.name).mustache, or include one of: \(known)"
                ))
            }
        }
        diagnostics += includeCycles(texts)
        guard !diagnostics.containsErrors else { throw DiagnosticsError(diagnostics) }
        return Theme(
            library: library,
            texts: texts.mapValues(\.text),
            templateSources: texts.mapValues(\.source),
            assets: assets.sorted { $0.key < $1.key }.map { OutputFile(path: "assets/" + $0.key, contents: $0.value) },
            mentionsWordCount: texts.values.contains { $0.text.contains("word_count") },
            strings: strings,
            warnings: diagnostics
        )
    }

    /// The built-in theme's strings files as read, once: they are part of the binary.
    static let builtInStringFiles: (strings: [String: [String: String]], diagnostics: [Diagnostic]) = {
        var diagnostics: [Diagnostic] = []
        let strings = builtInStrings(diagnostics: &diagnostics)
        return (strings, diagnostics)
    }()

    /// The built-in theme's strings by language code, from its `strings/<code>.yaml` files.
    static func builtInStrings(diagnostics: inout [Diagnostic]) -> [String: [String: String]] {
        var strings: [String: [String: String]] = [:]
        for file in DefaultTheme.files {
            guard let code = stringsLanguage(file.path) else { continue }
            strings[code] = StringsFile.parse(file.text, file: "(built-in)/" + file.path, diagnostics: &diagnostics)
        }
        return strings
    }

    /// `es` for `strings/es.yaml`; nil for any other file.
    private static func stringsLanguage(_ path: String) -> String? {
        guard path.hasPrefix("strings/"), path.hasSuffix(".yaml"), !path.dropFirst("strings/".count).contains("/") else { return nil }
        return String(path.dropFirst("strings/".count).dropLast(".yaml".count))
    }

    /// This theme with `constants` (values by the name templates give them, `strings.read_more`) written into its
    /// templates' text wherever that renders the same pages (`TemplateConstants`); itself when nothing was written.
    public func baking(_ constants: [String: String]) -> Theme {
        let baked = TemplateConstants.bake(texts, constants: constants) { HTMLEscaping.bytes.escapeText($0) }
        guard baked != texts else { return self }
        var library = MustacheLibrary()
        for (name, text) in baked.sorted(by: { $0.key < $1.key }) {
            guard let template = try? MustacheTemplate(string: HTMLEscaping.pragma + text) else { return self }
            library.register(template, named: name)
        }
        return Theme(library: library, texts: texts, templateSources: templateSources, assets: assets, mentionsWordCount: mentionsWordCount,
                     strings: strings, warnings: warnings)
    }

    /// Renders the template `name` with `context` (dictionaries, arrays, strings, numbers and booleans).
    public func render(_ name: String, _ context: [String: Any]) -> String {
        library.render(context, withTemplate: name) ?? ""
    }

    /// Files below `directory`, relative to it, sorted; hidden files are skipped, and so are symbolic links that
    /// lead out of the folder (a theme must not publish `/etc/passwd` or a private file by a link). A folder that
    /// cannot be listed is an error, not a folder without templates.
    private static func files(under directory: URL, displayPath: String, diagnostics: inout [Diagnostic]) -> [String] {
        let root = directory.resolvingSymlinksInPath().path + "/"
        var result: [String] = []
        var folders = [""]
        while let folder = folders.popLast() {
            let path = folder.isEmpty ? directory.path : directory.path + "/" + folder
            guard let names = listFolder(path) else {
                let shown = folder.isEmpty ? displayPath : "\(displayPath)/\(folder)"
                diagnostics.append(.error("cannot read the folder \(shown)/: \(String(cString: strerror(errno)))", at: SourceLocation(file: shown),
                                          rule: "io", hint: "check that you may read it, or remove it to use the built-in theme"))
                continue
            }
            for name in names where !name.hasPrefix(".") {
                let relative = folder.isEmpty ? name : folder + "/" + name
                let url = directory.appendingPathComponent(relative)
                var status = stat()
                guard stat(url.path, &status) == 0, url.resolvingSymlinksInPath().path.hasPrefix(root) else { continue }
                switch status.st_mode & S_IFMT {
                case S_IFDIR:
                    folders.append(relative)
                case S_IFREG:
                    result.append(relative)
                default:
                    // Reading a FIFO would wait for a writer for ever.
                    diagnostics.append(.error("\(displayPath)/\(relative) is not a regular file (a FIFO, socket or device)",
                                              at: SourceLocation(file: "\(displayPath)/\(relative)"), rule: "io",
                                              hint: "only regular files are read from Templates/; move it out of the site"))
                }
            }
        }
        return result.sorted()
    }

    /// The names in a folder, or nil with `errno` set (FileManager's enumerator skips what it cannot read, silently).
    private static func listFolder(_ path: String) -> [String]? {
        guard let directory = opendir(path) else { return nil }
        defer { closedir(directory) }
        var names: [String] = []
        while true {
            errno = 0
            guard let entry = readdir(directory) else { return errno == 0 ? names : nil }
            // As in `FolderListing.names`: the entry is valid until the next readdir, and the name is read up to its NUL
            // within d_name's 256 bytes. `UnsafeCodeTests` lists assets with random names through `load`.
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name != ".", name != ".." { names.append(name) }
        }
    }

    /// An error for each loop of includes that no section guards (`{{> a}}` in `a`, or `a` → `b` → `a`): rendering
    /// one never ends, and it crashed the build. Includes inside `{{#…}}` or `{{^…}}` stop when the data does (the
    /// built-in comment template includes itself for replies), so they are allowed. Each loop is reported once, at
    /// the include in the loop's first template by name.
    static func includeCycles(_ texts: [String: (source: String, text: String)]) -> [Diagnostic] {
        let includes = texts.mapValues { entry in PartialReference.scan(entry.text).filter { !$0.conditional && texts[$0.name] != nil } }
        var diagnostics: [Diagnostic] = []
        /// The templates from `first` on to one that includes `start` (nil when none does), breadth first.
        func pathBack(from first: String, to start: String) -> [String]? {
            var cameFrom: [String: String] = [first: first]
            var queue = [first], index = 0
            while index < queue.count {
                let current = queue[index]
                index += 1
                for next in includes[current]! {
                    if next.name == start {
                        var path = [current]
                        while path.last! != first { path.append(cameFrom[path.last!]!) }
                        return path.reversed()
                    }
                    if cameFrom[next.name] == nil {
                        cameFrom[next.name] = current
                        queue.append(next.name)
                    }
                }
            }
            return nil
        }
        for start in includes.keys.sorted() {
            for reference in includes[start]! {
                guard let loop = reference.name == start ? [] : pathBack(from: reference.name, to: start),
                      // Report a loop once: from the template that sorts first in it.
                      loop.allSatisfy({ start < $0 }) else { continue }
                let through = loop.isEmpty ? "" : " through '\(loop.joined(separator: "' → '"))'"
                diagnostics.append(.error("template '\(start)' includes itself\(through), so rendering it would never end",
                                          at: SourceLocation(file: texts[start]!.source, line: reference.line, column: reference.column), rule: "template",
                                          hint: "remove the include, or put it inside a section such as `{{#replies}}…{{/replies}}` that ends"))
                break
            }
        }
        return diagnostics
    }

    private static func explain(_ error: Error) -> String {
        switch error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect: "this closing tag does not match the section that is open"
        case .unfinishedName: "a tag is not closed with `}}`, or its name has characters a name cannot have"
        case .expectedSectionEnd: "a section `{{#…}}` or `{{^…}}` is never closed with `{{/…}}`"
        case .invalidSetDelimiter: "the delimiter change `{{=… …=}}` is malformed"
        case .transformAppliedToInheritanceSection, .illegalTokenInsideInheritSection, .textInsideInheritSection:
            "a template-inheritance block `{{<…}}` is malformed"
        case .invalidConfigVariableSyntax, .unrecognisedConfigVariable: "unknown `{{% … }}` setting"
        case nil: "\(error)"
        }
    }
}

/// A `{{> name}}` or `{{< name}}` tag found in a template's text, with its position.
struct PartialReference {
    let name: String
    let line: Int
    let column: Int
    /// True inside a `{{#section}}` or `{{^inverted}}` section, which renders only for some data.
    var conditional = false

    /// Every partial tag in `text`. (Templates that change delimiters are rare; their partials are not checked.)
    static func scan(_ text: String) -> [PartialReference] {
        var references: [PartialReference] = []
        var line = 1, column = 1
        let characters = Array(text.unicodeScalars)
        // The kinds of the sections open at this point (`#`, `^`, `$` or `<`), innermost last.
        var open: [Unicode.Scalar] = []
        var index = 0
        while index < characters.count {
            if characters[index] == "{", index + 2 < characters.count, characters[index + 1] == "{" {
                let sigil = characters[index + 2]
                var end = index + 3
                var name = ""
                while end < characters.count, characters[end] != "}" {
                    name.unicodeScalars.append(characters[end])
                    end += 1
                }
                let trimmed = name.trimmingCharacters(in: .whitespaces)
                if sigil == ">" || sigil == "<", !trimmed.isEmpty, !trimmed.hasPrefix("*") {
                    references.append(PartialReference(name: trimmed, line: line, column: column,
                                                       conditional: open.contains("#") || open.contains("^")))
                }
                if sigil == "#" || sigil == "^" || sigil == "$" || sigil == "<" {
                    open.append(sigil)
                } else if sigil == "/" {
                    _ = open.popLast()
                }
            }
            if characters[index] == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index += 1
        }
        return references
    }
}

extension Theme {
    /// The files of the default theme, as `clinicpress init` writes them into a new site's `Templates/`.
    public static var defaultFiles: [OutputFile] {
        DefaultTheme.files.map { OutputFile(path: $0.path, text: $0.text) }
    }
}

/// The HTML escaping of `{{name}}` in every template: the same five characters as swift-mustache's own (`&`, `<`, `>`,
/// `"`, `'`), done on UTF-8 bytes by `Markup.escape` and skipped for text that has none of them. swift-mustache escapes `Character` by
/// `Character` through a dictionary, which was 8 % of a 10,000-post build. Each template is compiled with a first line
/// selecting it, a standalone pragma that renders nothing and leaves the rest of the template parsed as before.
enum HTMLEscaping: MustacheContentType {
    case bytes

    static let name = "CLINICPRESS_HTML"
    static let pragmaLines = 1
    static var pragma: String {
        _ = registered
        return "{{% CONTENT_TYPE: \(name)}}\n"
    }

    private static let registered: Bool = {
        MustacheContentTypes.register(HTMLEscaping.bytes, named: name)
        return true
    }()

    func escapeText(_ text: String) -> String {
        Markup.escape(text, droppingControlCharacters: false)
    }
}
