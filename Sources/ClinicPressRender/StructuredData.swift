import ClinicPressModel

/// schema.org JSON-LD for the `<head>` of pages, so search engines see who wrote and who reviewed a post.
enum StructuredData {
    /// A `BlogPosting`; when the post names a medical reviewer it sits in a `MedicalWebPage` that carries
    /// `reviewedBy` and `lastReviewed` (those properties belong to web pages, not to articles).
    static func post(_ built: BuiltPost, config: SiteConfig, people: People = People([], isDefined: false)) -> JSON {
        let post = built.post
        let url = config.absoluteURL(post.path)
        let publisher = JSON.object(["@type": "Organization", "name": .string(config.clinic), "url": .string(config.baseURL)])
        let author = (post.author ?? config.author).map { person($0, people: people, config: config) } ?? publisher
        let image = post.image.map { JSON.string(PageContext(config: config, copyrightYear: 0).imageURL($0, absolute: true)) }
        let article = JSON.object([
            "@type": "BlogPosting",
            "@id": .string(url + "#article"),
            "headline": .string(post.title),
            "description": .string(post.description ?? built.summary),
            "datePublished": .string(post.date.iso8601),
            "dateModified": .string((post.updated ?? post.date).iso8601),
            "author": author,
            "publisher": publisher,
            "mainEntityOfPage": .string(url),
            "url": .string(url),
            "image": image,
            "inLanguage": .string(config.language),
            "wordCount": .int(built.wordCount),
            "commentCount": built.commentCount > 0 ? .int(built.commentCount) : nil,
            "isPartOf": built.series.map { membership in
                .object(["@type": "CreativeWorkSeries", "name": .string(membership.series.title), "url": .string(config.absoluteURL(membership.series.path))])
            },
            "position": built.series.map { .int($0.part) },
            "keywords": post.tags.isEmpty ? nil : .array(post.tags.map(JSON.string)),
            "citation": built.sources.isEmpty ? nil : .array(built.sources.map { source in
                .object(["@type": "CreativeWork", "name": .string(source.name), "url": source.url.map(JSON.string)])
            }),
        ])
        guard let reviewer = post.reviewedBy else {
            return withContext(article)
        }
        let page = JSON.object([
            "@type": "MedicalWebPage",
            "@id": .string(url),
            "url": .string(url),
            "name": .string(post.title),
            "reviewedBy": person(reviewer, people: people, config: config),
            "lastReviewed": post.reviewedOn.map { .string($0.dayString) },
            "mainEntity": .object(["@id": .string(url + "#article")]),
            "inLanguage": .string(config.language),
        ])
        return .object([JSON.Member("@context", "https://schema.org"), JSON.Member("@graph", .array([page, article]))])
    }

    /// A schema.org `Person`: from `people.yaml` by key (name, author page, role as `jobTitle`, credentials as
    /// `honorificSuffix`, photo, profile links as `sameAs`), else the name as written.
    static func person(_ written: String, people: People, config: SiteConfig) -> JSON {
        guard let person = people[written] else { return .object(["@type": "Person", "name": .string(written)]) }
        let context = PageContext(config: config, copyrightYear: 0)
        return .object([
            "@type": "Person",
            "name": .string(person.name),
            "url": .string(config.absoluteURL(person.path)),
            "jobTitle": person.role.map(JSON.string),
            "honorificSuffix": person.credentials.map(JSON.string),
            "image": person.photo.map { .string(context.imageURL($0, absolute: true)) },
            "sameAs": person.links.isEmpty ? nil : .array(person.links.map(JSON.string)),
        ])
    }

    /// A `ProfilePage` about a person, for their author page.
    static func profile(_ person: Person, config: SiteConfig) -> JSON {
        withContext(.object([
            "@type": "ProfilePage",
            "url": .string(config.absoluteURL(person.path)),
            "mainEntity": Self.person(person.key, people: People([person]), config: config),
            "inLanguage": .string(config.language),
        ]))
    }

    /// A `Blog` for the home page.
    static func blog(config: SiteConfig) -> JSON {
        withContext(.object([
            "@type": "Blog",
            "name": .string(config.title),
            "url": .string(config.baseURL),
            "description": config.description.map(JSON.string),
            "inLanguage": .string(config.language),
            "publisher": .object(["@type": "Organization", "name": .string(config.clinic), "url": .string(config.baseURL)]),
        ]))
    }

    private static func withContext(_ value: JSON) -> JSON {
        guard case .object(let members) = value else { return value }
        return .object([JSON.Member("@context", "https://schema.org")] + members)
    }
}
