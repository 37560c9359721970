import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes framed messages to a file descriptor from its own thread, so producers never wait on a slow reader.
public final class OutputChannel: @unchecked Sendable {
    private let fileDescriptor: Int32
    private let condition = NSCondition()
    private var pending: [UInt8] = []
    private var closed = false
    private var writing = false
    private var broken = false
    private var thread: Thread?

    /// Starts the writer thread for `fileDescriptor`.
    public init(fileDescriptor: Int32) {
        self.fileDescriptor = fileDescriptor
        // The thread keeps the channel alive until `close()` lets its loop end.
        let thread = Thread { [self] in self.writeLoop() }
        thread.name = "gofast.output"
        self.thread = thread
        thread.start()
    }

    /// Queues bytes for writing; never blocks on the reader of the descriptor.
    public func send(_ bytes: [UInt8]) {
        condition.lock()
        pending.append(contentsOf: bytes)
        condition.signal()
        condition.unlock()
    }

    /// Waits until everything queued so far is written (or the descriptor broke), then stops the thread.
    public func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        while (!pending.isEmpty || writing) && !broken {
            condition.wait()
        }
        condition.unlock()
    }

    private func writeLoop() {
        while true {
            condition.lock()
            while pending.isEmpty && !closed { condition.wait() }
            if pending.isEmpty && closed {
                condition.broadcast()
                condition.unlock()
                return
            }
            let chunk = pending
            pending.removeAll(keepingCapacity: true)
            writing = true
            condition.unlock()

            let ok = writeFully(chunk)

            condition.lock()
            writing = false
            if !ok { broken = true; pending.removeAll() }
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
