import JSONRPC
import TrainingDomain

/// `athlete.get`: one athlete by id. A hot read: when no write is pending it is answered inline on the reader
/// thread (one cached statement, no task), as `JSONRPCConnection` allows for `RPCMethod(_:inlineRead:)`.
enum AthleteGet: GoFastMethod {
    static let name = "athlete.get"
    static let access = RPCMethod.Access.read

    static func handle(_ params: IdParams, _ call: MethodCall) async throws -> Athlete {
        try read(params, call.context)
    }

    static func rpcMethod(_ context: ServerContext) -> RPCMethod {
        RPCMethod(name, inlineRead: { request in
            try encode(try read(try params(of: request), context))
        })
    }

    private static func read(_ params: IdParams, _ context: ServerContext) throws -> Athlete {
        guard let athlete = try context.database.athleteNow(id: params.id) else { throw RPCError.notFound("athlete", id: params.id) }
        return athlete
    }
}
