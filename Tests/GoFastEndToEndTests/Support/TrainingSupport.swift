import Foundation
import JSONRPC
import XCTest

// Helpers for the training-flow tests (plans, the OpenAI-compatible generator, activities, matching):
// a protocol-checking client, the scripted OpenAI stub, the activity-file fixtures, and JSON shorthands.

/// A JSON-RPC client of a `ServerProcess` that checks every message against `protocol/openrpc.json`, like
/// `GoFastClient`, with one temporary escape hatch: when `GOFAST_E2E_LENIENT_PROTOCOL=1` is set, a result of a
/// method the document does not describe yet is accepted unchecked (everything else is still checked).
final class TrainingClient {
    let server: ServerProcess
    private let document: ProtocolDocument
    private var methodsByID: [JSONValue: String] = [:]
    private var nextID = 1
    /// Every message received so far, in order.
    private(set) var received: [JSONValue] = []

    /// Whether results of methods missing from the document are tolerated (development only).
    static let lenient = ProcessInfo.processInfo.environment["GOFAST_E2E_LENIENT_PROTOCOL"] == "1"

    init(server: ServerProcess) throws {
        self.server = server
        self.document = try ProtocolDocument.shared.get()
    }

    /// Sends a request and returns its id.
    @discardableResult
    func request(_ method: String, _ params: JSONValue? = nil, id: JSONValue? = nil) -> JSONValue {
        let id = id ?? .number(JSONNumber(nextID))
        nextID += 1
        var message: [String: JSONValue] = ["jsonrpc": "2.0", "method": .string(method), "id": id]
        if let params { message["params"] = params }
        methodsByID[id] = method
        server.write(WireFraming.newline.frame(JSONWriter.bytes(.object(message))))
        return id
    }

    /// Sends a notification.
    func notify(_ method: String, _ params: JSONValue? = nil) {
        var message: [String: JSONValue] = ["jsonrpc": "2.0", "method": .string(method)]
        if let params { message["params"] = params }
        server.write(WireFraming.newline.frame(JSONWriter.bytes(.object(message))))
    }

    /// The next message, parsed and checked against the protocol document.
    func next(timeout: TimeInterval = ServerProcess.defaultTimeout, file: StaticString = #filePath, line: UInt = #line) throws -> JSONValue {
        let body = try server.readMessage(framing: .newline, timeout: timeout)
        let message: JSONValue
        do {
            message = try JSONParser.parse(body)
        } catch {
            throw HarnessError("the server sent invalid JSON (\(error)): \(String(decoding: body, as: UTF8.self).prefix(300))")
        }
        received.append(message)
        for problem in document.problems(in: message, methodsByID: methodsByID) {
            if Self.lenient, problem.hasPrefix("protocol/openrpc.json does not describe the result of") { continue }
            XCTFail("protocol violation: \(problem)\n  in \(JSONSchemaChecker.short(message))", file: file, line: line)
        }
        return message
    }

    /// Sends a request and returns its reply, which must be the next message.
    func call(_ method: String, _ params: JSONValue? = nil, timeout: TimeInterval = ServerProcess.defaultTimeout,
              file: StaticString = #filePath, line: UInt = #line) throws -> JSONValue {
        let id = request(method, params)
        let reply = try next(timeout: timeout, file: file, line: line)
        guard reply["id"] == id else {
            throw HarnessError("expected the reply to \(method) id \(JSONSchemaChecker.short(id)), got \(JSONSchemaChecker.short(reply))")
        }
        return reply
    }

    /// The result of calling `method`; an error reply throws.
    func result(_ method: String, _ params: JSONValue? = nil, timeout: TimeInterval = ServerProcess.defaultTimeout,
                file: StaticString = #filePath, line: UInt = #line) throws -> JSONValue {
        let reply = try call(method, params, timeout: timeout, file: file, line: line)
        guard let result = reply["result"] else {
            throw HarnessError("\(method) \(JSONSchemaChecker.short(params ?? .null)) failed: \(reply.text)")
        }
        return result
    }

