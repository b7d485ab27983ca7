#ifndef CLINICPRESS_SYSTEM_SHIMS_H
#define CLINICPRESS_SYSTEM_SHIMS_H

/// Atomically exchanges two paths (files or directories) on the same file system: after it returns 0,
/// each name refers to what the other referred to, and no reader ever saw either name missing.
/// Returns -1 and sets errno when the system or the file system cannot do it (callers then fall back).
int clinicpress_exchange_paths(const char *first, const char *second);

#include <stddef.h>

/// Creates or truncates `path` (mode 0666 less the umask) and writes `count` bytes to it.
/// Returns 0, or the errno of the call that failed.
int clinicpress_write_file(const char *path, const void *bytes, size_t count);

/// 1 when the regular file at `path` holds exactly these `count` bytes, 0 otherwise (missing, different, unreadable).
int clinicpress_file_equals(const char *path, const void *bytes, size_t count);

/// Removes `path` and everything under it, without following symbolic links. Returns 0, or an errno.
int clinicpress_remove_tree(const char *path);

#endif
