import GRDB

/// Errors of the store that a client can act on.
public enum StoreError: Error, Hashable, Sendable {
    /// No `entity` with this id.
    case notFound(entity: String, id: String)
    /// The change breaks a uniqueness or state rule.
    case conflict(String)
    /// A stored row does not decode into its value: the file was damaged, or written by something other than gofast.
    /// `detail` (the column and what was wrong) is for the log, not for clients.
    case undecodableRow(detail: String)
}

extension StoreError {
    /// Runs `body`, turning a stored row that does not decode (a `DecodingError` of a JSON column, GRDB's
    /// `RowDecodingError`) into ``undecodableRow(detail:)``: every read and write of the store goes through here, so
    /// the server can say "database corrupt" instead of an internal error.
    static func decodingStoredRows<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DecodingError {
            throw StoreError(undecodable: error)
        } catch let error as RowDecodingError {
            throw StoreError(undecodable: error)
        }
    }

    /// ``undecodableRow(detail:)`` for a decoding failure of stored data.
    init(undecodable error: any Error) {
        self = .undecodableRow(detail: String(describing: error))
    }
}
