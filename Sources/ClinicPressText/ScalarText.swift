extension String {
    /// A string from Unicode scalars, such as a slice of a `[Unicode.Scalar]` the series-phrase scanner indexes by
    /// offset. Encodes into one UTF-8 buffer: appending to a `String.UnicodeScalarView` scalar by scalar costs several
    /// times more.
    @inlinable
    public init<Scalars: Collection>(scalars: Scalars) where Scalars.Element == Unicode.Scalar {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count)
        for scalar in scalars {
            if scalar.value < 0x80 {
                bytes.append(UInt8(scalar.value))
            } else {
                bytes.append(contentsOf: UTF8.encode(scalar)!)
            }
        }
        self.init(decoding: bytes, as: UTF8.self)
    }
}

extension StringProtocol {
    /// True when the text holds `needle`, compared byte by byte (no Unicode normalisation, no Foundation):
    /// the quick test hot loops make before looking closer.
    @inlinable
    public func containsBytes(_ needle: String) -> Bool {
        // Over the bytes in place when the text has them contiguous (a String or Substring does): no copy.
        if let found = utf8.withContiguousStorageIfAvailable({ $0.containsBytes(needle) }) { return found }
        return Array(utf8).withUnsafeBufferPointer { $0.containsBytes(needle) }
    }
}

extension UnsafeBufferPointer where Element == UInt8 {
    /// True when these bytes hold `needle`'s UTF-8 bytes (`StringProtocol.containsBytes` over bytes in hand, such as a
    /// tree node's literal). Every read is at an index below its buffer's count (checked subscripts).
    public func containsBytes(_ needle: String) -> Bool {
        var needle = needle
        return needle.withUTF8 { needle in
            guard let first = needle.first else { return true }
            guard count >= needle.count else { return false }
            for start in 0...(count - needle.count) where self[start] == first {
                var index = 1
                while index < needle.count, self[start + index] == needle[index] { index += 1 }
                if index == needle.count { return true }
            }
            return false
        }
    }
}

extension Unicode.Scalar {
    /// `properties.isAlphabetic`, `isWhitespace` and `isUppercase` with the answer for ASCII worked out inline: the
    /// Unicode property lookup is a table search, and the text scanners ask for every scalar of every post.
    @inlinable public var isAlphabeticScalar: Bool {
        if value < 0x80 { return (value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A }
        return properties.isAlphabetic
    }

    @inlinable public var isWhitespaceScalar: Bool {
        if value < 0x80 { return value == 0x20 || (value >= 0x09 && value <= 0x0D) }
        return properties.isWhitespace
    }

    @inlinable public var isUppercaseScalar: Bool {
        if value < 0x80 { return value >= 0x41 && value <= 0x5A }
        return properties.isUppercase
    }
}

extension Array where Element == Unicode.Scalar {
    /// The Unicode scalars of `text`, in one pass: `Array(text.unicodeScalars)` counts the scalars first, a second
    /// walk over every text node of every post.
    @inlinable
    public init(scalarsOf text: String) {
        self.init()
        reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars { append(scalar) }
    }
}
