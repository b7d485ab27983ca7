/// A file of the site's `static/` folder, copied as is into the output: `static/assets/room.jpg` is
/// `assets/room.jpg` of the site.
public struct StaticFile: Sendable, Hashable {
    /// The path in the output, relative to its root, with `/` separators (`assets/room.jpg`).
    public var path: String
    /// The file's bytes, as read.
    public var contents: [UInt8]
    /// The picture's size in pixels, read from its header, for images ClinicPress can measure (PNG, JPEG, GIF,
    /// WebP); nil for other files and for images whose header it cannot read.
    public var pixelSize: PixelSize?

    /// Creates a static file.
    public init(path: String, contents: [UInt8], pixelSize: PixelSize? = nil) {
        self.path = path
        self.contents = contents
        self.pixelSize = pixelSize
    }

    /// The file as the site's source folder names it: `static/assets/room.jpg`.
    public var source: String { "static/" + path }
}

/// The width and height of a picture, in pixels, as a browser shows it (a JPEG's EXIF rotation applied).
public struct PixelSize: Sendable, Hashable, CustomStringConvertible {
    public var width: Int
    public var height: Int

    /// Creates a size.
    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    /// `800×600`.
    public var description: String { "\(width)×\(height)" }
}
