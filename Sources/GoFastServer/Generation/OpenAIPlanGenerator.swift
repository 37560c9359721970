import Foundation
import JSONRPC
import Logging
import TrainingDomain

/// Asks an OpenAI-compatible chat-completions API for the whole plan in one request, under a strict JSON
/// Schema. The reply is untrusted: it is decoded here and validated by `PlanValidator` before any write.
struct OpenAIPlanGenerator: PlanGenerating {
    let settings: GeneratorSettings
    let logger: Logger

    var name: String { "openai" }

    func generate(_ request: PlanRequest, progress: ProgressReporter) async throws -> GeneratedPlan {
        let fitness = request.recentRace.map { VDOT.from(distanceMeters: $0.distanceMeters, timeSeconds: $0.timeSeconds) }
        let vdot = fitness ?? 35
        let paces = VDOT.paces(vdot: vdot)
        let predicted = RacePredictor.time(vdot: vdot, distanceMeters: request.raceDistanceMeters)
        let goal = request.goalTimeSeconds ?? predicted.rounded()
        var warnings: [String] = []
        if fitness == nil { warnings.append("No recent race or 5K time: paces assume VDOT 35; add fiveKTimeSeconds to the athlete for personal paces.") }

        let body = try requestBody(request, paces: paces, goalTimeSeconds: goal)
        let content = try await send(body, progress: progress)
        let weeks = try decodeWeeks(content)
        return GeneratedPlan(weeks: weeks, paces: paces, vdot: fitness, goalTimeSeconds: goal, predictedTimeSeconds: predicted, warnings: warnings)
    }

    // MARK: - Request

    private func requestBody(_ request: PlanRequest, paces: TrainingPaces, goalTimeSeconds: Double) throws -> Data {
        func pace(_ range: PaceRange) -> String { "\(Int(range.minSecondsPerKm))–\(Int(range.maxSecondsPerKm)) s/km" }
        let raceWeek = request.startDate.days(to: request.raceDate) / 7
        let raceDay = request.startDate.days(to: request.raceDate) % 7
        let prompt = """
            Write a complete running training plan as JSON matching the schema.
            Race: \(request.raceName), \(Int(request.raceDistanceMeters)) m, goal time \(Int(goalTimeSeconds)) s.
            The plan has exactly \(request.weekCount) weeks (weekIndex 0…\(request.weekCount - 1)), each with exactly 7 days (dayIndex 0…6); \
            dayIndex 0 is a \(request.startDate.weekday.rawValue). The race is week \(raceWeek), day \(raceDay): type "race", distanceMeters \(Int(request.raceDistanceMeters)).
            Training days: \(request.trainingDays.map(\.rawValue).joined(separator: ", ")); every other day is type "rest" with distanceMeters 0, durationSeconds 0, targetPace null, segments [].
            Long run day: \(request.effectiveLongRunDay?.rawValue ?? "sun"). Current weekly distance: \(Int(request.currentWeeklyDistanceMeters ?? 0)) m.
            Paces (seconds per km): easy \(pace(paces.easy)), marathon \(pace(paces.marathon)), threshold \(pace(paces.threshold)), interval \(pace(paces.interval)), repetition \(pace(paces.repetition)).
            Phases in order: base, build, peak, taper. Raise weekly volume at most 10 % a week, cut back every 3–4 weeks, at most 3 quality sessions a week never on consecutive days.
            Distances in metres, durations in seconds, paces in seconds per km (minSecondsPerKm is the faster end).
            """
        let payload: JSONValue = [
            "model": .string(settings.openAIModel),
            "temperature": 0,
            "messages": [
                ["role": "system", "content": "You are an expert running coach. Reply with JSON only."],
                ["role": "user", "content": .string(prompt)],
            ],
            "response_format": [
                "type": "json_schema",
                "json_schema": ["name": "training_plan", "strict": true, "schema": Self.planSchema],
            ],
        ]
        return Data(JSONWriter.bytes(payload))
    }

    /// The structured-output schema: strict mode wants every property required and no extras.
    static let planSchema: JSONValue = {
        func object(_ properties: [String: JSONValue]) -> JSONValue {
            ["type": "object", "additionalProperties": false, "required": .array(properties.keys.sorted().map { .string($0) }), "properties": .object(properties)]
        }
        let number: JSONValue = ["type": "number"]
        let nullableNumber: JSONValue = ["type": ["number", "null"]]
        let pace = object(["minSecondsPerKm": number, "maxSecondsPerKm": number])
        let nullablePace: JSONValue = ["anyOf": [pace, ["type": "null"]]]
        let step = object([
            "kind": ["type": "string", "enum": .array(SegmentKind.allCases.filter { $0 != .repeat }.map { .string($0.rawValue) })],
            "distanceMeters": nullableNumber, "durationSeconds": nullableNumber, "targetPace": nullablePace,
            "note": ["type": ["string", "null"]],
        ])
        let segment = object([
            "kind": ["type": "string", "enum": .array(SegmentKind.allCases.map { .string($0.rawValue) })],
            "repeats": ["type": ["integer", "null"]],
            "steps": ["anyOf": [["type": "array", "items": step], ["type": "null"]]],
            "distanceMeters": nullableNumber, "durationSeconds": nullableNumber, "targetPace": nullablePace,
            "note": ["type": ["string", "null"]],
        ])
        let workout = object([
            "type": ["type": "string", "enum": .array(WorkoutType.allCases.map { .string($0.rawValue) })],
            "title": ["type": "string"], "description": ["type": "string"],
            "distanceMeters": number, "durationSeconds": number, "targetPace": nullablePace,
            "heartRateZone": ["type": ["integer", "null"]],
            "segments": ["type": "array", "items": segment],
        ])
        let phase: JSONValue = ["type": "string", "enum": .array(TrainingPhase.allCases.map { .string($0.rawValue) })]
        let day = object(["dayIndex": ["type": "integer"], "phase": phase, "workout": workout])
        let week = object(["weekIndex": ["type": "integer"], "phase": phase, "days": ["type": "array", "items": day]])
        return object(["weeks": ["type": "array", "items": week]])
    }()

