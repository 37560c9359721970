import Foundation
import JSONRPC
import XCTest

/// Training load, fitness, prediction and zones through the binary, against values computed by hand.
final class TrainingLoadTests: GoFastTestCase {
    /// A runner at 5:00/km threshold (3.333 m/s), in UTC so local dates are the instants' dates.
    private func runner(_ client: TrainingClient, id: String = "r1", thresholdPace: Double? = 300) throws {
        var params: [String: JSONValue] = ["id": .string(id), "name": "Runner", "timeZone": "UTC", "fiveKTimeSeconds": 1320,
                                           "maxHeartRate": 190, "restingHeartRate": 50]
        if let thresholdPace { params["thresholdPaceSecondsPerKm"] = .double(thresholdPace) }
        _ = try client.result("athlete.create", .object(params))
    }

    private func day(_ days: [JSONValue], _ date: String) throws -> JSONValue {
        try XCTUnwrap(days.first { $0["date"]?.stringValue == date }, date)
    }

    private func assertClose(_ value: JSONValue?, _ expected: Double, _ message: String = "", file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(value?.doubleValue ?? .nan, expected, accuracy: 0.01, message, file: file, line: line)
    }

    func testAWeekOfKnownRunsGivesKnownFitnessFatigueFormAndACWR() throws {
        let client = try trainingServer(now: "2027-01-20T12:00:00Z")
        try runner(client)
        // 10 km in 50:00 at threshold: IF 1, 0.8333 h → 83.33 rTSS. 5 km in 30:00 at 6:00/km: IF 0.8333, 0.5 h → 34.72.
        let results = try client.ingest("r1", [
            nativeRun("a", start: "2027-01-11T07:00:00Z", meters: 10_000, seconds: 3000),
            nativeRun("b", start: "2027-01-13T07:00:00Z", meters: 5_000, seconds: 1800),
        ])
        assertClose(results[0]["activity"]?["trainingLoad"]?["value"], 83.33)
        XCTAssertEqual(results[0]["activity"]?["trainingLoad"]?["method"], "rTSS")
        assertClose(results[1]["activity"]?["trainingLoad"]?["value"], 34.72)

        let fitness = try client.result("athlete.fitness", ["athleteId": "r1", "from": "2027-01-11", "to": "2027-01-17"])
        assertClose(fitness["thresholdPaceSecondsPerKm"], 300)
        let days = try XCTUnwrap(fitness["days"]?.arrayValue)
        XCTAssertEqual(days.count, 7)
        // By hand: fitness_t = f + (load − f)/42, fatigue with 7, form_t = f_{t−1} − a_{t−1}, ACWR = (Σ7/7)/(Σ28/28).
        let expected: [(load: Double, fitness: Double, fatigue: Double, form: Double)] = [
            (83.33, 1.98, 11.90, 0), (0, 1.94, 10.20, -9.92), (34.72, 2.72, 13.71, -8.27),
            (0, 2.65, 11.75, -10.99), (0, 2.59, 10.07, -9.10), (0, 2.53, 8.63, -7.48), (0, 2.47, 7.40, -6.10),
        ]
        for (index, (day, value)) in zip(days, expected).enumerated() {
            assertClose(day["load"], value.load, "day \(index) load")
            assertClose(day["fitness"], value.fitness, "day \(index) fitness")
            assertClose(day["fatigue"], value.fatigue, "day \(index) fatigue")
            assertClose(day["form"], value.form, "day \(index) form")
            assertClose(day["acwr"], 4, "day \(index): all the load of 28 days is in the last 7")
            XCTAssertEqual(day["projected"], false)
        }
        // Before the first run there is nothing: zeros and a null ACWR.
        let before = try client.result("athlete.fitness", ["athleteId": "r1", "from": "2027-01-09", "to": "2027-01-10"])
        for day in before["days"]?.arrayValue ?? [] {
            XCTAssertEqual(day["acwr"], .null)
            assertClose(day["fitness"], 0)
        }
        try client.finish()
    }

