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

    /// The site's posts, by every name a form may use for them: slug, file stem, or URL path.
    let postStems: [String: String]
    /// Existing comments by post file stem, to skip duplicates.
    let existing: [String: [Comment]]
    /// Screens and writes the new files (the same writer as `clinicpress intake`).
    let writer: NewCommentWriter

    /// Prepares an import into `siteDirectory`. `posts` are (slug, file stem) pairs.
    public init(siteDirectory: URL, posts: [(slug: String, stem: String)], existing: [String: [Comment]], screener: CommentScreener, autoSpam: AutoSpamPolicy) {
        var stems: [String: String] = [:]
        for post in posts {
            stems[post.slug] = post.stem
            stems[post.stem] = post.stem
            stems["posts/\(post.slug)"] = post.stem
        }
        self.postStems = stems
        self.existing = existing
        self.writer = NewCommentWriter(siteDirectory: siteDirectory, screener: screener, autoSpam: autoSpam)
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
        var post = field("post")!
        // Form services often send the page address: keep its path.
        if let scheme = post.range(of: "://") { post = String(post[scheme.upperBound...].drop { $0 != "/" }) }
        post = post.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        return .success(Submission(row: row, post: post, author: field("author")!, email: field("email"), date: date, body: field("body")!))
    }

    // MARK: - Writing files

    /// Writes a pending file for each submission that is new; returns what happened to every row.
    public func run(_ submissions: [Submission], problems: [RowProblem]) -> Result {
        var result = Result(problems: problems)
        var seen = existing
        for submission in submissions {
            guard let stem = postStems[submission.post] ?? postStems[submission.post.lowercased()] else {
                result.problems.append(RowProblem(row: submission.row, message: "no post '\(submission.post)' in this site"))
                continue
            }
            let body = submission.body.hasSuffix("\n") ? submission.body : submission.body + "\n"
            if (seen[stem] ?? []).contains(where: { $0.author == submission.author && $0.date == submission.date && normalized($0.body) == normalized(body) }) {
                result.duplicates.append(submission.row)
                continue
            }
            let file: CommentFile
            do {
                file = try writer.write(.init(postStem: stem, author: submission.author, email: submission.email, date: submission.date, body: body)).file
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

    private func normalized(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "\r\n", with: "\n")
    }
}
