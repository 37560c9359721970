import Foundation
import JSONRPC
import TrainingDomain

/// The two shapes `activity.ingest` accepts, decoded from one item of `activities[]`.
enum ActivityInput {
    /// Our own shape.
    struct Native: Decodable {
        var source: String
        var externalId: String
        var sport: String
        var startTime: String
        var elapsedSeconds: Double
        var movingSeconds: Double?
        var distanceMeters: Double
        var averageHeartRate: Double?
        var maxHeartRate: Double?
        var elevationGainMeters: Double?
        var laps: [Lap]?
        var heartRateSamples: [HeartRateSample]?

        struct Lap: Decodable {
            var startOffsetSeconds: Double?
            var elapsedSeconds: Double
            var movingSeconds: Double?
            var distanceMeters: Double
            var averageHeartRate: Double?
        }
    }

    /// A Garmin Health API activity summary, as Garmin pushes it.
    struct Garmin: Decodable {
        var summaryId: String?
        var activityId: Int64?
        var activityType: String?
        var activityName: String?
        var startTimeInSeconds: Double
        var startTimeOffsetInSeconds: Int?
        var durationInSeconds: Double
        var movingDurationInSeconds: Double?
        var distanceInMeters: Double?
        var averageHeartRateInBeatsPerMinute: Double?
        var maxHeartRateInBeatsPerMinute: Double?
        var totalElevationGainInMeters: Double?
        var averageSpeedInMetersPerSecond: Double?
    }

    /// A validated activity without its id, athlete and local date (the handler adds them).
    struct Normalized {
        var source: String
        var externalId: String
        var sport: String
        var startEpochSeconds: Double
        var utcOffsetSeconds: Int?
        var elapsedSeconds: Double
        var movingSeconds: Double
        var distanceMeters: Double
        var averageHeartRate: Double?
        var maxHeartRate: Double?
        var elevationGainMeters: Double?
        var laps: [ActivityLap]
        var heartRateSamples: [HeartRateSample]
        /// The member that gave the start (`startTime`, `startTimeInSeconds`), for errors about it.
        var startMember = "startTime"
        /// Where the item sits in the params, when it came from them.
        var path: ItemPath?

        /// The field of errors about the start: `activities[3].startTimeInSeconds`, or `startTime` for a file.
        var startField: String { path.map { $0.field(startMember) } ?? startMember }
    }

    /// Where an item sits in `activity.ingest`'s params, for the paths of its errors. A sync page validates thousands
    /// of items, so a path is spelled out only when an error needs it.
    struct ItemPath {
        /// The index in `activities`, or nil for the single `activity`.
        var index: Int?

        /// The item itself: `activity`, `activities[3]`.
        var item: String { index.map { "activities[\($0)]" } ?? "activity" }

        /// A member of the item: `activities[3].startTime`.
        func field(_ member: String) -> String { item + "." + member }
    }

    /// Decodes and validates one item; errors are `-32602` with the field path under `path`.
    static func normalize(_ item: JSONValue, path: ItemPath) throws(RPCError) -> Normalized {
        guard case .object(let members) = item else {
            throw RPCError.invalidParams(field: path.item, reason: "must be an object, got \(item.typeName)")
        }
        if let path = NULGuard.firstNUL(in: item, path: path.item) {
            throw RPCError.invalidParams(field: path, reason: "must not contain a NUL character (U+0000)")
        }
        // Garmin summaries carry `startTimeInSeconds`; ours carry `startTime`.
        let isGarmin = members["startTimeInSeconds"] != nil || (members["startTime"] == nil && members["summaryId"] != nil)
        do {
            if isGarmin {
                // The plain case read directly (a sync page is thousands of them); anything unusual gets `Codable`'s errors.
                return try fromGarmin(Garmin(plain: members) ?? JSONValueDecoder().decode(Garmin.self, from: item), path: path)
            }
            return try fromNative(JSONValueDecoder().decode(Native.self, from: item), path: path)
        } catch let error as DecodingError {
            let (field, reason) = RPCRequest.describe(error)
            throw RPCError.invalidParams(field: path.field(field), reason: reason)
        } catch let error as RPCError {
            throw error
        } catch {
            throw RPCError.invalidParams(field: path.item, reason: "cannot be read as an activity")
        }
    }

