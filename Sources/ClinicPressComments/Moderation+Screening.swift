import ClinicPressContent
import ClinicPressModel
import ClinicPressParallel

extension Moderation {
    /// One comment screened again, as recorded.
    public struct Screened: Sendable {
        public let comment: Comment
        /// The flags written into its file, in `CommentFlag` order.
        public let flags: [String]
        /// True when this screening made it spam (`AutoSpamPolicy`).
        public let markedSpam: Bool
    }

    /// How many comments are screened at once, on all cores, before their results are written in order.
    static let screeningBatch = 64

    /// Screens `comments` again and records each one's flags in its file (`record(flags:autoSpam:on:at:)`, under the
    /// file's lock, in order). Screening, the part that is work for the processor, runs on all cores a batch at a time;
    /// `screened` hears of each comment once its file is written.
    public func screen(_ comments: [Comment], with screener: CommentScreener, autoSpam: AutoSpamPolicy, at moment: Timestamp,
                       screened: (Screened) throws -> Void) throws {
        for start in stride(from: 0, to: comments.count, by: Self.screeningBatch) {
            let batch = Array(comments[start..<min(start + Self.screeningBatch, comments.count)])
            let results = batch.parallelMap { screener.flags(author: $0.author, body: $0.body).map(\.rawValue) }
            for (comment, flags) in zip(batch, results) {
                let spam = try record(flags: flags, autoSpam: autoSpam, on: CommentFile(comment), at: moment).markedSpam
                try screened(Screened(comment: comment, flags: flags, markedSpam: spam))
            }
        }
    }
}
