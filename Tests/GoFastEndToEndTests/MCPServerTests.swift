import Foundation
import JSONRPC
import XCTest

/// `gofast mcp` driven as an AI assistant drives it: the official MCP Python SDK's stdio client runs a whole
/// session (Tests/Fixtures/mcp/mcp_session.py), and the raw wire is checked here for what the SDK would hide.
final class MCPServerTests: GoFastTestCase {
    /// The MCP SDK's client: initialize, tools and their schemas against protocol/openrpc.json, a plan generated,
    /// today's workout read as a resource, a run ingested, bad input, unknown tool and resource, prompts.
    /// `.ci/run` installs the `mcp` package; without it the script fails, and so does this test.
    func testTheOfficialMCPClientRunsASession() throws {
        let outcome = try PythonJudge.run(
            "Tests/Fixtures/mcp/mcp_session.py", [ServerProcess.binaryURL.path, databasePath, "protocol/openrpc.json"]
        )
        XCTAssertEqual(outcome.status, 0, "mcp_session.py failed:\n\(outcome.stderr.suffix(4000))\n\(outcome.stdout.suffix(2000))")
        XCTAssertEqual(outcome.stdout.split(separator: "\n").last, "ok")
        // Hundreds of checks ran, not a handful: one per tool and schema at least.
        XCTAssertGreaterThan(outcome.stdout.split(separator: "\n").filter { $0.hasPrefix("ok:") }.count, 200)
    }

    func testVersionNegotiationAnswersTheClientsVersionOrTheLatest() throws {
        for (asked, answered) in [("2024-11-05", "2024-11-05"), ("2025-03-26", "2025-03-26"), ("2025-06-18", "2025-06-18"), ("1999-01-01", "2025-11-25")] {
            let server = try launch(["mcp", "--db", ":memory:"])
            let reply = try exchange(server, ["jsonrpc": "2.0", "id": 1, "method": "initialize", "params": [
                "protocolVersion": .string(asked), "capabilities": [:], "clientInfo": ["name": "test", "version": "1"],
            ]])
            XCTAssertEqual(reply["result"]?["protocolVersion"], .string(answered), "asked \(asked)")
            XCTAssertEqual(reply["result"]?["serverInfo"]?["name"], "gofast")
            XCTAssertNotNil(reply["result"]?["capabilities"]?["tools"])
            server.closeStdin()
            XCTAssertEqual(try server.waitForExit(), 0)
        }
    }

    func testStdoutCarriesMCPMessagesOnlyEvenWhenLoggingEverything() throws {
        let server = try launch(["mcp", "--db", ":memory:", "--log-level", "trace"])
        let requests: [JSONValue] = [
            ["jsonrpc": "2.0", "id": 1, "method": "initialize", "params": ["protocolVersion": "2025-06-18", "capabilities": [:], "clientInfo": ["name": "t", "version": "1"]]],
            ["jsonrpc": "2.0", "method": "notifications/initialized"],
            ["jsonrpc": "2.0", "id": 2, "method": "tools/list"],
            ["jsonrpc": "2.0", "id": 3, "method": "tools/call", "params": ["name": "athlete_create", "arguments": ["name": "Ada", "timeZone": "Europe/London"]]],
            ["jsonrpc": "2.0", "id": 4, "method": "tools/call", "params": ["name": "athlete_create", "arguments": ["name": 7]]],
            ["jsonrpc": "2.0", "id": 5, "method": "tools/call", "params": ["name": "no_such_tool"]],
            ["jsonrpc": "2.0", "id": 6, "method": "resources/read", "params": ["uri": "gofast://elsewhere"]],
            ["jsonrpc": "2.0", "method": "notifications/cancelled", "params": ["requestId": 99]],
            ["jsonrpc": "2.0", "id": 7, "method": "ping"],
        ]
        for request in requests { server.write(JSONWriter.bytes(request) + [0x0A]) }
        server.closeStdin()
        XCTAssertEqual(try server.waitForExit(), 0)
        let lines = server.allStdout.split(separator: 0x0A)
        XCTAssertEqual(lines.count, 7, "one line per request, nothing for notifications: \(String(decoding: server.allStdout, as: UTF8.self).prefix(500))")
        var byID: [Int: JSONValue] = [:]
        for line in lines {
            let message = try JSONParser.parse(Array(line))
            XCTAssertEqual(message["jsonrpc"], "2.0")
            if let id = message["id"]?.intValue { byID[id] = message }
        }
        XCTAssertEqual(byID[3]?["result"]?["isError"], false)
        XCTAssertEqual(byID[3]?["result"]?["structuredContent"]?["name"], "Ada")
        XCTAssertEqual(byID[4]?["result"]?["isError"], true, "bad arguments are a tool error, not a protocol error")
        XCTAssertEqual(byID[5]?.errorCode, -32602, "an unknown tool is JSON-RPC -32602")
        XCTAssertEqual(byID[6]?.errorCode, -32002, "an unknown resource is MCP's -32002")
        XCTAssertEqual(byID[6]?["error"]?["data"]?["uri"], "gofast://elsewhere")
        XCTAssertEqual(byID[7]?["result"], .object([:]))
        XCTAssertFalse(server.stderrText.isEmpty, "trace logs go to stderr")
    }

    func testMCPHelpNamesTheClientConfiguration() throws {
        let outcome = try run(["mcp", "--help"])
        XCTAssertEqual(outcome.code, 0)
        XCTAssertTrue(outcome.stdout.contains(#""args": ["mcp"]"#), outcome.stdout)
    }

    /// Writes one request and reads its one-line reply.
    private func exchange(_ server: ServerProcess, _ request: JSONValue) throws -> JSONValue {
        server.write(JSONWriter.bytes(request) + [0x0A])
        return try JSONParser.parse(server.readMessage(framing: .newline))
    }
}
