import ActivityFormats
import ExportFormats
import Foundation
import Testing
import TrainingDomain

/// FIT workouts of whole generated plans, read back by Garmin's FIT SDK and by our own decoder.
struct FITWorkoutEncoderTests {
    /// 2026-05-20T06:30:00Z.
    static let timeCreated: Int64 = 1_779_258_600

    /// What Garmin's SDK decoded from one file (see Scripts/decode_fit_workouts.py).
    struct Decoded: Decodable {
        var path: String
        var isFIT: Bool
        var integrity: Bool
        var errors: [String]
        var fileId: [[String: JSONScalar]]
        var workout: [[String: JSONScalar]]
        var steps: [[String: JSONScalar]]
    }

    struct Report: Decodable { var files: [Decoded] }

    @Test(arguments: ["marathon", "fiveK", "half"])
    func garminSDKReadsEveryWorkoutOfAPlan(_ planName: String) throws {
        let plan = try Self.plan(planName)
        let folder = try ExternalJudge.temporaryFolder("fit")
        defer { try? FileManager.default.removeItem(at: folder) }
        var runDays: [(PlannedDay, String)] = []
        for day in plan.days where !day.plannedData.segments.isEmpty {
            let bytes = try FITWorkoutEncoder.encode(day.plannedData, timeCreatedEpochSeconds: Self.timeCreated)
            let path = folder.appendingPathComponent("\(day.id).fit").path
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            runDays.append((day, path))
        }
        #expect(runDays.count == plan.days.filter { $0.plannedData.type.isRun }.count)

        let run = try ExternalJudge.python("decode_fit_workouts.py", runDays.map(\.1))
        try #require(run.status == 0, "decode_fit_workouts.py failed: \(run.standardError)")
        let report = try JSONDecoder().decode(Report.self, from: run.standardOutput)
        try #require(report.files.count == runDays.count)

        for ((day, _), decoded) in zip(runDays, report.files) {
            let workout = day.plannedData
            #expect(decoded.isFIT && decoded.integrity, "\(day.id): header or CRC rejected by the SDK")
            #expect(decoded.errors.isEmpty, "\(day.id): \(decoded.errors)")
            #expect(decoded.fileId.first?["type"] == .text("workout"))
            #expect(decoded.fileId.first?["manufacturer"] == .text("development"))
            #expect(decoded.fileId.first?["time_created"] == .text("2026-05-20T06:30:00+00:00"))
            let expected = Self.expectedSteps(workout.segments)
            #expect(decoded.workout.first?["sport"] == .text("running"))
            #expect(decoded.workout.first?["wkt_name"] == .text(workout.title))
            #expect(decoded.workout.first?["num_valid_steps"] == .number(Double(expected.count)))
            #expect(decoded.steps.count == expected.count, "\(day.id)")
            for (index, (step, want)) in zip(decoded.steps, expected).enumerated() {
                #expect(step["message_index"] == .number(Double(index)))
                for (key, value) in want {
                    if case .number(let number) = value, case .number(let got)? = step[key] {
                        #expect(abs(got - number) <= 0.0005, "\(day.id) step \(index) \(key): \(got) ≠ \(number)")
                    } else {
                        #expect(step[key] == value, "\(day.id) step \(index) \(key)")
                    }
                }
            }
        }
    }

    @Test func ourOwnDecoderReadsTheFileWithValidCRCs() throws {
        for day in try SamplePlan.marathon().days where !day.plannedData.segments.isEmpty {
            let bytes = try FITWorkoutEncoder.encode(day.plannedData, timeCreatedEpochSeconds: Self.timeCreated)
            let decoded = try FITDecoder.decode(bytes)
            #expect(decoded.fileType == "workout")
            #expect(decoded.warnings.isEmpty, "\(day.id): \(decoded.warnings)")
            #expect(FITCRC.compute(Array(bytes[0..<12])) == UInt16(bytes[12]) | UInt16(bytes[13]) << 8)
            #expect(FITCRC.compute(bytes) == 0, "a FIT file's CRC over data and stored CRC is zero")
        }
    }

