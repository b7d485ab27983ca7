/// A read-only table from 64-bit keys that are already hashes (FNV-1a of stems, feature names mixed by
/// `FNV.combine`) to values: open addressing with linear probing in one flat array of key-value slots, so a lookup costs
/// a mask, a few comparisons and usually one cache line (the model's table is half a megabyte: a miss for the key and
/// another for the value cost more than the rest of the lookup) instead of Swift's seeded hashing, which took a fifth
/// of the classifier's time. Key 0 marks an empty
/// slot; a real key 0 is kept aside. Built once from a dictionary; `ClaimClassifierTests` compares it with that
/// dictionary on random keys.
struct HashTable<Value: Sendable>: Sendable {
    private struct Slot: Sendable {
        var key: UInt64
        var value: Value
    }

    private var slots: [Slot]
    private let mask: Int
    /// One bit per possible key, set for the keys present, indexed by other bits of the key than the slot: eight
    /// bits per slot, so the model's filter is 32 KB and stays in cache. Most lookups are of absent keys (word pairs
    /// the model never learned, words that start no phrase) and end here without touching the slots.
    private var filter: [UInt64]
    private let filterMask: Int
    /// The value of key 0, which cannot live in a slot.
    private let zero: Value?

    /// A table holding what `dictionary` holds; `filler` only fills empty slots and is never returned.
    init(_ dictionary: [UInt64: Value], filler: Value) {
        var capacity = 16
        while capacity < dictionary.count * 2 { capacity *= 2 }
        mask = capacity - 1
        slots = Array(repeating: Slot(key: 0, value: filler), count: capacity)
        filterMask = capacity * 8 - 1
        filter = Array(repeating: 0, count: capacity * 8 / 64)
        zero = dictionary[0]
        // Sorted, so that the layout (and so the speed) is the same in every run.
        for (key, value) in dictionary.sorted(by: { $0.key < $1.key }) where key != 0 {
            var slot = Int(truncatingIfNeeded: key) & mask
            while slots[slot].key != 0 { slot = (slot + 1) & mask }
            slots[slot] = Slot(key: key, value: value)
            let bit = Self.filterBit(key, mask: filterMask)
            filter[bit >> 6] |= 1 << UInt64(bit & 63)
        }
    }

    @inline(__always) private static func filterBit(_ key: UInt64, mask: Int) -> Int { Int(truncatingIfNeeded: key >> 40) & mask }

    /// The value stored under `key`, if any.
    @inline(__always) subscript(key: UInt64) -> Value? {
        if key == 0 { return zero }
        let bit = Self.filterBit(key, mask: filterMask)
        if filter[bit >> 6] & (1 << UInt64(bit & 63)) == 0 { return nil }
        var slot = Int(truncatingIfNeeded: key) & mask
        while true {
            let stored = slots[slot].key
            if stored == key { return slots[slot].value }
            if stored == 0 { return nil }
            slot = (slot + 1) & mask
        }
    }

    var isEmpty: Bool { zero == nil && !slots.contains { $0.key != 0 } }
}
