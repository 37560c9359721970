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
        // One pass over the members (a summary has about seven), matching each name once: looking up thirteen names
        // would hash each of them, most of them long, for every item of a sync page.
        var summaryId: String?, activityId: Int64?, activityType: String?, activityName: String?
        var startTimeInSeconds: Double?, offset: Int?, durationInSeconds: Double?, moving: Double?, distance: Double?
        var averageHeartRate: Double?, maxHeartRate: Double?, elevation: Double?, speed: Double?
        for (key, value) in members {
            switch SummaryMember(key) {
            case .summaryId?: guard let text = Self.string(value) else { return nil }; summaryId = text
            case .activityId?: guard let number = Self.integer(value, Int64.self) else { return nil }; activityId = number
            case .activityType?: guard let text = Self.string(value) else { return nil }; activityType = text
            case .activityName?: guard let text = Self.string(value) else { return nil }; activityName = text
            case .startTimeInSeconds?: guard let number = Self.number(value) else { return nil }; startTimeInSeconds = number
            case .startTimeOffsetInSeconds?: guard let number = Self.integer(value, Int.self) else { return nil }; offset = number
            case .durationInSeconds?: guard let number = Self.number(value) else { return nil }; durationInSeconds = number
            case .movingDurationInSeconds?: guard let number = Self.number(value) else { return nil }; moving = number
            case .distanceInMeters?: guard let number = Self.number(value) else { return nil }; distance = number
            case .averageHeartRateInBeatsPerMinute?: guard let number = Self.number(value) else { return nil }; averageHeartRate = number
            case .maxHeartRateInBeatsPerMinute?: guard let number = Self.number(value) else { return nil }; maxHeartRate = number
            case .totalElevationGainInMeters?: guard let number = Self.number(value) else { return nil }; elevation = number
            case .averageSpeedInMetersPerSecond?: guard let number = Self.number(value) else { return nil }; speed = number
            case nil: continue  // Other members are not read, as `Codable` does not read them.
            }
        }
        guard let startTimeInSeconds, let durationInSeconds else { return nil }
        self.init(
            summaryId: summaryId, activityId: activityId, activityType: activityType, activityName: activityName,
            startTimeInSeconds: startTimeInSeconds, startTimeOffsetInSeconds: offset, durationInSeconds: durationInSeconds,
            movingDurationInSeconds: moving, distanceInMeters: distance, averageHeartRateInBeatsPerMinute: averageHeartRate,
            maxHeartRateInBeatsPerMinute: maxHeartRate, totalElevationGainInMeters: elevation, averageSpeedInMetersPerSecond: speed
        )
    }

    /// The members the plain reading knows, found by the name's length first: one string comparison per member.
    private enum SummaryMember: String {
        case summaryId, activityId, activityType, activityName, startTimeInSeconds, startTimeOffsetInSeconds, durationInSeconds
        case movingDurationInSeconds, distanceInMeters, averageHeartRateInBeatsPerMinute, maxHeartRateInBeatsPerMinute
        case totalElevationGainInMeters, averageSpeedInMetersPerSecond

        init?(_ name: String) {
            let candidate: SummaryMember
            switch name.utf8.count {
            case 9: candidate = .summaryId
            case 10: candidate = .activityId
            case 12: candidate = name.utf8.last == UInt8(ascii: "e") && name.utf8.dropLast().last == UInt8(ascii: "p") ? .activityType : .activityName
            case 16: candidate = .distanceInMeters
            case 17: candidate = .durationInSeconds
            case 18: candidate = .startTimeInSeconds
            case 23: candidate = .movingDurationInSeconds
            case 24: candidate = .startTimeOffsetInSeconds
            case 26: candidate = .totalElevationGainInMeters
            case 28: candidate = .maxHeartRateInBeatsPerMinute
            case 29: candidate = .averageSpeedInMetersPerSecond
            case 32: candidate = .averageHeartRateInBeatsPerMinute
            default: return nil
            }
            guard name == candidate.rawValue else { return nil }
            self = candidate
        }
    }

    /// A string or null (`.some(nil)`), or nil for another type.
    private static func string(_ value: JSONValue) -> String?? {
        switch value {
        case .null: .some(nil)
        case .string(let text): .some(text)
        default: nil
        }
    }

    /// A finite number or null (`.some(nil)`), or nil for another type or a non-finite number.
    private static func number(_ value: JSONValue) -> Double?? {
        switch value {
        case .null: return .some(nil)
        case .number(let number):
            let value = number.doubleValue
            return value.isFinite ? .some(value) : nil
        default: return nil
        }
    }

    /// An integer (written as one, or as an integral number) or null (`.some(nil)`), or nil otherwise.
    private static func integer<I: FixedWidthInteger>(_ value: JSONValue, _ type: I.Type) -> I?? {
        switch value {
        case .null: return .some(nil)
        case .number(let number):
            if let exact = I(number.text) { return .some(exact) }
            let value = number.doubleValue
            guard value.isFinite, value == value.rounded(), let converted = I(exactly: value) else { return nil }
            return .some(converted)
        default: return nil
        }
    }
}
