import ClinicPressContent
import ClinicPressModel
import Foundation

/// Exports of form services — CSV with a header row, or JSON — read as rows of named fields, then mapped to comments
/// by the service's field names (`Mapping`). Netlify's JSON keeps the form's own fields in a `data` object beside its
/// own (`created_at`, `form_name`…); both are read, the form's winning. Formspree's API JSON is an object whose
/// `submissions` array holds the rows. Column names are compared in lower case, spaces read as `_`.
enum FormExport {
    /// Where a service keeps each part of a comment: the fields tried, in order; the first that is not empty wins.
    struct Mapping {
        /// Fields naming the post: its slug or file name (`PostNames`).
        var post: [String]
        /// Fields holding the address of the page the form was sent from, whose path names the post.
        var pageAddress: [String]
        var author: [String]
        /// First and last name fields, joined when no author field has a value.
        var firstName: [String]
        var lastName: [String]
        var email: [String]
        var date: [String]
        var body: [String]
        /// The id of the comment answered (the comment form's `reply_to`).
        var replyTo: [String]

        static let generic = Mapping(
            post: ["post", "slug", "page", "post_slug"], pageAddress: ["url", "page_url", "referrer", "referer"],
            author: ["author", "name", "author_name"], firstName: ["first_name", "firstname"], lastName: ["last_name", "lastname"],
            email: ["email", "author_email", "e-mail"], date: ["date", "submitted_at", "created_at", "timestamp"],
            body: ["body", "comment", "message", "text", "content"], replyTo: ["reply_to"])

        /// Netlify Forms: the form's own fields (`name`, `email`, `comment`…, and `post`, `slug`, `reply_to` when the
        /// form has them), Netlify's `created_at`, and the page the form was on in `referrer`. Netlify's `site_url`
        /// is the site's address, tried last. Its `body` is Netlify's guess at the message field.
        static let netlify = Mapping(
            post: ["post", "slug", "page", "post_slug"], pageAddress: ["referrer", "url", "page_url", "site_url"],
            author: ["name", "author", "full_name"], firstName: ["first_name", "firstname"], lastName: ["last_name", "lastname"],
            email: ["email", "e-mail", "author_email"], date: ["created_at", "date", "submitted_at"],
            body: ["comment", "message", "comments", "body", "text", "content"], replyTo: ["reply_to"])

        /// Formspree: the form's fields (`email` or `_replyto`, `message` or `msg`, `name` or `firstName` and
        /// `lastName`, as its special fields name them), and `_date`, when it was received.
        static let formspree = Mapping(
            post: ["post", "slug", "page", "post_slug"], pageAddress: ["url", "page_url", "referrer", "referer"],
            author: ["name", "author", "full_name"], firstName: ["firstname", "first_name"], lastName: ["lastname", "last_name"],
            email: ["email", "_replyto", "e-mail"], date: ["_date", "date", "created_at", "submitted_at"],
            body: ["message", "msg", "comment", "body", "text", "content"], replyTo: ["reply_to"])

        static func of(_ format: ImportFormat) -> Mapping {
            switch format {
            case .netlify: .netlify
            case .formspree: .formspree
            case .generic, .wordpress: .generic
            }
        }
    }

    /// Reads a JSON or CSV export (JSON when the text starts with `[` or `{`) with `format`'s field names.
    static func read(_ text: String, as format: ImportFormat) throws -> CommentImport.Export {
        let trimmed = text.drop { $0.isWhitespace || $0 == "\u{FEFF}" }
        let (rows, problems) = trimmed.first == "[" || trimmed.first == "{" ? try jsonRows(String(trimmed)) : try csvRows(text)
        var export = CommentImport.Export(format: format, problems: problems)
        let mapping = Mapping.of(format)
        for (row, fields) in rows {
            switch submission(fields, row: row, mapping: mapping) {
            case .success(let submission): export.submissions.append(submission)
            case .failure(let problem): export.problems.append(problem)
            }
        }
        export.problems.sort { $0.row < $1.row }
        return export
    }

    /// `Created at:` → `created_at`: how column and field names are compared.
    static func columnName(_ raw: String) -> String {
        var name = raw.trimmingCharacters(in: .whitespaces).lowercased()
        if name.hasSuffix(":") { name.removeLast() }
        return name.split(separator: " ", omittingEmptySubsequences: true).joined(separator: "_")
    }

    // MARK: - Rows

    typealias Row = (row: Int, fields: [String: String])