    private static func fromNative(_ native: Native, path: ItemPath) throws(RPCError) -> Normalized {
        let source = try Validation.text(native.source, field: path.field("source"), maxLength: 64)
        let externalId = try Validation.text(native.externalId, field: path.field("externalId"), maxLength: 200)
        let sport = try sportName(native.sport, field: path.field("sport"))
        guard let start = Timestamp.parse(native.startTime) else {
            throw RPCError.invalidParams(field: path.field("startTime"), reason: "must be RFC 3339 with an offset, like 2026-11-24T23:30:00-08:00")
        }
        guard (-43_200...50_400).contains(start.utcOffsetSeconds) else {
            throw RPCError.invalidParams(field: path.field("startTime"), reason: "has an offset outside -12:00 … +14:00")
        }
        let elapsed = try Validation.number(native.elapsedSeconds, in: 0...(14 * 86_400), field: path.field("elapsedSeconds"), unit: "seconds")
        let moving = try native.movingSeconds.map { value throws(RPCError) in
            try Validation.number(value, in: 0...(14 * 86_400), field: path.field("movingSeconds"), unit: "seconds")
        } ?? elapsed
        let distance = try Validation.number(native.distanceMeters, in: 0...2_000_000, field: path.field("distanceMeters"), unit: "metres")
        var laps: [ActivityLap] = []
        var offset = 0.0
        guard moving <= elapsed + 1 else {
            throw RPCError.invalidParams(field: path.field("movingSeconds"), reason: "must not exceed elapsedSeconds (\(Validation.format(elapsed)))")
        }
        guard (native.laps ?? []).count <= 10_000 else { throw RPCError.invalidParams(field: path.field("laps"), reason: "at most 10000 laps") }
        for (index, lap) in (native.laps ?? []).enumerated() {
            func lapField(_ member: String) -> String { path.field("laps[\(index)].\(member)") }
            let lapElapsed = try Validation.number(lap.elapsedSeconds, in: 0...(14 * 86_400), field: lapField("elapsedSeconds"), unit: "seconds")
            let lapDistance = try Validation.number(lap.distanceMeters, in: 0...2_000_000, field: lapField("distanceMeters"), unit: "metres")
            let lapStart = try lap.startOffsetSeconds.map { value throws(RPCError) in
                try Validation.number(value, in: 0...(14 * 86_400), field: lapField("startOffsetSeconds"), unit: "seconds")
            } ?? offset
            let lapMoving = try lap.movingSeconds.map { value throws(RPCError) in
                try Validation.number(value, in: 0...(14 * 86_400), field: lapField("movingSeconds"), unit: "seconds")
            } ?? lapElapsed
            laps.append(ActivityLap(
                startOffsetSeconds: lapStart, elapsedSeconds: lapElapsed, movingSeconds: lapMoving, distanceMeters: lapDistance,
                averageHeartRate: try heartRate(lap.averageHeartRate, field: lapField("averageHeartRate"), allowZero: false)
            ))
            offset = lapStart + lapElapsed
        }
        let samples = native.heartRateSamples ?? []
        guard samples.count <= 50_000 else { throw RPCError.invalidParams(field: path.field("heartRateSamples"), reason: "at most 50000 samples") }
        for (index, sample) in samples.enumerated() {
            func field(_ member: String) -> String { path.field("heartRateSamples[\(index)].\(member)") }
            _ = try Validation.number(sample.offsetSeconds, in: 0...(14 * 86_400), field: field("offsetSeconds"), unit: "seconds")
            _ = try Validation.number(sample.beatsPerMinute, in: 20...260, field: field("beatsPerMinute"), unit: "bpm")
        }
        return Normalized(
            source: source, externalId: externalId, sport: sport, startEpochSeconds: start.epochSeconds,
            utcOffsetSeconds: start.utcOffsetSeconds, elapsedSeconds: elapsed, movingSeconds: moving, distanceMeters: distance,
            averageHeartRate: try heartRate(native.averageHeartRate, field: path.field("averageHeartRate")),
            maxHeartRate: try heartRate(native.maxHeartRate, field: path.field("maxHeartRate")),
            elevationGainMeters: try native.elevationGainMeters.map { value throws(RPCError) in
                try Validation.number(value, in: 0...20_000, field: path.field("elevationGainMeters"), unit: "metres")
            },
            laps: laps, heartRateSamples: samples, startMember: "startTime", path: path
        )
    }

