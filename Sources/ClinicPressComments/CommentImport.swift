import ClinicPressContent
import ClinicPressModel
import Foundation

/// Takes comments exported from a form service (Netlify Forms, Formspree, or any CSV or JSON with the usual columns) or
/// from WordPress (its WXR export) and writes one `pending` moderation file per new comment, screened. Re-importing the
/// same export creates no duplicates; a bad row is reported with its row number (or WordPress comment id) and the good
/// rows are still imported.
///
/// Reading (`read`: `FormExport`, `WordPressExport`) turns an export into `Submission`s without touching the site;
/// `run` (CommentImport+Run.swift) matches them to posts and writes the files.
public struct CommentImport {
    /// Where a submission is in its export: the row (CSV record line, position in a JSON array) or, in a WordPress
    /// export, the line of the `<wp:comment>` and its comment id.
    public struct Place: Sendable, Hashable, CustomStringConvertible {
        /// 1-based: the array index + 1 for JSON, the record's line for CSV, the line of `<wp:comment>` for WXR.
        public var row: Int
        /// The WordPress comment id (`wp:comment_id`), which replies name their parent by.
        public var commentID: String?

        /// A place in an export.
        public init(row: Int, commentID: String? = nil) {
            self.row = row
            self.commentID = commentID
        }

        /// `row 3`, or `comment 42 (line 120)`.
        public var description: String {
            commentID.map { "comment \($0) (line \(row))" } ?? "row \(row)"
        }
    }

    /// One comment, as exported.
    public struct Submission: Sendable, Equatable {
        public var place: Place
        /// The names of its post to try, in order: a slug or file name, a page address (see `PostNames`).
        public var postNames: [String]
        public var author: String
        public var email: String?
        public var date: Timestamp
        public var body: String
        /// The id of the site's comment this one answers (a form's `reply_to`).
        public var replyTo: String?
        /// The export's id of the comment this one answers (WordPress's `comment_parent`).
        public var parentCommentID: String?

        /// The first 1-based row, for messages and the old API.
        public var row: Int { place.row }

        /// A submission.
        public init(place: Place, postNames: [String], author: String, email: String? = nil, date: Timestamp, body: String,
                    replyTo: String? = nil, parentCommentID: String? = nil) {
            self.place = place
            self.postNames = postNames
            self.author = author
            self.email = email
            self.date = date
            self.body = body
            self.replyTo = replyTo
            self.parentCommentID = parentCommentID
        }
    }

    /// A row that could not be imported, and why.
    public struct RowProblem: Error, Sendable, Equatable, CustomStringConvertible {
        public var place: Place
        public var message: String
        public var row: Int { place.row }
        /// `row 3: no post 'nope' in this site`.
        public var description: String { "\(place): \(message)" }

        /// A problem with the row at `place`.
        public init(place: Place, message: String) {
            self.place = place
            self.message = message
        }

        /// A problem with row `row`.
        public init(row: Int, message: String) {
            self.init(place: Place(row: row), message: message)
        }
    }

    /// An export, read: the comments to import, the rows that cannot be, and what it holds that is not a comment to
    /// import (WordPress pingbacks, spam, the trash).
    public struct Export: Sendable {
        /// Which kind of export it was read as.
        public var format: ImportFormat
        public var submissions: [Submission] = []
        public var problems: [RowProblem] = []
        /// What was left out on purpose, by reason (`pingback`, `trackback`, `spam`, `trash`, another comment type),
        /// with how many.
        public var leftOut: [String: Int] = [:]
    }

    /// What an import did.
    public struct Result: Sendable {
        /// Paths of the files written, relative to the site.
        public var created: [String] = []
        /// Rows already imported before (same post, author, date and text).
        public var duplicates: [Place] = []
        public var problems: [RowProblem] = []
    }

    /// Why an export cannot be read at all; nothing is imported then.
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
    /// Existing comments by post file stem, to skip duplicates and to find the parents of replies imported before.
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

    /// Reads an export: as `format`, or as what `ImportFormat.detect` recognises from `fileName`'s extension and the
    /// text.
    /// - Throws: `Failure.unreadable` when the file is not valid JSON, CSV or XML of the kind expected.
    public static func read(_ text: String, fileName: String = "", as format: ImportFormat? = nil) throws -> Export {
        let format = format ?? ImportFormat.detect(text: text, fileName: fileName)
        switch format {
        case .wordpress: return try WordPressExport.read(text)
        case .generic, .netlify, .formspree: return try FormExport.read(text, as: format)
        }
    }
}
