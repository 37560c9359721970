import JSONRPC
import TrainingDomain

/// `athlete.list`: one page of athletes by name, then id (1000 at most; `after` continues from the last id seen).
enum AthleteList: GoFastMethod {
    static let name = "athlete.list"
    static let access = RPCMethod.Access.read

    struct Params: Decodable {
        /// How many athletes at most, 1 … 1000 (1000 when absent).
        var limit: Int?
        /// The id of the last athlete of the previous page.
        var after: String?
    }

    static func handle(_ params: Params, _ call: MethodCall) async throws -> [Athlete] {
        try await call.database.athletes(page: Paging.page(limit: params.limit, after: params.after))
    }
}
