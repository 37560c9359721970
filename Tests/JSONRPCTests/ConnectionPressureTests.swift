import Foundation
import JSONRPC
import XCTest

/// `JSONRPCConnection` under pressure (issue 13): bounded work in flight, batch limits, the commit point of
/// cancellation, careless first bytes and errors that never echo huge values.
final class ConnectionPressureTests: XCTestCase {
    /// A latch that handlers poll without blocking a thread of the cooperative pool.
    final class Latch: @unchecked Sendable {
        private let lock = NSLock()
        private var isOpen = false
        func open() { lock.lock(); isOpen = true; lock.unlock() }
        var opened: Bool { lock.lock(); defer { lock.unlock() }; return isOpen }
        func wait() async throws {
            while !opened { try await Task.sleep(nanoseconds: 2_000_000) }
        }
    }

    struct ReadBackFailure: Error {}

    private static func pressureService(_ journal: ConnectionTests.Journal, latch: Latch) -> RPCService {
        /// Polls until the request's task is cancelled (the `$/cancelRequest` arrived), without throwing.
        @Sendable func waitUntilCancelled() async {
            let deadline = Date(timeIntervalSinceNow: 10)
            while !Task.isCancelled, Date() < deadline { try? await Task.sleep(nanoseconds: 2_000_000) }
        }
        return RPCService(serverName: "pressure", serverVersion: "1", protocolVersion: "test", methods: [
            RPCMethod("hold", access: .read) { _ in
                journal.record("hold start")
                try await latch.wait()
                return .value("held")
            },
            RPCMethod("echo", access: .read) { request in request.params.map { .value($0) } ?? .null },
            RPCMethod("inline.read", inlineRead: { _ in
                let inTask = withUnsafeCurrentTask { $0 != nil }
                journal.record("inline.read ran")
                return .value(.string(inTask ? "in a task" : "inline"))
            }),
            RPCMethod("hold.write", access: .write) { _ in
                journal.record("hold.write start")
                try await latch.wait()
                journal.record("hold.write end")
                return .value("written")
            },
            RPCMethod("commit.shielded", access: .write) { request in
                journal.record("shielded start")
                await waitUntilCancelled()
                return try await request.committing {
                    // The store checks cancellation on its reads; past the commit point they must pass.
                    try Task.checkCancellation()
                    journal.record("shielded committed")
                    return .value("committed")
                }
            },
            RPCMethod("commit.unshielded", access: .write) { _ in
                journal.record("unshielded start")
                await waitUntilCancelled()
                try Task.checkCancellation()
                journal.record("unshielded committed")
                return .value("committed")
            },
            RPCMethod("commit.then.fail", access: .write) { request in
                journal.record("fail start")
                await waitUntilCancelled()
                return try await request.committing {
                    journal.record("fail committed")
                    throw ReadBackFailure()
                }
            },
            RPCMethod("returns.despite.cancel", access: .write) { _ in
                journal.record("returns start")
                await waitUntilCancelled()
                return .value("returned")
            },
        ])
    }

    private var peers: [ConnectionTests.Peer] = []
    private let latch = Latch()

    private func makePeer(_ configuration: JSONRPCConnection.Configuration = .init()) -> ConnectionTests.Peer {
        let latch = self.latch
        let peer = ConnectionTests.Peer(configuration: configuration) { journal in Self.pressureService(journal, latch: latch) }
        peers.append(peer)
        return peer
    }

    override func tearDown() {
        latch.open()
        for peer in peers { peer.closeInput() }
        for peer in peers { _ = peer.waitForExit(timeout: 15) }
        peers.removeAll()
        super.tearDown()
    }

    private func request(_ id: Int, _ method: String, _ params: String = "{}") -> String {
        #"{"jsonrpc":"2.0","id":\#(id),"method":"\#(method)","params":\#(params)}"#
    }

    // MARK: - Work in flight

    func testNoMoreThanTheLimitOfRequestsRunsAndTheRestWaitUnread() throws {
        let peer = makePeer(.init(maximumRequestsInFlight: 3))
        for id in 1...8 { peer.send(request(id, "hold")) }
        XCTAssertTrue(peer.journal.wait(for: "hold start"))
        Thread.sleep(forTimeInterval: 0.5)
        XCTAssertEqual(peer.journal.all.filter { $0 == "hold start" }.count, 3, "only 3 requests are taken while 3 are in flight")
        XCTAssertNil(peer.next(timeout: 0.1))
        latch.open()
        var ids: Set<Int> = []
        for _ in 1...8 {
            let reply = try XCTUnwrap(peer.next(timeout: 5))
            XCTAssertEqual(reply["result"], "held")
            if case .number(let number)? = reply["id"], let id = Int(number.text) { ids.insert(id) }
        }
        XCTAssertEqual(ids, Set(1...8))
        peer.closeInput()
        XCTAssertEqual(peer.waitForExit(), 0)
    }

