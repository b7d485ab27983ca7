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
///
/// `@unchecked Sendable`: `concurrentPerform` gives each index in `0..<count` to exactly one iteration, so slots are
/// written by one thread each and never read during the writes; `collect` runs after `concurrentPerform` has returned,
/// which orders every write before it. The memory is owned by this object: initialized to nil at `init`, deinitialized
/// and freed in `deinit`. `UnsafeCodeTests` compares `parallelMap` with `map` on random arrays and counts the objects
/// it leaves alive.
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

/// Carries the transform, made escaping by `withoutActuallyEscaping`, into `concurrentPerform`. Sound because the
/// transform is `@Sendable` already and `concurrentPerform` returns only after its last iteration, so the closure is
/// never used after `withoutActuallyEscaping` ends.
private struct UncheckedBox<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

/// Runs `background` on another thread while `foreground` runs on this one, and returns both results once both are
/// done: two independent pieces of work of different kinds (reading a site's posts, compiling its templates).
public func concurrently<A, B: Sendable>(_ foreground: () -> A, _ background: @escaping @Sendable () -> B) -> (A, B) {
    let done = DispatchSemaphore(value: 0)
    let slot = ResultSlots<B>(count: 1)
    DispatchQueue.global().async {
        slot.store(background(), at: 0)
        done.signal()
    }
    let a = foreground()
    // The wait orders the background's write before the read.
    done.wait()
    return (a, slot.collect()[0])
}
