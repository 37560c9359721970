import GRDB
import JSONRPC
import TrainingStore

/// Our own stable JSON-RPC error codes (listed in `protocol/openrpc.json` under `x-error-codes`).
public enum ApplicationErrorCode {
    /// An id names nothing; `data` is `{entity, id}`.
    public static let notFound = -32001
    /// The change conflicts with what is stored (duplicate id, wrong state); `data` is `{reason}`.
    public static let conflict = -32002
    /// The plan generator failed (network, provider status, timeout); `data` is `{generator, reason, status?}`.
    public static let generatorFailed = -32010
    /// A generated plan broke a rule and nothing was written; `data` is `{path, reason}`.
    public static let planRejected = -32011
    /// An activity file could not be decoded; `data` is `{format, reason, byteOffset?}`.
    public static let fileUndecodable = -32020
}

extension RPCError {
    /// The not-found error for `entity` with `id`.
    static func notFound(_ entity: String, id: String) -> RPCError {
        RPCError(code: ApplicationErrorCode.notFound, message: "\(entity) not found: \(id)", data: ["entity": .string(entity), "id": .string(id)])
    }

    /// A conflict with what is stored.
    static func conflict(_ reason: String) -> RPCError {
        RPCError(code: ApplicationErrorCode.conflict, message: "Conflict: \(reason)", data: ["reason": .string(reason)])
    }
}

/// Maps store and database errors to JSON-RPC errors without leaking internals.
enum ApplicationErrorMapper {
    static func map(_ error: any Error) -> RPCError? {
        switch error {
        case let error as StoreError:
            switch error {
            case .notFound(let entity, let id): return .notFound(entity, id: id)
            case .conflict(let reason): return .conflict(reason)
            }
        case let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT:
            return .conflict("the change breaks a rule of the stored data (\(constraintKind(error)))")
        case let error as DatabaseError where error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED:
            return RPCError(code: ApplicationErrorCode.conflict, message: "The database is busy; retry", data: ["reason": "busy"])
        default:
            return nil
        }
    }

    private static func constraintKind(_ error: DatabaseError) -> String {
        switch error.extendedResultCode {
        case .SQLITE_CONSTRAINT_UNIQUE, .SQLITE_CONSTRAINT_PRIMARYKEY: "already exists"
        case .SQLITE_CONSTRAINT_FOREIGNKEY: "refers to something that does not exist, or is still referred to"
        case .SQLITE_CONSTRAINT_CHECK: "a value is out of range"
        case .SQLITE_CONSTRAINT_NOTNULL: "a required value is missing"
        default: "constraint"
        }
    }
}
