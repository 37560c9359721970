import JSONRPC
import TrainingDomain

/// `athlete.list`: every athlete.
enum AthleteList: GoFastMethod {
    static let name = "athlete.list"
    static let access = RPCMethod.Access.read

    static func handle(_ params: EmptyParams, _ call: MethodCall) async throws -> [Athlete] {
        try await call.database.athletes()
    }
}
