#ifndef CLINICPRESS_SYSTEM_SHIMS_H
#define CLINICPRESS_SYSTEM_SHIMS_H

/// Atomically exchanges two paths (files or directories) on the same file system: after it returns 0,
/// each name refers to what the other referred to, and no reader ever saw either name missing.
/// Returns -1 and sets errno when the system or the file system cannot do it (callers then fall back).
int clinicpress_exchange_paths(const char *first, const char *second);

#endif
