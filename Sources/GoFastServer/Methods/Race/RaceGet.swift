import JSONRPC
import TrainingDomain

/// `race.get`: one race by id.
enum RaceGet: GoFastMethod {
    static let name = "race.get"
    static let access = RPCMethod.Access.read

    static func handle(_ params: IdParams, _ call: MethodCall) async throws -> Race {
        guard let race = try await call.database.race(id: params.id) else { throw RPCError.notFound("race", id: params.id) }
        return race
    }
}
