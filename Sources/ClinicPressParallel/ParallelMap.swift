import Dispatch

extension Array where Element: Sendable {
    /// `map` run on all cores. Results keep the order of the input, so output stays deterministic.
    public func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        guard count > 1 else { return map(transform) }
        let results = ResultSlots<T>(count: count)
        withoutActuallyEscaping(transform) { transform in
            let work = UncheckedBox(transform)
            DispatchQueue.concurrentPerform(iterations: count) { index in
                results.store(work.value(self[index]), at: index)
            }
        }
        return results.collect()
    }
}

/// One slot per result; each index is written by exactly one iteration, so no lock is needed. The slots are
/// raw memory allocated once: `Array.withUnsafeMutableBufferPointer` moves the array's storage out while its
/// closure runs, so calling it from several threads at once loses writes and crashes.
private final class ResultSlots<T>: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<T?>
    private let count: Int

    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil, count: count)
    }

    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }

    func store(_ value: T, at index: Int) {
        slots[index] = value
    }

    func collect() -> [T] {
        (0..<count).map { slots[$0]! }
    }
}

private struct UncheckedBox<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
