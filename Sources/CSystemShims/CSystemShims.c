// Swift's Glibc module does not export renameat2(2), which needs _GNU_SOURCE; this file calls it directly.
// The file helpers below are the output writer's hot loop: plain system calls, no Foundation objects per file.
#define _GNU_SOURCE
#include "CSystemShims.h"
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#if defined(__linux__)
#include <sys/syscall.h>
#endif

int clinicpress_exchange_paths(const char *first, const char *second) {
#if defined(__linux__) && defined(SYS_renameat2)
    return (int)syscall(SYS_renameat2, AT_FDCWD, first, AT_FDCWD, second, 2 /* RENAME_EXCHANGE */);
#elif defined(__APPLE__)
    return renamex_np(first, second, RENAME_SWAP);
#else
    errno = ENOSYS;
    return -1;
#endif
}

int clinicpress_write_file(const char *path, const void *bytes, size_t count) {
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (fd < 0) return errno;
    const char *cursor = bytes;
    while (count > 0) {
        ssize_t written = write(fd, cursor, count);
        if (written < 0) {
            if (errno == EINTR) continue;
            int error = errno;
            close(fd);
            return error;
        }
        cursor += written;
        count -= (size_t)written;
    }
    return close(fd) == 0 ? 0 : errno;
}

int clinicpress_file_equals(const char *path, const void *bytes, size_t count) {
    struct stat info;
    if (lstat(path, &info) != 0 || !S_ISREG(info.st_mode) || (size_t)info.st_size != count) return 0;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return 0;
    char buffer[65536];
    const char *expected = bytes;
    size_t compared = 0;
    int equal = 1;
    while (equal) {
        ssize_t got = read(fd, buffer, sizeof buffer);
        if (got < 0 && errno == EINTR) continue;
        if (got < 0) { equal = 0; break; }
        if (got == 0) break;
        if (compared + (size_t)got > count || memcmp(buffer, expected + compared, (size_t)got) != 0) equal = 0;
        compared += (size_t)got;
    }
    close(fd);
    return equal && compared == count;
}

static int remove_entry(const char *path, const struct stat *info, int type, struct FTW *walk) {
    (void)info; (void)walk;
    int result = (type == FTW_DP) ? rmdir(path) : unlink(path);
    return result == 0 ? 0 : errno;
}

int clinicpress_remove_tree(const char *path) {
    int result = nftw(path, remove_entry, 32, FTW_DEPTH | FTW_PHYS);
    return result < 0 ? errno : result;
}
