import JSONRPC
import TrainingDomain

/// `execution.list`: the athlete's executed days, optionally between two dates.
enum ExecutionList: GoFastMethod {
    static let name = "execution.list"
    static let access = RPCMethod.Access.read

    struct Params: Decodable {
        var athleteId: String
        var from: CalendarDate?
        var to: CalendarDate?
    }

    static func handle(_ params: Params, _ call: MethodCall) async throws -> [ExecutedDay] {
        if let from = params.from, let to = params.to, to < from {
            throw RPCError.invalidParams(field: "to", reason: "must not be before from (\(from))")
        }
        _ = try await AthleteInputs.require(params.athleteId, call.context)
        return try await call.database.executions(athleteId: params.athleteId, from: params.from, to: params.to)
    }
}
