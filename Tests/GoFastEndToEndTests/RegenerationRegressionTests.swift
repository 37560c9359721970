import Foundation
import JSONRPC
import XCTest

/// `plan.regenerate`'s three defects, through the binary and an OpenAI-compatible stub over real HTTP:
/// the "too few weeks" fallback is a rule decided before generating (not a caught -32602), the provider is called
/// once, and a valid plan is never thrown away.
final class RegenerationRegressionTests: GoFastTestCase {
    private var stub: OpenAIStub!

    private func start() throws -> TrainingClient {
        let stub = try OpenAIStub(directory: temporaryDirectory)
        self.stub = stub
        addTeardownBlock { stub.stop() }
        let client = try trainingServer(environment: stub.environment(timeoutSeconds: 5))
        for athlete in ["runner", "throwaway"] { try client.athlete(athlete) }
        _ = try client.result("race.create", ["id": "half", "name": "Half", "date": "2027-05-30", "distanceMeters": 21097.5])
        _ = try client.result("plan.generate", ["athleteId": "runner", "raceId": "half", "id": "plan", "startDate": "2027-01-04",
                                                "preferredDays": ["tue", "thu", "sat", "sun"], "currentWeeklyDistanceMeters": 40000])
        return client
    }

    /// The built-in coach's plan for `params` (a throwaway athlete), as the model's JSON content.
    private func content(_ client: TrainingClient, _ params: [String: JSONValue]) throws -> String {
        var params = params
        params["athleteId"] = "throwaway"
        params["raceId"] = "half"
        params["preferredDays"] = ["tue", "thu", "sat", "sun"]
        let generated = try client.result("plan.generate", .object(params))
        let days = try client.days(generated["plan"]?["id"]?.stringValue ?? "")
        let weekCount = generated["plan"]?["weekCount"]?.intValue ?? 0
        let weeks: [JSONValue] = (0..<weekCount).map { week in
            let weekDays = days.filter { $0["weekIndex"]?.intValue == week }.sorted { ($0["dayIndex"]?.intValue ?? 0) < ($1["dayIndex"]?.intValue ?? 0) }
            return [
                "weekIndex": .number(JSONNumber(week)), "phase": weekDays.first?["phase"] ?? .null,
                "days": .array(weekDays.map { ["dayIndex": $0["dayIndex"] ?? .null, "phase": $0["phase"] ?? .null, "workout": $0["plannedData"] ?? .null] }),
            ]
        }
        return JSONValue.object(["weeks": .array(weeks)]).text
    }

    private func days(_ client: TrainingClient, from: String) throws -> [JSONValue] {
        try client.days("plan").filter { ($0["date"]?.stringValue ?? "") >= from }
    }

    /// The remaining weeks are enough: one provider call for them alone, and its plan is stored.
    func testTheRemainingWeeksAreAskedForOnceAndStored() throws {
        let client = try start()
        let tail = try content(client, ["startDate": "2027-02-01", "currentWeeklyDistanceMeters": 15000])
        try stub.script([.completion(tail)])
        let regenerated = try client.result("plan.regenerate", ["planId": "plan", "fromDate": "2027-02-01", "currentWeeklyDistanceMeters": 15000, "generator": "openai"])
        XCTAssertEqual(try stub.requests().count, 1, "the provider is called once")
        XCTAssertEqual(regenerated["generator"], "openai")
        XCTAssertFalse((regenerated["warnings"]?.arrayValue ?? []).contains { $0.stringValue?.hasPrefix("Only") == true })
        let weekVolume = { (days: [JSONValue]) in days.prefix(7).map { $0["plannedData"]?["distanceMeters"]?.doubleValue ?? 0 }.reduce(0, +) }
        let stored = try days(client, from: "2027-02-01")
        let asked = try client.days(client.result("plan.list", ["athleteId": "throwaway"])[0]?["id"]?.stringValue ?? "")
        XCTAssertEqual(stored.map { $0["plannedData"] }, asked.map { $0["plannedData"] }, "the provider's plan for the remaining weeks is stored as it came")
        XCTAssertLessThan(weekVolume(stored), 30000, "the regenerated weeks start from the new volume (15 km), not the old 40 km")
        try client.finish()
    }

    /// Too few weeks are left: the rule says so before generating, the whole plan is asked for once, and it is stored.
    func testTooFewWeeksAskForTheWholePlanOnceWithAWarning() throws {
        let client = try start()
        let whole = try content(client, ["startDate": "2027-01-04", "currentWeeklyDistanceMeters": 15000])
        try stub.script([.completion(whole)])
        let regenerated = try client.result("plan.regenerate", ["planId": "plan", "fromDate": "2027-05-10", "currentWeeklyDistanceMeters": 15000, "generator": "openai"])
        XCTAssertEqual(try stub.requests().count, 1, "the provider is called once, not twice with the first reply thrown away")
        let warnings = regenerated["warnings"]?.arrayValue?.compactMap(\.stringValue) ?? []
        XCTAssertTrue(warnings.contains { $0.hasPrefix("Only 3 weeks are left") }, "\(warnings)")
        XCTAssertEqual(regenerated["plan"]?["weekCount"]?.intValue, 21)
        try client.finish()
    }

    /// A failure that has nothing to do with the weeks left is reported as itself, never as "too few weeks".
    func testAnUnrelatedFailureIsReportedAsItselfAndNothingChanges() throws {
        let client = try start()
        let before = try client.days("plan")
        try stub.script([OpenAIStub.Reply(headers: ["Content-Type": "text/html"], body: "<html>Bad gateway</html>")])
        let error = try client.error("plan.regenerate", ["planId": "plan", "fromDate": "2027-05-10", "currentWeeklyDistanceMeters": 15000, "generator": "openai"], code: -32010)
        XCTAssertFalse((error["message"]?.stringValue ?? "").contains("weeks are left"))
        XCTAssertEqual(try stub.requests().count, 1)
        XCTAssertEqual(try client.days("plan"), before, "nothing is written")
        // The built-in coach refuses a goal it cannot plan with its own field, not a warning.
        let refused = try client.error("plan.regenerate", ["planId": "plan", "fromDate": "2027-02-01", "goalTimeSeconds": 100], code: -32602)
        XCTAssertEqual(refused["data"]?["field"], "goalTimeSeconds")
        try client.finish()
    }
}