    // MARK: - Inline reads

    func testAnInlineReadRunsWithoutATaskWhenNoWriteIsPending() throws {
        let peer = makePeer()
        peer.send(request(1, "inline.read"))
        XCTAssertEqual(try XCTUnwrap(peer.next())["result"], "inline")
        let batch = "[" + (2...4).map { request($0, "inline.read") }.joined(separator: ",") + "]"
        peer.send(batch)
        guard case .array(let replies)? = peer.next() else { return XCTFail("the batch is answered") }
        XCTAssertEqual(replies.map { $0["result"] }, ["inline", "inline", "inline"])
    }

    func testAnInlineReadWaitsForAPendingWrite() throws {
        let peer = makePeer()
        peer.send(request(1, "hold.write"))
        XCTAssertTrue(peer.journal.wait(for: "hold.write start"))
        peer.send(request(2, "inline.read"))
        XCTAssertNil(peer.next(timeout: 0.3), "the read waits for the write before it")
        XCTAssertFalse(peer.journal.all.contains("inline.read ran"))
        latch.open()
        var results: [JSONValue: JSONValue] = [:]
        for _ in 0..<2 {
            let reply = try XCTUnwrap(peer.next())
            results[reply["id"] ?? .null] = reply["result"]
        }
        XCTAssertEqual(results, [1: "written", 2: "in a task"])
        let journal = peer.journal.all
        XCTAssertLessThan(try XCTUnwrap(journal.firstIndex(of: "hold.write end")), try XCTUnwrap(journal.firstIndex(of: "inline.read ran")))
        peer.send(request(3, "inline.read"))
        XCTAssertEqual(try XCTUnwrap(peer.next())["result"], "inline", "inline again once the write is done")
    }

    // MARK: - Batches

