import Foundation
@testable import GoFastServer
import JSONRPC
import XCTest

/// The MCP methods called in-process on a real (in-memory) store, through the same `RPCService` the connection serves.
final class MCPServiceTests: XCTestCase {
    private var context: ServerContext!
    private var service: RPCService!

    override func setUpWithError() throws {
        context = try ServerContext(database: .open(path: ":memory:"), logger: .init(label: "mcp-test"))
        service = MCPService.make(context)
    }

    override func tearDown() {
        try? context.database.close()
        super.tearDown()
    }

    func testInitializeNegotiatesTheVersion() async throws {
        for (asked, answered) in [("2024-11-05", "2024-11-05"), ("2025-06-18", "2025-06-18"), ("2025-11-25", "2025-11-25"), ("2030-01-01", "2025-11-25")] {
            let result = try await call("initialize", ["protocolVersion": .string(asked), "capabilities": [:]])
            XCTAssertEqual(result["protocolVersion"], .string(answered), asked)
        }
        let result = try await call("initialize", [:])
        XCTAssertEqual(result["protocolVersion"], .string(MCPProtocolVersion.latest), "no version: the latest")
        XCTAssertNotNil(result["capabilities"]?["tools"])
        XCTAssertNotNil(result["capabilities"]?["resources"])
        XCTAssertNotNil(result["capabilities"]?["prompts"])
        XCTAssertEqual(result["serverInfo"]?["version"], .string(GoFastService.version))
    }

    func testAToolCallGivesTheMethodsResultAsStructuredContent() async throws {
        let created = try await call("tools/call", ["name": "athlete_create", "arguments": ["id": "ath_ada", "name": "Ada", "timeZone": "Europe/London"]])
        XCTAssertEqual(created["isError"], false)
        let direct = try JSONParser.parse(OneShot.call(service: GoFastService.make(context), method: "athlete.get", params: ["id": "ath_ada"]).get())
        XCTAssertEqual(created["structuredContent"], direct)
        guard case .array(let content)? = created["content"], content.count == 2 else { return XCTFail("two text blocks") }
        XCTAssertEqual(content[0]["text"], "athlete_create: id ath_ada, name Ada.")
        XCTAssertEqual(try JSONParser.parse(Array((content[1]["text"]?.stringValue ?? "").utf8)), direct)

        let listed = try await call("tools/call", ["name": "athlete_list"])
        XCTAssertEqual(listed["structuredContent"], ["result": [direct]], "an array result is wrapped")
        XCTAssertEqual(elements(listed["content"])?.first?["text"], "athlete_list: 1 item.")
    }

    func testBadArgumentsAreAToolErrorWithTheFieldAndTheReason() async throws {
        let result = try await call("tools/call", ["name": "athlete_create", "arguments": ["name": "Ada", "timeZone": "Mars/Olympus"]])
        XCTAssertEqual(result["isError"], true)
        XCTAssertNil(result["structuredContent"])
        let text = elements(result["content"])?.first?["text"]?.stringValue ?? ""
        XCTAssertTrue(text.contains("field: timeZone"), text)
        XCTAssertTrue(text.contains("reason: must be an IANA time zone name"), text)
        XCTAssertTrue(text.contains("-32602"), text)

        let missing = try await call("tools/call", ["name": "plan_progress", "arguments": ["planId": "plan_none"]])
        XCTAssertEqual(missing["isError"], true)
        XCTAssertTrue(elements(missing["content"])?.first?["text"]?.stringValue?.contains("-32001") == true)

        let notAnObject = try await call("tools/call", ["name": "athlete_get", "arguments": [1, 2]])
        XCTAssertEqual(notAnObject["isError"], true, "positional arguments are bad arguments")
    }

    func testAnUnknownToolIsAnInvalidParamsError() async throws {
        let error = try await callError("tools/call", ["name": "rpc_discover"])
        XCTAssertEqual(error.code, -32602)
        XCTAssertEqual(error.data?["field"], "name")
    }

