import ClinicPressContent
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

    /// The past tense, for messages: "approved", "rejected", "marked as spam".
    public var verb: String {
        switch self {
        case .approve: "approved"
        case .reject: "rejected"
        case .spam: "marked as spam"
        }
    }
}

/// Finds comment files by address and writes moderation decisions and screening flags into them, each write atomic
/// and serialised with other moderators' (the files are `CommentStore`'s).
///
/// A comment's address is its id (the file name without `.md`), unique only within its post, so `post/id` names
/// it site-wide, `post` being any name of the post (`PostNames`: its slug, file name or file stem). The short id (the
/// id without its date: `may-m` for `2026-09-23-may-m`) or a unique prefix of either is enough; an id that several
/// comments match is an error that lists them.
///
/// The reason rule: `reason` explains the current rejection. A rejection writes (or replaces) it, and every other
/// decision removes it, so an approved comment never carries a stale reason.
public struct Moderation: Sendable {
    /// A comment file in the site (the name moderation has always used for `ClinicPressContent.CommentFile`).
    public typealias CommentFile = ClinicPressContent.CommentFile

    public enum Failure: Error, CustomStringConvertible {
        case notFound(String)
        case ambiguous(String, [String])
        case unreadable(String, String)
        /// No post has the name; the slugs close to it.
        case unknownPost(String, closeSlugs: [String])
        /// The file's status changed between the command reading it and writing its decision.
        case conflict(path: String, decision: String, read: String, found: String, by: String?)
        /// Approving would publish contact details (an email address, a phone number, a street address).
        case contactInfo(path: String)

        public var description: String {
            switch self {
            case .notFound(let id): "no comment has an id starting with '\(id)' (see `clinicpress comments list --status all`)"
            case let .ambiguous(id, matches):
                "'\(id)' matches \(matches.count) comments: \(matches.joined(separator: ", ")); give more of the id, or name the post as post/id"
            case let .unreadable(path, why): "\(path): \(why)"
            case let .unknownPost(name, _):
                "no post '\(name)' in Posts/"
            case let .contactInfo(path):
                "\(path): not approved: the comment has contact details (an email address, phone number or street address) that would be published"
            case let .conflict(path, decision, read, found, by):
                "\(path): not \(decision): the comment was \(read) when this command read it, and another moderator made it "
                    + "\(found)\(by.map { " (by \($0))" } ?? "") before this decision was written; nothing changed, run the command again to decide anew"
            }
        }

        /// How to fix it, when we can tell.
        public var hint: String? {
            guard case let .unknownPost(_, close) = self else { return nil }
            switch close.count {
            case 0: return "give the post's slug, as in its address (posts/<slug>/), or its file name in Posts/"
            case 1: return "did you mean '\(close[0])'?"
            default: return "did you mean one of: \(close.map { "'\($0)'" }.joined(separator: ", "))?"
            }
        }
    }

    public let siteDirectory: URL
    /// The site's posts by every name they go by, to resolve `post/id` addresses and `--post`.
    public let posts: PostNames
    /// Lists, reads and rewrites the files.
    let store: CommentStore

    /// Moderation of the comments below `siteDirectory`, whose posts are `posts` (read from the site by default).
    public init(siteDirectory: URL, posts: PostNames? = nil) {
        self.siteDirectory = siteDirectory
        self.posts = posts ?? PostNames.load(from: siteDirectory)
        self.store = CommentStore(siteDirectory: siteDirectory)
    }

    /// Every comment file of the site, sorted by path.
    public func files() -> [CommentFile] {
        store.files()
    }

    /// The file stems of the posts named `name`: its slug, its file name (with or without `.md` and `Posts/`) or
    /// another name `PostNames` knows. Throws `unknownPost`, with the slugs close to the name, when there is none.
    public func postStems(named name: String) throws -> [String] {
        let stems = posts.stems(named: name)
        guard !stems.isEmpty else { throw Failure.unknownPost(name, closeSlugs: posts.closeSlugs(to: name)) }
        return stems
    }

    /// The comment at `address`: `id`, or `post/id`; the id may be the comment's short id (the id without its date,
    /// `CommentFile.shortID`), or a prefix of either that matches one comment. An exact match wins over prefixes.
    public func find(_ address: String) throws -> CommentFile {
        try find([address]).first!
    }

    /// The comments at `addresses` (see `find(_:)`), in order; the folders are listed once.
    public func find(_ wanted: [String]) throws -> [CommentFile] {
        let all = files()
        return try wanted.map { address in
            var candidates = all
            var id = address
            if let slash = address.lastIndex(of: "/") {
                let stems = Set(try postStems(named: String(address[..<slash])))
                candidates = candidates.filter { stems.contains($0.postStem) }
                id = String(address[address.index(after: slash)...])
            }
            let exact = candidates.filter { $0.id == id || $0.shortID == id }
            let matches = exact.isEmpty ? candidates.filter { $0.id.hasPrefix(id) || $0.shortID.hasPrefix(id) } : exact
            guard !id.isEmpty, let first = matches.first else { throw Failure.notFound(address) }
            guard matches.count == 1 else { throw Failure.ambiguous(address, addresses(of: matches)) }
            return first
        }
    }

