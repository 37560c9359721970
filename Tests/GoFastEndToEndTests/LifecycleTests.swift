import Foundation
import JSONRPC
import XCTest

/// `initialize` … `shutdown`, `exit`, sessions without the lifecycle, and end of input.
final class LifecycleTests: GoFastTestCase {
    /// The methods of issue 2; the server may offer more.
    static let foundationMethods = [
        "initialize", "shutdown", "rpc.discover", "athlete.create", "athlete.get", "athlete.update", "athlete.list",
        "race.create", "race.get", "race.list", "plan.get", "plan.list",
    ]

    func testInitializeDescribesTheServer() throws {
        let client = try connect(framing: .contentLength, arguments: ["--max-message-bytes", "4096"])
        let result = try client.result("initialize", ["clientInfo": ["name": "e2e", "version": "1"], "processId": .null, "capabilities": [:]])
        XCTAssertEqual(result["serverInfo"]?["name"], "gofast")
        let version = try XCTUnwrap(result["serverInfo"]?["version"]?.stringValue)
        XCTAssertNotNil(version.range(of: #"^\d+\.\d+\.\d+"#, options: .regularExpression), "a semantic version: \(version)")
        XCTAssertFalse(result["protocolVersion"]?.stringValue?.isEmpty ?? true)
        let capabilities = try XCTUnwrap(result["capabilities"])
        let methods = try XCTUnwrap(capabilities["methods"]?.arrayValue?.compactMap(\.stringValue))
        for method in Self.foundationMethods {
            XCTAssertTrue(methods.contains(method), "capabilities.methods lacks \(method)")
        }
        XCTAssertEqual(methods, methods.sorted(), "sorted")
        XCTAssertEqual(Set(methods).count, methods.count, "no duplicates")
        XCTAssertEqual(capabilities["maximumMessageBytes"], 4096)
        XCTAssertEqual(capabilities["framings"], ["content-length", "newline"])
        XCTAssertEqual(capabilities["cancelRequest"], true)
        XCTAssertEqual(capabilities["workDoneProgress"], true)
        client.notify("initialized", [:])
        // Every announced method is answered (never -32601).
        for method in methods where method != "shutdown" {
            let reply = try client.call(method, [:])
            XCTAssertNotEqual(reply.errorCode, -32601, "\(method) is announced but not found")
        }
        try client.finish()
    }

    func testTheDocumentDescribesExactlyTheAnnouncedMethods() throws {
        let client = try connect()
        let result = try client.result("initialize", [:])
        let methods = Set(result["capabilities"]?["methods"]?.arrayValue?.compactMap(\.stringValue) ?? [])
        let documented = Set(try ProtocolDocument.shared.get().methods.keys)
        XCTAssertEqual(methods.subtracting(documented).sorted(), [], "methods the server answers that protocol/openrpc.json does not describe")
        XCTAssertEqual(documented.subtracting(methods).sorted(), [], "methods protocol/openrpc.json describes that the server does not announce")
        try client.finish()
    }

    func testInitializeAcceptsNoParams() throws {
        let client = try connect()
        XCTAssertEqual(try client.result("initialize")["serverInfo"]?["name"], "gofast")
        try client.finish()
    }

    func testASessionWithoutInitializeIsServed() throws {
        let client = try connect()
        let athlete = try client.result("athlete.create", ["name": "Ada", "timeZone": "Europe/London"])
        XCTAssertEqual(try client.result("athlete.get", ["id": athlete["id"]!]), athlete)
        try client.finish()
    }

    func testRequestsAfterShutdownAreRefused() throws {
        let client = try connect(db: databasePath)
        _ = try client.result("initialize", [:])
        _ = try client.result("athlete.create", ["id": "ath_a", "name": "A", "timeZone": "UTC"])
        XCTAssertEqual(try client.result("shutdown"), .null)
        for method in ["athlete.list", "athlete.create", "initialize", "shutdown", "rpc.discover", "no.such.method"] {
            let error = try client.error(method, ["name": "B", "timeZone": "UTC"], code: -32600)
            XCTAssertNotNil(error["data"]?["reason"], method)
        }
        // Notifications after shutdown are not run.
        client.notify("athlete.create", ["id": "ath_late", "name": "Late", "timeZone": "UTC"])
        client.notify("exit")
        XCTAssertEqual(try client.server.waitForExit(), 0)
        XCTAssertTrue(client.server.unreadStdout.isEmpty)
        let after = try run(["call", "--db", databasePath, "athlete.list"])
        XCTAssertEqual(after.code, 0, after.stderr)
        let athletes = try JSONParser.parse(Array(after.stdout.utf8))
        XCTAssertEqual(athletes.arrayValue?.compactMap { $0["id"] }, ["ath_a"], "nothing ran after shutdown")
    }

    func testShutdownWaitsForTheWorkInFlight() throws {
        let client = try connect()
        var ids: [JSONValue] = []
        for index in 0..<50 {
            ids.append(client.request("athlete.create", ["id": .string("ath_\(index)"), "name": "A", "timeZone": "UTC"]))
        }
        let shutdown = client.request("shutdown")
        let replies = try client.replies(to: ids + [shutdown])
        for id in ids { XCTAssertNotNil(replies[id]?["result"], "request \(id.text) before shutdown is answered normally") }
        client.notify("exit")
        XCTAssertEqual(try client.server.waitForExit(), 0)
    }

    func testExitAfterShutdownExitsWithZeroWhileStdinIsStillOpen() throws {
        let client = try connect()
        _ = try client.result("shutdown")
        client.notify("exit")
        XCTAssertEqual(try client.server.waitForExit(), 0)
    }

    func testExitWithoutShutdownExitsWithOne() throws {
        let client = try connect()
        _ = try client.result("athlete.list")
        client.notify("exit")
        XCTAssertEqual(try client.server.waitForExit(), 1)
    }

    func testExitAsTheOnlyMessageExitsWithOne() throws {
        let server = try launch(["--db", ":memory:"])
        server.write(#"{"jsonrpc":"2.0","method":"exit"}"# + "\n")
        XCTAssertEqual(try server.waitForExit(), 1)
        XCTAssertEqual(server.allStdout, [])
    }

    func testEndOfInputWritesEveryReplyInFlightThenExitsWithZero() throws {
        let client = try connect(db: databasePath)
        var ids: [JSONValue] = []
        var batch: [UInt8] = []
        for index in 0..<100 {
            for (method, params) in [("athlete.create", ["id": JSONValue.string("ath_\(index)"), "name": .string("Runner \(index)"), "timeZone": "UTC"] as JSONValue),
                                     ("athlete.get", ["id": .string("ath_\(index)")])] {
                let id = client.makeID()
                let body = JSONWriter.bytes(["jsonrpc": "2.0", "id": id, "method": .string(method), "params": params])
                client.remember(body)
                batch += body + [0x0A]
                ids.append(id)
            }
        }
        // 200 requests in one write, then end of input at once.
        client.server.write(batch)
        client.server.closeStdin()
        XCTAssertEqual(try client.server.waitForExit(), 0)
        let replies = try client.replies(to: ids)
        XCTAssertEqual(replies.count, 200)
        for (id, reply) in replies {
            XCTAssertNotNil(reply["result"], "\(id.text): \(reply.text)")
        }
        XCTAssertTrue(client.server.unreadStdout.isEmpty)
    }

    func testUnknownDollarNotificationsAreIgnored() throws {
        let client = try connect()
        for method in ["$/foo", "$/setTrace", "$/logTrace", "$/cancelRequest", "$/progress"] {
            client.notify(method, ["value": "x"])
            client.notify(method)
        }
        XCTAssertEqual(try client.result("athlete.list"), .array([]))
        try client.finish()
    }

    func testStdoutClosedByTheClientDoesNotKillTheServer() throws {
        // SIGPIPE is ignored: with nobody reading stdout the server still reads to the end and exits normally.
        let server = try launch(["--db", ":memory:"], closeStdoutReader: true)
        for index in 0..<20 {
            server.write(#"{"jsonrpc":"2.0","id":\#(index),"method":"athlete.list"}"# + "\n")
        }
        server.closeStdin()
        XCTAssertEqual(try server.waitForExit(), 0)
    }
}
