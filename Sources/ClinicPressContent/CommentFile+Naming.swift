import ClinicPressModel

/// Comment ids: the one a file has, the short one people type, and the one a new comment gets.
///
/// A comment's id is its file name without `.md`, as before: `reply_to` and the page's anchors use it. Its *short id*
/// is the id without the date in front (`2026-09-23-may-m` → `may-m`); moderators may type either, or a unique
/// prefix of either. A new comment's file is `<date>-<first-name>-<mon>.md` (`2026-11-03-sam-nov.md`), so its short id
/// is `sam-nov` and the folder still sorts by date; `-2`, `-3`… make the short id unique in the post's folder.
extension CommentFile {
    /// The id without its `YYYY-MM-DD-` date prefix; the id itself when it has none.
    public var shortID: String {
        Self.shortID(of: id)
    }

    /// `id` without its `YYYY-MM-DD-` date prefix; `id` itself when it has none.
    public static func shortID(of id: String) -> String {
        let (date, rest) = Post.splitDatePrefix(id)
        return date == nil || rest.isEmpty ? id : rest
    }

    /// The longest first name in a new short id: the whole id stays short enough to type.
    static let maxFirstNameLength = 20

    /// Words before a name that are not the name (`Dr. Ana Ruiz` → `ana`).
    static let titles: Set<String> = ["dr", "mr", "mrs", "ms", "miss", "mx", "prof", "rev"]

    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// The short id a new comment by `author` written on `date` starts from: the author's first name as a slug
    /// (Cyrillic and Greek spelled in Latin letters, a title such as `Dr.` skipped, at most 20 characters; `comment`
    /// when nothing is left) and the month: `Sam O'Neil`, 2026-11-03 → `sam-nov`.
    public static func baseShortID(author: String, date: Timestamp) -> String {
        var words = Slug.transliterated(author).split(separator: "-")
        while words.count > 1, let first = words.first, titles.contains(String(first)) { words.removeFirst() }
        let name = words.first.map { String($0.prefix(maxFirstNameLength)) } ?? "comment"
        return "\(name)-\(months[date.month - 1])"
    }

    /// The file of a new comment by `author` written on `date` under the post with file stem `postStem`:
    /// `<date>-<short id>.md`, its short id `baseShortID` or, when `isTaken` says the post's folder has it already
    /// (as an id or a short id), that with `-2`, `-3`…
    public static func new(author: String, date: Timestamp, postStem: String, isTaken: (String) -> Bool) -> CommentFile {
        let base = baseShortID(author: author, date: date)
        var short = base
        var counter = 2
        while isTaken(short) {
            short = "\(base)-\(counter)"
            counter += 1
        }
        return CommentFile(id: "\(date.dayString)-\(short)", postStem: postStem)
    }
}
