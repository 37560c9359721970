import Foundation
import JSONRPC
import Logging
import XCTest
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `JSONRPCConnection` in process, over two pipes: cancellation, progress, ordering of reads and writes,
/// error mapping and the end of input, with a service made for the test.
final class ConnectionTests: XCTestCase {
    /// What the test service's handlers did, in order.
    final class Journal: @unchecked Sendable {
        private let condition = NSCondition()
        private var entries: [String] = []

        func record(_ entry: String) {
            condition.lock()
            entries.append(entry)
            condition.broadcast()
            condition.unlock()
        }

        var all: [String] {
            condition.lock()
            defer { condition.unlock() }
            return entries
        }

        /// Waits until `entry` is recorded; false after `timeout`.
        func wait(for entry: String, timeout: TimeInterval = 10) -> Bool {
            let deadline = Date(timeIntervalSinceNow: timeout)
            condition.lock()
            defer { condition.unlock() }
            while !entries.contains(entry) {
                if !condition.wait(until: deadline) { return entries.contains(entry) }
            }
            return true
        }
    }

    struct Failure: Error {}
    struct Missing: Error {}

    private static func service(_ journal: Journal) -> RPCService {
        struct Params: Decodable { var name: String?; var milliseconds: Int? }
        @Sendable func pause(_ request: RPCRequest) async throws {
            let params = try request.decodeParams(Params.self)
            try await Task.sleep(nanoseconds: UInt64(params.milliseconds ?? 0) * 1_000_000)
        }
        @Sendable func name(_ request: RPCRequest) -> String {
            (try? request.decodeParams(Params.self).name ?? request.method) ?? request.method
        }
        return RPCService(
            serverName: "test-server", serverVersion: "9.9.9", protocolVersion: "test", methods: [
                RPCMethod("slow.read", access: .read) { request in
                    journal.record("slow.read start")
                    do {
                        try await Task.sleep(nanoseconds: 10_000_000_000)
                    } catch {
                        journal.record("slow.read cancelled")
                        throw error
                    }
                    journal.record("slow.read end")
                    return .value("slept")
                },
                RPCMethod("read", access: .read) { request in
                    journal.record("\(name(request)) start")
                    try await pause(request)
                    journal.record("\(name(request)) end")
                    return .value(.string(name(request)))
                },
                RPCMethod("write", access: .write) { request in
                    journal.record("\(name(request)) start")
                    try await pause(request)
                    journal.record("\(name(request)) end")
                    return .value(.string(name(request)))
                },
                RPCMethod("progress", access: .read) { request in
                    request.progress.begin(title: "Working")
                    request.progress.report(message: "half", percentage: 50)
                    request.progress.report(message: "too far", percentage: 150)
                    request.progress.end(message: "done")
                    return .value(.bool(request.progress.isEnabled))
                },
                RPCMethod("fail.internal", access: .read) { _ in throw Failure() },
                RPCMethod("fail.mapped", access: .read) { _ in throw Missing() },
            ],
            mapError: { error in error is Missing ? RPCError(code: -32001, message: "missing", data: ["id": "x"]) : nil }
        )
    }

    /// A connection running on its own thread, fed and read through pipes.
    final class Peer: @unchecked Sendable {
        let journal = Journal()
        private let inputWrite: Int32
        private let outputRead: Int32
        private let condition = NSCondition()
        private var output: [UInt8] = []
        private var outputEnded = false
        private var exitCode: Int32?
        private var consumed = 0
        private var inputClosed = false

