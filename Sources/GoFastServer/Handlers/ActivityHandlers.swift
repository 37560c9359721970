import ActivityFormats
import Foundation
import JSONRPC
import TrainingDomain
import TrainingStore

/// `activity.ingest`, `activity.import`, `activity.match`, `activity.link`, `activity.unlink`, `activity.get`.
enum ActivityHandlers {
    /// One entry of `results`.
    struct ItemResult: Encodable {
        var activity: Activity?
        var created: Bool
        var execution: ExecutedDay?
        var unmatchedReason: String?
        var error: JSONValue?
    }

    struct Results: Encodable {
        var results: [ItemResult]
        var warnings: [String]?
    }

    struct ImportParams: Decodable {
        var athleteId: String
        var path: String?
        var contentBase64: String?
        var format: String?
        var autoMatch: Bool?
    }

    struct ActivityIdParams: Decodable {
        var activityId: String
    }

    struct LinkParams: Decodable {
        var activityId: String
        var plannedDayId: String
    }

    struct MatchResult: Encodable {
        var execution: ExecutedDay?
        var unmatchedReason: String?
    }

    static let maximumFileBytes = 64 << 20

    static func methods(_ context: ServerContext) -> [RPCMethod] {
        [
            RPCMethod("activity.ingest", access: .write) { request in
                try .encoding(try await ingest(request, context: context))
            },
            RPCMethod("activity.import", access: .write) { request in
                try .encoding(try await importFile(request, context: context))
            },
            RPCMethod("activity.match", access: .write) { request in
                let params = try request.decodeParams(ActivityIdParams.self)
                let outcome = try await context.database.matchActivity(id: params.activityId, now: context.clock.timestamp())
                return try .encoding(MatchResult(execution: outcome.execution, unmatchedReason: outcome.unmatchedReason))
            },
            RPCMethod("activity.link", access: .write) { request in
                let params = try request.decodeParams(LinkParams.self)
                let execution = try await context.database.linkActivity(id: params.activityId, plannedDayId: params.plannedDayId, now: context.clock.timestamp())
                return try .encoding(MatchResult(execution: execution, unmatchedReason: nil))
            },
            RPCMethod("activity.unlink", access: .write) { request in
                let params = try request.decodeParams(ActivityIdParams.self)
                let removed = try await context.database.unlinkActivity(id: params.activityId)
                return .value(["activityId": .string(params.activityId), "removedExecutionId": removed.map { .string($0) } ?? .null])
            },
            RPCMethod("activity.get", access: .read) { request in
                let params = try request.decodeParams(AthleteHandlers.IdParams.self)
                guard let activity = try await context.database.activity(id: params.id) else { throw RPCError.notFound("activity", id: params.id) }
                return try .encoding(activity)
            },
        ]
    }

    // MARK: - activity.ingest

    static func ingest(_ request: RPCRequest, context: ServerContext) async throws -> Results {
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
        let items: [(JSONValue, String)]
        switch (members["activity"], members["activities"]) {
        case (let single?, nil): items = [(single, "activity.")]
        case (nil, .array(let many)?): items = many.enumerated().map { ($1, "activities[\($0)].") }
        case (nil, let other?): throw RPCError.invalidParams(field: "activities", reason: "must be an array, got \(other.typeName)")
        case (nil, nil): throw RPCError.invalidParams(field: "activities", reason: "is required (or activity)")
        case (.some, .some): throw RPCError.invalidParams(field: "activity", reason: "give activity or activities, not both")
        }
        guard items.count <= 10_000 else { throw RPCError.invalidParams(field: "activities", reason: "at most 10000 per call, got \(items.count)") }
        let athlete = try await PlanHandlers.requireAthlete(athleteId, context: context)
        let zone = TimeZones.zone(named: athlete.timeZone) ?? .gmt

        if items.count > 1 { request.progress.begin(title: "Ingesting \(items.count) activities") }
        // Validate every item first; the valid ones are stored and matched in one transaction.
        var results = [ItemResult?](repeating: nil, count: items.count)
        var valid: [(index: Int, activity: Activity)] = []
        let now = context.clock.timestamp()
        for (index, (item, prefix)) in items.enumerated() {
            do {
                let normalized = try ActivityInput.normalize(item, prefix: prefix)
                valid.append((index, try makeActivity(normalized, athlete: athlete, zone: zone, now: now)))
            } catch {
                results[index] = ItemResult(activity: nil, created: false, execution: nil, unmatchedReason: nil, error: error.jsonValue)
            }
        }
        if items.count > 1 { request.progress.report(message: "Storing and matching \(valid.count) activities", percentage: 10) }
        let outcomes = try await context.database.ingest(valid.map(\.activity), autoMatch: autoMatch, now: now)
        for ((index, _), outcome) in zip(valid, outcomes) {
            results[index] = itemResult(outcome, context: context)
        }
        if items.count > 1 { request.progress.end() }
        return Results(results: results.map { $0! }, warnings: nil)
    }

