import ClinicPressModel
import ClinicPressParallel
import ClinicPressText
import Foundation

extension CommentStore {
    /// The keys a comment file understands.
    static let knownKeys = ["author", "date", "status", "email", "reply_to", "moderated_by", "moderated_at", "reason", "flags"]

    /// Reads a comment file. `source` is its path relative to the site; problems go to `diagnostics`.
    /// `replyToLocation` receives where `reply_to` is written, for checks that need the other comments.
    static func parse(_ text: String, source: String, postStem: String, diagnostics: inout [Diagnostic],
                      replyToLocation: inout SourceLocation?) -> Comment? {
        let id = String((source.split(separator: "/").last ?? "").dropLast(3))
        guard let frontMatter = FrontMatter.split(text, file: source).value(reportingTo: &diagnostics),
              var yaml = YAMLMapping.parse(frontMatter.yaml, file: source, firstLine: frontMatter.yamlFirstLine, diagnostics: &diagnostics)
        else {
            return nil
        }
        defer { diagnostics += yaml.diagnostics.map { $0.rule == "front-matter" ? $0.withRule("comment") : $0 } }
        for key in ["author", "date", "status"] where yaml[key] == nil {
            yaml.report(.error("the comment has no `\(key)`", at: yaml.location, rule: "comment",
                               hint: key == "status" ? "add `status: pending` (pending, approved, rejected or spam)" : "add `\(key): …` to the front matter"))
        }
        let author = yaml.string("author")
        let date = yaml.timestamp("date")
        var status: Comment.Status?
        if let entry = yaml["status"], let written = yaml.string("status") {
            status = Comment.Status(rawValue: written)
            if status == nil {
                let likely = Spelling.closest(to: written, among: Comment.Status.allCases.map(\.rawValue)).map { "did you mean `\($0)`? " } ?? ""
                yaml.report(.error("unknown comment status '\(written)'", at: yaml.location(of: entry.value), rule: "comment",
                                   hint: "\(likely)the statuses are: pending, approved, rejected, spam"))
            }
        }
        replyToLocation = yaml["reply_to"].map { yaml.location(of: $0.value) }
        let comment = Comment(
            id: id, postStem: postStem, source: source, author: author ?? "", date: date ?? Timestamp(secondsSinceEpoch: 0),
            status: status ?? .pending, email: yaml.string("email"), replyTo: yaml.string("reply_to"), moderatedBy: yaml.string("moderated_by"),
            moderatedAt: yaml.timestamp("moderated_at"), reason: yaml.string("reason"), flags: yaml.stringList("flags") ?? [],
            body: frontMatter.body, bodyFirstLine: frontMatter.bodyFirstLine
        )
        yaml.warnAboutMisspelledKeys(known: knownKeys, rule: "comment")
        guard author != nil, date != nil, status != nil, !yaml.diagnostics.containsErrors else { return nil }
        return comment
    }

    /// Every comment of the site, by the file stem of its post, oldest first. Folders whose post does not exist and
    /// replies to comments that do not exist are errors.
    func loadAll(postStems: Set<String>, diagnostics: inout [Diagnostic]) -> [String: [Comment]] {
        // Each folder is independent: load them on all cores, then merge in folder order.
        let loaded = folders().parallelMap { folder in (folder, loadFolder(folder)) }
        return Self.merge(loaded, postStems: postStems, diagnostics: &diagnostics)
    }

    /// Loaded folders (in folder order) by post file stem, with an error for each folder whose post does not exist.
    static func merge(_ folders: [(name: String, loaded: LoadedFolder)], postStems: Set<String>, diagnostics: inout [Diagnostic]) -> [String: [Comment]] {
        var byPost: [String: [Comment]] = [:]
        for (folder, loaded) in folders {
            let postStem = String(folder.dropLast(".comments".count))
            guard postStems.contains(postStem) else {
                diagnostics.append(.error("comments folder Posts/\(folder) belongs to no post: there is no Posts/\(postStem).md",
                                          at: SourceLocation(file: "Posts/\(folder)"), rule: "comment",
                                          hint: "rename the folder after its post's file, or move the comments to the right folder"))
                continue
            }
            diagnostics += loaded.diagnostics
            byPost[postStem] = loaded.comments
        }
        return byPost
    }

    /// The comments of one folder, oldest first, and the problems found in them.
    public struct LoadedFolder: Sendable {
        public var comments: [Comment]
        public var diagnostics: [Diagnostic]
    }

    /// Reads one `Posts/<stem>.comments/` folder.
    func loadFolder(_ folder: String) -> LoadedFolder {
        let sitePath = siteDirectory.path
        let postStem = String(folder.dropLast(".comments".count))
        var diagnostics: [Diagnostic] = []
        // A folder linked from outside the site would publish (and quote) files that are not the site's.
        let folderPath = "\(sitePath)/Posts/\(folder)"
        var link = stat()
        if lstat(folderPath, &link) == 0, link.st_mode & S_IFMT == S_IFLNK,
           SourceText.linkLeavesSite(path: folderPath, relativePath: "Posts/\(folder)") ?? false {
            return LoadedFolder(comments: [], diagnostics: [SourceText.linkOutOfSite("folder", at: "Posts/\(folder)")])
        }
        let listed: [String]
        switch FolderListing.names(atPath: folderPath) {
        case .success(let names):
            listed = names.filter { !$0.hasPrefix(".") }
        case .failure(let error):
            // Publishing the post as if it had no comments would hide the readers' comments without a word.
            diagnostics.append(.error("cannot read the comments folder: \(FolderListing.describe(error))", at: SourceLocation(file: "Posts/\(folder)"),
                                      rule: "io", hint: "check that Posts/\(folder) is a folder and that you may read it"))
            return LoadedFolder(comments: [], diagnostics: diagnostics)
        }
        for name in listed where !name.hasSuffix(".md") && FolderListing.hasMarkdownExtension(name) {
            diagnostics.append(FolderListing.misnamedMarkdown(name, in: "Posts/\(folder)"))
        }
        let names = listed.filter { $0.hasSuffix(".md") }.sorted()
        var comments: [Comment] = []
        var replyToLocations: [String: SourceLocation] = [:]
        for name in names {
            let source = "Posts/\(folder)/\(name)"
            var replyToLocation: SourceLocation?
            if let text = SourceText.read(path: "\(sitePath)/\(source)", relativePath: source, sizeLimit: SourceText.commentSizeLimit).value(reportingTo: &diagnostics),
               let comment = Self.parse(text, source: source, postStem: postStem, diagnostics: &diagnostics, replyToLocation: &replyToLocation) {
                comments.append(comment)
                replyToLocations[comment.id] = replyToLocation
            }
        }
        let ids = Set(comments.map(\.id))
        for comment in comments {
            if let parent = comment.replyTo, !ids.contains(parent) {
                diagnostics.append(.error("`reply_to` names comment '\(parent)', which is not in Posts/\(folder)/",
                                          at: replyToLocations[comment.id] ?? SourceLocation(file: comment.source), rule: "comment",
                                          hint: "use the file name (without .md) of a comment on the same post"))
            }
        }
        diagnostics += Self.replyChainProblems(comments, replyToLocations: replyToLocations)
        return LoadedFolder(comments: comments.sorted { ($0.date, $0.id) < ($1.date, $1.id) }, diagnostics: diagnostics)
    }
}
