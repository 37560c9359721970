import Foundation
import JSONRPC
import XCTest

/// `plan.generate` with `generator: "openai"` against `Fixtures/openai_stub.py` over real HTTP on 127.0.0.1.
///
/// The good reply is a real plan: the built-in coach's plan for a throwaway athlete with the same fitness and race,
/// reshaped into the weeks/days JSON the model is asked for and wrapped as a chat-completions response.
final class OpenAIGeneratorTests: GoFastTestCase {
    private var stub: OpenAIStub!

    /// Starts the stub and a server that uses it (file database, pinned clock).
    private func start(arguments: [String] = [], timeoutSeconds: Int = 2) throws -> TrainingClient {
        let stub = try OpenAIStub(directory: temporaryDirectory)
        self.stub = stub
        addTeardownBlock { stub.stop() }
        let client = try trainingServer(environment: stub.environment(timeoutSeconds: timeoutSeconds), arguments: arguments)
        try client.athlete("ath_ai")
        try client.athlete("ath_throwaway")
        _ = try client.result("race.create", ["id": "race_ai", "name": "AI 10K", "date": "2027-04-18", "distanceMeters": 10000])
        return client
    }

    /// The plan the built-in coach makes for the same request, as the model's JSON content.
    private func goodContent(_ client: TrainingClient) throws -> (content: String, workouts: [JSONValue]) {
        let generated = try client.result("plan.generate", ["athleteId": "ath_throwaway", "raceId": "race_ai", "generator": "builtin"])
        XCTAssertEqual(generated["generator"], "builtin")
        let days = try client.days(generated["plan"]?["id"]?.stringValue ?? "")
        let weekCount = generated["plan"]?["weekCount"]?.intValue ?? 0
        XCTAssertEqual(days.count, weekCount * 7)
        var weeks: [JSONValue] = []
        for week in 0..<weekCount {
            let weekDays = days.filter { $0["weekIndex"]?.intValue == week }.sorted { ($0["dayIndex"]?.intValue ?? 0) < ($1["dayIndex"]?.intValue ?? 0) }
            weeks.append([
                "weekIndex": .number(JSONNumber(week)), "phase": weekDays.first?["phase"] ?? .null,
                "days": .array(weekDays.map { ["dayIndex": $0["dayIndex"] ?? .null, "phase": $0["phase"] ?? .null, "workout": $0["plannedData"] ?? .null] }),
            ])
        }
        let content: JSONValue = ["weeks": .array(weeks)]
        return (content.text, days.compactMap { $0["plannedData"] })
    }

    private let generateParams: JSONValue = ["athleteId": "ath_ai", "raceId": "race_ai", "generator": "openai"]

    /// Asserts that the athlete has no plan and the race list holds only the one race.
    private func assertNothingPersisted(_ client: TrainingClient, file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertEqual(try client.planCount("ath_ai", file: file, line: line), 0, "no plan stored", file: file, line: line)
        XCTAssertEqual(try client.result("plan.active", ["athleteId": "ath_ai"], file: file, line: line), .null, file: file, line: line)
        XCTAssertEqual(try client.result("race.list", file: file, line: line).arrayValue?.count, 1, "no race stored", file: file, line: line)
    }

    /// Asserts that the athlete's generated plan is stored with exactly `workouts`.
    private func assertPersisted(_ generated: JSONValue, workouts: [JSONValue], _ client: TrainingClient, file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertEqual(generated["generator"], "openai", file: file, line: line)
        XCTAssertEqual(generated["plan"]?["status"], "active", file: file, line: line)
        let planId = try XCTUnwrap(generated["plan"]?["id"]?.stringValue, file: file, line: line)
        let days = try client.days(planId, file: file, line: line)
        XCTAssertEqual(days.count, (generated["plan"]?["weekCount"]?.intValue ?? -1) * 7, file: file, line: line)
        XCTAssertEqual(days.compactMap { $0["plannedData"] }, workouts, "the model's workouts are stored as they came", file: file, line: line)
        XCTAssertEqual(try client.result("plan.active", ["athleteId": "ath_ai"], file: file, line: line)["plan"]?["id"]?.stringValue, planId, file: file, line: line)
    }

    // MARK: - Cases

    func testAGoodReplyIsStoredAndTheRequestIsWellFormed() throws {
        let client = try start()
        let good = try goodContent(client)
        try stub.script([.completion(good.content)])
        let generated = try client.result("plan.generate", generateParams)
        try assertPersisted(generated, workouts: good.workouts, client)
        XCTAssertEqual(generated["plan"]?["startDate"], "2027-01-25")
        XCTAssertEqual(generated["race"]?["id"], "race_ai")

        let requests = try stub.requests()
        XCTAssertEqual(requests.count, 1, "one chat-completions request")
        let request = try XCTUnwrap(requests.first)
        XCTAssertEqual(request["path"], "/v1/chat/completions")
        XCTAssertEqual(request["headers"]?["authorization"], .string("Bearer \(OpenAIStub.apiKey)"))
        XCTAssertEqual(request["headers"]?["content-type"]?.stringValue?.hasPrefix("application/json"), true)
        let body = try XCTUnwrap(request["body"])
        XCTAssertEqual(body["model"], "stub")
        XCTAssertEqual(body["response_format"]?["type"], "json_schema")
        XCTAssertEqual(body["response_format"]?["json_schema"]?["strict"], .bool(true))
        XCTAssertEqual(body["response_format"]?["json_schema"]?["schema"]?["type"], "object")
        let messages = body["messages"]?.arrayValue ?? []
        XCTAssertFalse(messages.isEmpty)
        let prompt = messages.compactMap { $0["content"]?.stringValue }.joined(separator: "\n")
        XCTAssertTrue(prompt.contains("\(generated["plan"]?["weekCount"]?.intValue ?? -1) weeks"), "the prompt asks for the plan's week count")
        try client.finish()
    }