    func testABatchOverTheLimitIsRefusedWholeWithAReason() throws {
        let peer = makePeer(.init(maximumBatchRequests: 3))
        let four = "[" + (1...4).map { request($0, "echo", #"{"n":\#($0)}"#) }.joined(separator: ",") + "]"
        peer.send(four)
        let refusal = try XCTUnwrap(peer.next())
        XCTAssertEqual(refusal["id"], .null)
        XCTAssertEqual(refusal["error"]?["code"], -32600)
        let reason = refusal["error"]?["data"]?["reason"]?.stringValue ?? ""
        XCTAssertTrue(reason.contains("4 requests") && reason.contains("limit of 3"), reason)
        let three = "[" + (1...3).map { request($0, "echo", #"{"n":\#($0)}"#) }.joined(separator: ",") + "]"
        peer.send(three)
        guard case .array(let replies)? = peer.next() else { return XCTFail("a batch at the limit is answered with an array") }
        XCTAssertEqual(replies.count, 3)
    }

    func testABatchLargerThanTheWorkInFlightIsAnsweredInChunks() throws {
        let peer = makePeer(.init(maximumRequestsInFlight: 2, maximumBatchRequests: 50))
        let batch = "[" + (1...50).map { request($0, "echo", #"{"n":\#($0)}"#) }.joined(separator: ",") + "]"
        peer.send(batch)
        guard case .array(let replies)? = peer.next() else { return XCTFail("the batch is answered") }
        XCTAssertEqual(replies.count, 50)
        XCTAssertEqual(Set(replies.compactMap { $0["result"]?["n"] }).count, 50)
    }

    // MARK: - Cancellation and the commit point

    /// Sends request 1 for `method`, cancels it once the handler logged `marker`, and returns the peer and the reply.
    private func cancelOnceStarted(_ method: String, marker: String, file: StaticString = #filePath, line: UInt = #line) throws -> (ConnectionTests.Peer, JSONValue) {
        let peer = makePeer()
        peer.send(request(1, method))
        XCTAssertTrue(peer.journal.wait(for: marker), file: file, line: line)
        peer.send(#"{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":1}}"#)
        return (peer, try XCTUnwrap(peer.next(timeout: 5), file: file, line: line))
    }

    func testCancellationAfterTheCommitPointIsAnsweredWithTheResult() throws {
        let (peer, reply) = try cancelOnceStarted("commit.shielded", marker: "shielded start")
        XCTAssertEqual(reply["result"], "committed", "\(reply)")
        XCTAssertTrue(peer.journal.all.contains("shielded committed"))
    }

    /// The control: the same handler without the shield gives up with -32800 and commits nothing.
    func testCancellationBeforeTheCommitPointIsMinus32800() throws {
        let (peer, reply) = try cancelOnceStarted("commit.unshielded", marker: "unshielded start")
        XCTAssertEqual(reply["error"]?["code"], -32800, "\(reply)")
        XCTAssertFalse(peer.journal.all.contains("unshielded committed"))
    }

    /// A failure after the commit point is not a cancellation: the change stands, so -32800 would be a lie.
    func testAFailureAfterTheCommitPointIsNotReportedAsCancelled() throws {
        let (peer, reply) = try cancelOnceStarted("commit.then.fail", marker: "fail start")
        XCTAssertEqual(reply["error"]?["code"], -32603, "\(reply)")
        XCTAssertTrue(peer.journal.all.contains("fail committed"))
    }

    func testAValueReturnedAfterACancelIsSentAsTheResult() throws {
        let (_, reply) = try cancelOnceStarted("returns.despite.cancel", marker: "returns start")
        XCTAssertEqual(reply["result"], "returned")
    }

    // MARK: - Careless first bytes

    func testAByteOrderMarkAndAStrayLineBeforeTheFirstMessageAreAnsweredAndTheSessionGoesOn() throws {
        let peer = makePeer()
        peer.sendRaw([0xEF, 0xBB, 0xBF] + Array("hello\n".utf8))
        peer.send(request(1, "echo", #"{"n":1}"#))
        let stray = try XCTUnwrap(peer.next())
        XCTAssertEqual(stray["id"], .null)
        XCTAssertEqual(stray["error"]?["code"], -32700)
        XCTAssertTrue(stray["error"]?["data"]?["reason"]?.stringValue?.contains("hello") ?? false, "\(stray)")
        XCTAssertEqual(try XCTUnwrap(peer.next())["result"]?["n"], 1)
    }

    func testALoneBareValueIsAnsweredBeforeTheEnd() throws {
        let peer = makePeer()
        peer.sendRaw(Array("42".utf8))
        peer.closeInput()
        let reply = try XCTUnwrap(peer.next(), "a session of one bare value is not lost in silence")
        XCTAssertEqual(reply["error"]?["code"], -32700)
        XCTAssertEqual(peer.waitForExit(), 0)
    }

    // MARK: - No huge echoes

    func testErrorsDoNotEchoAHugeValue() throws {
        let peer = makePeer()
        let hugeName = String(repeating: "m", count: 1_000_000)
        peer.send(#"{"jsonrpc":"2.0","id":1,"method":"\#(hugeName)"}"#)
        let reply = try XCTUnwrap(peer.next())
        XCTAssertEqual(reply["error"]?["code"], -32601)
        let echoed = reply["error"]?["data"]?["method"]?.stringValue ?? ""
        XCTAssertLessThan(echoed.count, 500, "the method name is shortened")
        XCTAssertTrue(echoed.hasPrefix("mmmm") && echoed.contains("characters omitted"), echoed.prefix(300).description)

        let hugeID = String(repeating: "i", count: 100_000)
        peer.send(#"{"jsonrpc":"2.0","id":"\#(hugeID)","method":"echo"}"#)
        let refused = try XCTUnwrap(peer.next())
        XCTAssertEqual(refused["id"], .null)
        XCTAssertEqual(refused["error"]?["code"], -32600)
    }

    func testQuotedTextIsCutAtTwoHundredCharacters() {
        XCTAssertEqual(EchoedText.quoted("short"), "short")
        let long = String(repeating: "é", count: 1_000)
        XCTAssertEqual(EchoedText.quoted(long), String(repeating: "é", count: 200) + "…")
        let error = RPCError.invalidParams(field: "timeZone", reason: "\"\(String(repeating: "z", count: 5_000))\" is not a known time zone")
        let shortened = error.shortenedForWire
        XCTAssertLessThan(shortened.message.count, 600)
        XCTAssertTrue(shortened.message.hasSuffix("is not a known time zone"), "the reason at the end survives")
        XCTAssertEqual(shortened.data?["field"], "timeZone")
    }
}
