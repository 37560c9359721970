import JSONRPC
import TrainingDomain

/// A source of whole plans: the built-in coach or an OpenAI-compatible model. Its output is untrusted
/// and always goes through `PlanValidator` before anything is written.
protocol PlanGenerating: Sendable {
    /// The name clients use in `generator`.
    var name: String { get }
    /// Generates every week and day for `request`.
    func generate(_ request: PlanRequest, progress: ProgressReporter) async throws -> GeneratedPlan
}

/// A generator that never waits (the built-in coach) and hands each week over as soon as it is made, so the store
/// writes a week while the next is made. Its weeks are dated from their own numbers before the plan is validated
/// (the transaction still commits only a valid plan), so only a generator that numbers weeks and days by their
/// places by construction may be one: never a remote model's answer.
protocol WeekByWeekPlanGenerating: PlanGenerating {
    /// Generates every week and day for `request`, each week handed to `eachWeek` first, final, in order.
    func generate(_ request: PlanRequest, eachWeek: (GeneratedWeek) -> Void) throws(RPCError) -> GeneratedPlan
}

/// The deterministic, offline coach of `TrainingDomain`.
struct BuiltInPlanGenerator: WeekByWeekPlanGenerating {
    var name: String { "builtin" }

    func generate(_ request: PlanRequest, progress: ProgressReporter) async throws -> GeneratedPlan {
        try generate(request, eachWeek: { _ in })
    }

    func generate(_ request: PlanRequest, eachWeek: (GeneratedWeek) -> Void) throws(RPCError) -> GeneratedPlan {
        do {
            return try BuiltInCoach().generate(request, eachWeek: eachWeek)
        } catch {
            var data: [String: JSONValue] = ["field": .string(error.field), "reason": .string(error.reason)]
            if let weeks = error.minimumWeeks { data["minimumWeeks"] = .number(JSONNumber(weeks)) }
            if let start = error.suggestedStartDate { data["suggestedStartDate"] = .string(start.description) }
            throw RPCError(code: -32602, message: "Invalid params: \(error.field) \(error.reason)", data: .object(data))
        }
    }
}
