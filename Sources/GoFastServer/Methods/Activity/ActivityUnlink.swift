import JSONRPC
import TrainingDomain

/// `activity.unlink`: removes the activity's execution; the activity stays.
enum ActivityUnlink: GoFastMethod {
    static let name = "activity.unlink"
    static let access = RPCMethod.Access.write
    static let isDestructive = true
    static let isIdempotent = true

    /// The activity and the id of the execution removed (null when it had none).
    struct Result: Encodable {
        var activityId: String
        var removedExecutionId: String?
    }

    static func handle(_ params: ActivityIdParams, _ call: MethodCall) async throws -> Result {
        Result(activityId: params.activityId, removedExecutionId: try await call.database.unlinkActivity(id: params.activityId))
    }
}
