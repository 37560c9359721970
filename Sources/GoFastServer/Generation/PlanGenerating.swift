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

/// The deterministic, offline coach of `TrainingDomain`.
struct BuiltInPlanGenerator: PlanGenerating {
    var name: String { "builtin" }

    func generate(_ request: PlanRequest, progress: ProgressReporter) async throws -> GeneratedPlan {
        do {
            return try BuiltInCoach().generate(request)
        } catch {
            var data: [String: JSONValue] = ["field": .string(error.field), "reason": .string(error.reason)]
            if let weeks = error.minimumWeeks { data["minimumWeeks"] = .number(JSONNumber(weeks)) }
            if let start = error.suggestedStartDate { data["suggestedStartDate"] = .string(start.description) }
            throw RPCError(code: -32602, message: "Invalid params: \(error.field) \(error.reason)", data: .object(data))
        }
    }
}
