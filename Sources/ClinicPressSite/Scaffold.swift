import ClinicPressModel
import ClinicPressRender
import Foundation

/// Creates new sites and new posts: `clinicpress init` and `clinicpress new post`.
public enum Scaffold {
    /// What went wrong while scaffolding.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// The address `init` writes when it is not given one: `build` warns while `base_url` is an example address.
    public static let placeholderBaseURL = "https://blog.example.com/"

    /// Writes a new site into `directory`: `site.yaml`, the default `Templates/`, one example post and a
    /// `.gitignore`. Without a `baseURL`, `site.yaml` gets the placeholder address (and `build` warns until it is
    /// replaced); without a `clinic`, its line is left commented out, so the header shows the title once.
    /// Returns the paths written, relative to `directory`.
    public static func initSite(at directory: URL, title: String, baseURL: String? = nil, clinic: String? = nil, today: Timestamp) throws -> [String] {
        let fileManager = FileManager.default
        if fileManager.fileExists(atPath: directory.appendingPathComponent("site.yaml").path) {
            throw Failure(description: "\(directory.path) already has a site.yaml; nothing was changed")
        }
        let baseURLLine = baseURL.map { "base_url: \(yamlQuoted($0))" }
            ?? "base_url: \(yamlQuoted(placeholderBaseURL))   # the address the site will be published at: build warns until you set it"
        let clinicLine = clinic.map { "clinic: \(yamlQuoted($0))" }
            ?? "# clinic: \"Your Clinic's Name\"   # for the header, footer and search engines (without it: the title)"
        let siteYAML = """
        # Site settings. Every key is described in ClinicPress's docs/site.md.
        title: \(yamlQuoted(title))
        \(baseURLLine)
        language: en
        \(clinicLine)
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
            // Build and publish on GitHub Pages, with the claim check on pull requests (docs/deploy.md).
            OutputFile(path: ".github/workflows/clinicpress.yml", text: githubWorkflow()),
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

    /// The base address as `site.yaml` wants it, from what someone typed: `https://` added to a bare host name, a
    /// final `/` added. Nil, with why, for anything that is not an http(s) address with a host.
    public static func normalizedBaseURL(_ typed: String) -> Result<String, Failure> {
        var text = typed.trimmingCharacters(in: .whitespaces)
        if !text.contains("://"), !text.isEmpty { text = "https://" + text }
        let lowered = text.lowercased()
        guard lowered.hasPrefix("https://") || lowered.hasPrefix("http://") else {
            return .failure(Failure(description: "'\(typed)' is not an http(s) address, such as https://blog.yourclinic.com/"))
        }
        let host = text.drop { $0 != ":" }.dropFirst(3).prefix { $0 != "/" }
        guard !host.isEmpty, !text.contains(where: { $0.isWhitespace || "\"'<>\\`".contains($0) }), !host.contains("@") else {
            return .failure(Failure(description: "'\(typed)' is not a web address, such as https://blog.yourclinic.com/"))
        }
        return .success(text.hasSuffix("/") ? text : text + "/")
    }

    /// Asks for what `init` was not given, when it runs on a terminal: the address and the clinic's name. An empty
    /// answer (or the end of input) keeps the placeholder; an address that cannot be used is asked for again, twice.
    /// `ask` shows a question and returns the answer, or nil at the end of input; `tell` shows a line.
    public static func askForMissing(baseURL: String?, clinic: String?, ask: (String) -> String?, tell: (String) -> Void)
        -> (baseURL: String?, clinic: String?) {
        var address = baseURL
        if address == nil {
            for _ in 0..<3 {
                guard let answer = ask("The address the blog will be published at, e.g. https://blog.yourclinic.com/ (Enter to decide later): "),
                      !answer.trimmingCharacters(in: .whitespaces).isEmpty else { break }
                switch normalizedBaseURL(answer) {
                case .success(let url):
                    address = url
                case .failure(let failure):
                    tell(failure.description)
                    continue
                }
                break
            }
        }
        var name = clinic
        if name == nil, let answer = ask("Your clinic's name, for the header and search engines (Enter to use the title): ") {
            let trimmed = answer.trimmingCharacters(in: .whitespaces)
            name = trimmed.isEmpty ? nil : trimmed
        }
        return (address, name)
    }

    /// A YAML double-quoted string.
    static func yamlQuoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
