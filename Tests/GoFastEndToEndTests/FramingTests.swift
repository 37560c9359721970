import Foundation
import JSONRPC
import XCTest

/// Both framings over real pipes: detection, awkward writes, forcing, oversized and malformed messages, and
/// the two-pipe deadlock.
final class FramingTests: GoFastTestCase {
    private func body(_ id: Int, _ method: String = "athlete.list") -> String {
        #"{"jsonrpc":"2.0","id":\#(id),"method":"\#(method)"}"#
    }

    private func header(_ name: String, _ body: String, extra: [String] = [], separator: String = "\r\n") -> String {
        (extra + ["\(name): \(body.utf8.count)"]).joined(separator: separator) + separator + separator + body
    }

    /// Reads replies for ids `1...count` in order and checks each is a result.
    private func expectResults(_ client: GoFastClient, ids: ClosedRange<Int>, file: StaticString = #filePath, line: UInt = #line) throws {
        let replies = try client.replies(to: ids.map { .number(JSONNumber($0)) }, file: file, line: line)
        for id in ids {
            XCTAssertNotNil(replies[.number(JSONNumber(id))]?["result"], "reply to \(id)", file: file, line: line)
        }
    }

    // MARK: - Content-Length

    func testContentLengthHeaderNamesInAnyCaseAndExtraHeaders() throws {
        let client = try connect(framing: .contentLength)
        let messages = [
            header("Content-Length", body(1)),
            header("content-length", body(2)),
            header("CONTENT-LENGTH", body(3)),
            header("cOnTeNt-LeNgTh", body(4)),
            header("Content-Length", body(5), extra: ["Content-Type: application/vscode-jsonrpc; charset=utf-8"]),
            header("Content-Length", body(6), extra: ["X-Unknown: whatever", "x-another:"]) ,
            "Content-Length:\(body(7).utf8.count)\r\n\r\n" + body(7),
            "Content-Length: \t\(body(8).utf8.count) \t\r\n\r\n" + body(8),
            "Content-Length: \(body(9).utf8.count)\r\nContent-Type: application/json\r\n\r\n" + body(9),
        ]
        for (index, message) in messages.enumerated() {
            client.sendRaw(Array(message.utf8), carrying: [body(index + 1)])
            let reply = try client.next()
            XCTAssertEqual(reply["id"], .number(JSONNumber(index + 1)), message)
            XCTAssertNotNil(reply["result"], message)
        }
        try client.finish()
    }

    func testContentLengthSeveralMessagesInOneWrite() throws {
        let client = try connect(framing: .contentLength)
        let bodies = (1...20).map { body($0) }
        client.sendRaw(Array(bodies.map { header("Content-Length", $0) }.joined().utf8), carrying: bodies)
        try expectResults(client, ids: 1...20)
        try client.finish()
    }