    private static func fromGarmin(_ garmin: Garmin, path: ItemPath) throws(RPCError) -> Normalized {
        guard let externalId = garmin.summaryId ?? garmin.activityId.map({ String($0) }) else {
            throw RPCError.invalidParams(field: path.field("summaryId"), reason: "is required (or activityId)")
        }
        guard !Validation.trimmingWhitespace(externalId).isEmpty, externalId.utf8.count <= 200 || externalId.count <= 200 else {
            throw RPCError.invalidParams(field: path.field("summaryId"), reason: "must be 1–200 characters")
        }
        try Validation.refuseControlCharacters(in: externalId, field: path.field("summaryId"))
        let sport = try sportName(garmin.activityType ?? "unknown", field: path.field("activityType"))
        let offset = garmin.startTimeOffsetInSeconds ?? 0
        guard (-43_200...50_400).contains(offset) else {
            throw RPCError.invalidParams(field: path.field("startTimeOffsetInSeconds"), reason: "must be between -43200 and 50400 seconds")
        }
        let duration = try Validation.number(garmin.durationInSeconds, in: 0...(14 * 86_400), field: path.field("durationInSeconds"), unit: "seconds")
        _ = try Validation.number(garmin.startTimeInSeconds, in: 0...4_102_444_800, field: path.field("startTimeInSeconds"), unit: "seconds since 1970")
        let distance = try Validation.number(garmin.distanceInMeters ?? 0, in: 0...2_000_000, field: path.field("distanceInMeters"), unit: "metres")
        return Normalized(
            source: "garmin", externalId: externalId, sport: sport,
            startEpochSeconds: garmin.startTimeInSeconds, utcOffsetSeconds: garmin.startTimeOffsetInSeconds,
            elapsedSeconds: duration,
            movingSeconds: try garmin.movingDurationInSeconds.map { value throws(RPCError) in
                try Validation.number(value, in: 0...duration, field: path.field("movingDurationInSeconds"), unit: "seconds (at most durationInSeconds)")
            } ?? duration,
            distanceMeters: distance,
            averageHeartRate: try heartRate(garmin.averageHeartRateInBeatsPerMinute, field: path.field("averageHeartRateInBeatsPerMinute")),
            maxHeartRate: try heartRate(garmin.maxHeartRateInBeatsPerMinute, field: path.field("maxHeartRateInBeatsPerMinute")),
            elevationGainMeters: try garmin.totalElevationGainInMeters.map { value throws(RPCError) in
                try Validation.number(value, in: 0...20_000, field: path.field("totalElevationGainInMeters"), unit: "metres")
            },
            laps: [], heartRateSamples: [], startMember: "startTimeInSeconds", path: path
        )
    }

    /// A sport as stored: at most 64 characters without control characters, normalised (`trail_running` → `running`).
    private static func sportName(_ value: String, field: @autoclosure () -> String) throws(RPCError) -> String {
        guard value.utf8.count <= 64 || value.count <= 64 else { throw RPCError.invalidParams(field: field(), reason: "must be at most 64 characters") }
        try Validation.refuseControlCharacters(in: value, field: field())
        return Sport.normalize(value)
    }

    /// A heart rate in 20 … 260 bpm; 0 means "not recorded" where a source writes it so.
    private static func heartRate(_ value: Double?, field: @autoclosure () -> String, allowZero: Bool = true) throws(RPCError) -> Double? {
        guard let value else { return nil }
        if allowZero, value == 0 { return nil }
        return try Validation.number(value, in: 20...260, field: field(), unit: "bpm")
    }
}

extension ActivityInput.Garmin {
    /// The summary read straight from its members, as `JSONValueDecoder` would read it, or nil when any member is
    /// missing where required or of another type: the decoder then reads it again and names the problem.
    init?(plain members: [String: JSONValue]) {
        func string(_ key: String) -> String?? {
            switch members[key] {
            case nil, .null?: return .some(nil)
            case .string(let text)?: return .some(text)
            default: return nil
            }
        }
        func number(_ key: String) -> Double?? {
            switch members[key] {
            case nil, .null?: return .some(nil)
            case .number(let number)?:
                let value = number.doubleValue
                return value.isFinite ? .some(value) : nil
            default: return nil
            }
        }
        func integer<I: FixedWidthInteger>(_ key: String, _ type: I.Type) -> I?? {
            switch members[key] {
            case nil, .null?: return .some(nil)
            case .number(let number)?:
                if let exact = I(number.text) { return .some(exact) }
                let value = number.doubleValue
                guard value.isFinite, value == value.rounded(), let converted = I(exactly: value) else { return nil }
                return .some(converted)
            default: return nil
            }
        }
        guard let summaryId = string("summaryId"), let activityId = integer("activityId", Int64.self),
              let activityType = string("activityType"), let activityName = string("activityName"),
              let start = number("startTimeInSeconds"), let startTimeInSeconds = start,
              let offset = integer("startTimeOffsetInSeconds", Int.self),
              let duration = number("durationInSeconds"), let durationInSeconds = duration,
              let moving = number("movingDurationInSeconds"), let distance = number("distanceInMeters"),
              let averageHeartRate = number("averageHeartRateInBeatsPerMinute"), let maxHeartRate = number("maxHeartRateInBeatsPerMinute"),
              let elevation = number("totalElevationGainInMeters"), let speed = number("averageSpeedInMetersPerSecond")
        else { return nil }
        self.init(
            summaryId: summaryId, activityId: activityId, activityType: activityType, activityName: activityName,
            startTimeInSeconds: startTimeInSeconds, startTimeOffsetInSeconds: offset, durationInSeconds: durationInSeconds,
            movingDurationInSeconds: moving, distanceInMeters: distance, averageHeartRateInBeatsPerMinute: averageHeartRate,
            maxHeartRateInBeatsPerMinute: maxHeartRate, totalElevationGainInMeters: elevation, averageSpeedInMetersPerSecond: speed
        )
    }
}
