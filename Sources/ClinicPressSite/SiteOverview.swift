import ClinicPressModel

/// The state of every post after a build, for the preview's review page (`/_review`): its findings by severity, whether
/// it is a draft or scheduled, its pending comments and whether its medical review is due.
public struct SiteOverview: Sendable, Equatable {
    /// One post's line on the review page.
    public struct Entry: Sendable, Equatable {
        /// The post's file (`Posts/a.md`) and title.
        public var source: String
        public var title: String
        /// The page's site path (`posts/a/`).
        public var path: String
        /// Its date, and whether it is a draft or scheduled (dated after the build).
        public var date: Timestamp
        public var isDraft: Bool
        public var isScheduled: Bool
        /// Claim findings and warnings about the post's file, by severity.
        public var errors: Int
        public var warnings: Int
        public var notes: Int
        /// Its comments waiting for moderation.
        public var pendingComments: Int
        /// The day the medical review was due, when it is (`review_every`).
        public var reviewDue: Timestamp?
    }

    /// The editor findings open in (`editor:` in site.yaml).
    public var editor: Editor
    /// Every post, what needs attention first (`attentionOrder`).
    public var entries: [Entry]

    /// An overview of `entries`, put in `attentionOrder`.
    public init(editor: Editor, entries: [Entry]) {
        self.editor = editor
        self.entries = entries.sorted(by: Self.attentionOrder)
    }

    /// Errors first (most first), then warnings, then due reviews, then pending comments; then newest first, then by file.
    static func attentionOrder(_ a: Entry, _ b: Entry) -> Bool {
        let keyA = (-a.errors, -a.warnings, a.reviewDue == nil ? 1 : 0, -a.pendingComments)
        let keyB = (-b.errors, -b.warnings, b.reviewDue == nil ? 1 : 0, -b.pendingComments)
        if keyA != keyB { return keyA < keyB }
        if a.date != b.date { return a.date > b.date }
        return a.source < b.source
    }
}

extension BuiltSite {
    /// The overview of this build: every published post (a preview publishes drafts and scheduled posts too).
    var overview: SiteOverview {
        let warningsByFile = Dictionary(grouping: report.warnings, by: \.location.file)
        let due = Dictionary((reviews?.due ?? []).map { ($0.file, $0.due) }, uniquingKeysWith: { first, _ in first })
        let entries = published.map { post in
            let findings = (report.findingsByFile[post.source] ?? []) + (warningsByFile[post.source] ?? [])
            return SiteOverview.Entry(
                source: post.source, title: post.title, path: post.path, date: post.date, isDraft: post.isDraft,
                isScheduled: post.isScheduled(now: now),
                errors: findings.count { $0.severity == .error }, warnings: findings.count { $0.severity == .warning },
                notes: findings.count { $0.severity == .info },
                pendingComments: (content.comments[post.fileStem] ?? []).count { $0.status == .pending },
                reviewDue: due[post.source])
        }
        return SiteOverview(editor: content.config.editor, entries: entries)
    }
}

extension IncrementalBuild {
    /// The overview of the last successful build; nil before the first. Made when asked for, not with every build: on
    /// a site of 2,000 posts it takes longer than rebuilding one post. Waits for a build that is running.
    public func overview() -> SiteOverview? {
        state.withLock { $0.last?.overview }
    }

    /// The `editor:` setting of the last successful build (`none` before the first).
    public func editor() -> Editor {
        state.withLock { $0.last?.content.config.editor ?? .none }
    }
}