    static func itemResult(_ outcome: Result<IngestOutcome, any Error>, context: ServerContext) -> ItemResult {
        switch outcome {
        case .success(let outcome):
            return ItemResult(activity: outcome.activity, created: outcome.created, execution: outcome.execution, unmatchedReason: outcome.unmatchedReason, error: nil)
        case .failure(let error):
            let mapped = (error as? RPCError) ?? ApplicationErrorMapper.map(error) ?? .internalError
            if mapped == .internalError { context.logger.error("ingest item failed", metadata: ["error": "\(error)"]) }
            return ItemResult(activity: nil, created: false, execution: nil, unmatchedReason: nil, error: mapped.jsonValue)
        }
    }

    static func makeActivity(_ input: ActivityInput.Normalized, athlete: Athlete, zone: TimeZone, now: String) throws(RPCError) -> Activity {
        // Years 1900 … 9999: older or later instants are clock errors, and dates outside 0001 … 9999 cannot be stored.
        guard input.startEpochSeconds.isFinite, (-2_208_988_800...253_402_214_400).contains(input.startEpochSeconds) else {
            throw RPCError.invalidParams(field: "startTime", reason: "must be between the years 1900 and 9999")
        }
        let offset = input.utcOffsetSeconds ?? zone.secondsFromGMT(for: Date(timeIntervalSince1970: input.startEpochSeconds))
        return Activity(
            id: Identifiers.make("act"), athleteId: athlete.id, source: input.source, externalId: input.externalId, sport: input.sport,
            startTime: Timestamp.format(epochSeconds: input.startEpochSeconds, utcOffsetSeconds: offset),
            startEpochSeconds: input.startEpochSeconds, utcOffsetSeconds: input.utcOffsetSeconds,
            localDate: Timestamp.localDate(epochSeconds: input.startEpochSeconds, utcOffsetSeconds: offset),
            elapsedSeconds: input.elapsedSeconds, movingSeconds: input.movingSeconds, distanceMeters: input.distanceMeters,
            averageHeartRate: input.averageHeartRate, maxHeartRate: input.maxHeartRate, elevationGainMeters: input.elevationGainMeters,
            laps: input.laps, heartRateSamples: input.heartRateSamples, createdAt: now
        )
    }

    // MARK: - activity.import

