import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes framed messages to a file descriptor from its own thread, so producers never wait on a slow reader.
///
/// The queue has a soft bound, `maximumQueuedBytes`: `send` never blocks (a handler's reply is always accepted),
/// but the reader of the input calls `waitUntilWritable()` before taking more work, so a peer that stops reading
/// its replies stops being read in turn, as with any LSP server, and the queue stays near the bound.
///
/// A small message sent while nothing is queued is written by the sender itself when the write cannot block
/// (``sendWritingInlineWhenIdle(_:)``): a request answered one at a time then costs no thread wake-up, and a process
/// that answers one request never starts the writer thread at all.
public final class OutputChannel: @unchecked Sendable {
    /// The default soft bound of the queue: 4 MiB.
    public static let defaultMaximumQueuedBytes = 4 << 20

    /// The largest message written inline: a pipe with room takes a write of up to `PIPE_BUF` bytes whole, at once.
    static let inlineWriteLimit = 4096

    /// The soft bound of the bytes queued and not yet written.
    public let maximumQueuedBytes: Int

    private let fileDescriptor: Int32
    /// Whether a small write to the descriptor returns at once when `poll` says it is writable: a pipe (with room for
    /// `PIPE_BUF` bytes) or a regular file. A socket or a terminal always goes through the writer thread.
    private let writesInlineWhenWritable: Bool
    private let condition = NSCondition()
    private var pending: [UInt8] = []
    private var writingBytes = 0
    /// A sender is writing its message itself: the writer thread waits, so bytes never interleave.
    private var writingInline = false
    private var closed = false
    private var broken = false
    private var thread: Thread?

    /// A channel for `fileDescriptor`; its writer thread starts with the first message that needs it.
    public init(fileDescriptor: Int32, maximumQueuedBytes: Int = OutputChannel.defaultMaximumQueuedBytes) {
        self.fileDescriptor = fileDescriptor
        self.maximumQueuedBytes = max(1, maximumQueuedBytes)
        var status = stat()
        if fstat(fileDescriptor, &status) == 0 {
            let kind = status.st_mode & S_IFMT
            writesInlineWhenWritable = kind == S_IFIFO || kind == S_IFREG
            if kind == S_IFIFO { PipeCapacity.raise(pipe: fileDescriptor) }
        } else {
            writesInlineWhenWritable = false
        }
    }

    /// Queues bytes for writing; never blocks on the reader of the descriptor.
    public func send(_ bytes: [UInt8]) {
        condition.lock()
        enqueue(bytes)
        condition.unlock()
    }

    /// Writes `bytes` on the calling thread when nothing is queued or being written, they are small, and the
    /// descriptor has room for them now (so the write cannot block); queues them like `send` otherwise.
    public func sendWritingInlineWhenIdle(_ bytes: [UInt8]) {
        condition.lock()
        guard writesInlineWhenWritable, bytes.count <= Self.inlineWriteLimit, pending.isEmpty, writingBytes == 0,
              !writingInline, !broken, !closed, hasRoom() else {
            enqueue(bytes)
            condition.unlock()
            return
        }
        writingInline = true
        writingBytes = bytes.count
        condition.unlock()

        let ok = writeFully(bytes)

        condition.lock()
        writingInline = false
        writingBytes = 0
        if !ok { broken = true; pending = [] }
        condition.broadcast()
        condition.unlock()
    }

    /// The bytes queued or being written.
    public var queuedBytes: Int {
        condition.lock()
        defer { condition.unlock() }
        return pending.count + writingBytes
    }

    /// Whether `waitUntilWritable` would block now.
    public var isFull: Bool {
        condition.lock()
        defer { condition.unlock() }
        return pending.count + writingBytes >= maximumQueuedBytes && !broken
    }

    /// Blocks until fewer than `maximumQueuedBytes` are queued (or the descriptor broke, so nothing will queue).
    public func waitUntilWritable() {
        condition.lock()
        while pending.count + writingBytes >= maximumQueuedBytes && !broken {
            condition.wait()
        }
        condition.unlock()
    }

    /// Waits until everything queued so far is written (or the descriptor broke), then stops the thread.
    public func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        while (!pending.isEmpty || writingBytes > 0) && !broken {
            condition.wait()
        }
        condition.unlock()
    }

    /// Appends `bytes` to the queue and wakes the writer thread, starting it the first time; under the lock.
    private func enqueue(_ bytes: [UInt8]) {
        guard !broken else { return }
        pending.append(contentsOf: bytes)
        if thread == nil {
            // The thread keeps the channel alive until `close()` lets its loop end.
            let thread = Thread { [self] in self.writeLoop() }
            thread.name = "gofast.output"
            self.thread = thread
            thread.start()
        }
        condition.signal()
    }

    /// Whether the descriptor can take `inlineWriteLimit` bytes now; under the lock, so no queued write runs.
    private func hasRoom() -> Bool {
        var descriptor = pollfd(fd: fileDescriptor, events: Int16(POLLOUT), revents: 0)
        var ready = poll(&descriptor, 1, 0)
        // A signal (a child process ending) may interrupt the poll: ask again rather than take the slow path.
        while ready < 0 && errno == EINTR { ready = poll(&descriptor, 1, 0) }
        return ready == 1 && descriptor.revents & Int16(POLLOUT) != 0
            && descriptor.revents & Int16(POLLERR | POLLHUP) == 0
    }

    private func writeLoop() {
        // Chunks are written from a swapped-out buffer; a small one keeps its capacity for reuse, a big one
        // (a burst of large replies) is released, so a spike does not stay resident.
        var chunk: [UInt8] = []
        while true {
            condition.lock()
            while (pending.isEmpty || writingInline) && !(closed && pending.isEmpty && !writingInline) { condition.wait() }
            if pending.isEmpty && closed {
                condition.broadcast()
                condition.unlock()
                return
            }
            swap(&chunk, &pending)
            writingBytes = chunk.count
            condition.unlock()

            let ok = writeFully(chunk)
            if chunk.capacity > 1 << 20 { chunk = [] } else { chunk.removeAll(keepingCapacity: true) }

            condition.lock()
            writingBytes = 0
            if !ok { broken = true; pending = [] }
            condition.broadcast()
            condition.unlock()
        }
    }

    private func writeFully(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(fileDescriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR || errno == EAGAIN { continue }
                    return false
                }
                offset += written
            }
            return true
        }
    }
}