    /// The error object of calling `method`, which must fail with `code`.
    @discardableResult
    func error(_ method: String, _ params: JSONValue? = nil, code: Int, timeout: TimeInterval = ServerProcess.defaultTimeout,
               file: StaticString = #filePath, line: UInt = #line) throws -> JSONValue {
        let reply = try call(method, params, timeout: timeout, file: file, line: line)
        guard let error = reply["error"] else {
            throw HarnessError("\(method) \(JSONSchemaChecker.short(params ?? .null)) should fail with \(code), got \(JSONSchemaChecker.short(reply))")
        }
        XCTAssertEqual(error.errorCodeValue, code, "\(method): \(reply.text)", file: file, line: line)
        return error
    }

    /// Closes stdin, waits for exit 0 and checks nothing unread was written.
    func finish(file: StaticString = #filePath, line: UInt = #line) throws {
        server.closeStdin()
        let code = try server.waitForExit()
        XCTAssertEqual(code, 0, "exit code; stderr: \(server.stderrText.suffix(1000))", file: file, line: line)
        let unread = server.unreadStdout
        XCTAssertTrue(unread.isEmpty, "unexpected output: \(String(decoding: unread.prefix(500), as: UTF8.self))", file: file, line: line)
    }

    // MARK: - Shorthands for the training methods

    /// Creates an athlete (an id, a name and a time zone; `extra` adds fields).
    @discardableResult
    func athlete(_ id: String, timeZone: String = "America/Los_Angeles", fiveK: Int? = 1500, maxHeartRate: Int? = 185,
                 file: StaticString = #filePath, line: UInt = #line) throws -> JSONValue {
        var params: [String: JSONValue] = ["id": .string(id), "name": .string("Runner \(id)"), "timeZone": .string(timeZone)]
        if let fiveK { params["fiveKTimeSeconds"] = .number(JSONNumber(fiveK)) }
        if let maxHeartRate { params["maxHeartRate"] = .number(JSONNumber(maxHeartRate)) }
        return try result("athlete.create", .object(params), file: file, line: line)
    }

    /// `plan.days` of a plan as an array.
    func days(_ planId: String, from: String? = nil, to: String? = nil, file: StaticString = #filePath, line: UInt = #line) throws -> [JSONValue] {
        var params: [String: JSONValue] = ["planId": .string(planId)]
        if let from { params["from"] = .string(from) }
        if let to { params["to"] = .string(to) }
        let days = try result("plan.days", .object(params), file: file, line: line)
        guard let array = days.arrayValue else { throw HarnessError("plan.days did not return an array: \(days.text)") }
        return array
    }

    /// How many plans the athlete has.
    func planCount(_ athleteId: String, file: StaticString = #filePath, line: UInt = #line) throws -> Int {
        try result("plan.list", ["athleteId": .string(athleteId)], file: file, line: line).arrayValue?.count ?? -1
    }

    /// Ingests activities in our own shape (or Garmin's) and returns `results`.
    func ingest(_ athleteId: String, _ activities: [JSONValue], autoMatch: Bool? = nil,
                file: StaticString = #filePath, line: UInt = #line) throws -> [JSONValue] {
        var params: [String: JSONValue] = ["athleteId": .string(athleteId), "activities": .array(activities)]
        if let autoMatch { params["autoMatch"] = .bool(autoMatch) }
        let reply = try result("activity.ingest", .object(params), file: file, line: line)
        guard let results = reply["results"]?.arrayValue, results.count == activities.count else {
            throw HarnessError("activity.ingest should return one result per activity: \(reply.text.prefix(500))")
        }
        return results
    }
}

extension GoFastTestCase {
    /// Starts `gofast --db DB ARGUMENTS` with `environment` and returns a protocol-checking client.
    func trainingServer(db: String? = nil, now: String? = "2027-01-20T12:00:00Z", environment: [String: String?] = [:],
                        arguments: [String] = []) throws -> TrainingClient {
        var environment = environment
        if let now { environment["GOFAST_NOW"] = now }
        let server = try launch(["--db", db ?? databasePath] + arguments, environment: environment)
        return try TrainingClient(server: server)
    }
}

