import JSONRPC
import TrainingDomain

/// `race.list`: one page of races by date, then name, then id (1000 at most; `after` continues from the last id seen).
enum RaceList: GoFastMethod {
    static let name = "race.list"
    static let access = RPCMethod.Access.read

    struct Params: Decodable {
        /// How many races at most, 1 … 1000 (1000 when absent).
        var limit: Int?
        /// The id of the last race of the previous page.
        var after: String?
    }

    static func handle(_ params: Params, _ call: MethodCall) async throws -> [Race] {
        try await call.database.races(page: Paging.page(limit: params.limit, after: params.after))
    }
}
