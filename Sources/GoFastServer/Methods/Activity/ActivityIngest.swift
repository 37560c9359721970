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
        let items: [JSONValue]
        let isSingle: Bool
        switch (members["activity"], members["activities"]) {
        case (let single?, nil): (items, isSingle) = ([single], true)
        case (nil, .array(let many)?): (items, isSingle) = (many, false)
        case (nil, let other?): throw RPCError.invalidParams(field: "activities", reason: "must be an array, got \(other.typeName)")
        case (nil, nil): throw RPCError.invalidParams(field: "activities", reason: "is required (or activity)")
        case (.some, .some): throw RPCError.invalidParams(field: "activity", reason: "give activity or activities, not both")
        }
        guard items.count <= 10_000 else { throw RPCError.invalidParams(field: "activities", reason: "at most 10000 per call, got \(items.count)") }
        let athlete = try await AthleteInputs.require(athleteId, context)
        let zone = TimeZones.zone(named: athlete.timeZone) ?? .gmt

        if items.count > 1 { request.progress.begin(title: "Ingesting \(items.count) activities") }
        // The valid items are stored and matched in one transaction, in input order, while the next ones are still
        // being validated: the transaction takes them from the feed on the store's writer thread as this task makes
        // them (two cores, one page). A page is thousands of items, so nothing here copies an array of records:
        // each item's result is built once, in order, straight into the reply.
        let feed = ActivityFeed()
        let now = context.clock.timestamp()
        // A compact reply is written while the page is stored, from the outcomes the store sends as it goes (a full
        // reply waits for the page's last reads, which may change an analysis it shows).
        let (storedOutcomes, sink) = AsyncStream<[Swift.Result<IngestOutcome, any Error>]>.makeStream()
        async let stored = Self.store(feed, count: items.count, autoMatch: autoMatch, now: now, sendingTo: compact ? sink : nil, context)
        var refusals: [Int: JSONValue] = [:]
        var validCount = 0
        do {
            defer { feed.finish() }
            let nowEpochSeconds = context.clock.epochSeconds
            let load = TrainingLoadCalculator(thresholds: LoadThresholds(athlete))
            // The page's ids are one series, so its rows sit side by side in the primary-key index.
            var ids = IdentifierSeries("act")
            for (index, item) in items.enumerated() {
                do {
                    let normalized = try ActivityInput.normalize(item, path: ActivityInput.ItemPath(index: isSingle ? nil : index))
                    feed.append(try ActivityStoring.makeActivity(normalized, id: ids.next(), athlete: athlete, zone: zone, now: now, nowEpochSeconds: nowEpochSeconds, load: load))
                    validCount += 1
                } catch {
                    refusals[index] = error.jsonValue
                }
            }
        }
        if items.count > 1 { request.progress.report(message: "Storing and matching \(validCount) activities", percentage: 10) }
        if compact {
            var reply = CompactActivityResultsWriter(count: items.count)
            var next = 0
            var written = 0
            /// Writes the refused items from `next` on, up to the next valid one.
            func writeRefusals() {
                while next < items.count, let error = refusals[next] {
                    reply.append(.refused(error))
                    next += 1
                }
            }
            /// Writes the valid item at `next` with its outcome.
            func writeStored(_ outcome: Swift.Result<IngestOutcome, any Error>) {
                reply.append(ActivityStoring.itemResult(outcome, context: context))
                written += 1
                next += 1
            }
            // While the page is stored: each item as its outcome arrives.
            for await batch in storedOutcomes {
                for outcome in batch {
                    writeRefusals()
                    writeStored(outcome)
                }
            }
            let outcomes = try await stored
            guard outcomes.count == validCount else { throw RPCError.internalError }
            // The rest: the outcomes the stream did not bring (it ends early when its wait is cancelled, which may
            // happen after the commit, when the page's result stands), and refusals after the last outcome.
            writeRefusals()
            while written < outcomes.count {
                writeStored(outcomes[written])
                writeRefusals()
            }
            // Thousands of records: freed after the reply is on its way, not before.
            BackgroundRelease.release(outcomes)
            if items.count > 1 { request.progress.end() }
            return .compact(reply.finish())
        }
        var outcomes = try await stored.makeIterator()
        if items.count > 1 { request.progress.end() }
        /// The result of item `index`; called once per item, in order.
        func result(at index: Int) -> ActivityResults.Item {
            if let error = refusals[index] {
                return .refused(error)
            }
            guard let outcome = outcomes.next() else { preconditionFailure("one store outcome per valid item") }
            return ActivityStoring.itemResult(outcome, context: context)
        }
        var results: [ActivityResults.Item] = []
        results.reserveCapacity(items.count)
        for index in items.indices { results.append(result(at: index)) }
        return .full(ActivityResults(results: results, warnings: nil))
    }

    /// Stores the page from `feed`, sending its outcomes to `sink` as they are made when there is one; the sink is
    /// finished in every case, so its reader never waits for a page that failed.
    private static func store(
        _ feed: ActivityFeed, count: Int, autoMatch: Bool, now: String,
        sendingTo sink: AsyncStream<[Swift.Result<IngestOutcome, any Error>]>.Continuation?, _ context: ServerContext
    ) async throws -> [Swift.Result<IngestOutcome, any Error>] {
        defer { sink?.finish() }
        var send: (@Sendable ([Swift.Result<IngestOutcome, any Error>]) -> Void)?
        if let sink { send = { batch in sink.yield(batch) } }
        return try await context.database.ingest(feed, count: count, autoMatch: autoMatch, now: now, whileStoring: send)
    }

    static func encode(_ result: ActivityIngestReply) throws -> EncodedJSON {
        switch result {
        case .full(let results): try ActivityResultsEncoding.encode(results) ?? .encoding(results)
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
}