/// A run in our own activity shape.
func nativeRun(_ externalId: String, start: String, meters: Double, seconds: Double, sport: String = "running",
               source: String = "watch", laps: [JSONValue]? = nil) -> JSONValue {
    var activity: [String: JSONValue] = [
        "source": .string(source), "externalId": .string(externalId), "sport": .string(sport), "startTime": .string(start),
        "elapsedSeconds": .double(seconds), "distanceMeters": .double(meters),
    ]
    if let laps { activity["laps"] = .array(laps) }
    return .object(activity)
}

// MARK: - Test data

/// The real activity files copied into the repository (`Tests/Fixtures/testdata`, see its NOTICE).
enum TestData {
    static let directory: URL = ProtocolDocument.repositoryRoot.appendingPathComponent("Tests/Fixtures/testdata")

    /// The file at `relative` (like `fit/Settings.fit`); throws when it is missing.
    static func url(_ relative: String) throws -> URL {
        let url = directory.appendingPathComponent(relative)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw HarnessError("test data \(url.path) is missing from the repository")
        }
        return url
    }

    /// The bytes of `relative`.
    static func bytes(_ relative: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: url(relative)))
    }

    /// A parsed JSON file such as `fit/reference.json`.
    static func json(_ relative: String) throws -> JSONValue {
        try JSONParser.parse(bytes(relative))
    }
}

/// The `Fixtures/` directory of this test target.
let fixturesDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")

// MARK: - The scripted OpenAI-compatible server

/// `Fixtures/openai_stub.py` running on 127.0.0.1: answers chat-completions requests from a script of recorded
/// replies and logs every request it receives.
final class OpenAIStub {
    /// One scripted HTTP reply.
    struct Reply {
        var status: Int = 200
        var headers: [String: String] = [:]
        var body: String
        var delay: Double = 0

        var json: JSONValue {
            ["status": .number(JSONNumber(status)), "headers": .object(headers.mapValues { .string($0) }), "body": .string(body), "delay": .double(delay)]
        }

        /// A chat-completions reply whose `choices[0].message.content` is `content`.
        static func completion(_ content: String, finishReason: String = "stop") -> Reply {
            let body: JSONValue = [
                "id": "chatcmpl-stub", "object": "chat.completion", "created": 1_800_000_000, "model": "stub",
                "choices": [["index": 0, "message": ["role": "assistant", "content": .string(content)], "finish_reason": .string(finishReason)]],
                "usage": ["prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2],
            ]
            return Reply(body: body.text)
        }
    }

    let port: Int
    private let process: Process
    private let scriptURL: URL
    private let logURL: URL

    /// Starts the stub with files in `directory`; waits (at most 10 s) until it listens.
    init(directory: URL) throws {
        scriptURL = directory.appendingPathComponent("openai-replies.json")
        logURL = directory.appendingPathComponent("openai-requests.jsonl")
        let portURL = directory.appendingPathComponent("openai-port.txt")
        try Data("[]".utf8).write(to: scriptURL)
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", fixturesDirectory.appendingPathComponent("openai_stub.py").path,
                             "--script", scriptURL.path, "--log", logURL.path, "--port-file", portURL.path]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date(timeIntervalSinceNow: 10)
        var found: Int?
        while Date() < deadline, process.isRunning {
            if let text = try? String(contentsOf: portURL, encoding: .utf8), let value = Int(text) { found = value; break }
            usleep(20_000)
        }
        guard let found else {
            if process.isRunning { process.terminate() }
            throw HarnessError("the OpenAI stub did not start listening within 10 s")
        }
        port = found
    }

    deinit { stop() }

    /// `OPENAI_BASE_URL` for the server.
    var baseURL: String { "http://127.0.0.1:\(port)/v1" }