    func testChangingTheThresholdRecomputesStoredLoadsAndTheSeries() throws {
        let client = try trainingServer(now: "2027-01-20T12:00:00Z")
        try runner(client)
        let run = try client.ingest("r1", [nativeRun("a", start: "2027-01-11T07:00:00Z", meters: 10_000, seconds: 3000)])[0]
        let activityId = try XCTUnwrap(run["activity"]?["id"])
        let range: JSONValue = ["athleteId": "r1", "from": "2027-01-11", "to": "2027-01-12"]
        let before = try client.result("athlete.fitness", range)
        // A slower threshold (5:30/km) makes the same run harder: IF 1.1, 0.8333 h → 100.83.
        _ = try client.result("athlete.update", ["id": "r1", "thresholdPaceSecondsPerKm": 330])
        assertClose(try client.result("activity.get", ["id": activityId])["trainingLoad"]?["value"], 100.83)
        let after = try client.result("athlete.fitness", range)
        assertClose(after["days"]?[0]?["load"], 100.83)
        XCTAssertNotEqual(before["days"], after["days"], "the series follows the new threshold")
        // Cleared: the threshold comes from the 5K again (Daniels' T pace for a 22:00 5K).
        _ = try client.result("athlete.update", ["id": "r1", "thresholdPaceSecondsPerKm": .null])
        let derived = try client.result("athlete.fitness", range)["thresholdPaceSecondsPerKm"]?.doubleValue ?? 0
        XCTAssertTrue((265...280).contains(derived), "T pace of VDOT ~44: \(derived)")
        try client.finish()
    }

    func testHeartRateAndDurationLoadsAndZeroValues() throws {
        let client = try trainingServer(now: "2027-01-20T12:00:00Z")
        try runner(client, thresholdPace: nil)
        _ = try client.result("athlete.update", ["id": "r1", "thresholdHeartRate": 170])
        var treadmill = nativeRun("t", start: "2027-01-12T07:00:00Z", meters: 0, seconds: 3600)
        if case .object(var fields) = treadmill { fields["averageHeartRate"] = 140; treadmill = .object(fields) }
        let empty = nativeRun("z", start: "2027-01-13T07:00:00Z", meters: 0, seconds: 0)
        let results = try client.ingest("r1", [treadmill, empty])
        // hrTSS: 1 h × ((140 − 50) / (170 − 50))² × 100 = 56.25.
        XCTAssertEqual(results[0]["activity"]?["trainingLoad"]?["method"], "hrTSS")
        assertClose(results[0]["activity"]?["trainingLoad"]?["value"], 56.25)
        assertClose(results[1]["activity"]?["trainingLoad"]?["value"], 0, "zero distance and zero time: no division by zero")
        // No heart rate and no distance: the duration default, 50 per hour.
        let walkless = try client.ingest("r1", [nativeRun("d", start: "2027-01-14T07:00:00Z", meters: 0, seconds: 1800)])[0]
        XCTAssertEqual(walkless["activity"]?["trainingLoad"]?["method"], "duration")
        assertClose(walkless["activity"]?["trainingLoad"]?["value"], 25)
        try client.finish()
    }

    func testPlannedDaysProjectTheSeriesAndProgressCarriesLoads() throws {
        let client = try trainingServer(now: "2027-01-20T12:00:00Z")
        try runner(client)
        _ = try client.result("plan.generate", ["athleteId": "r1", "id": "p", "startDate": "2027-01-18",
                                                "race": ["name": "Half", "date": "2027-05-16", "distanceMeters": 21097.5]])
        let run = try client.ingest("r1", [nativeRun("a", start: "2027-01-19T07:00:00Z", meters: 8000, seconds: 2700)])[0]
        assertClose(run["execution"]?["analysis"]?["trainingLoad"]?["value"], run["activity"]?["trainingLoad"]?["value"]?.doubleValue ?? -1,
                    "the analysis carries the run's load")
        let series = try client.result("athlete.fitness", ["athleteId": "r1", "from": "2027-01-18", "to": "2027-01-31"])
        let days = try XCTUnwrap(series["days"]?.arrayValue)
        XCTAssertEqual(days.filter { $0["projected"] == true }.count, 11, "the 11 days after today")
        let plannedRunDays = try client.days("p", from: "2027-01-21", to: "2027-01-31").filter { ($0["plannedData"]?["distanceMeters"]?.doubleValue ?? 0) > 0 }
        for planned in plannedRunDays {
            XCTAssertGreaterThan(try day(days, planned["date"]?.stringValue ?? "")["load"]?.doubleValue ?? 0, 0, "a planned run projects a load")
        }
        let progress = try client.result("plan.progress", ["planId": "p"])
        let week0 = try XCTUnwrap(progress["weeks"]?[0])
        XCTAssertGreaterThan(week0["plannedLoad"]?.doubleValue ?? 0, 100)
        let runLoad = try XCTUnwrap(run["activity"]?["trainingLoad"]?["value"]?.doubleValue)
        XCTAssertGreaterThan(runLoad, 0)
        XCTAssertEqual(week0["executedLoad"]?.doubleValue ?? -1, runLoad, accuracy: 0.06, "the week's executed load is the run's")
        try client.finish()
    }

