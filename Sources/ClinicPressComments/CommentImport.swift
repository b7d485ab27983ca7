import ClinicPressContent
import ClinicPressModel
import Foundation

/// Takes comment submissions exported from a form service (a JSON array of objects, or CSV with a header row)
/// and writes one `pending` moderation file per new submission, screened. Re-importing the same export creates no
/// duplicates; a bad row is reported with its row number and the good rows are still imported.
public struct CommentImport {
    /// One submission, as exported.
    public struct Submission: Sendable, Equatable {
        /// 1-based: the array index + 1 for JSON, the record's line for CSV.
        public var row: Int
        public var post: String
        public var author: String
        public var email: String?
        public var date: Timestamp
        public var body: String
    }

    /// A row that could not be imported, and why.
    public struct RowProblem: Error, Sendable, Equatable, CustomStringConvertible {
        public var row: Int
        public var message: String
        public var description: String { "row \(row): \(message)" }
    }

    /// What an import did.
    public struct Result: Sendable {
        /// Paths of the files written, relative to the site.
        public var created: [String] = []
        /// Rows already imported before (same post, author, date and text).
        public var duplicates: [Int] = []
        public var problems: [RowProblem] = []
    }

    public enum Failure: Error, CustomStringConvertible {
        case unreadable(String)
        public var description: String {
            switch self {
            case .unreadable(let why): why
            }
        }
    }

    /// The site's posts, by every name a form may use for them: slug, file name or stem, or page address.
    let posts: PostNames
    /// Existing comments by post file stem, to skip duplicates.
    let existing: [String: [Comment]]
    let screener: CommentScreener
    /// Decides which new comments are `spam` right away (`comments.auto_spam` in site.yaml).
    let autoSpam: AutoSpamPolicy
    /// Writes the new files.
    let store: CommentStore

    /// Prepares an import into `siteDirectory`, whose posts are `posts`.
    public init(siteDirectory: URL, posts: PostNames, existing: [String: [Comment]], screener: CommentScreener, autoSpam: AutoSpamPolicy) {
        self.posts = posts
        self.existing = existing
        self.screener = screener
        self.autoSpam = autoSpam
        self.store = CommentStore(siteDirectory: siteDirectory)
    }

    // MARK: - Reading exports

