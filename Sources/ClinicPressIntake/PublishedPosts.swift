import ClinicPressContent
import ClinicPressModel
import Foundation

/// The site's published posts by slug: what a submission's `post` is looked up in. Nothing a visitor sends becomes a
/// path; a slug that is not a published post's is unknown.
///
/// Loaded at start, and again when `Posts/` changes (a post added, removed or renamed, which every editor's atomic
/// save and `git pull` does) or a minute has passed (an edit written in place, a draft published). A post scheduled for
/// later is taken from the moment of its date.
actor PublishedPosts {
    /// A post that can take comments.
    struct Entry: Sendable, Equatable {
        /// Its file stem, naming its comments folder.
        let stem: String
        /// Its page, relative to the site (`posts/<slug>/`).
        let path: String
        /// Its date: a post dated later is not published yet.
        let date: Timestamp
    }

    private let siteDirectory: URL
    private let maximumAge: Duration
    private let log: @Sendable (String) -> Void
    private var bySlug: [String: Entry] = [:]
    private var stamp: FolderStamp?
    private var loadedAt: ContinuousClock.Instant?

    /// The posts of `siteDirectory`, read again when `Posts/` changes or after `maximumAge`.
    init(siteDirectory: URL, maximumAge: Duration = .seconds(60), log: @escaping @Sendable (String) -> Void = { _ in }) {
        self.siteDirectory = siteDirectory
        self.maximumAge = maximumAge
        self.log = log
    }

    /// The published post with this slug, if there is one at `now`.
    func post(slug: String, now: Timestamp) -> Entry? {
        refreshIfNeeded()
        guard let entry = bySlug[slug], entry.date <= now else { return nil }
        return entry
    }

    /// How many posts can take comments (drafts left out; scheduled ones counted).
    func count() -> Int {
        refreshIfNeeded()
        return bySlug.count
    }

    /// Reads the posts again when `Posts/` changed or they are older than `maximumAge`.
    private func refreshIfNeeded() {
        let current = FolderStamp(siteDirectory.appendingPathComponent("Posts").path)
        if let loadedAt, current == stamp, ContinuousClock.now - loadedAt < maximumAge { return }
        let (posts, diagnostics) = SiteContent.loadPosts(from: siteDirectory)
        let errors = diagnostics.filter { $0.severity == .error }
        if !errors.isEmpty {
            log("warning: \(errors.count) problem(s) in Posts/; the posts affected take no comments until they are fixed:\n"
                + errors.map(\.description).joined(separator: "\n"))
        }
        bySlug = Dictionary(posts.filter { !$0.isDraft }.map { ($0.slug, Entry(stem: $0.fileStem, path: $0.path, date: $0.date)) },
                            uniquingKeysWith: { first, _ in first })
        stamp = current
        loadedAt = .now
    }
}

/// What identifies a folder's listing at one moment: a changed stamp means names were added, removed or renamed.
struct FolderStamp: Equatable {
    let device: UInt64
    let inode: UInt64
    let modified: timespec
    let changed: timespec

    init?(_ path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        modified = info.st_mtim
        changed = info.st_ctim
    }

    static func == (a: FolderStamp, b: FolderStamp) -> Bool {
        a.device == b.device && a.inode == b.inode && a.modified.tv_sec == b.modified.tv_sec && a.modified.tv_nsec == b.modified.tv_nsec
            && a.changed.tv_sec == b.changed.tv_sec && a.changed.tv_nsec == b.changed.tv_nsec
    }
}
