import JSONRPC
import TrainingStore

/// `limit` and `after` of the paged lists (`athlete.list`, `plan.list`, `race.list`, `execution.list`), checked.
enum Paging {
    /// The page the params ask for: `limit` 1 … 1000 (1000 when absent), `after` an id or absent.
    static func page(limit: Int?, after: String?) throws(RPCError) -> Page {
        let limit = try Validation.integer(limit ?? Page.maximumLimit, in: 1...Page.maximumLimit, field: "limit", unit: "records")
        if let after { try Identifiers.validate(after, field: "after") }
        return Page(after: after, limit: limit)
    }

    /// The `-32602` of an `after` that names no record of the list.
    static func error(_ cursor: UnknownPageCursor) -> RPCError {
        RPCError.invalidParams(field: "after", reason: "names no \(cursor.entity) of this list: \"\(Validation.excerpt(cursor.id))\"")
    }
}