        /// A peer serving the test service, or the service `makeService` builds around the peer's journal.
        init(configuration: JSONRPCConnection.Configuration = .init(), makeService: ((Journal) -> RPCService)? = nil) {
            var input: [Int32] = [0, 0], output: [Int32] = [0, 0]
            precondition(pipe(&input) == 0 && pipe(&output) == 0)
            for descriptor in input + output { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
            inputWrite = input[1]
            outputRead = output[0]
            let connection = JSONRPCConnection(
                service: makeService?(journal) ?? ConnectionTests.service(journal), configuration: configuration, outputFileDescriptor: output[1],
                logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
            )
            let inputRead = input[0], outputWrite = output[1]
            Thread { [self] in
                let code = connection.run(inputFileDescriptor: inputRead)
                close(inputRead)
                close(outputWrite)
                condition.lock()
                exitCode = code
                condition.broadcast()
                condition.unlock()
            }.start()
            Thread { [self] in
                var buffer = [UInt8](repeating: 0, count: 65536)
                while true {
                    let count = buffer.withUnsafeMutableBytes { read(outputRead, $0.baseAddress!, $0.count) }
                    if count < 0, errno == EINTR { continue }
                    condition.lock()
                    if count > 0 { self.output += buffer[0..<count] } else { outputEnded = true }
                    condition.broadcast()
                    condition.unlock()
                    if count <= 0 { break }
                }
                close(outputRead)
            }.start()
        }

        /// Writes `text` and a newline.
        func send(_ text: String) {
            sendRaw(Array((text + "\n").utf8))
        }

        /// Writes `bytes` as they are.
        func sendRaw(_ bytes: [UInt8]) {
            bytes.withUnsafeBytes { buffer in
                var offset = 0
                while offset < buffer.count {
                    let written = write(inputWrite, buffer.baseAddress! + offset, buffer.count - offset)
                    if written <= 0 { return }
                    offset += written
                }
            }
        }

        /// Ends the connection's input, once: a second `close` of the same number would close whatever descriptor
        /// took it since (another test's pipe, which a connection still reading it would then drain).
        func closeInput() {
            condition.lock()
            defer { condition.unlock() }
            guard !inputClosed else { return }
            inputClosed = true
            close(inputWrite)
        }

        /// The next newline-framed message, parsed; nil after `timeout`.
        func next(timeout: TimeInterval = 10) -> JSONValue? {
            let deadline = Date(timeIntervalSinceNow: timeout)
            condition.lock()
            defer { condition.unlock() }
            while true {
                if let newline = output[consumed...].firstIndex(of: 0x0A) {
                    let body = Array(output[consumed..<newline])
                    consumed = newline + 1
                    return try? JSONParser.parse(body)
                }
                if outputEnded || !condition.wait(until: deadline) { return nil }
            }
        }

        /// The exit code of `run`, once it returns and its output is all read; nil after `timeout`.
        func waitForExit(timeout: TimeInterval = 10) -> Int32? {
            let deadline = Date(timeIntervalSinceNow: timeout)
            condition.lock()
            defer { condition.unlock() }
            // The exit code and the end of the output: the reader thread may still be draining the pipe.
            while exitCode == nil || !outputEnded {
                if !condition.wait(until: deadline) { break }
            }
            return exitCode
        }

        /// Output not yet returned by `next`.
        var unread: [UInt8] {
            condition.lock()
            defer { condition.unlock() }
            return Array(output[consumed...])
        }
    }

    private var peers: [Peer] = []

    private func makePeer(_ configuration: JSONRPCConnection.Configuration = .init()) -> Peer {
        let peer = Peer(configuration: configuration)
        peers.append(peer)
        return peer
    }

    override func tearDown() {
        // Ending the input lets each connection finish (a cancelled or slow handler ends within its sleep).
        for peer in peers { peer.closeInput() }
        for peer in peers { _ = peer.waitForExit(timeout: 15) }
        peers.removeAll()
        super.tearDown()
    }

    private func request(_ id: Int, _ method: String, _ params: String = "{}") -> String {
        #"{"jsonrpc":"2.0","id":\#(id),"method":"\#(method)","params":\#(params)}"#
    }

    // MARK: - Cancellation

