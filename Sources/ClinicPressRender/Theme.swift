import ClinicPressModel
import Foundation
import Mustache

/// The compiled templates and the static assets of a site: the default theme, with every file the site's
/// own `Templates/` folder holds taking the place of the default of the same name.
public struct Theme: Sendable {
    /// The page templates every theme must provide.
    public static let pageTemplates = ["layout", "home", "post", "tags", "tag", "archive", "404"]

    private let library: MustacheLibrary
    /// Where each template came from (`Templates/post.mustache` or `(built-in)/post.mustache`), by name.
    public let templateSources: [String: String]
    /// Files copied to `assets/` of the output, sorted by path.
    public let assets: [OutputFile]
    /// Changes whenever a template's text changes (for page caching).
    public let fingerprint: Int
    /// Whether any template mentions `word_count`, the one post value lists may show that is not part of
    /// `BuiltPost.listingFingerprint` (it changes with nearly every edit).
    public let mentionsWordCount: Bool

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
        for file in DefaultTheme.files {
            if file.path.hasPrefix("assets/") {
                assets[String(file.path.dropFirst("assets/".count))] = Array(file.text.utf8)
            } else if file.path.hasSuffix(".mustache") {
                texts[String(file.path.dropLast(".mustache".count))] = ("(built-in)/" + file.path, file.text)
            }
        }
        var diagnostics: [Diagnostic] = []
        if let templatesDirectory {
            for relative in files(under: templatesDirectory) {
                let source = "\(displayPath)/\(relative)"
                let url = templatesDirectory.appendingPathComponent(relative)
                if relative.hasPrefix("assets/") {
                    if let data = FileManager.default.contents(atPath: url.path) {
                        assets[String(relative.dropFirst("assets/".count))] = Array(data)
                    }
                } else if relative.hasSuffix(".mustache") {
                    guard let data = FileManager.default.contents(atPath: url.path) else { continue }
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
        guard !diagnostics.containsErrors else { throw DiagnosticsError(diagnostics) }
        var hasher = Hasher()
        for (name, entry) in texts.sorted(by: { $0.key < $1.key }) {
            hasher.combine(name)
            hasher.combine(entry.text)
        }
        return Theme(
            library: library,
            templateSources: texts.mapValues(\.source),
            assets: assets.sorted { $0.key < $1.key }.map { OutputFile(path: "assets/" + $0.key, contents: $0.value) },
            fingerprint: hasher.finalize(),
            mentionsWordCount: texts.values.contains { $0.text.contains("word_count") }
        )
    }

    /// Renders the template `name` with `context` (dictionaries, arrays, strings, numbers and booleans).
    public func render(_ name: String, _ context: [String: Any]) -> String {
        library.render(context, withTemplate: name) ?? ""
    }

    /// Files below `directory`, relative to it, sorted; hidden files are skipped, and so are symbolic links that
    /// lead out of the folder (a theme must not publish `/etc/passwd` or a private file by a link).
    private static func files(under directory: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory.path) else { return [] }
        let root = directory.resolvingSymlinksInPath().path + "/"
        var result: [String] = []
        for case let path as String in enumerator {
            let url = directory.appendingPathComponent(path)
            var isDirectory: ObjCBool = false
            guard !path.split(separator: "/").contains(where: { $0.hasPrefix(".") }),
                  FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue,
                  url.resolvingSymlinksInPath().path.hasPrefix(root) else { continue }
            result.append(path)
        }
        return result.sorted()
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

    /// Every partial tag in `text`. (Templates that change delimiters are rare; their partials are not checked.)
    static func scan(_ text: String) -> [PartialReference] {
        var references: [PartialReference] = []
        var line = 1, column = 1
        let characters = Array(text.unicodeScalars)
        var index = 0
        while index < characters.count {
            if characters[index] == "{", index + 2 < characters.count, characters[index + 1] == "{",
               characters[index + 2] == ">" || characters[index + 2] == "<" {
                var end = index + 3
                var name = ""
                while end < characters.count, characters[end] != "}" {
                    name.unicodeScalars.append(characters[end])
                    end += 1
                }
                let trimmed = name.trimmingCharacters(in: .whitespaces)
                if !trimmed.isEmpty, !trimmed.hasPrefix("*") {
                    references.append(PartialReference(name: trimmed, line: line, column: column))
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