    func testATruncatedReplyStoresNothing() throws {
        let client = try start()
        let good = try goodContent(client)
        let half = String(good.content.prefix(good.content.count / 2))
        try stub.script([.completion(half, finishReason: "length"), .completion(half, finishReason: "stop")])
        let cut = try client.error("plan.generate", generateParams, code: -32010)
        XCTAssertEqual(cut["data"]?["generator"], "openai")
        try assertNothingPersisted(client)
        let reply = try client.call("plan.generate", generateParams)
        XCTAssertTrue([-32010, -32011].contains(reply["error"]?["code"]?.intValue ?? 0), "broken JSON content is refused: \(reply.text.prefix(400))")
        try assertNothingPersisted(client)
        XCTAssertEqual(try stub.requests().count, 2, "not retried")
        try client.finish()
    }

    func testAWrongWeekCountIsRejectedWithItsPath() throws {
        let client = try start()
        let good = try goodContent(client)
        var content = try JSONParser.parse(Array(good.content.utf8))
        guard case .array(var weeks)? = content["weeks"] else { throw HarnessError("no weeks") }
        let expected = weeks.count
        weeks.removeLast()
        content = ["weeks": .array(weeks)]
        try stub.script([.completion(content.text)])
        let error = try client.error("plan.generate", generateParams, code: -32011)
        XCTAssertEqual(error["data"]?["path"], "weeks")
        let reason = error["data"]?["reason"]?.stringValue ?? ""
        XCTAssertTrue(reason.contains("\(expected)") && reason.contains("\(expected - 1)"), "the reason gives both counts: \(reason)")
        try assertNothingPersisted(client)
        try client.finish()
    }

    func testARaceOnTheWrongDayIsRejected() throws {
        let client = try start()
        let good = try goodContent(client)
        // Swap the race with the day before it: the validator must catch that the race is not on the race date.
        var content = try JSONParser.parse(Array(good.content.utf8))
        guard case .array(var weeks)? = content["weeks"], case .array(var days)? = weeks.last?["days"] else { throw HarnessError("no weeks") }
        guard let raceIndex = days.firstIndex(where: { $0["workout"]?["type"] == "race" }), raceIndex > 0 else { throw HarnessError("no race day") }
        let raceWorkout = days[raceIndex]["workout"]!, previous = days[raceIndex - 1]["workout"]!
        func with(_ day: JSONValue, workout: JSONValue) -> JSONValue {
            var members = day.objectValue ?? [:]
            members["workout"] = workout
            return .object(members)
        }
        days[raceIndex] = with(days[raceIndex], workout: previous)
        days[raceIndex - 1] = with(days[raceIndex - 1], workout: raceWorkout)
        var lastWeek = weeks.last!.objectValue!
        lastWeek["days"] = .array(days)
        weeks[weeks.count - 1] = .object(lastWeek)
        content = ["weeks": .array(weeks)]
        try stub.script([.completion(content.text)])
        let error = try client.error("plan.generate", generateParams, code: -32011)
        XCTAssertTrue(error["data"]?["path"]?.stringValue?.hasPrefix("weeks[\(weeks.count - 1)].days[") ?? false, error.text)
        try assertNothingPersisted(client)
        try client.finish()
    }

    func testANonJSONBodyIsAGeneratorFailure() throws {
        let client = try start()
        try stub.script([OpenAIStub.Reply(headers: ["Content-Type": "text/html"], body: "<html><body>Bad gateway</body></html>")])
        let error = try client.error("plan.generate", generateParams, code: -32010)
        XCTAssertEqual(error["data"]?["generator"], "openai")
        try assertNothingPersisted(client)
        try client.finish()
    }

