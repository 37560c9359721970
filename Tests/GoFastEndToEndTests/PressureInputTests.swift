import Foundation
import JSONRPC
import XCTest

/// Issue 13, careless and hostile input through the real binary: first bytes that are not a message, stray
/// lines between frames, huge offending values, and XML built to make the parser quadratic.
final class PressureInputTests: GoFastTestCase {
    private let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    private func body(_ id: Int, _ method: String = "athlete.list") -> String {
        #"{"jsonrpc":"2.0","id":\#(id),"method":"\#(method)"}"#
    }

    // MARK: - First bytes

    func testAByteOrderMarkBeforeTheFirstMessageIsSkippedInBothFramings() throws {
        for framing in [WireFraming.newline, .contentLength] {
            let client = try connect(framing: framing)
            client.sendRaw(byteOrderMark + framing.frame(Array(body(1).utf8)), carrying: [body(1)])
            let reply = try client.next()
            XCTAssertEqual(reply["id"], 1, "\(framing): \(reply.text)")
            XCTAssertNotNil(reply["result"], "\(framing)")
            try client.finish()
        }
    }

    func testABareValueOrStrayLineFirstIsAnsweredAndTheNextMessageToo() throws {
        for (stray, framing) in [("1", WireFraming.newline), ("\"hello\"", .newline), ("hello there", .contentLength), ("null", .contentLength)] {
            let client = try connect(framing: framing)
            client.sendRaw(Array((stray + "\r\n").utf8) + framing.frame(Array(body(1).utf8)), carrying: [body(1)])
            let error = try client.next()
            XCTAssertEqual(error.errorCode, -32700, "\(stray) before \(framing): \(error.text)")
            XCTAssertEqual(error["id"], .null)
            let reply = try client.next()
            XCTAssertEqual(reply["id"], 1, "\(stray) before \(framing): \(reply.text)")
            XCTAssertNotNil(reply["result"])
            try client.finish()
        }
    }

    func testASessionOfOneBareValueIsNotLostInSilence() throws {
        let server = try launch(["--db", ":memory:"])
        server.write("42")
        server.closeStdin()
        XCTAssertEqual(try server.waitForExit(), 0)
        let reply = try JSONParser.parse(Array(server.allStdout.dropLast()))
        XCTAssertEqual(reply.errorCode, -32700, reply.text)
    }

    /// In Content-Length framing one stray line glued to a valid frame must not lose that frame.
    func testAStrayLineBetweenFramesCostsOnlyItself() throws {
        let client = try connect(framing: .contentLength)
        let stream = WireFraming.contentLength.frame(Array(body(1).utf8)) + Array("oops, a stray line\r\n".utf8)
            + WireFraming.contentLength.frame(Array(body(2).utf8))
        client.sendRaw(stream, carrying: [body(1), body(2)])
        // Replies may come in any order: the framing error is immediate, the requests run as tasks.
        let messages = try (0..<3).map { _ in try client.next() }
        XCTAssertEqual(messages.filter { $0["id"] == .null && $0.errorCode == -32700 }.count, 1, "\(messages.map(\.text))")
        for id in [1, 2] as [JSONValue] {
            XCTAssertNotNil(messages.first { $0["id"] == id }?["result"], "the reply to \(id): \(messages.map(\.text))")
        }
        try client.finish()
    }

    // MARK: - No huge echoes

    func testErrorsQuoteAtMostAShortPieceOfAHugeValue() throws {
        let client = try connect()
        let huge = String(repeating: "Z", count: 1_000_000)
        let id = client.request("athlete.create", ["id": "a1", "name": "A", "timeZone": .string(huge)])
        let reply = try client.next(timeout: 30)
        XCTAssertEqual(reply["id"], id)
        XCTAssertEqual(reply.errorCode, -32602, reply.text.prefix(300).description)
        XCTAssertLessThan(reply.text.utf8.count, 4_000, "the 1 MB value is not echoed: \(reply.text.prefix(600))")

        let method = String(repeating: "m", count: 1_000_000)
        let unknown = try client.call(method)
        XCTAssertEqual(unknown.errorCode, -32601)
        XCTAssertLessThan(unknown.text.utf8.count, 2_000)
        try client.finish()
    }

    // MARK: - XML

    /// 200,000 attributes on one element took Foundation's parser 24 s; the pre-scan refuses it at once.
    func testAGPXWithTwoHundredThousandAttributesIsAnsweredWithinTwoSeconds() throws {
        let client = try trainingServer()
        try client.athlete("a1")
        var document = Array(#"<?xml version="1.0"?><gpx version="1.1" creator="x"><trk><trkseg><trkpt lat="1" lon="2""#.utf8)
        for index in 0..<200_000 { document += Array(" a\(index)=\"1\"".utf8) }
        document += Array("><time>2027-01-10T08:00:00Z</time></trkpt></trkseg></trk></gpx>".utf8)
        let params: JSONValue = ["athleteId": "a1", "format": "gpx", "contentBase64": .string(Data(document).base64EncodedString())]
        let start = Date()
        let error = try client.error("activity.import", params, code: -32020, timeout: 30)
        let elapsed = Date().timeIntervalSince(start)
        XCTAssertLessThan(elapsed, 2, "answered in \(elapsed) s")
        let reason = error["data"]?["reason"]?.stringValue ?? error.text
        XCTAssertTrue(reason.contains("attributes"), reason)
        _ = try client.result("athlete.list")
        try client.finish()
    }

    func testXMLErrorsGiveAReasonNotAParserErrorNumber() throws {
        let client = try trainingServer()
        try client.athlete("a1")
        for (document, words) in [("<gpx><trk></gpx>", "closed"), ("<gpx><trk><trkseg>", "ends before"), ("<gpx a=1></gpx>", "attribute")] {
            let params: JSONValue = ["athleteId": "a1", "format": "gpx", "contentBase64": .string(Data(document.utf8).base64EncodedString())]
            let error = try client.error("activity.import", params, code: -32020)
            let text = error.text
            XCTAssertFalse(text.contains("NSXMLParserErrorDomain"), text)
            XCTAssertTrue(text.contains(words), "\(document): \(text)")
        }
        try client.finish()
    }
}
