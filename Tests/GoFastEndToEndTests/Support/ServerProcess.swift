import Foundation
import JSONRPC
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `write(2)`, named apart from the many `write` methods in scope.
func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.write(descriptor, buffer, count)
    #else
    Darwin.write(descriptor, buffer, count)
    #endif
}

/// `read(2)`.
func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.read(descriptor, buffer, count)
    #else
    Darwin.read(descriptor, buffer, count)
    #endif
}

/// A failure of the end-to-end harness itself (timeout, malformed output); thrown so the test stops at once.
struct HarnessError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// How the harness frames what it writes and expects what it reads.
enum WireFraming: Sendable {
    /// One JSON text per line.
    case newline
    /// `Content-Length: N\r\n\r\n` then N bytes.
    case contentLength

    /// `body` framed for the wire.
    func frame(_ body: [UInt8]) -> [UInt8] {
        switch self {
        case .newline: return body + [0x0A]
        case .contentLength: return Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body
        }
    }
}

/// The real `gofast` binary running as a child process, spoken to over three pipes.
///
/// Writes go through a serial writer thread, so a test never blocks on a full stdin pipe; every read has a
/// deadline after which the child is killed and the read throws. stdout and stderr are drained by their own
/// threads from the start, so the child can never block on them either.
final class ServerProcess: @unchecked Sendable {
    /// Seconds any single wait on the child may take before the test fails.
    static let defaultTimeout: TimeInterval = 10

