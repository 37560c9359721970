import JSONRPC
import TrainingDomain

/// `prompts/list` and `prompts/get`: coaching requests that embed the athlete's data, read through the gofast handlers.
///
/// Each prompt is a user message with the instructions, followed by the data: a resource the client could read
/// itself (the active plan, the progress) is embedded as that resource; a slice with no URI of its own (the last
/// seven days) is a text block of JSON.
struct MCPPrompts: Sendable {
    /// Reads the data.
    let caller: MCPMethodCaller
    /// Gives today in the athlete's time zone when the athlete has no active plan to say it.
    let clock: Clock

    /// The params of `prompts/get`.
    struct GetParams: Decodable {
        /// The prompt's name.
        var name: String
        /// The prompt's arguments, all strings.
        var arguments: [String: String]?
    }

    /// What the units of every embedded JSON are, said once per prompt.
    static let units = "GoFast's JSON uses metres, seconds and seconds per kilometre; dates are YYYY-MM-DD in the athlete's time zone. Speak in kilometres and min:sec per km."

    /// Every prompt.
    static func list() -> EncodedJSON {
        .value(["prompts": .array(MCPPrompt.all.map(\.definition))])
    }

    /// The messages of the prompt named in `params`.
    func get(_ params: GetParams, request: RPCRequest) async throws -> EncodedJSON {
        guard let prompt = MCPPrompt.all.first(where: { $0.name == params.name }) else {
            throw RPCError(code: -32602, message: "Unknown prompt: \(params.name)",
                           data: ["field": "name", "reason": .string("no prompt is named \"\(params.name.prefix(100))\"; prompts/list names them all")])
        }
        guard let athleteId = params.arguments?["athleteId"], !athleteId.isEmpty else {
            throw RPCError.invalidParams(field: "arguments.athleteId", reason: "is required")
        }
        do {
            let athlete = try await caller.value("athlete.get", ["id": .string(athleteId)], within: request)
            let active = try await caller.value("plan.active", ["athleteId": .string(athleteId)], within: request)
            let messages: [JSONValue]
            switch prompt.name {
            case "weekly-review": messages = try await weeklyReview(athlete, active, request: request)
            case "race-readiness": messages = try await raceReadiness(athlete, active, request: request)
            default: messages = todaysWorkout(athlete, active)
            }
            return .value(["description": .string(prompt.description), "messages": .array(messages)])
        } catch let error as RPCError {
            throw MCPErrorCodes.outsideToolResult(error)
        }
    }

    private func todaysWorkout(_ athlete: JSONValue, _ active: JSONValue) -> [JSONValue] {
        let name = athlete["name"]?.stringValue ?? "the athlete"
        guard active != .null, let today = active["todayDate"]?.stringValue else {
            return [Self.text("""
                You are an experienced running coach. \(name) (athlete id \(athlete["id"]?.stringValue ?? "?")) has no active training plan in GoFast, \
                so there is no planned workout today. Say so briefly, suggest an easy run or rest depending on how they feel, and offer to build \
                a plan with the plan_generate tool (it needs a race: its name, date and distance).
                """)]
        }
        return [
            Self.text("""
                You are an experienced running coach. Today is \(today) for \(name). Their active GoFast plan follows, with today's planned day \
                under "today" (null means nothing is planned today). Tell them today's workout: the type, the distance or duration, each segment \
                with its target pace, and why it matters at this point of the plan (its phase and week). If it is a rest day, say so and why rest \
                helps. Keep it short and practical. \(Self.units)
                """),
            Self.resource(uri: Self.uri("gofast://athletes/{id}/active-plan", athlete["id"]), active),
        ]
    }

