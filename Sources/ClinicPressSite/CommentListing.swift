import ClinicPressModel
import ClinicPressRender

/// `clinicpress comments list`: comments as aligned text for people, or as JSON for scripts.
///
/// Text: one line per comment — its name (what `approve` takes), status, day, author, post, `↳ reply to <name>` for a
/// reply, and its screening flags — in columns, then its first line indented below. Every value from a file is
/// escaped (`TerminalText`). JSON: an array of objects with `id`, `post`, `author`, `date`, `status`, `flags`,
/// `reply_to` and `excerpt`, the values as written.
public struct CommentListing: Sendable {
    /// One comment as listed.
    public struct Row: Sendable {
        public var comment: Comment
        /// What `Moderation.find` resolves to the comment (`CommentNames`).
        public var name: String
        /// The name of the comment it replies to.
        public var replyToName: String?
        /// The slug of its post.
        public var post: String

        /// A listed comment.
        public init(comment: Comment, name: String, replyToName: String?, post: String) {
            self.comment = comment
            self.name = name
            self.replyToName = replyToName
            self.post = post
        }
    }

    /// The comments to list, in order.
    public let rows: [Row]

    /// Lists `rows`.
    public init(_ rows: [Row]) {
        self.rows = rows
    }

    /// The longest excerpt, in characters.
    static let excerptLength = 100

    /// The text listing of the first `limit` rows (all when `limit` is 0), then `N comments`, or, when rows were left
    /// out, `… and N more; --limit 0 for all`. Ends with a line break.
    public func text(limit: Int) -> String {
        let shown = limit > 0 ? Array(rows.prefix(limit)) : rows
        let hasReplies = shown.contains { $0.replyToName != nil }
        let table = shown.map { row -> [String] in
            let comment = row.comment
            var cells = [TerminalText.line(row.name), comment.status.rawValue, comment.date.dayString, TerminalText.line(comment.author),
                         "on \(TerminalText.line(row.post))"]
            if hasReplies { cells.append(row.replyToName.map { "↳ reply to \(TerminalText.line($0))" } ?? "") }
            cells.append(comment.flags.isEmpty ? "" : "[\(TerminalText.line(comment.flags.joined(separator: ", ")))]")
            return cells
        }
        let widths = (0..<(table.first?.count ?? 0)).map { column in table.map { $0[column].count }.max() ?? 0 }
        var out = ""
        for (row, cells) in zip(shown, table) {
            let line = cells.enumerated().map { column, cell in
                column == cells.count - 1 ? cell : cell + String(repeating: " ", count: widths[column] - cell.count)
            }.joined(separator: "  ")
            out += String(line.reversed().drop { $0 == " " }.reversed()) + "\n"
            out += "    \(TerminalText.line(Self.excerpt(row.comment.body)))\n"
        }
        return out + footer(shown: shown.count) + "\n"
    }

    /// The JSON array of the first `limit` rows (all when `limit` is 0), pretty-printed, ending with a line break.
    public func json(limit: Int) -> String {
        let shown = limit > 0 ? Array(rows.prefix(limit)) : rows
        let objects = shown.map { row -> JSON in
            let comment = row.comment
            return .object([
                "id": .string(comment.id),
                "post": .string(row.post),
                "author": .string(comment.author),
                "date": .string(comment.date.iso8601),
                "status": .string(comment.status.rawValue),
                "flags": .array(comment.flags.map(JSON.string)),
                "reply_to": comment.replyTo.map(JSON.string) ?? .null,
                "excerpt": .string(Self.excerpt(comment.body)),
            ])
        }
        return JSON.array(objects).serialized(pretty: true) + "\n"
    }

    /// How many rows `limit` leaves out.
    public func leftOut(limit: Int) -> Int {
        limit > 0 ? max(0, rows.count - limit) : 0
    }

    /// `… and N more; --limit 0 for all` when `shown` rows leave some out, else `N comments`.
    func footer(shown: Int) -> String {
        let more = rows.count - shown
        return more > 0 ? Self.more(more) : "\(rows.count) comment\(rows.count == 1 ? "" : "s")"
    }

    /// The line saying how many comments a limit left out.
    public static func more(_ count: Int) -> String {
        "… and \(count) more; --limit 0 for all"
    }

    /// The first line of a comment, cut to `excerptLength` characters.
    static func excerpt(_ body: String) -> String {
        let line = body.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }).first.map(String.init) ?? ""
        return line.count > excerptLength ? String(line.prefix(excerptLength - 1)) + "…" : line
    }
}
