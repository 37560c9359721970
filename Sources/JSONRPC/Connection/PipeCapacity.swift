#if canImport(Glibc)
import Glibc
#endif

/// Raises the capacity of a pipe the connection reads or writes, so that a large message (a sync page of thousands
/// of activities, its reply) crosses between the two processes in a few turns instead of 64 KiB ones.
enum PipeCapacity {
    /// The capacity asked for: 1 MiB, the most an unprivileged process may set by default (`/proc/sys/fs/pipe-max-size`).
    static let requestedBytes: Int32 = 1 << 20

    /// Raises `descriptor`'s capacity when it is a pipe (on Linux).
    static func raiseIfPipe(_ descriptor: Int32) {
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFIFO else { return }
        raise(pipe: descriptor)
    }

    /// Raises the capacity of `pipe`, known to be one (on Linux); a refusal (a lower limit, the user's pipe quota)
    /// leaves it as it was.
    static func raise(pipe: Int32) {
        #if os(Linux)
        // F_SETPIPE_SZ (F_LINUX_SPECIFIC_BASE + 7), which Glibc declares only under _GNU_SOURCE.
        _ = fcntl(pipe, 1031, requestedBytes)
        #endif
    }
}
