import ClinicPressModel
import Foundation

/// A moderator's decision about a comment.
public enum ModerationDecision: Sendable, Equatable {
    case approve
    case reject(reason: String)
    case spam

    var status: Comment.Status {
        switch self {
        case .approve: .approved
        case .reject: .rejected
        case .spam: .spam
        }
    }
}

/// Finds comment files by id and writes moderation decisions and screening flags into them, each write atomic
/// and serialised with other moderators' (see `AtomicFile`).
public struct Moderation: Sendable {
    /// A comment file in the site.
    public struct CommentFile: Sendable, Hashable {
        /// The file name without `.md`.
        public let id: String
        /// Relative to the site: `Posts/<post-stem>.comments/<id>.md`.
        public let path: String
        /// The file stem of its post.
        public let postStem: String

        /// The file of a comment that was loaded.
        public init(_ comment: Comment) {
            self.init(id: comment.id, path: comment.source, postStem: comment.postStem)
        }

        init(id: String, path: String, postStem: String) {
            self.id = id
            self.path = path
            self.postStem = postStem
        }
    }

    public enum Failure: Error, CustomStringConvertible {
        case notFound(String)
        case ambiguous(String, [String])
        case unreadable(String, String)

        public var description: String {
            switch self {
            case .notFound(let id): "no comment has an id starting with '\(id)' (see `clinicpress comments list --status all`)"
            case let .ambiguous(id, matches): "'\(id)' matches \(matches.count) comments: \(matches.joined(separator: ", ")); give more of the id"
            case let .unreadable(path, why): "\(path): \(why)"
            }
        }
    }

    public let siteDirectory: URL

    public init(siteDirectory: URL) {
        self.siteDirectory = siteDirectory
    }

    /// Every comment file of the site, sorted by path.
    public func files() -> [CommentFile] {
        let posts = siteDirectory.appendingPathComponent("Posts")
        let folders = ((try? FileManager.default.contentsOfDirectory(atPath: posts.path)) ?? []).filter { $0.hasSuffix(".comments") }.sorted()
        return folders.flatMap { folder in
            ((try? FileManager.default.contentsOfDirectory(atPath: posts.appendingPathComponent(folder).path)) ?? [])
                .filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") }.sorted()
                .map { CommentFile(id: String($0.dropLast(3)), path: "Posts/\(folder)/\($0)", postStem: String(folder.dropLast(".comments".count))) }
        }
    }

    /// The comment whose id is `id`, or the only one whose id starts with it.
    public func find(_ id: String) throws -> CommentFile {
        let all = files()
        if let exact = all.first(where: { $0.id == id }) { return exact }
        let matches = all.filter { $0.id.hasPrefix(id) }
        guard !id.isEmpty, let first = matches.first else { throw Failure.notFound(id) }
        guard matches.count == 1 else { throw Failure.ambiguous(id, matches.map(\.id)) }
        return first
    }

    /// Writes a decision: `status`, `moderated_by`, `moderated_at`, and for rejections `reason`. Every other line of
    /// the file stays as it was. Returns the file's new text.
    @discardableResult
    public func apply(_ decision: ModerationDecision, to file: CommentFile, by moderator: String, at moment: Timestamp) throws -> String {
        var values: [(key: String, value: String?)] = [
            ("status", decision.status.rawValue),
            ("moderated_by", FrontMatterEditor.quoted(moderator)),
            ("moderated_at", moment.iso8601),
        ]
        if case .reject(let reason) = decision {
            values.append(("reason", FrontMatterEditor.quoted(reason)))
        }
        return try update(file) { try FrontMatterEditor.set(values, in: $0) }
    }

    /// Records screening flags (and, for auto-spam, the `spam` status) in a comment file.
    @discardableResult
    public func record(flags: [String], markSpam: Bool, on file: CommentFile, at moment: Timestamp) throws -> String {
        var values: [(key: String, value: String?)] = [("flags", FrontMatterEditor.list(flags))]
        if markSpam {
            values += [("status", Comment.Status.spam.rawValue), ("moderated_by", FrontMatterEditor.quoted("auto-spam")), ("moderated_at", moment.iso8601)]
        }
        return try update(file) { try FrontMatterEditor.set(values, in: $0) }
    }

    private func update(_ file: CommentFile, _ transform: (String) throws -> String) throws -> String {
        do {
            return try AtomicFile.update(siteDirectory.appendingPathComponent(file.path), transform)
        } catch let error as FrontMatterEditor.Failure {
            throw Failure.unreadable(file.path, error.description)
        } catch let error as AtomicFile.Failure {
            throw Failure.unreadable(file.path, error.description)
        }
    }
}