    /// The `gofast` executable next to the test bundle (`GOFAST_BINARY` overrides).
    static let binaryURL: URL = {
        let environment = ProcessInfo.processInfo.environment
        if let path = environment["GOFAST_BINARY"], !path.isEmpty { return URL(fileURLWithPath: path) }
        var candidates = [URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()]
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent())
        candidates += Bundle.allBundles.filter { $0.bundlePath.hasSuffix(".xctest") }.map { $0.bundleURL.deletingLastPathComponent() }
        let binaries = candidates.map { $0.appendingPathComponent("gofast") }
        return binaries.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? binaries[0]
    }()

    private static let ignoreSIGPIPE: Void = { signal(SIGPIPE, SIG_IGN) }()

    let arguments: [String]
    private let process = Process()
    private let stdinHandle: FileHandle
    private let stdout: StreamCollector
    private let stderr: StreamCollector
    private let writer = DispatchQueue(label: "gofast.e2e.stdin")
    private let exited = DispatchSemaphore(value: 0)
    private let writeFailure = Locked<String?>(nil)
    private var stdoutConsumed = 0

    /// Starts `gofast` with `arguments`; `environment` adds to (or, with nil values, removes from) the inherited one.
    init(arguments: [String], environment: [String: String?] = [:], closeStdoutReader: Bool = false) throws {
        _ = Self.ignoreSIGPIPE
        self.arguments = arguments
        let stdinPipe = Pipe(), stdoutPipe = Pipe(), stderrPipe = Pipe()
        for handle in [stdinPipe.fileHandleForReading, stdinPipe.fileHandleForWriting, stdoutPipe.fileHandleForReading,
                       stdoutPipe.fileHandleForWriting, stderrPipe.fileHandleForReading, stderrPipe.fileHandleForWriting] {
            // Only the child's ends reach the child (as 0, 1 and 2); no other child inherits our ends.
            _ = fcntl(handle.fileDescriptor, F_SETFD, FD_CLOEXEC)
        }
        var inherited = ProcessInfo.processInfo.environment
        for key in ["GOFAST_DB", "GOFAST_NOW", "OPENAI_API_KEY", "OPENAI_BASE_URL"] { inherited[key] = nil }
        for (key, value) in environment { inherited[key] = value }
        process.executableURL = Self.binaryURL
        process.arguments = arguments
        process.environment = inherited
        process.standardInput = stdinPipe
        process.standardOutput = stdoutPipe
        process.standardError = stderrPipe
        let exited = self.exited
        process.terminationHandler = { _ in exited.signal() }
        guard FileManager.default.isExecutableFile(atPath: Self.binaryURL.path) else {
            throw HarnessError("gofast binary not found at \(Self.binaryURL.path); build with --build-tests")
        }
        try process.run()
        try? stdinPipe.fileHandleForReading.close()
        try? stdoutPipe.fileHandleForWriting.close()
        try? stderrPipe.fileHandleForWriting.close()
        stdinHandle = stdinPipe.fileHandleForWriting
        if closeStdoutReader {
            try? stdoutPipe.fileHandleForReading.close()
            stdout = StreamCollector(handle: nil, name: "stdout")
        } else {
            stdout = StreamCollector(handle: stdoutPipe.fileHandleForReading, name: "stdout")
        }
        stderr = StreamCollector(handle: stderrPipe.fileHandleForReading, name: "stderr")
    }

    deinit {
        kill()
    }

    /// The child's process id.
    var pid: Int32 { process.processIdentifier }

    // MARK: - stdin

    /// Queues `bytes` as one `write(2)` sequence on stdin.
    func write(_ bytes: [UInt8]) {
        let handle = stdinHandle
        let failure = writeFailure
        writer.async {
            guard failure.withLock({ $0 == nil }) else { return }
            let ok = bytes.withUnsafeBytes { buffer -> Bool in
                var offset = 0
                while offset < buffer.count {
                    let written = systemWrite(handle.fileDescriptor, buffer.baseAddress! + offset, buffer.count - offset)
                    if written < 0 {
                        if errno == EINTR { continue }
                        return false
                    }
                    offset += written
                }
                return true
            }
            if !ok { failure.withLock { $0 = "write to stdin failed: errno \(errno)" } }
        }
    }

    /// Queues `text` as UTF-8.
    func write(_ text: String) { write(Array(text.utf8)) }

    /// Queues every byte of `bytes` as its own one-byte write.
    func writeByteByByte(_ bytes: [UInt8]) {
        for byte in bytes { write([byte]) }
    }

    /// Closes stdin after everything queued so far is written.
    func closeStdin() {
        let handle = stdinHandle
        writer.async { try? handle.close() }
    }

    /// Waits until everything queued on stdin so far has been written; fails when the child stops reading.
    func waitUntilWritten(timeout: TimeInterval = defaultTimeout) throws {
        let done = DispatchSemaphore(value: 0)
        writer.async { done.signal() }
        if done.wait(timeout: .now() + timeout) == .timedOut {
            kill()
            throw HarnessError("gofast stopped reading stdin: writes did not finish within \(timeout) s\(stderrSuffix)")
        }
        if let failure = writeFailure.withLock({ $0 }) { throw HarnessError(failure + stderrSuffix) }
    }

    // MARK: - stdout

    /// The next message body on stdout in `framing`; throws (and kills the child) after `timeout` or on malformed framing.
    func readMessage(framing: WireFraming, timeout: TimeInterval = defaultTimeout) throws -> [UInt8] {
        let deadline = Date(timeIntervalSinceNow: timeout)
        var outcome: Result<(body: [UInt8], consumed: Int), HarnessError>?
        let start = stdoutConsumed
        stdout.wait(until: deadline) { bytes, finished in
            switch Self.frame(in: bytes, from: start, framing: framing) {
            case .complete(let body, let end): outcome = .success((body, end)); return true
            case .malformed(let reason): outcome = .failure(HarnessError(reason)); return true
            case .incomplete:
                if finished {
                    let rest = bytes.count > start ? String(decoding: bytes[start...], as: UTF8.self) : ""
                    outcome = .failure(HarnessError("stdout ended before a complete message; unread: \(rest.debugDescription.prefix(300))"))
                    return true
                }
                return false
            }
        }
        switch outcome {
        case .success(let found)?:
            stdoutConsumed = found.consumed
            return found.body
        case .failure(let error)?:
            kill()
            throw HarnessError(error.description + stderrSuffix)
        case nil:
            kill()
            throw HarnessError("no message on stdout within \(timeout) s\(stderrSuffix)")
        }
    }

    /// The stdout bytes not consumed by `readMessage` so far.
    var unreadStdout: [UInt8] {
        let start = stdoutConsumed
        return stdout.snapshot().bytes.dropFirst(start).map { $0 }
    }

    /// Every byte the child wrote to stdout so far.
    var allStdout: [UInt8] { stdout.snapshot().bytes }

    /// Waits until stdout reaches end of file (the child closed it or exited).
    func waitForStdoutEnd(timeout: TimeInterval = defaultTimeout) throws {
        let reached = stdout.wait(until: Date(timeIntervalSinceNow: timeout)) { _, finished in finished }
        if !reached {
            kill()
            throw HarnessError("stdout did not reach end of file within \(timeout) s\(stderrSuffix)")
        }
    }

    private enum FrameScan {
        case complete(body: [UInt8], end: Int)
        case incomplete
        case malformed(String)
    }

    private static func frame(in bytes: [UInt8], from start: Int, framing: WireFraming) -> FrameScan {
        guard start < bytes.count else { return .incomplete }
        switch framing {
        case .newline:
            guard let newline = bytes[start...].firstIndex(of: 0x0A) else { return .incomplete }
            let body = Array(bytes[start..<newline])
            if body.isEmpty { return .malformed("an empty line on stdout in newline framing") }
            if body.starts(with: Array("Content-Length".utf8)) { return .malformed("a Content-Length header on stdout where newline framing was expected") }
            return .complete(body: body, end: newline + 1)
        case .contentLength:
            let prefix = Array("Content-Length: ".utf8)
            let available = bytes.count - start
            let compared = min(prefix.count, available)
            guard Array(bytes[start..<(start + compared)]) == Array(prefix[0..<compared]) else {
                return .malformed("stdout does not start with \"Content-Length: \" where Content-Length framing was expected: \(String(decoding: bytes[start..<min(bytes.count, start + 80)], as: UTF8.self).debugDescription)")
            }
            var index = start + prefix.count
            var length = 0
            var digits = 0
            while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
                length = length * 10 + Int(bytes[index] - 0x30)
                digits += 1
                index += 1
            }
            guard index + 4 <= bytes.count else { return .incomplete }
            guard digits > 0, Array(bytes[index..<(index + 4)]) == [0x0D, 0x0A, 0x0D, 0x0A] else {
                return .malformed("malformed Content-Length header on stdout: \(String(decoding: bytes[start..<min(bytes.count, index + 4)], as: UTF8.self).debugDescription)")
            }
            let bodyStart = index + 4
            guard bytes.count - bodyStart >= length else { return .incomplete }
            return .complete(body: Array(bytes[bodyStart..<(bodyStart + length)]), end: bodyStart + length)
        }
    }

    // MARK: - stderr and exit

    /// Everything the child wrote to stderr so far.
    var stderrText: String { String(decoding: stderr.snapshot().bytes, as: UTF8.self) }

    /// Whether stderr comes to contain `text` (case-insensitively) within `timeout`: the log is read from its pipe
    /// on another thread, so a line written just before a reply may not have been read when the reply arrives.
    func stderrEventuallyContains(_ text: String, timeout: TimeInterval = 10) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while !stderrText.lowercased().contains(text.lowercased()) {
            guard Date() < deadline else { return false }
            usleep(20_000)
        }
        return true
    }

    private var stderrSuffix: String {
        let text = stderrText
        return text.isEmpty ? "" : "\n--- gofast stderr (last 2000 bytes) ---\n" + String(text.suffix(2000))
    }

    /// Waits for the child to exit and returns its exit code; a death by signal or a timeout throws.
    @discardableResult
    func waitForExit(timeout: TimeInterval = defaultTimeout) throws -> Int32 {
        if exited.wait(timeout: .now() + timeout) == .timedOut {
            kill()
            throw HarnessError("gofast did not exit within \(timeout) s\(stderrSuffix)")
        }
        exited.signal()  // later waits return at once
        // The readers see end of file once the child is gone.
        _ = stdout.wait(until: Date(timeIntervalSinceNow: 5)) { _, finished in finished }
        _ = stderr.wait(until: Date(timeIntervalSinceNow: 5)) { _, finished in finished }
        guard process.terminationReason == .exit else {
            throw HarnessError("gofast died of signal \(process.terminationStatus)\(stderrSuffix)")
        }
        return process.terminationStatus
    }

    /// Whether the child is still running.
    var isRunning: Bool { process.isRunning }

    /// Kills the child (SIGKILL) if it is still running.
    func kill() {
        if process.isRunning {
            #if canImport(Glibc)
            _ = Glibc.kill(process.processIdentifier, SIGKILL)
            #else
            _ = Darwin.kill(process.processIdentifier, SIGKILL)
            #endif
        }
        let handle = stdinHandle
        writer.async { try? handle.close() }
    }
}

