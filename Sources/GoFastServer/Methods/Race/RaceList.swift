import JSONRPC
import TrainingDomain

/// `race.list`: every race.
enum RaceList: GoFastMethod {
    static let name = "race.list"
    static let access = RPCMethod.Access.read

    static func handle(_ params: EmptyParams, _ call: MethodCall) async throws -> [Race] {
        try await call.database.races()
    }
}