    @Test func sameWorkoutSameBytes() throws {
        let day = try #require(try SamplePlan.marathon().days.first { $0.plannedData.segments.contains { $0.kind == .repeat } })
        let first = try FITWorkoutEncoder.encode(day.plannedData, timeCreatedEpochSeconds: Self.timeCreated)
        let second = try FITWorkoutEncoder.encode(day.plannedData, timeCreatedEpochSeconds: Self.timeCreated)
        #expect(first == second)
    }

    @Test func handWrittenWorkoutDecodesToHandComputedValues() throws {
        // 4:00–4:10/km is 1000/250 = 4.000 m/s and 1000/240 = 4.1667 m/s; 2 × (1 km + 90 s jog), then an open HR-zone step.
        let workout = PlannedWorkout(
            type: .intervals, title: "Küstenlauf · 2 × 1 km", description: "", distanceMeters: 2000, durationSeconds: 0,
            targetPace: nil, segments: [
                WorkoutSegment(kind: .repeat, repeats: 2, steps: [
                    WorkoutSegment(kind: .work, distanceMeters: 1000, targetPace: PaceRange(minSecondsPerKm: 240, maxSecondsPerKm: 250)),
                    WorkoutSegment(kind: .recovery, durationSeconds: 90, note: "jog"),
                ]),
                WorkoutSegment(kind: .coolDown, heartRateZone: 2),
            ]
        )
        let folder = try ExternalJudge.temporaryFolder("fit-hand")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("hand.fit").path
        try Data(try FITWorkoutEncoder.encode(workout, timeCreatedEpochSeconds: Self.timeCreated)).write(to: URL(fileURLWithPath: path))
        let run = try ExternalJudge.python("decode_fit_workouts.py", [path])
        try #require(run.status == 0, "\(run.standardError)")
        let decoded = try #require(try JSONDecoder().decode(Report.self, from: run.standardOutput).files.first)
        #expect(decoded.errors.isEmpty && decoded.integrity)
        #expect(decoded.workout.first?["wkt_name"] == .text("Küstenlauf · 2 × 1 km"))
        try #require(decoded.steps.count == 4)
        #expect(decoded.steps[0]["duration_distance"] == .number(1000))
        #expect(decoded.steps[0]["custom_target_speed_low"] == .number(4.0))
        #expect(decoded.steps[0]["custom_target_speed_high"] == .number(4.167))
        #expect(decoded.steps[0]["intensity"] == .text("active"))
        #expect(decoded.steps[1]["duration_time"] == .number(90))
        #expect(decoded.steps[1]["target_type"] == .text("open"))
        #expect(decoded.steps[1]["notes"] == .text("jog"))
        #expect(decoded.steps[1]["intensity"] == .text("recovery"))
        #expect(decoded.steps[2]["duration_type"] == .text("repeat_until_steps_cmplt"))
        #expect(decoded.steps[2]["duration_step"] == .number(0))
        #expect(decoded.steps[2]["repeat_steps"] == .number(2))
        #expect(decoded.steps[3]["duration_type"] == .text("open"))
        #expect(decoded.steps[3]["target_type"] == .text("heart_rate"))
        #expect(decoded.steps[3]["target_hr_zone"] == .number(2))
        #expect(decoded.steps[3]["intensity"] == .text("cooldown"))
    }

