@testable import ClinicPressContent
import ClinicPressModel
import Foundation
import Testing

/// `ImageHeader` reads the sizes of real files written by real encoders, agrees with a plain encoder's headers on
/// random sizes, and never crashes or guesses on files that are cut short, mutated or random.
@Suite struct ImageHeaderTests {
    static let folder = Fixtures.root.appendingPathComponent("Images")

    /// The fixture pictures, each with the size in its name (`png-300x200.png` → 300×200).
    static func pictures() throws -> [(name: String, bytes: [UInt8], size: PixelSize)] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().compactMap { name in
            guard let match = name.firstMatch(of: /-(\d+)x(\d+)\.\w+$/) else { return nil }
            let bytes = try [UInt8](Data(contentsOf: folder.appendingPathComponent(name)))
            return (name, bytes, PixelSize(width: Int(match.1)!, height: Int(match.2)!))
        }
    }

    @Test func readsTheSizeOfFilesFromRealEncoders() throws {
        let pictures = try Self.pictures()
        #expect(pictures.count == 9)
        for picture in pictures {
            #expect(ImageHeader.size(of: picture.bytes) == picture.size, "\(picture.name)")
        }
    }

    @Test func filesCutShortGiveTheirSizeOrNothingNeverAnotherSize() throws {
        for picture in try Self.pictures() {
            for length in 0..<picture.bytes.count {
                let size = ImageHeader.size(of: Array(picture.bytes.prefix(length)))
                #expect(size == nil || size == picture.size, "\(picture.name) cut at \(length): \(String(describing: size))")
            }
        }
    }

    @Test(arguments: [1, 2, 3, 4])
    func mutatedAndRandomFilesNeverCrash(seed: UInt64) throws {
        var generator = SeededGenerator(seed: seed)
        let pictures = try Self.pictures()
        let signatures: [[UInt8]] = [[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], Array("GIF89a".utf8), [0xFF, 0xD8],
                                     Array("RIFF\u{0}\u{0}\u{0}\u{0}WEBPVP8 ".utf8), Array("RIFF\u{0}\u{0}\u{0}\u{0}WEBPVP8L".utf8),
                                     Array("RIFF\u{0}\u{0}\u{0}\u{0}WEBPVP8X".utf8)]
        var measured = 0
        for _ in 0..<3_000 {
            var bytes: [UInt8]
            switch generator.next() % 3 {
            case 0:
                // A real file with a few bytes changed, inserted or removed.
                bytes = pictures[Int(generator.next() % UInt64(pictures.count))].bytes
                for _ in 0..<Int(1 + generator.next() % 6) where !bytes.isEmpty {
                    let index = Int(generator.next() % UInt64(bytes.count))
                    switch generator.next() % 3 {
                    case 0: bytes[index] = UInt8.random(in: 0...255, using: &generator)
                    case 1: bytes.insert(UInt8.random(in: 0...255, using: &generator), at: index)
                    default: bytes.remove(at: index)
                    }
                }
            case 1:
                // A signature, then random bytes (JPEG markers and 0xFF fill bytes are likely).
                bytes = signatures[Int(generator.next() % UInt64(signatures.count))]
                bytes += (0..<Int(generator.next() % 64)).map { _ in generator.next() % 4 == 0 ? 0xFF : UInt8.random(in: 0...255, using: &generator) }
            default:
                bytes = (0..<Int(generator.next() % 40)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            }
            if let size = ImageHeader.size(of: bytes) {
                measured += 1
                #expect(size.width > 0 && size.height > 0)
            }
        }
        #expect(measured > 100, "mutated real files mostly keep a readable header")
    }

    @Test(arguments: [11, 12])
    func agreesWithAPlainEncodersHeaders(seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        for _ in 0..<500 {
            let width = Int.random(in: 1...16_383, using: &generator), height = Int.random(in: 1...16_383, using: &generator)
            let size = PixelSize(width: width, height: height)
            let rotated = generator.next() % 2 == 0
            let written: [(String, [UInt8], PixelSize)] = [
                ("png", PlainHeaders.png(size), size),
                ("gif", PlainHeaders.gif(size), size),
                ("jpeg", PlainHeaders.jpeg(size, segments: Int(generator.next() % 4), fill: Int(generator.next() % 3), rotated: rotated,
                                           littleEndian: generator.next() % 2 == 0, progressive: generator.next() % 2 == 0),
                 rotated ? PixelSize(width: height, height: width) : size),
                ("vp8", PlainHeaders.webpLossy(size), size),
                ("vp8l", PlainHeaders.webpLossless(size), size),
                ("vp8x", PlainHeaders.webpExtended(size), size),
            ]
            for (format, bytes, expected) in written {
                #expect(ImageHeader.size(of: bytes) == expected, "\(format) \(size) rotated: \(rotated)")
            }
        }
    }

    @Test func otherFilesHaveNoSize() {
        for text in ["", "%PDF-1.7\n", "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>", "GIF8", "RIFF....WAVEfmt "] {
            #expect(ImageHeader.size(of: Array(text.utf8)) == nil)
        }
        // A PNG that says it is 0 pixels wide has no size to give.
        #expect(ImageHeader.size(of: PlainHeaders.png(PixelSize(width: 0, height: 10))) == nil)
    }
}

