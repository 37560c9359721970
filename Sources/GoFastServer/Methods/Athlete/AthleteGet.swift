import JSONRPC
import TrainingDomain

/// `athlete.get`: one athlete by id.
enum AthleteGet: GoFastMethod {
    static let name = "athlete.get"
    static let access = RPCMethod.Access.read

    static func handle(_ params: IdParams, _ call: MethodCall) async throws -> Athlete {
        try await AthleteInputs.require(params.id, call.context)
    }
}
