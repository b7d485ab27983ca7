import ClinicPressModel

/// Puts the files of `static/` beside the pages the build generated. A static file never silently replaces a page,
/// the feed or a theme file, nor stands where the build needs a folder (or the reverse): each such clash is an error
/// at the static file, naming what the build writes there.
enum StaticOutput {
    /// `generated` and the static files together, sorted by path; or the clashes with those and with the files
    /// `written` already (paths). `postSources` names the post file behind each post page (`posts/a/index.html` →
    /// `Posts/2026-01-01-a.md`).
    static func merge(_ generated: [OutputFile], written: [String], _ staticFiles: [StaticFile], postSources: [String: String],
                      themeAssets: Set<String>) -> Result<[OutputFile], DiagnosticsError> {
        guard !staticFiles.isEmpty else { return .success(generated) }
        let paths = Set(generated.map(\.path) + written)
        var folders: Set<String> = []
        for path in paths {
            var folder = Substring(path)
            while let slash = folder.lastIndex(of: "/") {
                folder = folder[..<slash]
                guard folders.insert(String(folder)).inserted else { break }
            }
        }
        func describe(_ path: String) -> String {
            if let source = postSources[path] { return "the page of \(source)" }
            if themeAssets.contains(path) { return "the theme's \(path) (from Templates/assets/ or the built-in theme)" }
            switch path {
            case "feed.xml": return "the Atom feed"
            case "rss.xml": return "the RSS feed"
            case "sitemap.xml": return "the sitemap"
            case "robots.txt": return "robots.txt"
            case "404.html": return "the page-not-found page"
            case "index.html": return "the home page"
            default: return "the page \(path)"
            }
        }
        var diagnostics: [Diagnostic] = []
        for file in staticFiles {
            let hint = themeAssets.contains(file.path)
                ? "to replace a file of the theme, put it in Templates/assets/ instead; otherwise rename or move the static file"
                : "rename or move the static file: the build writes \(file.path) itself"
            if paths.contains(file.path) {
                diagnostics.append(.error("\(file.source) would replace \(describe(file.path)), which the build writes at \(file.path)",
                                          at: SourceLocation(file: file.source), rule: "static-file", hint: hint))
                continue
            }
            if folders.contains(file.path) {
                diagnostics.append(.error("\(file.source) is a file where the build writes the folder \(file.path)/",
                                          at: SourceLocation(file: file.source), rule: "static-file",
                                          hint: "rename or move the static file"))
                continue
            }
            var folder = Substring(file.path)
            while let slash = folder.lastIndex(of: "/") {
                folder = folder[..<slash]
                if paths.contains(String(folder)) {
                    diagnostics.append(.error("\(file.source) is in a folder static/\(folder)/ where the build writes \(describe(String(folder)))",
                                              at: SourceLocation(file: file.source), rule: "static-file", hint: "rename or move the folder"))
                    break
                }
            }
        }
        guard diagnostics.isEmpty else { return .failure(DiagnosticsError(diagnostics)) }
        let copied = staticFiles.map { OutputFile(path: $0.path, contents: $0.contents) }
        return .success((generated + copied).sorted { $0.path < $1.path })
    }
}
