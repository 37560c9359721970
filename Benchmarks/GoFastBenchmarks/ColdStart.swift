import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A cold start timed the way a lean client (an editor, a script) spawns a server: `posix_spawn` with two pipes,
/// one request written at once, the clock stopped when the first reply line is complete.
///
/// Foundation's `Process` added 1.5–2 ms of its own to every spawn on this machine (measured beside a Python
/// `os.posix_spawn` harness), the same for the server and the floors: that was the harness's time, not theirs.
enum ColdStart {
    struct SpawnFailed: Error, CustomStringConvertible {
        let program: String
        let code: Int32
        var description: String { "posix_spawn \(program) failed: \(String(cString: strerror(code)))" }
    }

    /// Seconds from the spawn of `program ARGUMENTS` to the end of the first line it writes after `request`; the
    /// child then sees the end of its input and is waited for, outside the time.
    static func measure(_ program: String, _ arguments: [String], request: String) throws -> Double {
        var toChild: [Int32] = [0, 0]
        var fromChild: [Int32] = [0, 0]
        guard pipe(&toChild) == 0, pipe(&fromChild) == 0 else { throw SpawnFailed(program: program, code: errno) }
        for descriptor in toChild + fromChild { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // dup2 clears close-on-exec on 0 and 1; every other descriptor of ours closes at exec.
        posix_spawn_file_actions_adddup2(&actions, toChild[0], 0)
        posix_spawn_file_actions_adddup2(&actions, fromChild[1], 1)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv: [UnsafeMutablePointer<CChar>?] = ([program] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }

        let start = now()
        var pid: pid_t = 0
        let code = posix_spawn(&pid, program, &actions, nil, argv, environ)
        close(toChild[0])
        close(fromChild[1])
        guard code == 0 else {
            close(toChild[1])
            close(fromChild[0])
            throw SpawnFailed(program: program, code: code)
        }
        let bytes = Array(request.utf8)
        _ = bytes.withUnsafeBytes { write(toChild[1], $0.baseAddress!, $0.count) }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var sawNewline = false
        while !sawNewline {
            let count = buffer.withUnsafeMutableBytes { read(fromChild[0], $0.baseAddress!, $0.count) }
            if count <= 0 { break }
            sawNewline = buffer[0..<count].contains(0x0A)
        }
        let elapsed = now() - start

        close(toChild[1])
        while buffer.withUnsafeMutableBytes({ read(fromChild[0], $0.baseAddress!, $0.count) }) > 0 {}
        close(fromChild[0])
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        return elapsed
    }
}
