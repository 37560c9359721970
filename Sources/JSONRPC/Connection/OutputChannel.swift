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
public final class OutputChannel: @unchecked Sendable {
    /// The default soft bound of the queue: 4 MiB.
    public static let defaultMaximumQueuedBytes = 4 << 20

    /// The soft bound of the bytes queued and not yet written.
    public let maximumQueuedBytes: Int

    private let fileDescriptor: Int32
    private let condition = NSCondition()
    private var pending: [UInt8] = []
    private var writingBytes = 0
    private var closed = false
    private var broken = false
    private var thread: Thread?

    /// Starts the writer thread for `fileDescriptor`.
    public init(fileDescriptor: Int32, maximumQueuedBytes: Int = OutputChannel.defaultMaximumQueuedBytes) {
        self.fileDescriptor = fileDescriptor
        self.maximumQueuedBytes = max(1, maximumQueuedBytes)
        // The thread keeps the channel alive until `close()` lets its loop end.
        let thread = Thread { [self] in self.writeLoop() }
        thread.name = "gofast.output"
        self.thread = thread
        thread.start()
    }

    /// Queues bytes for writing; never blocks on the reader of the descriptor.
    public func send(_ bytes: [UInt8]) {
        condition.lock()
        if !broken { pending.append(contentsOf: bytes) }
        condition.signal()
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

    private func writeLoop() {
        // Chunks are written from a swapped-out buffer; a small one keeps its capacity for reuse, a big one
        // (a burst of large replies) is released, so a spike does not stay resident.
        var chunk: [UInt8] = []
        while true {
            condition.lock()
            while pending.isEmpty && !closed { condition.wait() }
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
