import JSONRPC
import TrainingDomain

/// `execution.list`: one page of the athlete's executed days by date, then creation, then id, optionally between two
/// dates (1000 at most; `after` continues from the last id seen).
enum ExecutionList: GoFastMethod {
    static let name = "execution.list"
    static let access = RPCMethod.Access.read

    struct Params: Decodable {
        var athleteId: String
        var from: CalendarDate?
        var to: CalendarDate?
        /// How many executions at most, 1 … 1000 (1000 when absent).
        var limit: Int?
        /// The id of the last execution of the previous page.
        var after: String?
    }

    static func handle(_ params: Params, _ call: MethodCall) async throws -> [ExecutedDay] {
        if let from = params.from, let to = params.to, to < from {
            throw RPCError.invalidParams(field: "to", reason: "must not be before from (\(from))")
        }
        let page = try Paging.page(limit: params.limit, after: params.after)
        _ = try await AthleteInputs.require(params.athleteId, call.context)
        return try await call.database.executions(athleteId: params.athleteId, from: params.from, to: params.to, page: page)
    }
}
