import Foundation
import JSONRPC
import XCTest
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Issue 13, memory under pressure, through the real binary: pipelined bursts, a peer that stops reading its
/// replies, and huge batches keep the server's peak resident memory bounded, and every reply still arrives.
final class PressureMemoryTests: GoFastTestCase {
    /// The peak resident memory (`VmHWM`) of process `pid` in megabytes, or nil when it cannot be read.
    private static func peakResidentMegabytes(_ pid: Int32) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            return line.split(separator: " ").dropFirst().first.flatMap { Int($0) }.map { $0 / 1024 }
        }
        return nil
    }

    /// Samples the peak resident memory of `pid` every 50 ms until `stop` returns true (at most `limit` seconds);
    /// the highest value seen.
    private static func samplePeak(_ pid: Int32, limit: TimeInterval = 300, until stop: () -> Bool) -> Int {
        var peak = 0
        let deadline = Date(timeIntervalSinceNow: limit)
        while !stop(), Date() < deadline {
            if let value = peakResidentMegabytes(pid) { peak = max(peak, value) }
            usleep(50_000)
        }
        return peak
    }

    /// Counts `\n` bytes in `bytes` with memchr (fast even in a debug build of the tests).
    private static func countLines(_ bytes: UnsafeRawBufferPointer) -> Int {
        guard var cursor = bytes.baseAddress else { return 0 }
        let end = cursor + bytes.count
        var lines = 0
        while cursor < end, let found = memchr(cursor, 0x0A, end - cursor) {
            lines += 1
            cursor = UnsafeRawPointer(found) + 1
        }
        return lines
    }

    private func requirePeakMemoryReadable() throws {
        #if !os(Linux)
        throw XCTSkip("peak resident memory is read from /proc (Linux)")
        #endif
    }

    // MARK: - Pipelined requests

    func testTwoHundredThousandPipelinedRequestsStayUnder150Megabytes() throws {
        try requirePeakMemoryReadable()
        let server = try launch(["--db", databasePath])
        server.write(#"{"jsonrpc":"2.0","id":0,"method":"athlete.create","params":{"id":"a1","name":"A","timeZone":"UTC"}}"# + "\n")
        let line = Array(#"{"jsonrpc":"2.0","id":7,"method":"athlete.get","params":{"id":"a1"}}"#.utf8) + [0x0A]
        let count = 200_000
        var chunk: [UInt8] = []
        for _ in 0..<10_000 { chunk += line }
        for _ in 0..<(count / 10_000) { server.write(chunk) }
        server.closeStdin()
        let peak = Self.samplePeak(server.pid) { !server.isRunning }
        XCTAssertEqual(try server.waitForExit(timeout: 60), 0)
        let stdout = server.allStdout
        let lines = stdout.withUnsafeBytes(Self.countLines)
        XCTAssertEqual(lines, count + 1, "every request is answered")
        let errors = String(decoding: stdout, as: UTF8.self).components(separatedBy: #""error""#).count - 1
        XCTAssertEqual(errors, 0)
        XCTAssertGreaterThan(peak, 0)
        XCTAssertLessThan(peak, 150, "peak resident memory in MB for \(count) pipelined athlete.get")
    }

    // MARK: - A peer that stops reading

    /// The client writes 20,000 `rpc.discover` (about 3 GB of replies) and reads nothing for 6 s: the server
    /// stops reading its input instead of buffering replies, and once the client reads, every reply arrives.
    func testAStalledReaderBoundsMemoryAndLosesNoReply() throws {
        try requirePeakMemoryReadable()
        let process = Process()
        process.executableURL = ServerProcess.binaryURL
        process.arguments = ["--db", ":memory:"]
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = temporaryDirectory.path
        environment["XDG_DATA_HOME"] = temporaryDirectory.appendingPathComponent("data").path
        process.environment = environment
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }

        let count = 20_000
        let request = Array(#"{"jsonrpc":"2.0","id":1,"method":"rpc.discover"}"#.utf8) + [0x0A]
        var requests: [UInt8] = []
        requests.reserveCapacity(request.count * count)
        for _ in 0..<count { requests += request }
        let payload = requests
        let writer = Thread {
            let descriptor = input.fileHandleForWriting.fileDescriptor
            payload.withUnsafeBytes { buffer in
                var offset = 0
                while offset < buffer.count {
                    let written = systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                    if written < 0 { if errno == EINTR { continue }; return }
                    offset += written
                }
            }
            try? input.fileHandleForWriting.close()
        }
        writer.start()

        let stalledUntil = Date(timeIntervalSinceNow: 6)
        let peakWhileStalled = Self.samplePeak(process.processIdentifier) { Date() >= stalledUntil }
        XCTAssertTrue(process.isRunning, "the server waits for its reader; it neither exits nor dies")

        // Now read everything, counting replies and watching memory.
        let descriptor = output.fileHandleForReading.fileDescriptor
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var lines = 0
        var bytes = 0
        var peakWhileReading = 0
        var reads = 0
        let deadline = Date(timeIntervalSinceNow: 300)
        while Date() < deadline {
            let got = buffer.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress!, $0.count) }
            if got < 0, errno == EINTR { continue }
            if got <= 0 { break }
            lines += buffer.withUnsafeBytes { Self.countLines(UnsafeRawBufferPointer(rebasing: $0[0..<got])) }
            bytes += got
            reads += 1
            if reads % 256 == 0, let value = Self.peakResidentMegabytes(process.processIdentifier) {
                peakWhileReading = max(peakWhileReading, value)
            }
        }
        if Date() >= deadline, process.isRunning { process.terminate() }
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        XCTAssertEqual(lines, count, "every reply arrives once the client reads (\(bytes) bytes)")
        XCTAssertGreaterThan(peakWhileStalled, 0)
        XCTAssertLessThan(peakWhileStalled, 300, "peak resident memory in MB while the reader is stalled")
        XCTAssertLessThan(max(peakWhileStalled, peakWhileReading), 300, "peak resident memory in MB")
    }

    // MARK: - Batches

    /// A batch of 100,000 reads is refused whole (-32600, with the limit in the reason) in bounded memory, and
    /// the session goes on; a batch at the limit is answered.
    func testAHundredThousandRequestBatchIsRefusedInBoundedMemory() throws {
        try requirePeakMemoryReadable()
        let client = try connect(db: databasePath)
        _ = try client.result("athlete.create", ["id": "a1", "name": "A", "timeZone": "UTC"])
        var body: [UInt8] = [UInt8(ascii: "[")]
        for index in 0..<100_000 {
            if index > 0 { body.append(UInt8(ascii: ",")) }
            body += Array(#"{"jsonrpc":"2.0","id":\#(index),"method":"athlete.get","params":{"id":"a1"}}"#.utf8)
        }
        body.append(UInt8(ascii: "]"))
        client.sendRaw(body + [0x0A])
        let refusal = try client.next(timeout: 60)
        XCTAssertEqual(refusal.errorCode, -32600, refusal.text.prefix(300).description)
        XCTAssertEqual(refusal["id"], .null)
        let reason = refusal["error"]?["data"]?["reason"]?.stringValue ?? ""
        XCTAssertTrue(reason.contains("100000") && reason.contains("limit of 1000"), reason)
        let peak = Self.peakResidentMegabytes(client.server.pid) ?? 0
        XCTAssertGreaterThan(peak, 0)
        XCTAssertLessThan(peak, 300, "peak resident memory in MB after a batch of 100,000")

        let ids = (0..<1_000).map { JSONValue.number(JSONNumber($0 + 10)) }
        let batch = JSONValue.array(ids.map { ["jsonrpc": "2.0", "id": $0, "method": "athlete.get", "params": ["id": "a1"]] })
        client.send(batch)
        let replies = try client.replies(to: ids, timeout: 60)
        XCTAssertEqual(replies.values.filter { $0["result"]?["id"] == "a1" }.count, 1_000, "a batch at the limit is answered")
        try client.finish()
    }
}
