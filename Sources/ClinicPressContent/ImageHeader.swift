import ClinicPressModel

/// Reads a picture's width and height from the first bytes of its file, for the `width` and `height` of `<img>`
/// (so the page does not jump as pictures load). PNG, JPEG, GIF and WebP (lossy `VP8 `, lossless `VP8L`, extended
/// `VP8X`); anything else, and any file that is cut short or malformed, gives nil — never a crash and never a guess.
///
/// Safe Swift only: every read goes through `Bytes`, which answers nil past the end, and the JPEG walk advances by at
/// least two bytes a step, so it ends. `ImageHeaderTests` feeds it truncated, mutated and random files and compares it
/// with headers written by a plain encoder and with files written by a browser's encoders.
public enum ImageHeader {
    /// The file name extensions of the pictures this reader measures, lower case.
    public static let extensions: Set<String> = ["png", "jpg", "jpeg", "gif", "webp"]

    /// The picture's size, or nil when the bytes are not a picture this reader knows, or are malformed.
    public static func size(of contents: [UInt8]) -> PixelSize? {
        let bytes = Bytes(contents)
        let size: PixelSize?
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
            size = png(bytes)
        } else if bytes.starts(with: Array("GIF87a".utf8)) || bytes.starts(with: Array("GIF89a".utf8)) {
            size = gif(bytes)
        } else if bytes.starts(with: [0xFF, 0xD8]) {
            size = jpeg(bytes)
        } else if bytes.starts(with: Array("RIFF".utf8)), bytes.matches(Array("WEBP".utf8), at: 8) {
            size = webp(bytes)
        } else {
            size = nil
        }
        guard let size, size.width > 0, size.height > 0 else { return nil }
        return size
    }

    /// The IHDR chunk comes first: its length, `IHDR`, then width and height as big-endian 32-bit numbers.
    private static func png(_ bytes: Bytes) -> PixelSize? {
        guard bytes.matches(Array("IHDR".utf8), at: 12), let width = bytes.uint32BE(at: 16), let height = bytes.uint32BE(at: 20),
              width <= Int32.max, height <= Int32.max else { return nil }
        return PixelSize(width: Int(width), height: Int(height))
    }

    /// The logical screen: width and height as little-endian 16-bit numbers after the signature.
    private static func gif(_ bytes: Bytes) -> PixelSize? {
        guard let width = bytes.uint16LE(at: 6), let height = bytes.uint16LE(at: 8) else { return nil }
        return PixelSize(width: Int(width), height: Int(height))
    }

    /// The segments after the start marker, up to the first start-of-frame (SOF0–SOF15 but DHT, JPG and DAC), which
    /// holds height then width. An EXIF orientation that turns the picture a quarter (5–8) swaps them, as browsers do.
    private static func jpeg(_ bytes: Bytes) -> PixelSize? {
        var index = 2
        var quarterTurn = false
        while true {
            // A marker is 0xFF, any number of 0xFF fill bytes, then its code.
            guard bytes[index] == 0xFF else { return nil }
            while bytes[index] == 0xFF { index += 1 }
            guard let marker = bytes[index] else { return nil }
            index += 1
            switch marker {
            case 0xD8, 0x01, 0xD0...0xD7:
                // Markers without a length.
                continue
            case 0xD9, 0xDA:
                // The end, or the scan data, before any frame header.
                return nil
            default:
                break
            }
            guard let length = bytes.uint16BE(at: index), length >= 2 else { return nil }
            let segment = index + 2
            switch marker {
            case 0xC0...0xCF where marker != 0xC4 && marker != 0xC8 && marker != 0xCC:
                // Precision, then height and width.
                guard length >= 7, let height = bytes.uint16BE(at: segment + 1), let width = bytes.uint16BE(at: segment + 3) else { return nil }
                return quarterTurn ? PixelSize(width: Int(height), height: Int(width)) : PixelSize(width: Int(width), height: Int(height))
            case 0xE1:
                if let orientation = exifOrientation(bytes, from: segment, to: index + Int(length)), (5...8).contains(orientation) {
                    quarterTurn = true
                }
            default:
                break
            }
            index += Int(length)
        }
    }

    /// The orientation tag (0x0112) of the first image directory of an APP1 `Exif` segment lying in `start..<end`.
    private static func exifOrientation(_ bytes: Bytes, from start: Int, to end: Int) -> Int? {
        guard end <= bytes.count, bytes.matches(Array("Exif".utf8) + [0, 0], at: start) else { return nil }
        let tiff = start + 6
        let littleEndian: Bool
        if bytes.matches(Array("II".utf8), at: tiff) {
            littleEndian = true
        } else if bytes.matches(Array("MM".utf8), at: tiff) {
            littleEndian = false
        } else {
            return nil
        }
        func uint16(_ offset: Int) -> Int? {
            guard offset >= tiff, offset + 2 <= end else { return nil }
            return (littleEndian ? bytes.uint16LE(at: offset) : bytes.uint16BE(at: offset)).map(Int.init)
        }
        func uint32(_ offset: Int) -> Int? {
            guard offset >= tiff, offset + 4 <= end else { return nil }
            return (littleEndian ? bytes.uint32LE(at: offset) : bytes.uint32BE(at: offset)).map(Int.init)
        }
        guard uint16(tiff + 2) == 42, let directoryOffset = uint32(tiff + 4), directoryOffset <= end - tiff,
              let count = uint16(tiff + directoryOffset) else { return nil }
        // Twelve bytes an entry: tag, type, count, value; a SHORT value sits in the value's first two bytes.
        let entries = tiff + directoryOffset + 2
        for entry in 0..<count {
            let offset = entries + entry * 12
            guard let tag = uint16(offset) else { return nil }
            if tag == 0x0112 { return uint16(offset + 8) }
        }
        return nil
    }

    /// RIFF, then the first chunk: `VP8 ` (a lossy frame: 14-bit sizes after its start code), `VP8L` (lossless: 14-bit
    /// sizes minus one after its signature byte) or `VP8X` (extended: 24-bit canvas sizes minus one).
    private static func webp(_ bytes: Bytes) -> PixelSize? {
        if bytes.matches(Array("VP8 ".utf8), at: 12) {
            guard bytes.matches([0x9D, 0x01, 0x2A], at: 23), let width = bytes.uint16LE(at: 26), let height = bytes.uint16LE(at: 28) else { return nil }
            return PixelSize(width: Int(width & 0x3FFF), height: Int(height & 0x3FFF))
        }
        if bytes.matches(Array("VP8L".utf8), at: 12) {
            guard bytes[20] == 0x2F, let bits = bytes.uint32LE(at: 21) else { return nil }
            return PixelSize(width: Int(bits & 0x3FFF) + 1, height: Int((bits >> 14) & 0x3FFF) + 1)
        }
        if bytes.matches(Array("VP8X".utf8), at: 12) {
            guard let width = bytes.uint24LE(at: 24), let height = bytes.uint24LE(at: 27) else { return nil }
            return PixelSize(width: Int(width) + 1, height: Int(height) + 1)
        }
        return nil
    }

    /// Bounds-checked reads: each answers nil for bytes past the end (or before the start).
    struct Bytes {
        let bytes: [UInt8]
        init(_ bytes: [UInt8]) { self.bytes = bytes }

        var count: Int { bytes.count }

        subscript(index: Int) -> UInt8? {
            index >= 0 && index < bytes.count ? bytes[index] : nil
        }

        func starts(with prefix: [UInt8]) -> Bool { matches(prefix, at: 0) }

        func matches(_ expected: [UInt8], at offset: Int) -> Bool {
            guard offset >= 0, offset <= bytes.count - expected.count else { return false }
            return bytes[offset..<offset + expected.count].elementsEqual(expected)
        }

        private func value(at offset: Int, count: Int, bigEndian: Bool) -> UInt32? {
            guard offset >= 0, offset <= bytes.count - count else { return nil }
            var value: UInt32 = 0
            for index in 0..<count {
                let byte = UInt32(bytes[bigEndian ? offset + index : offset + count - 1 - index])
                value = value << 8 | byte
            }
            return value
        }

        func uint16BE(at offset: Int) -> UInt16? { value(at: offset, count: 2, bigEndian: true).map { UInt16($0) } }
        func uint16LE(at offset: Int) -> UInt16? { value(at: offset, count: 2, bigEndian: false).map { UInt16($0) } }
        func uint24LE(at offset: Int) -> UInt32? { value(at: offset, count: 3, bigEndian: false) }
        func uint32BE(at offset: Int) -> UInt32? { value(at: offset, count: 4, bigEndian: true) }
        func uint32LE(at offset: Int) -> UInt32? { value(at: offset, count: 4, bigEndian: false) }
    }
}