/// The headers of each format written the plain way, field by field, as the specifications lay them out.
enum PlainHeaders {
    static func be16(_ value: Int) -> [UInt8] { [UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)] }
    static func le16(_ value: Int) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF)] }
    static func be32(_ value: Int) -> [UInt8] { be16(value >> 16) + be16(value & 0xFFFF) }
    static func le32(_ value: Int) -> [UInt8] { le16(value & 0xFFFF) + le16(value >> 16) }

    static func png(_ size: PixelSize) -> [UInt8] {
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + be32(13) + Array("IHDR".utf8) + be32(size.width) + be32(size.height)
            + [8, 2, 0, 0, 0] + [0, 0, 0, 0]
    }

    static func gif(_ size: PixelSize) -> [UInt8] {
        Array("GIF89a".utf8) + le16(size.width) + le16(size.height) + [0, 0, 0, 0x3B]
    }

    /// SOI, APP0, `segments` other segments (APPn, DQT, DHT), an EXIF orientation when `rotated`, 0xFF fill bytes
    /// before the frame, then SOF0 (or SOF2) with height and width.
    static func jpeg(_ size: PixelSize, segments: Int, fill: Int, rotated: Bool, littleEndian: Bool, progressive: Bool) -> [UInt8] {
        var bytes: [UInt8] = [0xFF, 0xD8]
        bytes += [0xFF, 0xE0] + be16(16) + Array("JFIF".utf8) + [0, 1, 1, 0] + be16(1) + be16(1) + [0, 0]
        if rotated {
            let order: [UInt8] = littleEndian ? Array("II".utf8) : Array("MM".utf8)
            let u16 = littleEndian ? le16 : be16, u32 = littleEndian ? le32 : be32
            let tiff = order + u16(42) + u32(8) + u16(2) + u16(0x010F) + u16(2) + u32(4) + Array("Cam\u{0}".utf8)
                + u16(0x0112) + u16(3) + u32(1) + u16(6) + u16(0) + u32(0)
            let app1 = Array("Exif".utf8) + [0, 0] + tiff
            bytes += [0xFF, 0xE1] + be16(app1.count + 2) + app1
        }
        for index in 0..<segments {
            let marker: UInt8 = [0xE2, 0xDB, 0xC4, 0xFE][index % 4]
            let body = [UInt8](repeating: UInt8(index), count: 3 + index * 5)
            bytes += [0xFF, marker] + be16(body.count + 2) + body
        }
        bytes += [UInt8](repeating: 0xFF, count: fill)
        bytes += [0xFF, progressive ? 0xC2 : 0xC0] + be16(17) + [8] + be16(size.height) + be16(size.width) + [3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]
        bytes += [0xFF, 0xDA] + be16(12) + [3, 1, 0, 2, 0x11, 3, 0x11, 0, 0x3F, 0]
        return bytes
    }

    static func riff(_ chunk: String, _ body: [UInt8]) -> [UInt8] {
        Array("RIFF".utf8) + le32(4 + 8 + body.count) + Array("WEBP".utf8) + Array(chunk.utf8) + le32(body.count) + body
    }

    static func webpLossy(_ size: PixelSize) -> [UInt8] {
        riff("VP8 ", [0x10, 0x02, 0x00, 0x9D, 0x01, 0x2A] + le16(size.width) + le16(size.height) + [0, 0, 0, 0])
    }

    static func webpLossless(_ size: PixelSize) -> [UInt8] {
        let bits = (size.width - 1) | (size.height - 1) << 14
        return riff("VP8L", [0x2F] + le32(bits) + [0, 0, 0])
    }

    static func webpExtended(_ size: PixelSize) -> [UInt8] {
        let width = size.width - 1, height = size.height - 1
        return riff("VP8X", [0x10, 0, 0, 0] + [UInt8(width & 0xFF), UInt8(width >> 8 & 0xFF), UInt8(width >> 16)]
                    + [UInt8(height & 0xFF), UInt8(height >> 8 & 0xFF), UInt8(height >> 16)])
    }
}
