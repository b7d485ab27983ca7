/// What a file watcher reports when it lost track of events (the kernel's queue overflowed): anything may have changed.
public enum FileWatcherPaths {
    public static let everything = "*"
}
