/// What a file watcher reports when it lost track of events (the kernel's queue overflowed): anything may have changed.
/// `ContentCache` answers it by reading every source file again.
public enum FileWatcherPaths {
    public static let everything = "*"
}
