import Foundation
import JSONRPC
import TrainingDomain
import TrainingStore

/// `activity.ingest`: Garmin Health API summaries or our own shape, one or many (a sync page), idempotent, auto-matched.
///
/// Its params are read from the raw object (not a `Decodable`) so each item is validated on its own and a bad item
/// gets its own error with its path (`activities[3].startTime`) while the others are stored.
enum ActivityIngest: GoFastMethod {
    static let name = "activity.ingest"
    static let access = RPCMethod.Access.write
    static let isIdempotent = true
    /// Each item is checked on its own, so a NUL in one activity is that item's error.
    static let itemCheckedMembers: Set<String> = ["activity", "activities"]

    static func handle(_ params: EmptyParams, _ call: MethodCall) async throws -> ActivityIngestReply {
        let request = call.request
        let context = call.context
        guard case .object(let members)? = request.params else {
            if case .array? = request.params {
                throw RPCError.invalidParams(field: "params", reason: "activity.ingest takes named params (an object), not positional params (an array)")
            }
            throw RPCError.invalidParams(field: "athleteId", reason: "is required")
        }
        guard case .string(let athleteId)? = members["athleteId"] else {
            throw RPCError.invalidParams(field: "athleteId", reason: members["athleteId"] == nil ? "is required" : "must be a string")
        }
        let autoMatch: Bool
        switch members["autoMatch"] {
        case nil, .null?: autoMatch = true
        case .bool(let flag)?: autoMatch = flag
        default: throw RPCError.invalidParams(field: "autoMatch", reason: "must be a boolean")
        }
        let compact: Bool
        switch members["reply"] {
        case nil, .null?, .string("full")?: compact = false
        case .string("compact")?: compact = true
        default: throw RPCError.invalidParams(field: "reply", reason: "must be \"full\" or \"compact\"")
        }
        let items: [(JSONValue, String)]
        switch (members["activity"], members["activities"]) {
        case (let single?, nil): items = [(single, "activity.")]
        case (nil, .array(let many)?): items = many.enumerated().map { ($1, "activities[\($0)].") }
        case (nil, let other?): throw RPCError.invalidParams(field: "activities", reason: "must be an array, got \(other.typeName)")
        case (nil, nil): throw RPCError.invalidParams(field: "activities", reason: "is required (or activity)")
        case (.some, .some): throw RPCError.invalidParams(field: "activity", reason: "give activity or activities, not both")
        }
        guard items.count <= 10_000 else { throw RPCError.invalidParams(field: "activities", reason: "at most 10000 per call, got \(items.count)") }
        let athlete = try await AthleteInputs.require(athleteId, context)
        let zone = TimeZones.zone(named: athlete.timeZone) ?? .gmt

        if items.count > 1 { request.progress.begin(title: "Ingesting \(items.count) activities") }
        // Validate every item first; the valid ones are stored and matched in one transaction.
        var results = [ActivityResults.Item?](repeating: nil, count: items.count)
        var valid: [(index: Int, activity: Activity)] = []
        let now = context.clock.timestamp()
        let nowEpochSeconds = context.clock.epochSeconds
        let load = TrainingLoadCalculator(thresholds: LoadThresholds(athlete))
        for (index, (item, prefix)) in items.enumerated() {
            do {
                let normalized = try ActivityInput.normalize(item, prefix: prefix)
                valid.append((index, try ActivityStoring.makeActivity(normalized, athlete: athlete, zone: zone, now: now, nowEpochSeconds: nowEpochSeconds, load: load)))
            } catch {
                results[index] = ActivityResults.Item(activity: nil, created: false, execution: nil, unmatchedReason: nil, error: error.jsonValue)
            }
        }
        if items.count > 1 { request.progress.report(message: "Storing and matching \(valid.count) activities", percentage: 10) }
        let outcomes = try await context.database.ingest(valid.map(\.activity), autoMatch: autoMatch, now: now)
        for ((index, _), outcome) in zip(valid, outcomes) {
            results[index] = ActivityStoring.itemResult(outcome, context: context)
        }
        if items.count > 1 { request.progress.end() }
        let full = ActivityResults(results: results.map { $0! }, warnings: nil)
        return compact ? .compact(ActivityIngestReply.compactBytes(of: full)) : .full(full)
    }

    static func encode(_ result: ActivityIngestReply) throws -> EncodedJSON {
        switch result {
        case .full(let results): try .encoding(results)
        case .compact(let bytes): bytes
        }
    }
}

/// `activity.ingest`'s answer: every record in full (the default), or with `reply: "compact"` one line of ids per
/// item, for syncs of thousands of activities whose client needs only to know what became of each.
enum ActivityIngestReply: Encodable {
    case full(ActivityResults)
    case compact(EncodedJSON)

    func encode(to encoder: any Encoder) throws {
        switch self {
        case .full(let results): try results.encode(to: encoder)
        case .compact(let bytes): try JSONParser.parse(bytes.bytes).encode(to: encoder)
        }
    }

    /// `{"results":[{"activityId":…,"created":…,"executionId":…,"plannedDayId":…,"unmatchedReason":…,"error":…},…],"warnings":null}`,
    /// written directly.
    static func compactBytes(of results: ActivityResults) -> EncodedJSON {
        var bytes = Array(#"{"results":["#.utf8)
        bytes.reserveCapacity(results.results.count * 160 + 32)
        for (index, item) in results.results.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
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
        bytes.append(contentsOf: #"],"warnings":null}"#.utf8)
        return EncodedJSON(validJSONBytes: bytes)
    }
}
