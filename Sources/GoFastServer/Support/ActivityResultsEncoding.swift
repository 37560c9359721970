import JSONRPC
import TrainingDomain

/// `activity.ingest`'s and `activity.import`'s full reply written directly: the same bytes as the `Codable` encoding (members in declaration
/// order, nil as `null`; `ActivityResultsEncodingTests` compares them), for a sync page of thousands of records.
/// Activities, the bulk of a history, are written member by member; an executed day, rarer and deeper, through
/// `Codable`. Nil when a value cannot be written (a non-finite number): the caller then encodes through `Codable`,
/// which names the problem.
enum ActivityResultsEncoding {
    static func encode(_ results: ActivityResults) -> EncodedJSON? {
        var bytes = Array(#"{"results":["#.utf8)
        bytes.reserveCapacity(results.results.count * 700 + 64)
        for (index, item) in results.results.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            var object = JSONObjectWriter(capacity: 768)
            if let activity = item.activity {
                guard let encoded = encode(activity) else { return nil }
                object.member("activity", encoded: encoded)
            } else {
                object.member("activity", encoded: nil)
            }
            object.member("created", item.created)
            if let execution = item.execution {
                guard let encoded = try? EncodedJSON.encoding(execution) else { return nil }
                object.member("execution", encoded: encoded)
            } else {
                object.member("execution", encoded: nil)
            }
            object.member("unmatchedReason", item.unmatchedReason)
            object.member("error", json: item.error)
            guard let encoded = object.finish() else { return nil }
            bytes.append(contentsOf: encoded.bytes)
        }
        bytes.append(contentsOf: #"],"warnings":"#.utf8)
        if let warnings = results.warnings {
            guard let encoded = try? EncodedJSON.encoding(warnings) else { return nil }
            bytes.append(contentsOf: encoded.bytes)
        } else {
            bytes.append(contentsOf: "null".utf8)
        }
        bytes.append(UInt8(ascii: "}"))
        return EncodedJSON(validJSONBytes: bytes)
    }

    /// One activity, member by member; laps and samples (empty for a Garmin summary) through `Codable` when present.
    static func encode(_ activity: Activity) -> EncodedJSON? {
        var object = JSONObjectWriter(capacity: 640)
        object.member("id", activity.id)
        object.member("athleteId", activity.athleteId)
        object.member("source", activity.source)
        object.member("externalId", activity.externalId)
        object.member("sport", activity.sport)
        object.member("startTime", activity.startTime)
        object.member("startEpochSeconds", activity.startEpochSeconds)
        object.member("utcOffsetSeconds", activity.utcOffsetSeconds)
        object.member("localDate", activity.localDate.description)
        object.member("elapsedSeconds", activity.elapsedSeconds)
        object.member("movingSeconds", activity.movingSeconds)
        object.member("distanceMeters", activity.distanceMeters)
        object.member("averageHeartRate", activity.averageHeartRate)
        object.member("maxHeartRate", activity.maxHeartRate)
        object.member("elevationGainMeters", activity.elevationGainMeters)
        guard let laps = activity.laps.isEmpty ? emptyArray : try? EncodedJSON.encoding(activity.laps),
              let samples = activity.heartRateSamples.isEmpty ? emptyArray : try? EncodedJSON.encoding(activity.heartRateSamples) else { return nil }
        object.member("laps", encoded: laps)
        object.member("heartRateSamples", encoded: samples)
        object.member("createdAt", activity.createdAt)
        if let load = activity.trainingLoad {
            var loadObject = JSONObjectWriter(capacity: 48)
            loadObject.member("value", load.value)
            loadObject.member("method", load.method.rawValue)
            guard let encoded = loadObject.finish() else { return nil }
            object.member("trainingLoad", encoded: encoded)
        } else {
            object.member("trainingLoad", encoded: nil)
        }
        return object.finish()
    }

    private static let emptyArray = EncodedJSON(validJSONBytes: Array("[]".utf8))
}

/// Writes `activity.ingest`'s compact reply item by item:
/// `{"results":[{"activityId":…,"created":…,"executionId":…,"plannedDayId":…,"unmatchedReason":…,"error":…},…],"warnings":null}`.
struct CompactActivityResultsWriter {
    private var bytes: [UInt8]
    private var isFirst = true

    /// A writer with room for `count` items.
    init(count: Int) {
        bytes = Array(#"{"results":["#.utf8)
        bytes.reserveCapacity(count * 160 + 32)
    }

    /// Appends one item's ids and outcome.
    mutating func append(_ item: ActivityResults.Item) {
        if !isFirst { bytes.append(UInt8(ascii: ",")) }
        isFirst = false
        var object = JSONObjectWriter(capacity: 192)
        object.member("activityId", item.activity?.id)
        object.member("created", item.created)
        object.member("executionId", item.execution?.id)
        object.member("plannedDayId", item.execution?.plannedDayId)
        object.member("unmatchedReason", item.unmatchedReason)
        object.member("error", json: item.error)
        // Only strings, booleans and JSON values: nothing can make the object invalid.
        bytes.append(contentsOf: object.finish()?.bytes ?? Array("null".utf8))
    }

    /// The whole reply.
    mutating func finish() -> EncodedJSON {
        bytes.append(contentsOf: #"],"warnings":null}"#.utf8)
        return EncodedJSON(validJSONBytes: bytes)
    }
}
