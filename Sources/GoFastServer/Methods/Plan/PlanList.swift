import JSONRPC
import TrainingDomain

/// `plan.list`: one page of the athlete's plans, newest first (1000 at most; `after` continues from the last id seen).
enum PlanList: GoFastMethod {
    static let name = "plan.list"
    static let access = RPCMethod.Access.read

    struct Params: Decodable {
        var athleteId: String
        /// How many plans at most, 1 … 1000 (1000 when absent).
        var limit: Int?
        /// The id of the last plan of the previous page (a plan of this athlete).
        var after: String?
    }

    static func handle(_ params: Params, _ call: MethodCall) async throws -> [TrainingPlan] {
        let page = try Paging.page(limit: params.limit, after: params.after)
        _ = try await AthleteInputs.require(params.athleteId, call.context)
        return try await call.database.plans(athleteId: params.athleteId, page: page)
    }
}
