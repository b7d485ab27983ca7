/// A read-only table from 64-bit keys that are already hashes (FNV-1a of stems, feature names mixed by
/// `FNV.combine`) to values: open addressing with linear probing in two flat arrays, so a lookup costs a mask and a few
/// comparisons instead of Swift's seeded hashing, which took a fifth of the classifier's time. Key 0 marks an empty
/// slot; a real key 0 is kept aside. Built once from a dictionary; `ClaimClassifierTests` compares it with that
/// dictionary on random keys.
struct HashTable<Value: Sendable>: Sendable {
    private var keys: [UInt64]
    private var values: [Value]
    private let mask: Int
    /// The value of key 0, which cannot live in a slot.
    private let zero: Value?

    /// A table holding what `dictionary` holds; `filler` only fills empty slots and is never returned.
    init(_ dictionary: [UInt64: Value], filler: Value) {
        var capacity = 16
        while capacity < dictionary.count * 2 { capacity *= 2 }
        mask = capacity - 1
        keys = Array(repeating: 0, count: capacity)
        values = Array(repeating: filler, count: capacity)
        zero = dictionary[0]
        // Sorted, so that the layout (and so the speed) is the same in every run.
        for (key, value) in dictionary.sorted(by: { $0.key < $1.key }) where key != 0 {
            var slot = Int(truncatingIfNeeded: key) & mask
            while keys[slot] != 0 { slot = (slot + 1) & mask }
            keys[slot] = key
            values[slot] = value
        }
    }

    /// The value stored under `key`, if any.
    @inline(__always) subscript(key: UInt64) -> Value? {
        if key == 0 { return zero }
        var slot = Int(truncatingIfNeeded: key) & mask
        while true {
            let stored = keys[slot]
            if stored == key { return values[slot] }
            if stored == 0 { return nil }
            slot = (slot + 1) & mask
        }
    }

    var isEmpty: Bool { zero == nil && !keys.contains { $0 != 0 } }
}
