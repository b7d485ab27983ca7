import ClinicPressRender
import Foundation

/// A YouTube or Vimeo video that a paragraph holds on its own, written as a privacy-friendly embed: YouTube's
/// no-cookie player and Vimeo's do-not-track player, loaded only when scrolled to, in a responsive 16:9 frame, with a
/// plain link to the video under it (for feed readers, and browsers that block frames).
///
/// Only addresses whose video id is exactly what the service uses are embedded (YouTube: 11 letters, digits, `-`
/// and `_`; Vimeo: digits, and for unlisted videos a hexadecimal key); anything else stays a link.
struct VideoEmbed: Equatable {
    enum Service: Equatable {
        case youtube, vimeo
    }

    let service: Service
    let id: String
    /// Vimeo's key of an unlisted video (`vimeo.com/123/abc123`).
    var unlistedKey: String?
    /// YouTube's start time in seconds (`t=90`, `t=1m30s`, `start=90`).
    var start: Int?

    /// The video an address names: `youtube.com/watch?v=ID`, `youtu.be/ID`, `youtube.com/shorts/ID`,
    /// `youtube.com/embed/ID`, `youtube.com/live/ID`, `vimeo.com/ID`, `vimeo.com/ID/KEY`, `player.vimeo.com/video/ID`;
    /// nil for anything else.
    init?(address: String) {
        guard let components = URLComponents(string: address), let scheme = components.scheme?.lowercased(), scheme == "https" || scheme == "http",
              components.user == nil, components.password == nil, let host = components.host?.lowercased() else { return nil }
        var segments = components.path.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map(String.init)
        if segments.last == "" { segments.removeLast() }
        let query = Dictionary((components.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { first, _ in first })
        switch host {
        case "youtube.com", "www.youtube.com", "m.youtube.com", "youtube-nocookie.com", "www.youtube-nocookie.com", "youtu.be":
            let id: String?
            if host == "youtu.be" {
                id = segments.count == 1 ? segments[0] : nil
            } else if segments == ["watch"] {
                id = query["v"]
            } else if segments.count == 2, ["shorts", "embed", "live"].contains(segments[0]) {
                id = segments[1]
            } else {
                id = nil
            }
            guard let id, Self.isYouTubeID(id) else { return nil }
            self.init(service: .youtube, id: id, start: (query["t"] ?? query["start"]).flatMap(Self.seconds))
        case "vimeo.com", "www.vimeo.com", "player.vimeo.com":
            let rest = host == "player.vimeo.com" ? (segments.first == "video" ? Array(segments.dropFirst()) : []) : segments
            guard (1...2).contains(rest.count), Self.isVimeoID(rest[0]) else { return nil }
            let key = rest.count == 2 ? rest[1] : query["h"]
            if let key, !Self.isVimeoKey(key) { return nil }
            self.init(service: .vimeo, id: rest[0], unlistedKey: key)
        default:
            return nil
        }
    }

    private init(service: Service, id: String, unlistedKey: String? = nil, start: Int? = nil) {
        self.service = service
        self.id = id
        self.unlistedKey = unlistedKey
        self.start = start
    }

    /// Exactly eleven of `A–Z a–z 0–9 - _`.
    static func isYouTubeID(_ id: String) -> Bool {
        id.utf8.count == 11 && id.utf8.allSatisfy { isASCIIAlphanumeric($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") }
    }

    /// One to twelve digits.
    static func isVimeoID(_ id: String) -> Bool {
        (1...12).contains(id.utf8.count) && id.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }

    /// One to forty lower-case hexadecimal digits.
    static func isVimeoKey(_ key: String) -> Bool {
        (1...40).contains(key.utf8.count) && key.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains($0) }
    }

    private static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
    }

    /// `90`, `90s`, `1m30s`, `1h2m3s` → seconds; nil for anything else (the video then starts at the beginning).
    static func seconds(_ text: String) -> Int? {
        if let plain = Int(text.hasSuffix("s") ? String(text.dropLast()) : text), plain >= 0, !text.hasPrefix("+") { return plain }
        guard let match = text.wholeMatch(of: /(?:(\d{1,3})h)?(?:(\d{1,4})m)?(?:(\d{1,6})s)?/), !text.isEmpty else { return nil }
        return (Int(match.1 ?? "0") ?? 0) * 3600 + (Int(match.2 ?? "0") ?? 0) * 60 + (Int(match.3 ?? "0") ?? 0)
    }

    /// The player's address: YouTube's no-cookie domain, Vimeo's player with do-not-track.
    var playerURL: String {
        switch service {
        case .youtube:
            "https://www.youtube-nocookie.com/embed/\(id)" + (start.map { "?start=\($0)" } ?? "")
        case .vimeo:
            "https://player.vimeo.com/video/\(id)?" + (unlistedKey.map { "h=\($0)&" } ?? "") + "dnt=1"
        }
    }

    /// The video's own page, for the link under the player.
    var pageURL: String {
        switch service {
        case .youtube:
            "https://www.youtube.com/watch?v=\(id)" + (start.map { "&t=\($0)s" } ?? "")
        case .vimeo:
            "https://vimeo.com/\(id)" + (unlistedKey.map { "/\($0)" } ?? "")
        }
    }

    var serviceName: String {
        switch service {
        case .youtube: "YouTube"
        case .vimeo: "Vimeo"
        }
    }

    /// The embed. `title` (the link's text, when the author gave one) names the frame for screen readers and is the
    /// text of the link under it; without one the frame is "YouTube video" and the link "Watch the video on YouTube".
    func html(title: String?) -> String {
        let frameTitle = title ?? "\(serviceName) video"
        let linkText = title ?? "Watch the video on \(serviceName)"
        let allow = service == .youtube
            ? "accelerometer; clipboard-write; encrypted-media; gyroscope; picture-in-picture; web-share"
            : "autoplay; fullscreen; picture-in-picture"
        return """
        <figure class="video-embed">
        <div class="video-frame"><iframe src="\(Markup.escape(playerURL))" title="\(Markup.escape(frameTitle))" loading="lazy" \
        allow="\(allow)" referrerpolicy="strict-origin-when-cross-origin" allowfullscreen></iframe></div>
        <figcaption><a href="\(Markup.escape(pageURL))">\(Markup.escape(linkText))</a></figcaption>
        </figure>

        """
    }
}