    func testPredictionFromARaceLikeRunElseTheProfileAndZonesThatAgree() throws {
        let client = try trainingServer(now: "2027-01-20T12:00:00Z")
        try runner(client)
        let profile = try client.result("athlete.predict", ["athleteId": "r1"])
        XCTAssertEqual(profile["source"], "profile")
        XCTAssertEqual(profile["predictions"]?.arrayValue?.compactMap { $0["distanceMeters"]?.doubleValue }, [5000, 10000, 21097.5, 42195])
        // A 10K at 40:00 with an average HR of 172 (90.5 % of 190): race-like, VDOT ~52.
        var hard = nativeRun("race", start: "2027-01-16T09:00:00Z", meters: 10_000, seconds: 2400)
        if case .object(var fields) = hard { fields["averageHeartRate"] = 172; hard = .object(fields) }
        let id = try client.ingest("r1", [hard])[0]["activity"]?["id"]
        let predicted = try client.result("athlete.predict", ["athleteId": "r1"])
        XCTAssertEqual(predicted["source"]?["activityId"], id)
        XCTAssertEqual(predicted["vdot"]?.doubleValue ?? 0, 51.9, accuracy: 0.3, "Daniels: a 40:00 10K is VDOT 52")
        assertClose(predicted["predictions"]?[1]?["timeSeconds"], 2400, "the 10K prediction is the run itself")
        XCTAssertEqual(try client.result("athlete.get", ["id": "r1"])["fiveKTimeSeconds"], 1320, "predict never changes the athlete")

        let zones = try client.result("athlete.zones", ["athleteId": "r1"])
        XCTAssertEqual(zones["method"], "heartRateReserve")
        let heartRate = try XCTUnwrap(zones["heartRate"]?.arrayValue)
        XCTAssertEqual(heartRate.compactMap { $0["zone"]?.intValue }, [1, 2, 3, 4, 5])
        XCTAssertEqual(heartRate.last?["maxBpm"], 190)
        let threshold = try XCTUnwrap(zones["paces"]?["threshold"]?["minSecondsPerKm"]?.doubleValue)
        XCTAssertLessThan(threshold, 260, "T pace of VDOT 52 (about 4:10/km)")
        try client.finish()
    }

    func testBadInput() throws {
        let client = try trainingServer(now: "2027-01-20T12:00:00Z")
        try runner(client, thresholdPace: nil)
        _ = try client.result("athlete.update", ["id": "r1", "fiveKTimeSeconds": .null])
        XCTAssertEqual(try client.error("athlete.fitness", ["athleteId": "ghost", "from": "2027-01-01", "to": "2027-01-02"], code: -32001)["data"]?["id"], "ghost")
        XCTAssertEqual(try client.error("athlete.fitness", ["athleteId": "r1", "from": "2027-01-03", "to": "2027-01-02"], code: -32602)["data"]?["field"], "from")
        XCTAssertEqual(try client.error("athlete.fitness", ["athleteId": "r1", "from": "2020-01-01", "to": "2023-01-02"], code: -32602)["data"]?["field"], "to")
        XCTAssertEqual(try client.error("athlete.fitness", ["athleteId": "r1", "from": "2027-13-01", "to": "2027-01-02"], code: -32602)["data"]?["field"], "from")
        let missing = try client.error("athlete.predict", ["athleteId": "r1"], code: -32602)
        XCTAssertEqual(missing["data"]?["field"], "fiveKTimeSeconds")
        XCTAssertTrue(missing["data"]?["reason"]?.stringValue?.contains("no 5K time") == true, missing.text)
        _ = try client.error("athlete.zones", ["athleteId": "ghost"], code: -32001)
        XCTAssertEqual(try client.error("athlete.update", ["id": "r1", "thresholdHeartRate": 200], code: -32602)["data"]?["field"], "thresholdHeartRate",
                       "above the max HR")
        XCTAssertEqual(try client.error("athlete.create", ["name": "X", "timeZone": "UTC", "thresholdPaceSecondsPerKm": 60], code: -32602)["data"]?["field"],
                       "thresholdPaceSecondsPerKm")
        try client.finish()
    }
}
