import ActivityFormats
import Foundation
import JSONRPC
import TrainingDomain
import TrainingStore

/// `activity.import`: a FIT, GPX or TCX file by `path` or `contentBase64`, decoded, stored once per content and matched.
enum ActivityImport: GoFastMethod {
    static let name = "activity.import"
    static let access = RPCMethod.Access.write
    static let isIdempotent = true

    struct Params: Decodable {
        var athleteId: String
        var path: String?
        var contentBase64: String?
        var format: String?
        var autoMatch: Bool?
    }

    /// Files larger than this are refused.
    static let maximumFileBytes = 64 << 20

    static func encode(_ result: ActivityResults) throws -> EncodedJSON {
        try ActivityResultsEncoding.encode(result) ?? .encoding(result)
    }

    static func handle(_ params: Params, _ call: MethodCall) async throws -> ActivityResults {
        let request = call.request
        let context = call.context
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
        let athlete = try await AthleteInputs.require(params.athleteId, context)
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
        let nowEpochSeconds = context.clock.epochSeconds
        let load = TrainingLoadCalculator(thresholds: LoadThresholds(athlete))
        // A session whose start cannot be stored gets its own error; the others go on.
        var results = [ActivityResults.Item?](repeating: nil, count: decoded.activities.count)
        var activities: [(index: Int, activity: Activity)] = []
        var ids = IdentifierSeries("act")
        for (index, session) in decoded.activities.enumerated() {
            do {
                let normalized = normalize(session, format: decoded.format, externalId: decoded.activities.count > 1 ? "sha256:\(digest)#\(index)" : "sha256:\(digest)")
                activities.append((index, try ActivityStoring.makeActivity(normalized, id: ids.next(), athlete: athlete, zone: zone, now: now, nowEpochSeconds: nowEpochSeconds, load: load)))
            } catch {
                results[index] = .refused(error.jsonValue)
            }
        }
        request.progress.report(message: "Storing \(activities.count) session(s)", percentage: 50)
        let outcomes = try await context.database.ingest(activities.map(\.activity), autoMatch: params.autoMatch ?? true, now: now)
        for ((index, _), outcome) in zip(activities, outcomes) { results[index] = ActivityStoring.itemResult(outcome, context: context) }
        request.progress.end()
        return ActivityResults(results: results.map { $0! }, warnings: decoded.warnings)
    }

    /// The bytes of a regular file of at most `maximumFileBytes` (a FIFO or a device would block or never end).
    static func readFile(_ path: String) throws(RPCError) -> [UInt8] {
        // A NUL would end the path early (`…/passwd\u0000.fit` opening `…/passwd`); the wire's NUL check refuses it
        // first, and no control character belongs in a path a client means.
        try Validation.refuseControlCharacters(in: path, field: "path")
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
