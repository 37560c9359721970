import JSONRPC
import TrainingDomain

/// `plan.get`, `plan.list`.
enum PlanReadHandlers {
    struct ListParams: Decodable {
        var athleteId: String
    }

    static func methods(_ context: ServerContext) -> [RPCMethod] {
        [
            RPCMethod("plan.get", access: .read) { request in
                let params = try request.decodeParams(AthleteHandlers.IdParams.self)
                guard let plan = try await context.database.plan(id: params.id) else { throw RPCError.notFound("plan", id: params.id) }
                return try .encoding(plan)
            },
            RPCMethod("plan.list", access: .read) { request in
                let params = try request.decodeParams(ListParams.self)
                guard try await context.database.athlete(id: params.athleteId) != nil else {
                    throw RPCError.notFound("athlete", id: params.athleteId)
                }
                return try .encoding(try await context.database.plans(athleteId: params.athleteId))
            },
        ]
    }
}