    /// The environment a server needs to use this stub.
    func environment(timeoutSeconds: Int = 2) -> [String: String?] {
        ["OPENAI_BASE_URL": baseURL, "OPENAI_API_KEY": OpenAIStub.apiKey, "OPENAI_MODEL": "stub", "GOFAST_OPENAI_TIMEOUT": String(timeoutSeconds)]
    }

    /// The API key the tests give the server.
    static let apiKey = "sk-test-SECRET"

    /// Replaces the script; request n (from 0, counted since start) gets `replies[n]`.
    func script(_ replies: [Reply]) throws {
        try Data(JSONWriter.bytes(.array(replies.map(\.json)))).write(to: scriptURL, options: .atomic)
    }

    /// Every request received so far.
    func requests() throws -> [JSONValue] {
        guard let data = try? Data(contentsOf: logURL) else { return [] }
        return try String(decoding: data, as: UTF8.self).split(separator: "\n").map { try JSONParser.parse(Array($0.utf8)) }
    }

    /// Waits until at least `count` requests arrived.
    func waitForRequests(_ count: Int, timeout: TimeInterval = 10) throws {
        let deadline = Date(timeIntervalSinceNow: timeout)
        while Date() < deadline {
            if try requests().count >= count { return }
            usleep(20_000)
        }
        throw HarnessError("the OpenAI stub received \(try requests().count) requests, expected \(count) within \(timeout) s")
    }

    /// Stops the stub (SIGTERM to its own process id).
    func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
    }
}

// MARK: - JSON shorthands

extension JSONValue {
    /// A number's value, or nil.
    var doubleValue: Double? {
        if case .number(let number) = self { return number.doubleValue }
        return nil
    }

    /// A boolean, or nil.
    var boolValue: Bool? {
        if case .bool(let flag) = self { return flag }
        return nil
    }

    /// `error.code` of an error object.
    var errorCodeValue: Int? { self["code"]?.intValue }

    /// Whether the compact text contains `needle`.
    func mentions(_ needle: String) -> Bool { text.contains(needle) }
}

/// Calendar arithmetic on `YYYY-MM-DD` text, in UTC (no time zone involved).
enum Dates {
    private static let formatter: DateFormatter = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter
    }()

    /// `date` plus `days`.
    static func add(_ date: String, _ days: Int) -> String {
        guard let parsed = formatter.date(from: date) else { return "invalid:\(date)" }
        return formatter.string(from: parsed.addingTimeInterval(Double(days) * 86_400))
    }

    /// Days from `from` to `to`.
    static func days(_ from: String, _ to: String) -> Int {
        guard let a = formatter.date(from: from), let b = formatter.date(from: to) else { return Int.min }
        return Int(((b.timeIntervalSince(a)) / 86_400).rounded())
    }

    /// 0 for Monday … 6 for Sunday.
    static func weekday(_ date: String) -> Int {
        guard let parsed = formatter.date(from: date) else { return -1 }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return (calendar.component(.weekday, from: parsed) + 5) % 7
    }

    /// The calendar date of `epochSeconds` shifted by `offsetSeconds`.
    static func local(epochSeconds: Double, offsetSeconds: Int) -> String {
        formatter.string(from: Date(timeIntervalSince1970: epochSeconds + Double(offsetSeconds)))
    }

    /// The calendar date of `epochSeconds` in the IANA zone `zone`.
    static func local(epochSeconds: Double, zone: String) -> String {
        let date = Date(timeIntervalSince1970: epochSeconds)
        return local(epochSeconds: epochSeconds, offsetSeconds: TimeZone(identifier: zone)!.secondsFromGMT(for: date))
    }

    /// Seconds since 1970 of an RFC 3339 timestamp (`Z` or an offset, optional fraction).
    static func epoch(_ timestamp: String) -> Double? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: timestamp) { return date.timeIntervalSince1970 }
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: timestamp)?.timeIntervalSince1970
    }
}
