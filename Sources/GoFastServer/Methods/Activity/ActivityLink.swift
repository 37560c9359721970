import JSONRPC
import TrainingDomain

/// `activity.link`: the activity executes the chosen planned day, replacing any match it had.
enum ActivityLink: GoFastMethod {
    static let name = "activity.link"
    static let access = RPCMethod.Access.write
    static let isIdempotent = true

    struct Params: Decodable {
        var activityId: String
        var plannedDayId: String
    }

    static func handle(_ params: Params, _ call: MethodCall) async throws -> ActivityMatch.Result {
        let execution = try await call.database.linkActivity(id: params.activityId, plannedDayId: params.plannedDayId, now: call.context.clock.timestamp())
        return ActivityMatch.Result(execution: execution, unmatchedReason: nil)
    }
}