    func testCancelRequestAnswersMinus32800Quickly() throws {
        let peer = makePeer()
        let start = Date()
        peer.send(request(1, "slow.read"))
        XCTAssertTrue(peer.journal.wait(for: "slow.read start"))
        peer.send(#"{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":1}}"#)
        let reply = try XCTUnwrap(peer.next(timeout: 5), "no reply to the cancelled request")
        XCTAssertEqual(reply["id"], 1)
        XCTAssertEqual(reply["error"]?["code"], -32800, "\(reply)")
        XCTAssertLessThan(Date().timeIntervalSince(start), 3, "cancellation does not wait for the 10 s handler")
        XCTAssertTrue(peer.journal.wait(for: "slow.read cancelled"))
        XCTAssertFalse(peer.journal.all.contains("slow.read end"))
        peer.send(request(2, "read", #"{"name":"after"}"#))
        XCTAssertEqual(peer.next()?["result"], "after", "the connection goes on")
        peer.closeInput()
        XCTAssertEqual(peer.waitForExit(), 0)
    }

    func testCancellingAQueuedRequestMeansItsHandlerNeverRuns() throws {
        let peer = makePeer()
        peer.send(request(1, "slow.read"))
        XCTAssertTrue(peer.journal.wait(for: "slow.read start"))
        peer.send(request(2, "write", #"{"name":"queued write"}"#))
        peer.send(#"{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":2}}"#)
        peer.send(#"{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":1}}"#)
        var codes: [JSONValue: JSONValue] = [:]
        for _ in 0..<2 {
            let reply = try XCTUnwrap(peer.next(timeout: 5))
            codes[reply["id"] ?? .null] = reply["error"]?["code"]
        }
        XCTAssertEqual(codes, [1: -32800, 2: -32800])
        XCTAssertFalse(peer.journal.all.contains("queued write start"), "a request cancelled while queued never runs")
    }

    func testCancellingUnknownOrFinishedRequestsIsIgnored() throws {
        let peer = makePeer()
        peer.send(request(1, "read", #"{"name":"one"}"#))
        XCTAssertEqual(peer.next()?["result"], "one")
        peer.send(#"{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":1}}"#)
        peer.send(#"{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":"never"}}"#)
        peer.send(#"{"jsonrpc":"2.0","method":"$/cancelRequest"}"#)
        peer.send(#"{"jsonrpc":"2.0","method":"$/cancelRequest","params":[1]}"#)
        peer.send(request(2, "read", #"{"name":"two"}"#))
        XCTAssertEqual(peer.next()?["result"], "two")
        XCTAssertEqual(peer.next(timeout: 0.2), nil, "nothing else was sent")
    }

    // MARK: - Progress

    func testProgressIsReportedWhenTheRequestCarriesAWorkDoneToken() throws {
        let peer = makePeer()
        for token in [#""tok-1""#, "42"] {
            peer.send(request(1, "progress", #"{"workDoneToken":\#(token)}"#))
            var messages: [JSONValue] = []
            while let message = peer.next(timeout: 5) {
                messages.append(message)
                if message["id"] != nil { break }
            }
            XCTAssertEqual(messages.count, 5, "\(messages)")
            let expectedToken = try JSONParser.parse(Array(token.utf8))
            let notifications = messages.dropLast()
            for notification in notifications {
                XCTAssertEqual(notification["method"], "$/progress")
                XCTAssertNil(notification["id"], "a notification has no id")
                XCTAssertEqual(notification["jsonrpc"], "2.0")
                XCTAssertEqual(notification["params"]?["token"], expectedToken)
            }
            XCTAssertEqual(notifications.map { $0["params"]?["value"]?["kind"] }, ["begin", "report", "report", "end"])
            XCTAssertEqual(notifications.first?["params"]?["value"]?["title"], "Working")
            XCTAssertEqual(notifications.dropFirst().first?["params"]?["value"]?["percentage"], 50)
            XCTAssertEqual(notifications.dropFirst(2).first?["params"]?["value"]?["percentage"], 100, "clamped to 100")
            XCTAssertEqual(notifications.last?["params"]?["value"]?["message"], "done")
            XCTAssertEqual(messages.last?["result"], true, "the reply comes after the progress")
        }
    }

    func testNoProgressWithoutAToken() throws {
        let peer = makePeer()
        peer.send(request(1, "progress"))
        XCTAssertEqual(peer.next()?["result"], false)
        peer.send(request(2, "progress", #"{"workDoneToken":null}"#))
        XCTAssertEqual(peer.next()?["result"], false)
        XCTAssertEqual(peer.next(timeout: 0.2), nil)
    }

    // MARK: - Ordering

    func testAWriteWaitsForEarlierReads() throws {
        let peer = makePeer()
        peer.send(request(1, "read", #"{"name":"r1","milliseconds":300}"#))
        peer.send(request(2, "read", #"{"name":"r2","milliseconds":150}"#))
        peer.send(request(3, "write", #"{"name":"w"}"#))
        let ids = (0..<3).compactMap { _ in peer.next()?["id"] }
        XCTAssertEqual(Set(ids), [1, 2, 3])
        XCTAssertEqual(ids.last, 3, "the write is answered after both reads")
        let journal = peer.journal.all
        let writeStart = try XCTUnwrap(journal.firstIndex(of: "w start"))
        XCTAssertLessThan(try XCTUnwrap(journal.firstIndex(of: "r1 end")), writeStart, "\(journal)")
        XCTAssertLessThan(try XCTUnwrap(journal.firstIndex(of: "r2 end")), writeStart, "\(journal)")
    }

    func testReadsWaitForEarlierWritesAndWritesRunInOrder() throws {
        let peer = makePeer()
        peer.send(request(1, "write", #"{"name":"w1","milliseconds":200}"#))
        peer.send(request(2, "read", #"{"name":"r"}"#))
        peer.send(request(3, "write", #"{"name":"w2","milliseconds":50}"#))
        peer.send(request(4, "write", #"{"name":"w3"}"#))
        let ids = (0..<4).compactMap { _ in peer.next()?["id"] }
        XCTAssertEqual(ids, [1, 2, 3, 4])
        XCTAssertEqual(peer.journal.all, ["w1 start", "w1 end", "r start", "r end", "w2 start", "w2 end", "w3 start", "w3 end"])
    }

    func testReadsRunConcurrently() throws {
        let peer = makePeer()
        let start = Date()
        for id in 1...4 { peer.send(request(id, "read", #"{"name":"r\#(id)","milliseconds":800}"#)) }
        let ids = (0..<4).compactMap { _ in peer.next()?["id"] }
        XCTAssertEqual(Set(ids), [1, 2, 3, 4])
        XCTAssertLessThan(Date().timeIntervalSince(start), 2.5, "four 0.8 s reads overlap")
    }

    // MARK: - Errors and the end of input

    func testHandlerErrorsAreMapped() throws {
        let peer = makePeer()
        peer.send(request(1, "fail.internal"))
        let internalError = try XCTUnwrap(peer.next())
        XCTAssertEqual(internalError["error"], ["code": -32603, "message": "Internal error"], "no details leak")
        peer.send(request(2, "fail.mapped"))
        XCTAssertEqual(peer.next()?["error"]?["code"], -32001)
        peer.send(request(3, "read", #"{"name":5}"#))
        let invalid = try XCTUnwrap(peer.next())
        XCTAssertEqual(invalid["error"]?["code"], -32602)
        XCTAssertEqual(invalid["error"]?["data"]?["field"], "name")
    }

    func testInitializeReportsTheService() throws {
        let peer = makePeer(.init(maximumMessageBytes: 5000))
        peer.send(request(1, "initialize"))
        let result = try XCTUnwrap(peer.next()?["result"])
        XCTAssertEqual(result["serverInfo"], ["name": "test-server", "version": "9.9.9"])
        XCTAssertEqual(result["protocolVersion"], "test")
        XCTAssertEqual(result["capabilities"]?["methods"], ["fail.internal", "fail.mapped", "initialize", "progress", "read", "shutdown", "slow.read", "write"])
        XCTAssertEqual(result["capabilities"]?["maximumMessageBytes"], 5000)
    }

    func testEndOfInputWritesEveryReplyThenReturnsZero() throws {
        let peer = makePeer()
        for id in 1...50 { peer.send(request(id, id % 5 == 0 ? "write" : "read", #"{"name":"n\#(id)","milliseconds":20}"#)) }
        peer.closeInput()
        XCTAssertEqual(peer.waitForExit(), 0)
        var ids = Set<JSONValue>()
        while let reply = peer.next(timeout: 1) { ids.insert(reply["id"] ?? .null) }
        XCTAssertEqual(ids.count, 50)
        XCTAssertEqual(peer.unread, [])
    }

    func testExitWithoutShutdownReturnsOneAndAfterShutdownZero() throws {
        let withoutShutdown = makePeer()
        withoutShutdown.send(#"{"jsonrpc":"2.0","method":"exit"}"#)
        XCTAssertEqual(withoutShutdown.waitForExit(), 1)
        let withShutdown = makePeer()
        withShutdown.send(request(1, "shutdown"))
        XCTAssertEqual(withShutdown.next()?["result"], .null)
        withShutdown.send(request(2, "read"))
        XCTAssertEqual(withShutdown.next()?["error"]?["code"], -32600)
        withShutdown.send(#"{"jsonrpc":"2.0","method":"exit"}"#)
        XCTAssertEqual(withShutdown.waitForExit(), 0)
    }

    func testRepliesUseTheDetectedFraming() throws {
        let peer = makePeer()
        let body = request(1, "read", #"{"name":"framed"}"#)
        peer.send("Content-Length: \(body.utf8.count)\r\n\r\n" + body)
        peer.closeInput()
        XCTAssertEqual(peer.waitForExit(), 0)
        let expected = #"{"id":1,"jsonrpc":"2.0","result":"framed"}"#
        XCTAssertEqual(String(decoding: peer.unread, as: UTF8.self), "Content-Length: \(expected.utf8.count)\r\n\r\n" + expected)
    }
}