    /// Reads submissions from a JSON array or a CSV text (chosen by the file's first character).
    public static func read(_ text: String) throws -> ([Submission], [RowProblem]) {
        let trimmed = text.drop { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" || $0 == "\u{FEFF}" }
        return trimmed.first == "[" ? try readJSON(String(trimmed)) : try readCSV(text)
    }

    static func readJSON(_ text: String) throws -> ([Submission], [RowProblem]) {
        let value: Any
        do {
            value = try JSONSerialization.jsonObject(with: Data(text.utf8))
        } catch {
            throw Failure.unreadable("the file is not valid JSON: \((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)")")
        }
        guard let rows = value as? [Any] else { throw Failure.unreadable("the JSON must be an array of submissions, one object each") }
        var submissions: [Submission] = []
        var problems: [RowProblem] = []
        for (index, row) in rows.enumerated() {
            guard let object = row as? [String: Any] else {
                problems.append(RowProblem(row: index + 1, message: "not an object with post, author, email, date and body"))
                continue
            }
            let fields = Dictionary(object.map { ($0.key.lowercased(), ($0.value as? String) ?? (($0.value as? NSNumber)?.stringValue ?? "")) },
                                    uniquingKeysWith: { first, _ in first })
            switch submission(fields, row: index + 1) {
            case .success(let submission): submissions.append(submission)
            case .failure(let problem): problems.append(problem)
            }
        }
        return (submissions, problems)
    }

    static func readCSV(_ text: String) throws -> ([Submission], [RowProblem]) {
        let records: [CSV.Record]
        do {
            records = try CSV.parse(text)
        } catch {
            throw Failure.unreadable("the CSV cannot be read: \(error)")
        }
        guard let header = records.first else { throw Failure.unreadable("the CSV is empty") }
        let columns = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        var submissions: [Submission] = []
        var problems: [RowProblem] = []
        for record in records.dropFirst() {
            guard record.fields.count == columns.count else {
                problems.append(RowProblem(row: record.line, message: "has \(record.fields.count) fields, the header has \(columns.count)"))
                continue
            }
            let fields = Dictionary(zip(columns, record.fields).map { ($0, $1) }, uniquingKeysWith: { first, _ in first })
            switch submission(fields, row: record.line) {
            case .success(let submission): submissions.append(submission)
            case .failure(let problem): problems.append(problem)
            }
        }
        return (submissions, problems)
    }

    /// Column names form services use, first match wins.
    private static let aliases = [
        "post": ["post", "slug", "page", "post_slug", "url"],
        "author": ["author", "name", "author_name"],
        "email": ["email", "author_email", "e-mail"],
        "date": ["date", "submitted_at", "created_at", "timestamp"],
        "body": ["body", "comment", "message", "text", "content"],
    ]

    private static func submission(_ fields: [String: String], row: Int) -> Swift.Result<Submission, RowProblem> {
        func field(_ name: String) -> String? {
            for alias in aliases[name]! {
                if let value = fields[alias]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty { return value }
            }
            return nil
        }
        var missing: [String] = []
        for name in ["post", "author", "date", "body"] where field(name) == nil { missing.append(name) }
        guard missing.isEmpty else { return .failure(RowProblem(row: row, message: "no \(missing.joined(separator: ", "))")) }
        guard let date = Timestamp(parsing: field("date")!) else {
            return .failure(RowProblem(row: row, message: "cannot read the date '\(field("date")!)' (use YYYY-MM-DDTHH:MM:SSZ)"))
        }
        // The post as written (a page address included): `PostNames` reads every form of it.
        return .success(Submission(row: row, post: field("post")!, author: field("author")!, email: field("email"), date: date, body: field("body")!))
    }

    // MARK: - Writing files

    /// Writes a pending file for each submission that is new; returns what happened to every row.
    public func run(_ submissions: [Submission], problems: [RowProblem]) -> Result {
        var result = Result(problems: problems)
        var seen = existing
        // The ids and short ids each post's folder has, listed once: a new comment's short id must be unique there.
        var taken: [String: Set<String>] = [:]
        for file in store.files() {
            taken[file.postStem, default: []].formUnion([file.id, file.shortID])
        }
        for submission in submissions {
            let stems = posts.stems(named: submission.post)
            guard let stem = stems.first, stems.count == 1 else {
                let message = stems.isEmpty ? "no post '\(submission.post)' in this site"
                    : "'\(submission.post)' names \(stems.count) posts (\(stems.map { "Posts/\($0).md" }.joined(separator: ", "))); give the slug of one"
                result.problems.append(RowProblem(row: submission.row, message: message))
                continue
            }
            let body = submission.body.hasSuffix("\n") ? submission.body : submission.body + "\n"
            if (seen[stem] ?? []).contains(where: { $0.author == submission.author && $0.date == submission.date && normalized($0.body) == normalized(body) }) {
                result.duplicates.append(submission.row)
                continue
            }
            let flags = screener.flags(author: submission.author, body: submission.body).map(\.rawValue)
            // A new comment is pending unless the policy decides otherwise; its decision is dated like the submission.
            let decision = autoSpam.marksSpam(.pending, screeningFlags: flags) ? autoSpam.decision(at: submission.date) : []
            let status = decision.first { $0.key == "status" }?.value ?? Comment.Status.pending.rawValue
            var lines = ["---", "author: \(FrontMatterEditor.quoted(submission.author))", "date: \(submission.date.iso8601)", "status: \(status)"]
            if let email = submission.email { lines.append("email: \(FrontMatterEditor.quoted(email))") }
            lines += decision.filter { $0.key != "status" }.map { "\($0.key): \($0.value)" }
            lines.append("flags: \(FrontMatterEditor.list(flags))")
            lines += ["---", body]
            let file: CommentFile
            do {
                file = try create(lines.joined(separator: "\n"), by: submission, postStem: stem, taken: &taken[stem, default: []])
            } catch {
                result.problems.append(RowProblem(row: submission.row, message: "cannot write a comment file in \(CommentFile.folder(ofPost: stem)): \(error)"))
                continue
            }
            result.created.append(file.path)
            seen[stem, default: []].append(Comment(id: file.id, postStem: stem, source: file.path, author: submission.author, date: submission.date,
                                                   status: .pending, body: body))
        }
        result.problems.sort { $0.row < $1.row }
        return result
    }

    /// Writes `text` as the submission's new file (`CommentFile.new`: `2026-11-03-sam-nov.md`, then `-2`, `-3`… when
    /// the post's folder has that short id), and records its ids as taken. A name another writer took in between is
    /// skipped, never replaced.
    private func create(_ text: String, by submission: Submission, postStem: String, taken: inout Set<String>) throws -> CommentFile {
        while true {
            let file = CommentFile.new(author: submission.author, date: submission.date, postStem: postStem, isTaken: taken.contains)
            taken.formUnion([file.id, file.shortID])
            if try store.create(file, text: text) { return file }
        }
    }

    private func normalized(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "\r\n", with: "\n")
    }
}
