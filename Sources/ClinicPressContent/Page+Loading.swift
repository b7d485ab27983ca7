import ClinicPressModel
import ClinicPressText
import Foundation

extension Page {
    /// The front matter keys a page understands.
    static let knownKeys = ["title", "description", "slug", "toc", "menu", "language"]

    /// Reads `Pages/*.md`, sorted by file name; no `Pages/` folder is no pages. Problems go to `diagnostics`.
    static func loadAll(from siteDirectory: URL, diagnostics: inout [Diagnostic]) -> [Page] {
        let names: [String]
        switch FolderListing.names(atPath: siteDirectory.appendingPathComponent("Pages").path) {
        case .success(let listed):
            names = listed.filter { !$0.hasPrefix(".") }
        case .failure(let error) where error.code == .ENOENT:
            return []
        case .failure(let error):
            diagnostics.append(.error("cannot read the Pages/ folder: \(FolderListing.describe(error))", at: SourceLocation(file: "Pages"), rule: "io",
                                      hint: "check that Pages/ is a folder and that you may read it"))
            return []
        }
        for name in names where !name.hasSuffix(".md") && FolderListing.hasMarkdownExtension(name) {
            diagnostics.append(FolderListing.misnamedMarkdown(name, in: "Pages"))
        }
        var pages: [Page] = []
        for name in names.filter({ $0.hasSuffix(".md") }).sorted() {
            let relativePath = "Pages/" + name
            guard let text = SourceText.read(path: siteDirectory.path + "/" + relativePath, relativePath: relativePath,
                                             sizeLimit: SourceText.postSizeLimit).value(reportingTo: &diagnostics),
                  let page = parse(text, source: relativePath, diagnostics: &diagnostics) else { continue }
            pages.append(page)
        }
        return pages
    }

    /// Reads a page from its file text; nil (with diagnostics) when it cannot be built.
    static func parse(_ text: String, source: String, diagnostics: inout [Diagnostic]) -> Page? {
        let stem = String((source.split(separator: "/").last ?? "").dropLast(3))
        guard let frontMatter = FrontMatter.split(text, file: source).value(reportingTo: &diagnostics),
              var yaml = YAMLMapping.parse(frontMatter.yaml, file: source, firstLine: frontMatter.yamlFirstLine, diagnostics: &diagnostics)
        else { return nil }
        defer { diagnostics += yaml.diagnostics }
        let title = yaml.string("title")
        if title == nil, yaml["title"] == nil {
            yaml.report(.error("missing `title` in the front matter", at: yaml.location, rule: "front-matter",
                               hint: "add a line `title: \"…\"` between the `---` lines"))
        }
        var slug = Slug.make(stem)
        if let entry = yaml["slug"], let written = yaml.string("slug") {
            if Slug.isValid(written) {
                slug = written
            } else {
                yaml.report(.error("slug '\(written)' is not a valid URL segment", at: yaml.location(of: entry.value), rule: "slug",
                                   hint: "use lowercase letters, digits and single hyphens, such as `\(Slug.make(written))`"))
            }
        } else if slug.isEmpty {
            yaml.report(.error("cannot make a slug from the file name '\(stem).md'", at: SourceLocation(file: source), rule: "slug",
                               hint: "rename the file with letters or digits, or add `slug: …` to the front matter"))
        }
        let page = Page(source: source, slug: slug, title: title ?? "", description: yaml.string("description"),
                        tableOfContents: yaml.bool("toc") ?? false, menuWeight: yaml.integer("menu", minimum: 0),
                        language: yaml.string("language"), body: frontMatter.body, bodyFirstLine: frontMatter.bodyFirstLine,
                        keyLines: Dictionary(yaml.entries.map { ($0.key, $0.keyLocation.line) }, uniquingKeysWith: { first, _ in first }))
        for entry in yaml.entries where !knownKeys.contains(entry.key) {
            let likely = Spelling.closest(to: entry.key, among: knownKeys)
            yaml.report(.warning("unknown key `\(entry.key)` in a page\(likely.map { "; did you mean `\($0)`?" } ?? "")", at: entry.keyLocation,
                                 rule: "front-matter", hint: "a page's front matter has: \(knownKeys.joined(separator: ", "))"))
        }
        guard !yaml.diagnostics.containsErrors else { return nil }
        return page
    }
}
