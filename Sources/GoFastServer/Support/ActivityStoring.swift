import Foundation
import JSONRPC
import TrainingDomain
import TrainingStore

/// What `activity.ingest` and `activity.import` answer: one result per item, in input order.
struct ActivityResults: Encodable {
    /// One entry of `results`: the stored activity and its execution, or the item's own error.
    struct Item: Encodable {
        var activity: Activity?
        var created: Bool
        var execution: ExecutedDay?
        var unmatchedReason: String?
        var error: JSONValue?

        /// An item refused with `error` (the JSON of its JSON-RPC error): nothing stored, nothing matched.
        static func refused(_ error: JSONValue) -> Item {
            Item(activity: nil, created: false, execution: nil, unmatchedReason: nil, error: error)
        }
    }

    var results: [Item]
    var warnings: [String]?
}

/// Turning validated inputs into activity records and store outcomes into results, shared by ingest and import.
enum ActivityStoring {
    static func itemResult(_ outcome: Result<IngestOutcome, any Error>, context: ServerContext) -> ActivityResults.Item {
        switch outcome {
        case .success(let outcome):
            return ActivityResults.Item(activity: outcome.activity, created: outcome.created, execution: outcome.execution, unmatchedReason: outcome.unmatchedReason?.description, error: nil)
        case .failure(let error):
            let mapped = (error as? RPCError) ?? ApplicationErrorMapper.map(error, logger: context.logger) ?? .internalError
            if mapped == .internalError { context.logger.error("ingest item failed", metadata: ["error": "\(error)"]) }
            return .refused(mapped.jsonValue)
        }
    }

    /// How far past the server's clock an activity may start: a day covers any time zone and a watch's clock drift,
    /// while a later start is a clock error that would mark a future planned day as done.
    static let maximumFutureStartSeconds = 86_400.0

    /// The activity to store with `id`, or `-32602` naming the input's start field; `nowEpochSeconds` is the
    /// server's clock.
    static func makeActivity(
        _ input: ActivityInput.Normalized, id: String, athlete: Athlete, zone: TimeZone, now: String, nowEpochSeconds: Double,
        load: TrainingLoadCalculator? = nil
    ) throws(RPCError) -> Activity {
        // Years 1900 … 9999: older or later instants are clock errors, and dates outside 0001 … 9999 cannot be stored.
        guard input.startEpochSeconds.isFinite, (-2_208_988_800...253_402_214_400).contains(input.startEpochSeconds) else {
            throw RPCError.invalidParams(field: input.startField, reason: "must be between the years 1900 and 9999")
        }
        let latestStart = nowEpochSeconds + maximumFutureStartSeconds
        guard input.startEpochSeconds <= latestStart else {
            throw RPCError.invalidParams(
                field: input.startField,
                reason: "is more than a day in the future: the server's clock says \(Timestamp.format(epochSeconds: nowEpochSeconds, fractionDigits: 0))"
            )
        }
        let offset = input.utcOffsetSeconds ?? zone.secondsFromGMT(for: Date(timeIntervalSince1970: input.startEpochSeconds))
        var activity = Activity(
            id: id, athleteId: athlete.id, source: input.source, externalId: input.externalId, sport: input.sport,
            startTime: Timestamp.format(epochSeconds: input.startEpochSeconds, utcOffsetSeconds: offset),
            startEpochSeconds: input.startEpochSeconds, utcOffsetSeconds: input.utcOffsetSeconds,
            localDate: Timestamp.localDate(epochSeconds: input.startEpochSeconds, utcOffsetSeconds: offset),
            elapsedSeconds: input.elapsedSeconds, movingSeconds: input.movingSeconds, distanceMeters: input.distanceMeters,
            averageHeartRate: input.averageHeartRate, maxHeartRate: input.maxHeartRate, elevationGainMeters: input.elevationGainMeters,
            laps: input.laps, heartRateSamples: input.heartRateSamples, createdAt: now
        )
        // A page passes one calculator for all its items: the athlete's thresholds (from VDOT paces) are worked out once.
        activity.trainingLoad = (load ?? TrainingLoadCalculator(thresholds: LoadThresholds(athlete))).load(of: activity)
        return activity
    }
}
