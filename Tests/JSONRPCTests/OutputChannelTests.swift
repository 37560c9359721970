import Foundation
import JSONRPC
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// `OutputChannel` on a real pipe: a small message sent while the channel is idle is in the pipe when the call
/// returns (no thread hop), a full pipe never blocks the sender, and bytes from many senders never interleave.
final class OutputChannelTests: XCTestCase {
    private var readEnd: Int32 = -1
    private var writeEnd: Int32 = -1

    override func setUp() {
        var ends: [Int32] = [0, 0]
        XCTAssertEqual(pipe(&ends), 0)
        (readEnd, writeEnd) = (ends[0], ends[1])
    }

    override func tearDown() {
        close(readEnd)
        close(writeEnd)
    }

    /// What the pipe holds now, without waiting.
    private func readAvailable() -> [UInt8] {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            var descriptor = pollfd(fd: readEnd, events: Int16(POLLIN), revents: 0)
            var ready = poll(&descriptor, 1, 0)
            while ready < 0 && errno == EINTR { ready = poll(&descriptor, 1, 0) }
            guard ready == 1 else { return bytes }
            let count = buffer.withUnsafeMutableBytes { read(readEnd, $0.baseAddress!, $0.count) }
            guard count > 0 else { return bytes }
            bytes += buffer[0..<count]
        }
    }

    /// The pipe is widened to 1 MiB, so a reply of a megabyte crosses in one turn (F_GETPIPE_SZ, 1032, from the
    /// other end: it is the same pipe).
    func testThePipeIsWidenedToOneMebibyte() {
        XCTAssertEqual(fcntl(readEnd, 1032), 64 * 1024, "a new pipe holds 64 KiB")
        let channel = OutputChannel(fileDescriptor: writeEnd)
        XCTAssertEqual(fcntl(readEnd, 1032), 1 << 20)
        channel.close()
    }

    func testASmallMessageSentWhileIdleIsInThePipeWhenTheCallReturns() {
        let channel = OutputChannel(fileDescriptor: writeEnd)
        for index in 0..<50 {
            let line = Array("{\"id\":\(index)}\n".utf8)
            channel.sendWritingInlineWhenIdle(line)
            XCTAssertEqual(readAvailable(), line, "message \(index) was not written by the sender")
        }
        channel.close()
    }

    func testALargeMessageGoesThroughTheWriterThreadAndArrivesWhole() {
        let channel = OutputChannel(fileDescriptor: writeEnd)
        let large = [UInt8](repeating: UInt8(ascii: "x"), count: 2_000_000) + [0x0A]
        let allRead = expectation(description: "the reader has every byte")
        // The reader ends before the test does: a thread still reading this descriptor number after `tearDown`
        // closes it would read whatever pipe the next test opens under the same number.
        let reader = Thread { [readEnd] in
            var total = 0
            var buffer = [UInt8](repeating: 0, count: 1 << 16)
            while total < large.count {
                let count = buffer.withUnsafeMutableBytes { read(readEnd, $0.baseAddress!, $0.count) }
                if count <= 0 { break }
                total += count
            }
            if total == large.count { allRead.fulfill() }
        }
        reader.start()
        // More than a pipe holds: written inline, this call would block until the reader drained it.
        channel.sendWritingInlineWhenIdle(large)
        channel.close()
        XCTAssertEqual(channel.queuedBytes, 0)
        wait(for: [allRead], timeout: 10)
    }

    /// A peer that does not read: the pipe is full, and a small message must be queued, not block its sender.
    func testAFullPipeNeverBlocksTheSender() throws {
        // The channel first (it widens the pipe), then the pipe filled to what it holds.
        let channel = OutputChannel(fileDescriptor: writeEnd)
        let flags = fcntl(writeEnd, F_GETFL)
        XCTAssertEqual(fcntl(writeEnd, F_SETFL, flags | O_NONBLOCK), 0)
        let filler = [UInt8](repeating: UInt8(ascii: "f"), count: 4096)
        var filled = 0
        while true {
            let written = filler.withUnsafeBytes { write(writeEnd, $0.baseAddress!, $0.count) }
            if written <= 0 { break }
            filled += written
        }
        XCTAssertEqual(errno, EAGAIN)
        XCTAssertEqual(fcntl(writeEnd, F_SETFL, flags), 0)

        let sent = expectation(description: "the send returned")
        let message = Array("{\"id\":1}\n".utf8)
        Thread {
            channel.sendWritingInlineWhenIdle(message)
            sent.fulfill()
        }.start()
        wait(for: [sent], timeout: 5)
        XCTAssertEqual(channel.queuedBytes, message.count, "the message waits in the queue")

        // The peer reads again: the filler, then the message, and the channel closes.
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while received.count < filled + message.count {
            let count = buffer.withUnsafeMutableBytes { read(readEnd, $0.baseAddress!, $0.count) }
            XCTAssertGreaterThan(count, 0)
            if count <= 0 { break }
            received += buffer[0..<count]
        }
        XCTAssertEqual(Array(received.suffix(message.count)), message)
        channel.close()
    }

    /// Eight threads send 500 lines each, small (inline when idle) and large (queued) mixed: every line arrives
    /// whole, and each sender's lines in its order.
    func testMessagesFromManySendersNeverInterleave() throws {
        let channel = OutputChannel(fileDescriptor: writeEnd)
        let senders = 8, perSender = 500
        final class Received: @unchecked Sendable { var bytes: [UInt8] = [] }
        let received = Received()
        let readerDone = expectation(description: "the reader saw the end")
        let reader = Thread { [readEnd] in
            var buffer = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let count = buffer.withUnsafeMutableBytes { read(readEnd, $0.baseAddress!, $0.count) }
                if count <= 0 { break }
                received.bytes += buffer[0..<count]
            }
            readerDone.fulfill()
        }
        reader.start()
        DispatchQueue.concurrentPerform(iterations: senders) { sender in
            for index in 0..<perSender {
                let padding = String(repeating: "p", count: index % 7 == 0 ? 6000 : index % 50)
                channel.sendWritingInlineWhenIdle(Array("\(sender) \(index) \(padding)\n".utf8))
            }
        }
        channel.close()
        close(writeEnd)
        writeEnd = -1
        wait(for: [readerDone], timeout: 30)

        var next = [Int](repeating: 0, count: senders)
        for line in received.bytes.split(separator: 0x0A) {
            let fields = String(decoding: line, as: UTF8.self).split(separator: " ", omittingEmptySubsequences: false)
            guard fields.count == 3, let sender = Int(fields[0]), let index = Int(fields[1]) else {
                return XCTFail("a line was cut or mixed: \(String(decoding: line.prefix(80), as: UTF8.self))")
            }
            XCTAssertEqual(index, next[sender], "sender \(sender)'s lines are out of order")
            XCTAssertEqual(fields[2].count, index % 7 == 0 ? 6000 : index % 50)
            next[sender] = index + 1
        }
        XCTAssertEqual(next, [Int](repeating: perSender, count: senders))
    }
}
