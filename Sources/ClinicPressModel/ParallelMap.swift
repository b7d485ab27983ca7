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

/// One slot per result; each index is written by exactly one iteration, so no lock is needed.
private final class ResultSlots<T>: @unchecked Sendable {
    private var slots: [T?]

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    func store(_ value: T, at index: Int) {
        slots.withUnsafeMutableBufferPointer { $0[index] = value }
    }

    func collect() -> [T] {
        slots.map { $0! }
    }
}

private struct UncheckedBox<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
