import Foundation
import JSONRPC
import XCTest

/// `athlete.get` answered on the hot path (scanned from its raw bytes, the store's dedicated read connection, the
/// result written directly) gives the same bytes as the general path, sees every write sent before it, and leaves
/// anything unusual to the general path.
final class HotReadTests: GoFastTestCase {
    /// The reply body to `body`, as bytes.
    private func reply(_ client: GoFastClient, _ body: String) throws -> String {
        client.sendBody(body)
        return String(decoding: try client.server.readMessage(framing: client.framing), as: UTF8.self)
    }

    func testThePlainAndTheGeneralPathGiveTheSameBytes() throws {
        for framing in [WireFraming.newline, .contentLength] {
            let client = try connect(db: databasePath, framing: framing)
            let athletes: [JSONValue] = [
                ["id": "ath_plain", "name": "Plain", "timeZone": "UTC"],
                ["id": "ath_full", "name": "Zoë \"Quick\" O'Brien \\ 走る 🏃", "email": "zoe@example.org", "timeZone": "Europe/London",
                 "fiveKTimeSeconds": 1234.5, "maxHeartRate": 190, "restingHeartRate": 48, "thresholdPaceSecondsPerKm": 251.3333333,
                 "thresholdHeartRate": 172],
                ["id": "ath_round", "name": "Back\\slash \u{2028} and ☃", "timeZone": "America/Los_Angeles", "fiveKTimeSeconds": 1320],
            ]
            for athlete in athletes { _ = try client.result("athlete.create", athlete) }
            for case .string(let id)? in athletes.map({ $0["id"] }) {
                let plain = try reply(client, #"{"jsonrpc":"2.0","id":1,"method":"athlete.get","params":{"id":"\#(id)"}}"#)
                XCTAssertTrue(plain.contains(#""result":{"id":"\#(id)""#), plain)
                // Escaped member names, a progress token and a fractional id all take the general path.
                let general = [
                    #"{"jsonrpc":"2.0","id":1,"method":"athlete.get","params":{"\u0069d":"\#(id)"}}"#,
                    #"{"jsonrpc":"2.0","id":1,"method":"athlete.get","params":{"id":"\#(id)","workDoneToken":null}}"#,
                    #"{"id":1,"params":{"id":"\#(id)"},"method":"ath\u006cete.get","jsonrpc":"2.0"}"#,
                ]
                for body in general {
                    XCTAssertEqual(try reply(client, body), plain, "\(framing): \(body)")
                }
                // The plain shape in another member order and spacing is still answered, the same.
                XCTAssertEqual(try reply(client, #" { "params" : { "id" : "\#(id)" } , "method":"athlete.get", "id" : 1, "jsonrpc" : "2.0" } "#), plain)
                let stringID = try reply(client, #"{"jsonrpc":"2.0","id":"q-1","method":"athlete.get","params":{"id":"\#(id)"}}"#)
                XCTAssertEqual(stringID, plain.replacingOccurrences(of: #"{"id":1,"#, with: #"{"id":"q-1","#))
                XCTAssertEqual(try JSONParser.parse(Array(plain.utf8))["result"], try client.result("athlete.get", ["id": .string(id)]))
            }
        }
    }

    func testAReadSentAfterAWriteSeesTheWrite() throws {
        let client = try connect(db: databasePath)
        _ = try client.result("athlete.create", ["id": "ath_rename", "name": "Before", "timeZone": "UTC"])
        var bytes: [UInt8] = []
        for round in 0..<200 {
            bytes += Array(#"{"jsonrpc":"2.0","id":"u\#(round)","method":"athlete.update","params":{"id":"ath_rename","name":"Name \#(round)"}}"#.utf8) + [0x0A]
            bytes += Array(#"{"jsonrpc":"2.0","id":"g\#(round)","method":"athlete.get","params":{"id":"ath_rename"}}"#.utf8) + [0x0A]
        }
        client.server.write(bytes)
        var names: [String: JSONValue] = [:]
        for _ in 0..<400 {
            let message = try JSONParser.parse(try client.server.readMessage(framing: .newline))
            if case .string(let id)? = message["id"], id.hasPrefix("g") { names[id] = message["result"]?["name"] }
        }
        for round in 0..<200 {
            XCTAssertEqual(names["g\(round)"], .string("Name \(round)"), "the read after update \(round) saw another state")
        }
    }

    func testUnusualRequestsGetTheGeneralAnswers() throws {
        let client = try connect(db: databasePath)
        _ = try client.result("athlete.create", ["id": "ath_here", "name": "Here", "timeZone": "UTC"])
        try client.error("athlete.get", ["id": "ath_missing"], code: -32001)
        try client.error("athlete.get", ["id": "ath\u{0}here"], code: -32602)
        try client.error("athlete.get", [:], code: -32602)
        try client.error("athlete.get", ["id": 7], code: -32602)
        let duplicate = try reply(client, #"{"jsonrpc":"2.0","id":2,"method":"athlete.get","params":{"id":"nobody","id":"ath_here"}}"#)
        XCTAssertTrue(duplicate.contains(#""result":{"id":"ath_here""#), "the last duplicate wins, as in the parser: \(duplicate)")
        let trailing = try reply(client, #"{"jsonrpc":"2.0","id":3,"method":"athlete.get","params":{"id":"ath_here"}} x"#)
        XCTAssertTrue(trailing.contains("-32700"), trailing)
        let version = try reply(client, #"{"jsonrpc":"1.0","id":4,"method":"athlete.get","params":{"id":"ath_here"}}"#)
        XCTAssertTrue(version.contains("-32600"), version)
        _ = try client.result("shutdown")
        let afterShutdown = try reply(client, #"{"jsonrpc":"2.0","id":5,"method":"athlete.get","params":{"id":"ath_here"}}"#)
        XCTAssertTrue(afterShutdown.contains("-32600"), afterShutdown)
    }
}
