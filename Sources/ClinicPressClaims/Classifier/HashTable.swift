/// A read-only table from 64-bit keys that are already hashes (FNV-1a of stems and feature names) to values: open
/// addressing with linear probing, so a lookup costs a mask and a few comparisons instead of Swift's seeded hashing,
/// which took a fifth of the classifier's time. Built once from a dictionary; `ClaimClassifierTests` compares it with
/// that dictionary on random keys.
struct HashTable<Value: Sendable>: Sendable {
    private var keys: [UInt64]
    private var values: [Value?]
    private let mask: Int

    /// A table holding what `dictionary` holds.
    init(_ dictionary: [UInt64: Value]) {
        var capacity = 16
        while capacity < dictionary.count * 2 { capacity *= 2 }
        mask = capacity - 1
        keys = Array(repeating: 0, count: capacity)
        values = Array(repeating: nil, count: capacity)
        // Sorted, so that the layout (and so the speed) is the same in every run.
        for (key, value) in dictionary.sorted(by: { $0.key < $1.key }) {
            var slot = Int(truncatingIfNeeded: key) & mask
            while values[slot] != nil { slot = (slot + 1) & mask }
            keys[slot] = key
            values[slot] = value
        }
    }

    /// The value stored under `key`, if any.
    @inline(__always) subscript(key: UInt64) -> Value? {
        var slot = Int(truncatingIfNeeded: key) & mask
        while let value = values[slot] {
            if keys[slot] == key { return value }
            slot = (slot + 1) & mask
        }
        return nil
    }

    var isEmpty: Bool { !values.contains { $0 != nil } }
}