/// Drains one pipe on its own thread until end of file, keeping every byte.
final class StreamCollector: @unchecked Sendable {
    private let condition = NSCondition()
    private var bytes: [UInt8] = []
    private var finished = false

    init(handle: FileHandle?, name: String) {
        guard let handle else {
            finished = true
            return
        }
        let thread = Thread { [self] in
            var buffer = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let count = buffer.withUnsafeMutableBytes { systemRead(handle.fileDescriptor, $0.baseAddress!, $0.count) }
                if count < 0, errno == EINTR { continue }
                condition.lock()
                if count > 0 { bytes.append(contentsOf: buffer[0..<count]) } else { finished = true }
                condition.broadcast()
                condition.unlock()
                if count <= 0 { break }
            }
            try? handle.close()
        }
        thread.name = "gofast.e2e.\(name)"
        thread.start()
    }

    /// The bytes so far and whether the stream ended.
    func snapshot() -> (bytes: [UInt8], finished: Bool) {
        condition.lock()
        defer { condition.unlock() }
        return (bytes, finished)
    }

    /// Calls `done` with the bytes so far each time they change until it returns true or `deadline` passes.
    @discardableResult
    func wait(until deadline: Date, _ done: ([UInt8], Bool) -> Bool) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if done(bytes, finished) { return true }
            if finished { return false }
            if !condition.wait(until: deadline) { return done(bytes, finished) }
        }
    }
}