    func testResourcesReadThroughTheirMethods() async throws {
        let created = try await call("tools/call", ["name": "athlete_create", "arguments": ["id": "ath:1", "name": "Ada", "timeZone": "UTC"]])
        XCTAssertEqual(created["isError"], false)
        let read = try await call("resources/read", ["uri": "gofast://athletes/ath%3A1/active-plan"])
        let content = elements(read["contents"])?.first
        XCTAssertEqual(content?["mimeType"], "application/json")
        XCTAssertEqual(content?["text"], "null", "no active plan yet: the plan.active result, null")
        let athletes = try await call("resources/read", ["uri": "gofast://athletes"])
        XCTAssertTrue(elements(athletes["contents"])?.first?["text"]?.stringValue?.contains(#""id":"ath:1""#) == true)
        let listed = try await call("resources/list")
        let uris = elements(listed["resources"])?.compactMap { $0["uri"]?.stringValue } ?? []
        XCTAssertEqual(uris, ["gofast://athletes", "gofast://athletes/ath:1/active-plan"])
    }

    func testAnUnknownResourceIsMCPsResourceNotFound() async throws {
        for uri in ["gofast://athletes/", "gofast://athletes/ath_none/active-plan", "gofast://plans/p/weeks", "https://example.com/athletes", "gofast://plans/plan_none/days"] {
            let error = try await callError("resources/read", ["uri": .string(uri)])
            XCTAssertEqual(error.code, -32002, uri)
            XCTAssertEqual(error.data?["uri"], .string(uri))
        }
    }

    func testPromptsNeedAKnownNameAndAnAthlete() async throws {
        let listed = try await call("prompts/list")
        XCTAssertEqual(elements(listed["prompts"])?.compactMap { $0["name"]?.stringValue }, ["todays-workout", "weekly-review", "race-readiness"])
        let unknown = try await callError("prompts/get", ["name": "nope", "arguments": ["athleteId": "a"]])
        XCTAssertEqual(unknown.code, -32602)
        let withoutAthlete = try await callError("prompts/get", ["name": "todays-workout"])
        XCTAssertEqual(withoutAthlete.code, -32602)
        let unknownAthlete = try await callError("prompts/get", ["name": "todays-workout", "arguments": ["athleteId": "ath_none"]])
        XCTAssertEqual(unknownAthlete.code, -32001)
        _ = try await call("tools/call", ["name": "athlete_create", "arguments": ["id": "ath_b", "name": "Bea", "timeZone": "UTC"]])
        let prompt = try await call("prompts/get", ["name": "todays-workout", "arguments": ["athleteId": "ath_b"]])
        let text = elements(prompt["messages"])?.first?["content"]?["text"]?.stringValue ?? ""
        XCTAssertTrue(text.contains("Bea") && text.contains("no active training plan"), text)
    }

    func testAGofastConflictOutsideAToolResultIsNotMistakenForAMissingResource() {
        let busy = RPCError(code: ApplicationErrorCode.conflict, message: "The database is busy; retry", data: ["reason": "busy"])
        let recoded = MCPErrorCodes.outsideToolResult(busy)
        XCTAssertEqual(recoded.code, -32603)
        XCTAssertEqual(recoded.message, busy.message)
        XCTAssertEqual(recoded.data, busy.data)
        let notFound = RPCError(code: ApplicationErrorCode.notFound, message: "athlete not found: a")
        XCTAssertEqual(MCPErrorCodes.outsideToolResult(notFound), notFound)
    }

    // MARK: - Helpers

    private func elements(_ value: JSONValue?) -> [JSONValue]? {
        if case .array(let elements)? = value { return elements }
        return nil
    }

    private func call(_ method: String, _ params: JSONValue? = nil) async throws -> JSONValue {
        let rpcMethod = try XCTUnwrap(service.methods[method], method)
        return try JSONParser.parse(await rpcMethod.handler(RPCRequest(method: method, id: 1, params: params)).bytes)
    }

    private func callError(_ method: String, _ params: JSONValue? = nil) async throws -> RPCError {
        do {
            let result = try await call(method, params)
            XCTFail("\(method) answered \(result)")
            return RPCError(code: 0, message: "")
        } catch let error as RPCError {
            return error
        }
    }
}