    func testContentLengthByteAtATime() throws {
        let client = try connect(framing: .contentLength)
        let bodies = [body(1), #"{"jsonrpc":"2.0","id":2,"method":"athlete.create","params":{"name":"Zoë 😀","timeZone":"Europe/Paris"}}"#, body(3)]
        for body in bodies { client.remember(Array(body.utf8)) }
        client.server.writeByteByByte(Array(bodies.map { header("Content-Length", $0) }.joined().utf8))
        try expectResults(client, ids: 1...3)
        try client.finish()
    }

    func testContentLengthMessageSplitAcrossWrites() throws {
        let client = try connect(framing: .contentLength)
        let bodies = (1...4).map { body($0) }
        let stream = Array(bodies.map { header("Content-Length", $0) }.joined().utf8)
        for body in bodies { client.remember(Array(body.utf8)) }
        // Cut inside the header name, between \r and \n, right after the blank line, inside the body and a multi-byte character.
        let cuts = [3, 17, 19, 20, 21, 30, stream.count - 5]
        var start = 0
        for cut in cuts + [stream.count] {
            client.server.write(Array(stream[start..<cut]))
            start = cut
            try client.server.waitUntilWritten()
        }
        try expectResults(client, ids: 1...4)
        // A multi-byte character cut in two.
        let unicode = #"{"jsonrpc":"2.0","id":5,"method":"athlete.create","params":{"name":"😀","timeZone":"UTC"}}"#
        let bytes = Array(header("Content-Length", unicode).utf8)
        client.remember(Array(unicode.utf8))
        let emoji = bytes.firstIndex(of: 0xF0)!
        client.server.write(Array(bytes[..<(emoji + 2)]))
        try client.server.waitUntilWritten()
        client.server.write(Array(bytes[(emoji + 2)...]))
        XCTAssertEqual(try client.next()["result"]?["name"], "😀")
        try client.finish()
    }

    func testContentLengthToleratesBlankLinesAndBareLineFeeds() throws {
        let client = try connect(framing: .contentLength)
        let bodies = [body(1), body(2), body(3)]
        let stream = "\r\n" + header("Content-Length", bodies[0]) + "\r\n\r\n" + header("Content-Length", bodies[1], separator: "\n") + header("Content-Length", bodies[2])
        client.sendRaw(Array(stream.utf8), carrying: bodies)
        try expectResults(client, ids: 1...3)
        try client.finish()
    }

    // MARK: - Newline-delimited

    func testNewlineSeveralMessagesInOneWrite() throws {
        let client = try connect()
        let bodies = (1...20).map { body($0) }
        client.sendRaw(Array(bodies.map { $0 + "\n" }.joined().utf8), carrying: bodies)
        try expectResults(client, ids: 1...20)
        try client.finish()
    }

    func testNewlineByteAtATime() throws {
        let client = try connect()
        let bodies = [body(1), #"{"jsonrpc":"2.0","id":2,"method":"athlete.create","params":{"name":"Zoë 😀","timeZone":"Europe/Paris"}}"#, body(3)]
        for body in bodies { client.remember(Array(body.utf8)) }
        client.server.writeByteByByte(Array(bodies.map { $0 + "\n" }.joined().utf8))
        try expectResults(client, ids: 1...3)
        try client.finish()
    }

    func testNewlineMessageSplitAcrossWrites() throws {
        let client = try connect()
        let bodies = (1...3).map { body($0) }
        let stream = Array(bodies.map { $0 + "\n" }.joined().utf8)
        for body in bodies { client.remember(Array(body.utf8)) }
        var start = 0
        for cut in [1, 10, bodies[0].utf8.count, bodies[0].utf8.count + 1, stream.count - 1, stream.count] {
            client.server.write(Array(stream[start..<cut]))
            start = cut
            try client.server.waitUntilWritten()
        }
        try expectResults(client, ids: 1...3)
        try client.finish()
    }

    func testNewlineToleratesCRLFAndBlankLinesAndSpaces() throws {
        let client = try connect()
        let bodies = [body(1), body(2), body(3)]
        let stream = "\n\r\n  " + bodies[0] + "\r\n\n\n\t" + bodies[1] + "  \r\n" + bodies[2] + "\n"
        client.sendRaw(Array(stream.utf8), carrying: bodies)
        try expectResults(client, ids: 1...3)
        try client.finish()
    }

    func testNewlineDetectedFromABatch() throws {
        let client = try connect()
        client.sendBody("[\(body(1)),\(body(2))]")
        let reply = try client.next()
        XCTAssertEqual(reply.arrayValue?.count, 2, reply.text)
        try client.finish()
    }

    func testAnOversizedFirstMessageIsAnsweredInTheDetectedFraming() throws {
        // An oversized first message: the framing is detected from it, and its error goes out in that framing.
        let client = try connect(arguments: ["--max-message-bytes", "2048"])
        client.sendBody(#"{"jsonrpc":"2.0","id":1,"method":"athlete.list","params":{"pad":""# + String(repeating: "x", count: 10_000) + #""}}"#)
        XCTAssertNotNil(try client.next().errorCode)
        XCTAssertNotNil(try client.call("athlete.list")["result"])
        try client.finish()
    }

    // MARK: - --framing

    func testFramingNewlineForcedReadsHeadersAsLines() throws {
        let client = try connect(arguments: ["--framing", "newline"])
        // The client speaks LSP framing to a server forced to newline: the header line is not JSON,
        // the blank line is skipped, and the body (on its own line) is a request.
        client.sendRaw(Array((header("Content-Length", body(1)) + "\n").utf8), carrying: [body(1)])
        let first = try client.next()
        XCTAssertEqual(first.errorCode, -32700, first.text)
        XCTAssertEqual(first["id"], .null)
        let second = try client.next()
        XCTAssertEqual(second["id"], 1)
        XCTAssertNotNil(second["result"])
        try client.finish()
    }

    func testFramingContentLengthForcedRefusesNewlineMessages() throws {
        let client = try connect(framing: .contentLength, arguments: ["--framing", "content-length"])
        // A JSON line followed by a blank line is a header block without Content-Length.
        client.sendRaw(Array((body(1) + "\n\n").utf8))
        let first = try client.next()
        XCTAssertEqual(first.errorCode, -32700, first.text)
        XCTAssertEqual(first["id"], .null)
        client.sendRaw(Array(header("Content-Length", body(2)).utf8), carrying: [body(2)])
        XCTAssertNotNil(try client.next()["result"])
        try client.finish()
    }

    func testAnUnknownFramingIsRefusedByTheCommandLine() throws {
        let outcome = try run(["--framing", "carrier-pigeon", "--db", ":memory:"])
        XCTAssertNotEqual(outcome.code, 0)
        XCTAssertTrue(outcome.stdout.isEmpty, "usage errors go to stderr")
        XCTAssertTrue(outcome.stderr.contains("framing"), outcome.stderr)
    }

    // MARK: - Oversized messages

    func testOversizedContentLengthMessageIsRefusedAndTheServerGoesOn() throws {
        let client = try connect(framing: .contentLength, arguments: ["--max-message-bytes", "2048"])
        let big = #"{"jsonrpc":"2.0","id":1,"method":"athlete.list","params":{"pad":""# + String(repeating: "x", count: 10_240) + #""}}"#
        // The big one and a normal one in a single write.
        client.sendRaw(Array((header("Content-Length", big) + header("Content-Length", body(2))).utf8), carrying: [body(2)])
        let refused = try client.next()
        XCTAssertEqual(refused["id"], .null, refused.text)
        XCTAssertEqual(refused.errorCode, -32600, refused.text)
        XCTAssertEqual(try client.next()["id"], 2)
        // The big one again, its body trickling in over several writes, the next message in the last one.
        let bytes = Array(header("Content-Length", big).utf8)
        for start in stride(from: 0, to: bytes.count, by: 1000) {
            client.server.write(Array(bytes[start..<min(bytes.count, start + 1000)]))
            try client.server.waitUntilWritten()
        }
        client.sendRaw(Array(header("Content-Length", body(3)).utf8), carrying: [body(3)])
        XCTAssertEqual(try client.next().errorCode, -32600)
        XCTAssertEqual(try client.next()["id"], 3)
        // Exactly at the limit is accepted.
        let padding = 2048 - #"{"jsonrpc":"2.0","id":4,"method":"athlete.list","params":{"pad":""}}"#.utf8.count
        let exact = #"{"jsonrpc":"2.0","id":4,"method":"athlete.list","params":{"pad":""# + String(repeating: "x", count: padding) + #""}}"#
        XCTAssertEqual(exact.utf8.count, 2048)
        client.sendBody(exact)
        XCTAssertNotNil(try client.next()["result"], "a message of exactly the limit is served")
        try client.finish()
    }

    func testOversizedLineIsRefusedAndTheServerGoesOn() throws {
        let client = try connect(arguments: ["--max-message-bytes", "2048"])
        _ = try client.result("athlete.list")
        let big = #"{"jsonrpc":"2.0","id":1,"method":"athlete.list","params":{"pad":""# + String(repeating: "x", count: 10_240) + #""}}"#
        client.sendRaw(Array((big + "\n" + body(2) + "\n").utf8), carrying: [body(2)])
        let refused = try client.next()
        XCTAssertEqual(refused["id"], .null, refused.text)
        XCTAssertEqual(refused.errorCode, -32600, refused.text)
        XCTAssertEqual(try client.next()["id"], 2)
        // Trickling in over several writes.
        let bytes = Array((big + "\n").utf8)
        for start in stride(from: 0, to: bytes.count, by: 1000) {
            client.server.write(Array(bytes[start..<min(bytes.count, start + 1000)]))
            try client.server.waitUntilWritten()
        }
        client.sendBody(body(3))
        XCTAssertEqual(try client.next().errorCode, -32600)
        XCTAssertEqual(try client.next()["id"], 3)
        try client.finish()
    }

    // MARK: - Malformed headers

    func testABadContentLengthIsAParseErrorAndTheServerGoesOn() throws {
        let client = try connect(framing: .contentLength)
        for bad in ["Content-Length: abc\r\n\r\n", "Content-Length: -5\r\n\r\n", "Content-Length: 1.5\r\n\r\n",
                    "Content-Type: application/json\r\n\r\n", "Content-Length\r\n\r\n"] {
            client.sendRaw(Array(bad.utf8))
            let reply = try client.next()
            XCTAssertEqual(reply.errorCode, -32700, "\(bad.debugDescription): \(reply.text)")
            XCTAssertEqual(reply["id"], .null)
            XCTAssertNotNil(try client.call("athlete.list")["result"], "served after \(bad.debugDescription)")
        }
        try client.finish()
    }

    /// A client that sends a bad header sends its body too; the framer must find the next real header after it.
    func testABadContentLengthWithItsBodyDoesNotSwallowTheNextMessage() throws {
        let client = try connect(framing: .contentLength)
        _ = try client.result("athlete.list")
        client.sendRaw(Array(("Content-Length: abc\r\n\r\n" + body(1) + header("Content-Length", body(2))).utf8), carrying: [body(2)])
        let reply = try client.next()
        XCTAssertEqual(reply.errorCode, -32700, reply.text)
        // The message after the bad one must be answered.
        var next = try client.next(timeout: 3)
        while next["id"] == .null, next.errorCode == -32700 { next = try client.next(timeout: 3) }
        XCTAssertEqual(next["id"], 2, next.text)
        try client.finish()
    }

    // MARK: - Back-pressure

    func testNoTwoPipeDeadlockWhenTheClientWritesEverythingBeforeReading() throws {
        let client = try connect(db: databasePath)
        var stream: [UInt8] = []
        var ids: [JSONValue] = []
        for index in 0..<5000 {
            let id = client.makeID()
            // Replies of about 300 bytes each: 1.5 MB in all, far more than a pipe holds.
            let body = index % 10 == 0
                ? JSONWriter.bytes(["jsonrpc": "2.0", "id": id, "method": "athlete.create", "params": ["id": .string("ath_\(index)"), "name": .string("Runner \(index)"), "timeZone": "UTC"]])
                : JSONWriter.bytes(["jsonrpc": "2.0", "id": id, "method": "athlete.get", "params": ["id": .string("ath_\(index - index % 10)")]])
            client.remember(body)
            stream += body + [0x0A]
            ids.append(id)
        }
        for start in stride(from: 0, to: stream.count, by: 4096) {
            client.server.write(Array(stream[start..<min(stream.count, start + 4096)]))
        }
        // Nothing is read from stdout until every request is written.
        try client.server.waitUntilWritten(timeout: 30)
        let replies = try client.replies(to: ids, timeout: 30)
        XCTAssertEqual(replies.count, 5000)
        XCTAssertEqual(replies.values.filter { $0["result"] == nil }.count, 0)
        try client.finish()
    }
}
