import ClinicPressModel

/// Which published posts are due a new medical review (`review_every` in site.yaml): those whose last review
/// (`reviewed_on`, or the publication date for a post never reviewed) lies more than the interval before now.
/// Health publishers re-review articles on a schedule; this is the list a clinic works through.
public struct ReviewSchedule: Sendable {
    /// One post whose review is due.
    public struct Due: Sendable, Equatable {
        public let file: String
        public let title: String
        public let reviewedBy: String?
        /// The last medical review; nil when the post was never reviewed.
        public let lastReviewed: Timestamp?
        /// The day the next review was due.
        public let due: Timestamp
        /// Where to fix it: the `reviewed_on` line, else the `date` line, else the first line.
        public let location: SourceLocation
    }

    public let interval: ReviewInterval
    /// The posts due, by file name.
    public let due: [Due]

    /// The schedule of `posts` (drafts aside) at `now`; nil when the site does not track reviews. Reviewers named by
    /// a key of `people` are shown by name and credentials.
    init?(_ posts: [Post], config: SiteConfig, people: People = People([], isDefined: false), now: Timestamp) {
        guard let interval = config.reviewEvery else { return nil }
        self.interval = interval
        let today = Timestamp(year: now.year, month: now.month, day: now.day)
        due = posts.filter { !$0.isDraft }.compactMap { post in
            let last = post.reviewedOn ?? post.date
            let next = interval.after(last)
            guard next <= today else { return nil }
            let line = post.keyLines["reviewed_on"] ?? post.keyLines["date"] ?? 1
            return Due(file: post.source, title: post.title, reviewedBy: post.reviewedBy.map { people[$0]?.displayName ?? $0 }, lastReviewed: post.reviewedOn, due: next,
                       location: SourceLocation(file: post.source, line: line))
        }
        .sorted { ($0.due, $0.file) < ($1.due, $1.file) }
    }

    /// One warning per post due, at its `reviewed_on` line.
    var diagnostics: [Diagnostic] {
        due.map { item in
            let since = item.lastReviewed.map { "last reviewed on \($0.dayString)" + (item.reviewedBy.map { " by \($0)" } ?? "") }
                ?? "never reviewed since it was published"
            return .warning("medical review overdue: \(since); due \(item.due.dayString) (`review_every: \(interval)`)", at: item.location,
                            rule: "review-overdue", hint: "have the post reviewed, then set `reviewed_on` (and `reviewed_by`) in its front matter")
        }
    }
}