    // MARK: - Transport

    private func send(_ body: Data, progress: ProgressReporter) async throws -> String {
        let base = settings.openAIBaseURL.hasSuffix("/") ? String(settings.openAIBaseURL.dropLast()) : settings.openAIBaseURL
        guard let url = URL(string: base + "/chat/completions"), url.scheme == "http" || url.scheme == "https", url.host != nil else {
            throw failure("OPENAI_BASE_URL is not an http(s) URL")
        }
        if settings.openAIKey == nil, url.host == "api.openai.com" {
            throw failure("OPENAI_API_KEY is not set")
        }
        var headers = ["Content-Type": "application/json"]
        if let key = settings.openAIKey { headers["Authorization"] = "Bearer \(key)" }
        let transport = ProviderTransport(timeoutSeconds: settings.openAITimeoutSeconds)

        var attempt = 0
        while true {
            try Task.checkCancellation()
            progress.report(message: attempt == 0 ? "Waiting for \(settings.openAIModel)" : "Retrying (\(attempt))")
            let reply: ProviderTransport.Reply
            do {
                reply = try await transport.send(url: url.absoluteString, headers: headers, body: Array(body))
            } catch ProviderTransport.Failure.timeout {
                throw failure("the provider did not answer within \(Int(settings.openAITimeoutSeconds)) s")
            } catch ProviderTransport.Failure.transport(let message) {
                throw failure("cannot reach the provider: \(message)")
            } catch ProviderTransport.Failure.helperMissing(let path) {
                throw failure("the HTTP helper is missing at \(path) (build it with `swift build`, or set GOFAST_HTTP_HELPER)")
            }
            if reply.status == 200 {
                return try content(of: Data(reply.body))
            }
            let retryable = reply.status == 429 || (500...599).contains(reply.status)
            logger.warning("plan generator provider answered an error", metadata: ["status": "\(reply.status)", "attempt": "\(attempt)"])
            guard retryable, attempt < settings.openAIMaxRetries else {
                throw failure("the provider answered HTTP \(reply.status)", status: reply.status, detail: providerMessage(Data(reply.body)))
            }
            attempt += 1
            let retryAfter = reply.headers["retry-after"].flatMap(Double.init)
            let delay = min(retryAfter ?? 0.25 * pow(2, Double(attempt - 1)), 10)
            try await Task.sleep(nanoseconds: UInt64(delay * 1_000_000_000))
        }
    }

    private func content(of data: Data) throws -> String {
        guard let reply = try? JSONParser.parse(Array(data)) else {
            throw failure("the provider's reply is not JSON")
        }
        guard case .array(let choices)? = reply["choices"], let first = choices.first,
              let message = first["message"], let text = message["content"]?.stringValue else {
            throw failure("the provider's reply has no choices[0].message.content")
        }
        if first["finish_reason"]?.stringValue == "length" {
            throw failure("the provider's reply was truncated (finish_reason: length)")
        }
        return text
    }

    private func providerMessage(_ data: Data) -> String? {
        guard let reply = try? JSONParser.parse(Array(data.prefix(64 * 1024))) else { return nil }
        guard var message = reply["error"]?["message"]?.stringValue.map({ String($0.prefix(300)) }) else { return nil }
        // A provider may quote the key back ("Incorrect API key provided: sk-…"): it never leaves the server.
        if let key = settings.openAIKey, !key.isEmpty {
            message = message.replacingOccurrences(of: key, with: "[redacted]")
            if key.count > 8 { message = message.replacingOccurrences(of: String(key.suffix(8)), with: "[redacted]") }
        }
        return message
    }

    // MARK: - Decoding

    private struct LLMPlan: Decodable {
        struct Week: Decodable {
            var weekIndex: Int
            var phase: TrainingPhase
            var days: [Day]
        }
        struct Day: Decodable {
            var dayIndex: Int
            var phase: TrainingPhase
            var workout: PlannedWorkout
        }
        var weeks: [Week]
    }

    private func decodeWeeks(_ content: String) throws -> [GeneratedWeek] {
        let plan: LLMPlan
        do {
            plan = try JSONDecoder().decode(LLMPlan.self, from: Data(content.utf8))
        } catch let error as DecodingError {
            let rpc = RPCRequest.describe(error)
            throw RPCError(
                code: ApplicationErrorCode.planRejected, message: "The openai generator's plan was rejected: \(rpc.field) \(rpc.reason)",
                data: ["generator": "openai", "path": .string(rpc.field), "reason": .string(rpc.reason)]
            )
        } catch {
            throw failure("the plan in the reply is not valid JSON")
        }
        return plan.weeks.map { week in
            GeneratedWeek(weekIndex: week.weekIndex, phase: week.phase, days: week.days.map {
                GeneratedDay(weekIndex: week.weekIndex, dayIndex: $0.dayIndex, phase: $0.phase, workout: $0.workout)
            })
        }
    }

    private func failure(_ reason: String, status: Int? = nil, detail: String? = nil) -> RPCError {
        var data: [String: JSONValue] = ["generator": "openai", "reason": .string(reason)]
        if let status { data["status"] = .number(JSONNumber(status)) }
        if let detail { data["providerMessage"] = .string(detail) }
        return RPCError(code: ApplicationErrorCode.generatorFailed, message: "Plan generator failed: \(reason)", data: .object(data))
    }
}