    static func importFile(_ request: RPCRequest, context: ServerContext) async throws -> Results {
        let params = try request.decodeParams(ImportParams.self)
        let bytes: [UInt8]
        switch (params.path, params.contentBase64) {
        case (let path?, nil):
            bytes = try readFile(path)
        case (nil, let base64?):
            guard base64.utf8.count <= maximumFileBytes / 3 * 4 + 4 else {
                throw RPCError.invalidParams(field: "contentBase64", reason: "is larger than \(maximumFileBytes) bytes")
            }
            guard let data = Data(base64Encoded: base64, options: .ignoreUnknownCharacters) else {
                throw RPCError.invalidParams(field: "contentBase64", reason: "is not valid base64")
            }
            bytes = Array(data)
        case (.some, .some): throw RPCError.invalidParams(field: "path", reason: "give path or contentBase64, not both")
        case (nil, nil): throw RPCError.invalidParams(field: "path", reason: "is required (or contentBase64)")
        }
        var format: ActivityFileFormat?
        if let name = params.format {
            guard let known = ActivityFileFormat(rawValue: name.lowercased()) else {
                throw RPCError.invalidParams(field: "format", reason: "must be fit, gpx or tcx, got \"\(name.prefix(20))\"")
            }
            format = known
        }
        let athlete = try await PlanHandlers.requireAthlete(params.athleteId, context: context)
        request.progress.begin(title: "Importing \(bytes.count) bytes")
        let decoded: DecodedFile
        do {
            decoded = try ActivityFileDecoder.decode(bytes, format: format)
        } catch let error as ActivityDecodingError {
            var data: [String: JSONValue] = ["reason": .string(error.reason), "format": error.format.map { .string($0.rawValue) } ?? .null]
            if let offset = error.byteOffset { data["byteOffset"] = .number(JSONNumber(offset)) }
            throw RPCError(code: ApplicationErrorCode.fileUndecodable, message: "Cannot decode the activity file: \(error.reason)", data: .object(data))
        }
        guard !decoded.activities.isEmpty else {
            throw RPCError(
                code: ApplicationErrorCode.fileUndecodable,
                message: "The \(decoded.format.rawValue) file holds no activity" + (decoded.fileType.map { " (file type \($0))" } ?? ""),
                data: ["reason": "no activity in the file", "format": .string(decoded.format.rawValue), "fileType": decoded.fileType.map { .string($0) } ?? .null]
            )
        }
        let digest = SHA256.hex(bytes)
        let zone = TimeZones.zone(named: athlete.timeZone) ?? .gmt
        let now = context.clock.timestamp()
        // A session whose start cannot be stored gets its own error; the others go on.
        var results = [ItemResult?](repeating: nil, count: decoded.activities.count)
        var activities: [(index: Int, activity: Activity)] = []
        for (index, session) in decoded.activities.enumerated() {
            do {
                let normalized = normalize(session, format: decoded.format, externalId: decoded.activities.count > 1 ? "sha256:\(digest)#\(index)" : "sha256:\(digest)")
                activities.append((index, try makeActivity(normalized, athlete: athlete, zone: zone, now: now)))
            } catch {
                results[index] = ItemResult(activity: nil, created: false, execution: nil, unmatchedReason: nil, error: error.jsonValue)
            }
        }
        request.progress.report(message: "Storing \(activities.count) session(s)", percentage: 50)
        let outcomes = try await context.database.ingest(activities.map(\.activity), autoMatch: params.autoMatch ?? true, now: now)
        for ((index, _), outcome) in zip(activities, outcomes) { results[index] = itemResult(outcome, context: context) }
        request.progress.end()
        return Results(results: results.map { $0! }, warnings: decoded.warnings)
    }

    /// The bytes of a regular file of at most `maximumFileBytes` (a FIFO or a device would block or never end).
    static func readFile(_ path: String) throws(RPCError) -> [UInt8] {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else {
            throw RPCError.invalidParams(field: "path", reason: "cannot be read: no such file or no permission (\(path.suffix(200)))")
        }
        guard attributes[.type] as? FileAttributeType == .typeRegular else {
            throw RPCError.invalidParams(field: "path", reason: "is not a regular file")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw RPCError.invalidParams(field: "path", reason: "cannot be read: no permission (\(path.suffix(200)))")
        }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: maximumFileBytes + 1) else {
            throw RPCError.invalidParams(field: "path", reason: "cannot be read")
        }
        guard data.count <= maximumFileBytes else {
            throw RPCError.invalidParams(field: "path", reason: "is larger than \(maximumFileBytes) bytes; at most that is imported")
        }
        return Array(data)
    }

    static func normalize(_ session: DecodedActivity, format: ActivityFileFormat, externalId: String) -> ActivityInput.Normalized {
        let start = session.startTime.timeIntervalSince1970
        var samples: [HeartRateSample] = []
        var lastOffset = -Double.infinity
        for sample in session.samples {
            guard let bpm = sample.heartRate, bpm > 0 else { continue }
            let offset = sample.time.timeIntervalSince1970 - start
            // Keep at most one sample every 5 s: enough for zones, small enough to store.
            guard offset - lastOffset >= 5 else { continue }
            samples.append(HeartRateSample(offsetSeconds: offset.rounded(), beatsPerMinute: bpm))
            lastOffset = offset
        }
        return ActivityInput.Normalized(
            source: "file", externalId: externalId, sport: Sport.normalize(session.sport),
            startEpochSeconds: start, utcOffsetSeconds: session.utcOffsetSeconds,
            elapsedSeconds: session.elapsedSeconds, movingSeconds: session.movingSeconds, distanceMeters: session.distanceMeters,
            averageHeartRate: session.averageHeartRate, maxHeartRate: session.maxHeartRate, elevationGainMeters: session.elevationGainMeters,
            laps: session.laps.map {
                ActivityLap(startOffsetSeconds: $0.startTime.timeIntervalSince1970 - start, elapsedSeconds: $0.elapsedSeconds,
                            movingSeconds: $0.movingSeconds, distanceMeters: $0.distanceMeters, averageHeartRate: $0.averageHeartRate)
            },
            heartRateSamples: samples
        )
    }
}
