/// Someone who writes or medically reviews posts, from `people.yaml`, named by key in front matter
/// (`author: priya-raman`, `reviewed_by: samuel-okafor`). Each has a page at `/authors/<key>/`.
public struct Person: Sendable, Equatable {
    /// The key posts name the person by, also the last segment of the author page's address.
    public var key: String
    public var name: String
    /// Degrees and certifications, as written after the name (`MD`, `PMHNP-BC`).
    public var credentials: String?
    /// The person's role at the clinic (`Medical director`).
    public var role: String?
    /// A picture of `static/` (`/assets/people/priya.png`), checked like a post's pictures.
    public var photo: String?
    /// A few sentences about the person.
    public var bio: String?
    /// Profile addresses (a clinic profile, a professional registry, a social profile).
    public var links: [String]
    /// Where the person's key and photo are written in `people.yaml`.
    public var location: SourceLocation
    public var photoLocation: SourceLocation?

    /// Creates a person.
    public init(key: String, name: String, credentials: String? = nil, role: String? = nil, photo: String? = nil, bio: String? = nil,
                links: [String] = [], location: SourceLocation = SourceLocation(file: "people.yaml"), photoLocation: SourceLocation? = nil) {
        self.key = key
        self.name = name
        self.credentials = credentials
        self.role = role
        self.photo = photo
        self.bio = bio
        self.links = links
        self.location = location
        self.photoLocation = photoLocation
    }

    /// The name with the credentials after it: `Priya Raman, MD`.
    public var displayName: String {
        credentials.map { "\(name), \($0)" } ?? name
    }

    /// The site path of the person's page: `authors/<key>/`.
    public var path: String { SitePaths.author(key) }
}

/// A link of the navigation menu: site.yaml's `menu` entries, then pages with a `menu` weight.
public struct MenuItem: Sendable, Equatable {
    public var title: String
    /// A path of the site (`/about/`) or an address (`https://…`), as written.
    public var url: String
    /// Where the entry is written, for findings about it.
    public var location: SourceLocation

    /// Creates a menu entry.
    public init(title: String, url: String, location: SourceLocation = SourceLocation(file: "site.yaml")) {
        self.title = title
        self.url = url
        self.location = location
    }
}

/// The site's writers and medical reviewers, from `people.yaml`:
///
/// ```yaml
/// priya-raman:
///   name: Priya Raman
///   credentials: MD
///   role: Medical director
///   photo: /assets/people/priya-raman.png
///   bio: Board-certified psychiatrist …
///   links: [https://cedargrovewellness.example/team/priya-raman/]
/// ```
///
/// Without the file, `author` and `reviewed_by` are names printed as written (as before people.yaml existed).
public struct People: Sendable {
    /// Everyone, in file order.
    public let all: [Person]
    /// Whether the site has a `people.yaml`: then posts must name people by key.
    public let isDefined: Bool
    private let byKey: [String: Person]

    /// The people given, in order (tests).
    public init(_ people: [Person], isDefined: Bool = true) {
        all = people
        self.isDefined = isDefined
        byKey = Dictionary(people.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The person with this key.
    public subscript(key: String) -> Person? { byKey[key] }
}
