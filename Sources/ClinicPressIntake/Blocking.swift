import Dispatch

/// Runs blocking work (`fsync`, waiting for `git`) on a Dispatch queue instead of the Swift concurrency pool, whose few
/// threads (one per core) must stay free to answer other requests while a disk flushes.
enum Blocking {
    static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try work() })
            }
        }
    }
}
