/// A post after the Markdown stage: its body rendered to HTML, with the facts pages and feeds need.
public struct BuiltPost: Sendable {
    public var post: Post
    /// The body as an HTML fragment, internal links already pointing at their pages.
    public var html: String
    /// Plain-text summary: the front matter `summary`, else the first paragraph, shortened.
    public var summary: String
    public var wordCount: Int
    /// The sources the post cites, numbered as its "Sources" list shows them.
    public var sources: [CitedSource]
    /// The approved comments, threaded, oldest first.
    public var comments: [PublishedComment]
    /// The post's series and its part number, when it belongs to one.
    public var series: (series: Series, part: Int)?
    /// The size of the front matter's `image`, when it is a picture of the site's `static/` that could be measured.
    public var imageSize: PixelSize?
    /// The body's `##` and `###` headings with their ids, for the table of contents (`toc: true`).
    public var headings: [Heading] = []

    /// Creates a built post.
    public init(post: Post, html: String, summary: String, wordCount: Int, sources: [CitedSource] = [], comments: [PublishedComment] = [],
                series: (series: Series, part: Int)? = nil) {
        self.post = post
        self.html = html
        self.summary = summary
        self.wordCount = wordCount
        self.sources = sources
        self.comments = comments
        self.series = series
    }

    /// Approved comments, replies included.
    public var commentCount: Int { comments.reduce(0) { $0 + $1.count } }

    /// Minutes to read at 200 words a minute, at least 1.
    public var readingMinutes: Int { max(1, (wordCount + 199) / 200) }
}
