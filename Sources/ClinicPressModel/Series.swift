/// A multi-part series as pages show it: every part in order, published or still to come.
public struct Series: Sendable, Hashable {
    /// One part of a series.
    public struct Part: Sendable, Hashable {
        /// Whether a reader can open the part.
        public enum State: String, Sendable, Hashable {
            /// Published by this build: linked.
            case published
            /// Written but a draft, or dated in the future, or only planned (`parts: N`): shown as "coming soon".
            case comingSoon = "coming-soon"
        }

        public var number: Int
        public var state: State
        /// The part's title and site path, when it has a post.
        public var title: String?
        public var path: String?
        /// The post's file, when it has one.
        public var source: String?

        public init(number: Int, state: State, title: String? = nil, path: String? = nil, source: String? = nil) {
            self.number = number
            self.state = state
            self.title = title
            self.path = path
            self.source = source
        }
    }

    public var title: String
    public var slug: String
    /// Parts 1…total, in order; planned parts without a post are `comingSoon`.
    public var parts: [Part]

    public init(title: String, slug: String, parts: [Part]) {
        self.title = title
        self.slug = slug
        self.parts = parts
    }

    /// `series/<slug>/`
    public var path: String { SitePaths.series(slug) }

    /// The published parts.
    public var publishedParts: [Part] { parts.filter { $0.state == .published } }
}

extension SitePaths {
    /// `series/<slug>/`
    public static func series(_ slug: String) -> String { "series/\(slug)/" }
    /// `series/`
    public static let seriesList = "series/"
}