    /// `slug/id` for each file, or `stem/id` for all when two slugs would read the same.
    public func addresses(of files: [CommentFile]) -> [String] {
        let bySlug = files.map { "\(posts.slug(ofStem: $0.postStem))/\($0.id)" }
        return Set(bySlug).count == bySlug.count ? bySlug : files.map { "\($0.postStem)/\($0.id)" }
    }

    /// The `status` written in the file now (nil when it has none).
    public func status(of file: CommentFile) throws -> String? {
        try value(of: "status", in: file)
    }

    /// The value of a top-level front matter key as written in the file now (nil when it is not there).
    public func value(of key: String, in file: CommentFile) throws -> String? {
        do {
            return try FrontMatterEditor.value(of: key, in: try text(of: file))
        } catch let error as FrontMatterEditor.Failure {
            throw Failure.unreadable(file.path, error.description)
        }
    }

    /// The file's text as it is now.
    public func text(of file: CommentFile) throws -> String {
        guard let text = store.text(of: file) else { throw Failure.unreadable(file.path, "cannot read the file as UTF-8") }
        return text
    }

    /// Writes a decision: `status`, `moderated_by`, `moderated_at`, and `reason` per the reason rule (see the type).
    /// Every other line of the file stays as it was. `read` is the status the moderator decided on (see
    /// `status(of:)`); when the file holds another one by the time it is locked, someone else decided in between
    /// and this decision is not written (`Failure.conflict`). An approval is refused (`Failure.contactInfo`) when the
    /// author or body, as the file holds them then, has contact details, unless `allowingContactInfo`: screening
    /// flags may be stale, the text is what gets published. Returns the file's new text.
    @discardableResult
    public func apply(_ decision: ModerationDecision, to file: CommentFile, read: String?, by moderator: String, at moment: Timestamp,
                      allowingContactInfo: Bool = false) throws -> String {
        var reason: String?
        if case .reject(let why) = decision { reason = FrontMatterEditor.quoted(why) }
        let values: [(key: String, value: String?)] = [
            ("status", decision.status.rawValue),
            ("moderated_by", FrontMatterEditor.quoted(moderator)),
            ("moderated_at", moment.iso8601),
            ("reason", reason),
        ]
        return try update(file) { text in
            let found = try FrontMatterEditor.value(of: "status", in: text)
            guard found == read else {
                throw Failure.conflict(path: file.path, decision: decision.verb, read: read ?? "without a status", found: found ?? "without a status",
                                       by: try FrontMatterEditor.value(of: "moderated_by", in: text))
            }
            if decision == .approve, !allowingContactInfo,
               CommentScreener().hasContactInfo(author: try FrontMatterEditor.value(of: "author", in: text) ?? "", body: try FrontMatterEditor.body(of: text)) {
                throw Failure.contactInfo(path: file.path)
            }
            return try FrontMatterEditor.set(values, in: text)
        }
    }

    /// Removes the contact details from the comment's text and author (`ContactRedaction`: the preview's "approve with
    /// contact details removed"), under the same lock and the same check as a decision: nothing is written when the
    /// status is no longer `read`. Every other line of the file stays as it was.
    public func removeContactDetails(of file: CommentFile, read: String?) throws {
        _ = try update(file) { text in
            let found = try FrontMatterEditor.value(of: "status", in: text)
            guard found == read else {
                throw Failure.conflict(path: file.path, decision: "edited", read: read ?? "without a status", found: found ?? "without a status",
                                       by: try FrontMatterEditor.value(of: "moderated_by", in: text))
            }
            var edited = try FrontMatterEditor.replacingBody(in: text, ContactRedaction.redact)
            if let author = try FrontMatterEditor.value(of: "author", in: edited), ContactRedaction.redact(author) != author {
                edited = try FrontMatterEditor.set([("author", FrontMatterEditor.quoted(ContactRedaction.redact(author)))], in: edited)
            }
            return edited
        }
    }

    /// Records screening flags in a comment file, and the `autoSpam` decision when the policy marks the comment spam.
    /// The policy decides under the lock, on the status the file holds then, so screening never overwrites a
    /// moderator's decision. Returns the file's new text, and whether this call made the comment spam.
    @discardableResult
    public func record(flags: [String], autoSpam: AutoSpamPolicy, on file: CommentFile, at moment: Timestamp) throws
        -> (text: String, markedSpam: Bool) {
        var markedSpam = false
        let text = try update(file) { text in
            var values: [(key: String, value: String?)] = [("flags", FrontMatterEditor.list(flags))]
            let status = try FrontMatterEditor.value(of: "status", in: text).flatMap(Comment.Status.init(rawValue:))
            markedSpam = autoSpam.marksSpam(status, screeningFlags: flags)
            if markedSpam { values += autoSpam.decision(at: moment).map { ($0.key, $0.value) } }
            return try FrontMatterEditor.set(values, in: text)
        }
        return (text, markedSpam)
    }

    private func update(_ file: CommentFile, _ transform: (String) throws -> String) throws -> String {
        do {
            return try store.update(file, transform)
        } catch let error as FrontMatterEditor.Failure {
            throw Failure.unreadable(file.path, error.description)
        } catch let error as AtomicFile.Failure {
            throw Failure.unreadable(file.path, error.description)
        }
    }
}
