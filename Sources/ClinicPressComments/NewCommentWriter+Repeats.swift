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
    /// (`may-oct`, `may-oct-2`…; both months when the window spans two), newest first, and at most
    /// `maxRepeatCandidates` of them — new names take the next number, so a comment sent moments ago is among the last
    /// ones, and a post with thousands of comments by one first name costs no more than one with a few.
    func recentCopy(of comment: NewComment, window: Int) -> CommentFile? {
        let earliest = Timestamp(secondsSinceEpoch: comment.date.secondsSinceEpoch - window)
        let latest = Timestamp(secondsSinceEpoch: comment.date.secondsSinceEpoch + window)
        let days = Set([earliest.dayString, comment.date.dayString, latest.dayString])
        let bases = Set([earliest, comment.date, latest].map { CommentFile.baseShortID(author: comment.author, date: $0) })
        var candidates: [(day: String, number: Int, id: String)] = []
        for id in store.ids(ofPost: comment.postStem) {
            let (date, short) = Post.splitDatePrefix(id)
            guard let day = date?.dayString, days.contains(day) else { continue }
            for base in bases {
                if let number = Self.number(of: short, base: base) { candidates.append((day, number, id)) }
            }
        }
        candidates.sort { ($0.day, $0.number) > ($1.day, $1.number) }
        let wanted = RepeatKey(comment)
        for candidate in candidates.prefix(Self.maxRepeatCandidates) {
            let file = CommentFile(id: candidate.id, postStem: comment.postStem)
            guard let earlier = store.comment(in: file), abs(earlier.date.secondsSinceEpoch - comment.date.secondsSinceEpoch) <= window,
                  RepeatKey(postStem: comment.postStem, author: earlier.author, body: earlier.body, replyTo: earlier.replyTo) == wanted
            else { continue }
            return file
        }
        return nil
    }

    /// How many of the newest files that could hold a repeat are read, at most.
    static let maxRepeatCandidates = 16

    /// 1 for `may-oct`, 2 for `may-oct-2`, 13 for `may-oct-13`; nil for another short id.
    private static func number(of short: String, base: String) -> Int? {
        if short == base { return 1 }
        guard short.hasPrefix(base + "-") else { return nil }
        let digits = short.dropFirst(base.count + 1)
        guard !digits.isEmpty, digits.count <= 9, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(digits)
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
