import ClinicPressContent
import ClinicPressModel
import ClinicPressParallel
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
    /// Screens and writes the new files: the screener, policy, text and store of `clinicpress intake`'s writer.
    let writer: NewCommentWriter

    /// Prepares an import into `siteDirectory`, whose posts are `posts`.
    public init(siteDirectory: URL, posts: PostNames, existing: [String: [Comment]], screener: CommentScreener, autoSpam: AutoSpamPolicy) {
        self.posts = posts
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
        // The post as written (a page address included): `PostNames` reads every form of it.
        return .success(Submission(row: row, post: field("post")!, author: field("author")!, email: field("email"), date: date, body: field("body")!))
    }

    // MARK: - Writing files

    /// How many submissions are screened at once, on all cores, before their files are written in order.
    static let batchSize = 64

    /// Writes a pending file for each submission that is new; returns what happened to every row. `progress` hears
    /// how many submissions are done, of all of them, after each one.
    ///
    /// Costs a few fixed steps per row: the folders are listed once, a submission is recognised as imported before by
    /// a hash lookup (a scan of the post's comments made a large import quadratic), and screening, the one step that
    /// is work for the processor, runs on all cores a batch at a time. The files are written one after the other, in
    /// row order, so that ids are given out in a stable order.
    public func run(_ submissions: [Submission], problems: [RowProblem], progress: (_ done: Int, _ total: Int) -> Void = { _, _ in }) -> Result {
        var result = Result(problems: problems)
        var imported = Set(existing.flatMap { stem, comments in comments.map { DuplicateKey(stem: stem, $0.author, $0.date, $0.body) } })
        // The ids and short ids each post's folder has, listed once: a new comment's short id must be unique there.
        var taken: [String: Set<String>] = [:]
        for file in writer.store.files() {
            taken[file.postStem, default: []].formUnion([file.id, file.shortID])
        }
        var done = 0
        for start in stride(from: 0, to: submissions.count, by: Self.batchSize) {
            // Rows that name a post and are new, in order; a row repeated within the export is imported once.
            var batch: [(submission: Submission, stem: String)] = []
            for submission in submissions[start..<min(start + Self.batchSize, submissions.count)] {
                let stems = posts.stems(named: submission.post)
                guard let stem = stems.first, stems.count == 1 else {
                    let message = stems.isEmpty ? "no post '\(submission.post)' in this site"
                        : "'\(submission.post)' names \(stems.count) posts (\(stems.map { "Posts/\($0).md" }.joined(separator: ", "))); give the slug of one"
                    result.problems.append(RowProblem(row: submission.row, message: message))
                    done += 1
                    progress(done, submissions.count)
                    continue
                }
                guard imported.insert(DuplicateKey(stem: stem, submission.author, submission.date, submission.body)).inserted else {
                    result.duplicates.append(submission.row)
                    done += 1
                    progress(done, submissions.count)
                    continue
                }
                batch.append((submission, stem))
            }
            let screener = writer.screener
            let flags = batch.map(\.submission).parallelMap { screener.flags(author: $0.author, body: $0.body).map(\.rawValue) }
            for ((submission, stem), flags) in zip(batch, flags) {
                do {
                    let file = try create(fileText(submission, flags: flags), by: submission, postStem: stem, taken: &taken[stem, default: []])
                    result.created.append(file.path)
                } catch {
                    result.problems.append(RowProblem(row: submission.row, message: "cannot write a comment file in \(CommentFile.folder(ofPost: stem)): \(error)"))
                }
                done += 1
                progress(done, submissions.count)
            }
        }
        result.problems.sort { $0.row < $1.row }
        return result
    }

    /// What makes a submission the same as one imported before: post, author, date and text (ignoring the spaces
    /// around it and CRLF line ends).
    private struct DuplicateKey: Hashable {
        let stem: String
        let author: String
        let date: Timestamp
        let body: String

        init(stem: String, _ author: String, _ date: Timestamp, _ body: String) {
            self.stem = stem
            self.author = author
            self.date = date
            self.body = body.trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "\r\n", with: "\n")
        }
    }

    /// The new file's text, as `clinicpress intake` writes it (`NewCommentWriter.text`): front matter with the author,
    /// date, status (`pending`, or what the auto-spam policy decides, dated like the submission), email and screening
    /// flags, then the body.
    private func fileText(_ submission: Submission, flags: [String]) -> String {
        let decision = writer.autoSpam.marksSpam(.pending, screeningFlags: flags) ? writer.autoSpam.decision(at: submission.date) : []
        let comment = NewCommentWriter.NewComment(postStem: "", author: submission.author, email: submission.email, date: submission.date,
                                                  body: submission.body)
        return NewCommentWriter.text(comment, status: decision.isEmpty ? .pending : .spam, decision: decision.filter { $0.key != "status" },
                                     flags: flags)
    }

    /// Writes `text` as the submission's new file (`CommentStore.createNew`: `2026-11-03-sam-nov.md`, then `-2`, `-3`…
    /// when the post's folder has that short id), and records its ids as taken. A name another writer took in between
    /// is skipped, never replaced.
    private func create(_ text: String, by submission: Submission, postStem: String, taken: inout Set<String>) throws -> CommentFile {
        try writer.store.createNew(author: submission.author, date: submission.date, postStem: postStem, text: text, taken: &taken)
    }
}
