import ClinicPressModel
import ClinicPressRender
import Foundation

/// Creates new sites and new posts: `clinicpress init` and `clinicpress new post`.
public enum Scaffold {
    /// What went wrong while scaffolding.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Writes a new site into `directory`: `site.yaml`, the default `Templates/`, one example post and a
    /// `.gitignore`. Returns the paths written, relative to `directory`.
    public static func initSite(at directory: URL, title: String, today: Timestamp) throws -> [String] {
        let fileManager = FileManager.default
        if fileManager.fileExists(atPath: directory.appendingPathComponent("site.yaml").path) {
            throw Failure(description: "\(directory.path) already has a site.yaml; nothing was changed")
        }
        let siteYAML = """
        # Site settings. Every key is described in ClinicPress's docs/site.md.
        title: \(yamlQuoted(title))
        base_url: "https://blog.example.com/"
        language: en
        clinic: \(yamlQuoted(title))
        description: "Plain-language articles about our treatments, written by our clinical team."
        disclaimer: "This article is for general information and is not medical advice. Talk to a qualified clinician about your own situation."
        posts_per_page: 10
        markdown:
          # Raw HTML in posts is shown as text. Turn it on only if everyone who writes posts can be trusted with
          # HTML: with it on, a pasted <img onerror=…> or javascript: link goes live on the site.
          raw_html: false

        """
        let post = """
        ---
        title: "Welcome to Our Blog"
        author: "Our Clinical Team"
        tags: [news]
        summary: "What we will write about here, and how to reach us."
        ---
        Welcome! This is the first post of our blog. Edit or delete it, then write your own posts in `Posts/`
        as `YYYY-MM-DD-slug.md` files.

        ## What to expect

        We will explain our treatments in plain language, answer common questions, and share news from the clinic.

        """
        var files: [OutputFile] = [
            OutputFile(path: "site.yaml", text: siteYAML),
            OutputFile(path: "Posts/\(today.dayString)-welcome.md", text: post),
            // The output, and the staging folders a build writes beside it (`.Public.staging-<pid>`).
            OutputFile(path: ".gitignore", text: "Public/\n.*.staging-*\n"),
        ]
        files += Theme.defaultFiles.map { OutputFile(path: "Templates/" + $0.path, contents: $0.contents) }
        for file in files {
            let url = directory.appendingPathComponent(file.path)
            try fileManager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            guard !fileManager.fileExists(atPath: url.path) else { continue }
            try Data(file.contents).write(to: url)
        }
        return files.map(\.path)
    }

    /// Writes `Posts/<today>-<slug>.md` with the front matter filled in, as a draft. Returns its relative path.
    public static func newPost(in siteDirectory: URL, title: String, series: String?, part: Int?, author: String?, today: Timestamp) throws -> String {
        let slug = Slug.make(title)
        guard !slug.isEmpty else {
            throw Failure(description: "cannot make a file name from the title '\(title)': use some letters or digits")
        }
        let relative = "Posts/\(today.dayString)-\(slug).md"
        let url = siteDirectory.appendingPathComponent(relative)
        guard !FileManager.default.fileExists(atPath: url.path) else {
            throw Failure(description: "\(relative) already exists; nothing was changed")
        }
        var frontMatter = ["---", "title: \(yamlQuoted(title))"]
        if let author { frontMatter.append("author: \(yamlQuoted(author))") }
        frontMatter.append("tags: []")
        if let series { frontMatter.append("series: \(yamlQuoted(series))") }
        if let part { frontMatter.append("part: \(part)") }
        frontMatter += ["draft: true", "---", "", "Write the introduction here.", ""]
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(frontMatter.joined(separator: "\n").utf8).write(to: url)
        return relative
    }

    /// A YAML double-quoted string.
    static func yamlQuoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