    private func weeklyReview(_ athlete: JSONValue, _ active: JSONValue, request: RPCRequest) async throws -> [JSONValue] {
        let name = athlete["name"]?.stringValue ?? "the athlete"
        let today = active["todayDate"]?.stringValue.flatMap(CalendarDate.init) ?? todayOf(athlete)
        let from = today.adding(days: -6)
        let executions = try await caller.value(
            "execution.list", ["athleteId": athlete["id"] ?? .null, "from": .string(from.description), "to": .string(today.description)], within: request
        )
        var messages = [Self.text("""
            You are an experienced running coach. Review \(name)'s training week, \(from) to \(today). Compare what was planned with what was \
            run day by day: sessions done, missed, shortened or swapped; whether paces and heart rates stayed in their targets; and the week's \
            distance and load against the plan. Then name one or two things to focus on next week, and say whether the plan should be eased \
            (illness, fatigue, missed days) or kept. \(Self.units)
            """)]
        messages.append(Self.text("What \(name) ran, \(from) to \(today) (execution.list):\n" + Self.json(executions)))
        if active != .null, let planId = active["plan"]?["id"] {
            let planned = try await caller.value(
                "plan.days", ["planId": planId, "from": .string(from.description), "to": .string(today.description)], within: request
            )
            messages.append(Self.text("What the plan had, \(from) to \(today) (plan.days):\n" + Self.json(planned)))
            let progress = try await caller.value("plan.progress", ["planId": planId], within: request)
            messages.append(Self.resource(uri: Self.uri("gofast://plans/{id}/progress", planId), progress))
        } else {
            messages.append(Self.text("\(name) has no active plan, so there is nothing planned to compare with."))
        }
        return messages
    }

    private func raceReadiness(_ athlete: JSONValue, _ active: JSONValue, request: RPCRequest) async throws -> [JSONValue] {
        let name = athlete["name"]?.stringValue ?? "the athlete"
        guard active != .null, let planId = active["plan"]?["id"] else {
            return [Self.text("""
                You are an experienced running coach. \(name) has no active training plan in GoFast, hence no target race. Ask which race they \
                are preparing for, and offer to build a plan for it with the plan_generate tool.
                """)]
        }
        let progress = try await caller.value("plan.progress", ["planId": planId], within: request)
        var messages = [
            Self.text("""
                You are an experienced running coach. Judge how ready \(name) is for the race of their active plan (under "race"; the goal time \
                is the plan's goalTimeSeconds). Use the plan's progress week by week (planned against executed distance, load and compliance) \
                and the race times their recent runs predict. Say whether the goal looks realistic, too soft or too ambitious, what the \
                remaining weeks should protect, and any warning signs (missed long runs, a sharp rise in load). \(Self.units)
                """),
            Self.resource(uri: Self.uri("gofast://athletes/{id}/active-plan", athlete["id"]), active),
            Self.resource(uri: Self.uri("gofast://plans/{id}/progress", planId), progress),
        ]
        do {
            let prediction = try await caller.value("athlete.predict", ["athleteId": athlete["id"] ?? .null], within: request)
            messages.append(Self.text("Race times predicted from \(name)'s runs (athlete.predict):\n" + Self.json(prediction)))
        } catch let error as RPCError {
            messages.append(Self.text("No race-time prediction is available: \(error.message)"))
        }
        return messages
    }

    private func todayOf(_ athlete: JSONValue) -> CalendarDate {
        clock.today(in: athlete["timeZone"]?.stringValue.flatMap(TimeZones.zone(named:)) ?? .gmt)
    }

    private static func uri(_ template: String, _ id: JSONValue?) -> String {
        let route = MCPResourceRoute.all.first { $0.uriTemplate == template }
        return route?.uri(id: id?.stringValue ?? "") ?? template
    }

    private static func json(_ value: JSONValue) -> String {
        String(decoding: JSONWriter.bytes(value), as: UTF8.self)
    }

    private static func text(_ text: String) -> JSONValue {
        ["role": "user", "content": ["type": "text", "text": .string(text)]]
    }

    private static func resource(uri: String, _ value: JSONValue) -> JSONValue {
        [
            "role": "user",
            "content": [
                "type": "resource",
                "resource": ["uri": .string(uri), "mimeType": .string(MCPResourceRoute.mimeType), "text": .string(json(value))],
            ],
        ]
    }
}
