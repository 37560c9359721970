import JSONRPC
import TrainingDomain

/// `activity.get`: one stored activity by id.
enum ActivityGet: GoFastMethod {
    static let name = "activity.get"
    static let access = RPCMethod.Access.read

    static func handle(_ params: IdParams, _ call: MethodCall) async throws -> Activity {
        guard let activity = try await call.database.activity(id: params.id) else { throw RPCError.notFound("activity", id: params.id) }
        return activity
    }
}