    static func jsonRows(_ text: String) throws -> ([Row], [CommentImport.RowProblem]) {
        let value: Any
        do {
            value = try JSONSerialization.jsonObject(with: Data(text.utf8))
        } catch {
            throw CommentImport.Failure.unreadable("the file is not valid JSON: \((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)")")
        }
        let items: [Any]
        if let array = value as? [Any] {
            items = array
        } else if let object = value as? [String: Any], let submissions = object["submissions"] as? [Any] {
            items = submissions
        } else {
            throw CommentImport.Failure.unreadable("the JSON must be an array of submissions, one object each (or Formspree's object with `submissions`)")
        }
        var rows: [Row] = []
        var problems: [CommentImport.RowProblem] = []
        for (index, item) in items.enumerated() {
            guard let object = item as? [String: Any] else {
                problems.append(CommentImport.RowProblem(row: index + 1, message: "not an object with post, author, email, date and body"))
                continue
            }
            var fields = flatten(object)
            // Netlify: the form's own fields are in `data`, and say what the visitor wrote.
            if let data = object["data"] as? [String: Any] { fields.merge(flatten(data)) { _, form in form } }
            rows.append((index + 1, fields))
        }
        return (rows, problems)
    }

    /// The object's text, number and list-of-text values by column name; objects inside (`human_fields`, `_status`)
    /// are left out.
    private static func flatten(_ object: [String: Any]) -> [String: String] {
        var fields: [String: String] = [:]
        for (key, value) in object {
            let text: String?
            switch value {
            case let string as String: text = string
            case let number as NSNumber: text = number.stringValue
            case let list as [Any]: text = list.compactMap { $0 as? String }.joined(separator: ", ")
            default: text = nil
            }
            let name = columnName(key)
            if let text, fields[name] == nil { fields[name] = text }
        }
        return fields
    }

    static func csvRows(_ text: String) throws -> ([Row], [CommentImport.RowProblem]) {
        let records: [CSV.Record]
        do {
            records = try CSV.parse(text)
        } catch {
            throw CommentImport.Failure.unreadable("the CSV cannot be read: \(error)")
        }
        guard let header = records.first else { throw CommentImport.Failure.unreadable("the CSV is empty") }
        let columns = header.fields.map(columnName)
        var rows: [Row] = []
        var problems: [CommentImport.RowProblem] = []
        for record in records.dropFirst() {
            guard record.fields.count == columns.count else {
                problems.append(CommentImport.RowProblem(row: record.line, message: "has \(record.fields.count) fields, the header has \(columns.count)"))
                continue
            }
            rows.append((record.line, Dictionary(zip(columns, record.fields).map { ($0, $1) }, uniquingKeysWith: { first, _ in first })))
        }
        return (rows, problems)
    }

    // MARK: - Mapping

    static func submission(_ fields: [String: String], row: Int, mapping: Mapping) -> Result<CommentImport.Submission, CommentImport.RowProblem> {
        func value(_ names: [String]) -> String? {
            for name in names {
                if let value = fields[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty { return value }
            }
            return nil
        }
        // Every field that may name the post, in order: `run` takes the first that is a post's name. A page address
        // names a post by its path; a site's own address (no path) names none.
        let named = mapping.post.compactMap { value([$0]) }
        let addresses = mapping.pageAddress.compactMap { value([$0]) }.filter { !PostNames.pathOfAddress($0).isEmpty }
        var postNames: [String] = []
        for name in named + addresses where !postNames.contains(name) { postNames.append(name) }
        let author = value(mapping.author) ?? [value(mapping.firstName), value(mapping.lastName)].compactMap { $0 }.joined(separator: " ")
        let date = value(mapping.date)
        let body = value(mapping.body)
        var missing: [String] = []
        if postNames.isEmpty { missing.append("post") }
        if author.isEmpty { missing.append("author") }
        if date == nil { missing.append("date") }
        if body == nil { missing.append("body") }
        guard missing.isEmpty, let date, let body else {
            return .failure(.init(row: row, message: "no \(missing.joined(separator: ", "))"))
        }
        guard let timestamp = Timestamp(parsing: date) else {
            return .failure(.init(row: row, message: "cannot read the date '\(date)' (use YYYY-MM-DDTHH:MM:SSZ)"))
        }
        return .success(CommentImport.Submission(place: .init(row: row), postNames: postNames, author: author, email: value(mapping.email),
                                                 date: timestamp, body: body, replyTo: value(mapping.replyTo)))
    }
}