    func testServerErrorsAreRetriedThenTheReplyIsStored() throws {
        let client = try start()
        let good = try goodContent(client)
        try stub.script([OpenAIStub.Reply(status: 500, body: #"{"error":{"message":"overloaded"}}"#), .completion(good.content)])
        let generated = try client.result("plan.generate", generateParams)
        try assertPersisted(generated, workouts: good.workouts, client)
        XCTAssertEqual(try stub.requests().count, 2, "one retry")
        try client.finish()
    }

    func testRateLimitWithRetryAfterIsRetriedThenTheReplyIsStored() throws {
        let client = try start()
        let good = try goodContent(client)
        try stub.script([
            OpenAIStub.Reply(status: 429, headers: ["Retry-After": "0"], body: #"{"error":{"message":"slow down"}}"#), .completion(good.content),
        ])
        let started = Date()
        let generated = try client.result("plan.generate", generateParams)
        try assertPersisted(generated, workouts: good.workouts, client)
        XCTAssertEqual(try stub.requests().count, 2, "one retry")
        XCTAssertLessThan(Date().timeIntervalSince(started), 5, "Retry-After: 0 means no long wait")
        try client.finish()
    }

    func testPersistentServerErrorsGiveUpWithTheStatus() throws {
        let client = try start()
        let failure = OpenAIStub.Reply(status: 503, body: #"{"error":{"message":"down for maintenance"}}"#)
        try stub.script([failure, failure, failure, failure, failure])
        let error = try client.error("plan.generate", generateParams, code: -32010)
        XCTAssertEqual(error["data"]?["status"]?.intValue, 503)
        let attempts = try stub.requests().count
        XCTAssertTrue((2...4).contains(attempts), "a bounded number of retries, got \(attempts) requests")
        try assertNothingPersisted(client)
        try client.finish()
    }

    func testASlowProviderTimesOutAndStoresNothing() throws {
        let client = try start(timeoutSeconds: 2)
        let good = try goodContent(client)
        var slow = OpenAIStub.Reply.completion(good.content)
        slow.delay = 5
        try stub.script([slow, slow, slow])
        let started = Date()
        let error = try client.error("plan.generate", generateParams, code: -32010, timeout: 20)
        let elapsed = Date().timeIntervalSince(started)
        XCTAssertEqual(error["data"]?["generator"], "openai")
        XCTAssertGreaterThan(elapsed, 1.5, "the timeout is GOFAST_OPENAI_TIMEOUT (2 s)")
        XCTAssertLessThan(elapsed, 4.9, "the reply came before the provider answered: \(elapsed) s")
        try assertNothingPersisted(client)
        try client.finish()
    }

    func testCancellingWhileTheProviderThinksStoresNothing() throws {
        let client = try start(timeoutSeconds: 30)
        let good = try goodContent(client)
        var slow = OpenAIStub.Reply.completion(good.content)
        slow.delay = 10
        try stub.script([slow])
        let started = Date()
        let id = client.request("plan.generate", generateParams)
        try stub.waitForRequests(1)
        client.notify("$/cancelRequest", ["id": id])
        let reply = try client.next(timeout: 8)
        XCTAssertEqual(reply["id"], id)
        XCTAssertEqual(reply["error"]?["code"]?.intValue, -32800, reply.text)
        XCTAssertLessThan(Date().timeIntervalSince(started), 9, "cancelled before the provider answered")
        try assertNothingPersisted(client)
        try client.finish()
    }

    func testTheKeyIsNeverLoggedOrReturned() throws {
        // Trace logging, the openai generator as the server default, and every kind of outcome.
        let client = try start(arguments: ["--log-level", "trace", "--generator", "openai"])
        let good = try goodContent(client)
        try stub.script([
            OpenAIStub.Reply(status: 500, body: #"{"error":{"message":"overloaded"}}"#),
            .completion(good.content),
            OpenAIStub.Reply(status: 401, body: #"{"error":{"message":"Incorrect API key provided","type":"invalid_request_error"}}"#),
            OpenAIStub.Reply(body: "not json"),
        ])
        let generated = try client.result("plan.generate", ["athleteId": "ath_ai", "raceId": "race_ai"])
        XCTAssertEqual(generated["generator"], "openai", "--generator openai is the default")
        let unauthorized = try client.error("plan.generate", ["athleteId": "ath_ai", "raceId": "race_ai"], code: -32010)
        XCTAssertEqual(unauthorized["data"]?["status"]?.intValue, 401)
        try client.error("plan.generate", ["athleteId": "ath_ai", "raceId": "race_ai"], code: -32010)
        XCTAssertEqual(try stub.requests().count, 4)
        XCTAssertTrue(try stub.requests().allSatisfy { $0["headers"]?["authorization"] == .string("Bearer \(OpenAIStub.apiKey)") })
        try client.finish()
        for message in client.received {
            XCTAssertFalse(message.mentions("SECRET"), "a reply carries the key: \(message.text.prefix(300))")
        }
        let stderr = client.server.stderrText
        XCTAssertFalse(stderr.isEmpty, "trace logging writes something")
        XCTAssertFalse(stderr.contains("SECRET"), "stderr carries the key")
    }

    func testAProviderEchoingTheKeyDoesNotLeakIt() throws {
        // Some OpenAI-compatible proxies quote the key they refused; the server must not pass it on.
        let client = try start(arguments: ["--log-level", "trace"])
        try stub.script([OpenAIStub.Reply(status: 401, body: #"{"error":{"message":"Incorrect API key provided: sk-test-SECRET"}}"#)])
        let error = try client.error("plan.generate", generateParams, code: -32010)
        XCTAssertFalse(error.mentions("SECRET"), "the error reply quotes the key: \(error.text)")
        try client.finish()
        XCTAssertFalse(client.server.stderrText.contains("SECRET"), "stderr carries the key")
    }
}
