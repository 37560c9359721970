import GRDB
import JSONRPC
import Logging
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
    /// The store cannot work: the disk is full or the database file is corrupt; nothing was written. `data` is
    /// `{reason}` with `reason` `"disk full"` or `"database corrupt"`.
    public static let storageFailed = -32030
}

/// A failure of the store a user can act on (free space, restore a backup), as `data.reason` says it.
enum StorageFailure: String {
    /// `SQLITE_FULL`: the disk (or the file system's quota) is full.
    case diskFull = "disk full"
    /// `SQLITE_CORRUPT` or `SQLITE_NOTADB`: the file is damaged or is not a gofast database; or a stored row does
    /// not decode (`StoreError.undecodableRow`).
    case databaseCorrupt = "database corrupt"

    /// The failure behind a database error, or nil when it is something else.
    init?(_ error: DatabaseError) {
        switch error.resultCode {
        case .SQLITE_FULL: self = .diskFull
        case .SQLITE_CORRUPT, .SQLITE_NOTADB: self = .databaseCorrupt
        default: return nil
        }
    }

    /// What the client is told: what happened and what to do, without SQLite's words or the file's path.
    var rpcError: RPCError {
        let message = switch self {
        case .diskFull: "The disk is full: nothing was written; free some space and retry"
        case .databaseCorrupt: "The database file is corrupt: restore it from a backup or move it away and start afresh"
        }
        return RPCError(code: ApplicationErrorCode.storageFailed, message: message, data: ["reason": .string(rawValue)])
    }
}

extension RPCError {
    /// The not-found error for `entity` with `id`.
    static func notFound(_ entity: String, id: String) -> RPCError {
        // The id is echoed in a short form: a client that sent a megabyte gets its first characters back, not the megabyte twice.
        let shown = Validation.excerpt(id)
        return RPCError(code: ApplicationErrorCode.notFound, message: "\(entity) not found: \(shown)", data: ["entity": .string(entity), "id": .string(shown)])
    }

    /// A conflict with what is stored.
    static func conflict(_ reason: String) -> RPCError {
        RPCError(code: ApplicationErrorCode.conflict, message: "Conflict: \(reason)", data: ["reason": .string(reason)])
    }
}

/// Maps store and database errors to JSON-RPC errors without leaking internals.
enum ApplicationErrorMapper {
    /// `map(_:)`, logging the details of a storage failure to stderr (the client gets only the reason).
    static func map(_ error: any Error, logger: Logger) -> RPCError? {
        let mapped = map(error)
        if mapped?.code == ApplicationErrorCode.storageFailed {
            logger.error("storage failed", metadata: ["error": "\(String(reflecting: error))"])
        }
        return mapped
    }

    static func map(_ error: any Error) -> RPCError? {
        switch error {
        case let error as StoreError:
            switch error {
            case .notFound(let entity, let id): return .notFound(entity, id: id)
            case .conflict(let reason): return .conflict(reason)
            case .undecodableRow: return StorageFailure.databaseCorrupt.rpcError
            }
        case let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT:
            return .conflict("the change breaks a rule of the stored data (\(constraintKind(error)))")
        case let cursor as UnknownPageCursor:
            return Paging.error(cursor)
        case let error as DatabaseError where StorageFailure(error) != nil:
            return StorageFailure(error)?.rpcError
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