    @Test func aLongTitleIsCutWholeCharactersAndNULsAreDropped() throws {
        // 300 × "é" is 600 UTF-8 bytes; a FIT string field holds 254 and its terminator: 127 whole characters.
        let workout = PlannedWorkout(
            type: .easy, title: String(repeating: "é", count: 300), description: "", distanceMeters: 1000, durationSeconds: 360,
            targetPace: nil, segments: [WorkoutSegment(kind: .steady, distanceMeters: 1000, note: "a\u{0}b")]
        )
        let folder = try ExternalJudge.temporaryFolder("fit-long")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("long.fit").path
        try Data(try FITWorkoutEncoder.encode(workout, timeCreatedEpochSeconds: Self.timeCreated)).write(to: URL(fileURLWithPath: path))
        let run = try ExternalJudge.python("decode_fit_workouts.py", [path])
        try #require(run.status == 0, "\(run.standardError)")
        let decoded = try #require(try JSONDecoder().decode(Report.self, from: run.standardOutput).files.first)
        #expect(decoded.errors.isEmpty && decoded.integrity)
        #expect(decoded.workout.first?["wkt_name"] == .text(String(repeating: "é", count: 127)))
        #expect(decoded.steps.first?["notes"] == .text("ab"))
        #expect(decoded.steps.first?["target_type"] == .text("open"))
    }

    @Test func aRestDayHasNoSteps() throws {
        let rest = try #require(try SamplePlan.marathon().days.first { $0.plannedData.type == .rest })
        #expect(throws: FITWorkoutEncodingError.noSteps) {
            try FITWorkoutEncoder.encode(rest.plannedData, timeCreatedEpochSeconds: Self.timeCreated)
        }
        #expect(throws: FITWorkoutEncodingError.timeCreatedOutOfRange(0)) {
            try FITWorkoutEncoder.encode(try SamplePlan.marathon().days[1].plannedData, timeCreatedEpochSeconds: 0)
        }
    }

    static func plan(_ name: String) throws -> SamplePlan {
        switch name {
        case "fiveK": try SamplePlan.fiveK()
        case "half": try SamplePlan.half()
        default: try SamplePlan.marathon()
        }
    }

    /// The steps Garmin's SDK should report for `segments`, in its decoded units (m, s, m/s), written from the contract.
    static func expectedSteps(_ segments: [WorkoutSegment]) -> [[String: JSONScalar]] {
        var steps: [[String: JSONScalar]] = []
        func add(_ segments: [WorkoutSegment]) {
            for segment in segments {
                if segment.kind == .repeat {
                    let first = steps.count
                    add(segment.steps ?? [])
                    steps.append([
                        "duration_type": .text("repeat_until_steps_cmplt"), "duration_step": .number(Double(first)),
                        "repeat_steps": .number(Double(segment.repeats ?? 1)),
                    ])
                    continue
                }
                var step: [String: JSONScalar] = [:]
                if let meters = segment.distanceMeters {
                    step["duration_type"] = .text("distance")
                    step["duration_distance"] = .number(meters)
                } else if let seconds = segment.durationSeconds {
                    step["duration_type"] = .text("time")
                    step["duration_time"] = .number(seconds)
                } else {
                    step["duration_type"] = .text("open")
                }
                if let pace = segment.targetPace {
                    step["target_type"] = .text("speed")
                    step["custom_target_speed_low"] = .number((1000 / pace.maxSecondsPerKm * 1000).rounded() / 1000)
                    step["custom_target_speed_high"] = .number((1000 / pace.minSecondsPerKm * 1000).rounded() / 1000)
                } else if let zone = segment.heartRateZone {
                    step["target_type"] = .text("heart_rate")
                    step["target_hr_zone"] = .number(Double(zone))
                } else {
                    step["target_type"] = .text("open")
                }
                let intensity = ["warmUp": "warmup", "coolDown": "cooldown", "recovery": "recovery"][segment.kind.rawValue] ?? "active"
                step["intensity"] = .text(intensity)
                if let note = segment.note { step["notes"] = .text(note) }
                steps.append(step)
            }
        }
        add(segments)
        return steps
    }
}

/// A JSON number, string, boolean or null, as the decode script prints field values (arrays become their description).
enum JSONScalar: Decodable, Equatable {
    case number(Double), text(String), bool(Bool), null, other

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Double.self) { self = .number(value) }
        else if let value = try? container.decode(String.self) { self = .text(value) }
        else { self = .other }
    }
}
