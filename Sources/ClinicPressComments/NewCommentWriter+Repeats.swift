import ClinicPressContent
import ClinicPressModel
import Foundation

/// A visitor who presses "submit" twice sends the same comment twice. The second must not become a second file: the
/// file the first one wrote is the proof that the comment is already in, so the writer looks for it in the post's
/// folder before writing.
extension NewCommentWriter {
    /// What `writeOnce` did.
    public enum Outcome: Sendable, Equatable {
        /// The comment was new: its file was written.
        case written(Written)
        /// The same comment was written moments before: this is its file, and nothing was written.
        case repeated(CommentFile)

        /// The file that holds the comment, written now or before.
        public var file: CommentFile {
            switch self {
            case .written(let written): written.file
            case .repeated(let file): file
            }
        }
    }

    /// Writes `comment` unless the post's folder has a comment with the same author, text and `reply_to` dated within
    /// `window` seconds of it (whatever its status now: a moderator may have decided already). Two identical comments
    /// arriving at once are serialised, so the second finds the first's file.
    /// - Throws: what `write` throws.
    public func writeOnce(_ comment: NewComment, window: Int) throws -> Outcome {
        // Only identical comments need to wait for each other: a lock per stripe of their key, not one for all.
        let lock = Self.repeatLocks[Int(UInt(bitPattern: RepeatKey(comment).hashValue) % UInt(Self.repeatLocks.count))]
        lock.lock()
        defer { lock.unlock() }
        if let earlier = recentCopy(of: comment, window: window) { return .repeated(earlier) }
        return .written(try write(comment))
    }

    /// The file of a comment like `comment` written within `window` seconds of it, if there is one. Only files that
    /// can hold one are read: those whose name has a day in the window and the short id the author's name gives
    /// (`may-oct`, `may-oct-2`…; both months when the window spans two).
    func recentCopy(of comment: NewComment, window: Int) -> CommentFile? {
        let earliest = Timestamp(secondsSinceEpoch: comment.date.secondsSinceEpoch - window)
        let latest = Timestamp(secondsSinceEpoch: comment.date.secondsSinceEpoch + window)
        let days = Set([earliest.dayString, comment.date.dayString, latest.dayString])
        let bases = Set([earliest, comment.date, latest].map { CommentFile.baseShortID(author: comment.author, date: $0) })
        let wanted = RepeatKey(comment)
        for id in store.ids(ofPost: comment.postStem).sorted() {
            let (day, short) = Post.splitDatePrefix(id)
            guard let day, days.contains(day.dayString), bases.contains(where: { short == $0 || Self.isNumbered(short, base: $0) }) else { continue }
            let file = CommentFile(id: id, postStem: comment.postStem)
            guard let earlier = store.comment(in: file), abs(earlier.date.secondsSinceEpoch - comment.date.secondsSinceEpoch) <= window,
                  RepeatKey(postStem: comment.postStem, author: earlier.author, body: earlier.body, replyTo: earlier.replyTo) == wanted
            else { continue }
            return file
        }
        return nil
    }

    /// `may-oct-2`, `may-oct-13` for `may-oct`.
    private static func isNumbered(_ short: String, base: String) -> Bool {
        guard short.hasPrefix(base + "-") else { return false }
        let number = short.dropFirst(base.count + 1)
        return !number.isEmpty && number.allSatisfy(\.isASCII) && number.allSatisfy(\.isNumber)
    }

    /// What makes two comments the same: post, author, text (without the spaces around it) and the comment answered.
    private struct RepeatKey: Hashable {
        let postStem: String
        let author: String
        let body: String
        let replyTo: String?

        init(postStem: String, author: String, body: String, replyTo: String?) {
            self.postStem = postStem
            self.author = author
            self.body = body.replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
            self.replyTo = replyTo
        }

        init(_ comment: NewComment) {
            self.init(postStem: comment.postStem, author: comment.author, body: comment.body, replyTo: comment.replyTo)
        }
    }

    /// Locks for `writeOnce`, one per stripe of comment keys. `NSLock` because the wait happens on a Dispatch thread
    /// (intake writes through `Blocking.run`), never on the Swift concurrency pool.
    private static let repeatLocks = (0..<64).map { _ in NSLock() }
}
