import JSONRPC
import TrainingDomain

/// `activity.match` (`autoMatchActivityToDay`): (re)matches a stored activity to the planned day on its local date.
enum ActivityMatch: GoFastMethod {
    static let name = "activity.match"
    static let access = RPCMethod.Access.write
    static let isIdempotent = true

    /// The execution the activity now has, or why it has none.
    struct Result: Encodable {
        var execution: ExecutedDay?
        var unmatchedReason: String?
    }

    static func handle(_ params: ActivityIdParams, _ call: MethodCall) async throws -> Result {
        let outcome = try await call.database.matchActivity(id: params.activityId, now: call.context.clock.timestamp())
        return Result(execution: outcome.execution, unmatchedReason: outcome.unmatchedReason?.description)
    }
}
