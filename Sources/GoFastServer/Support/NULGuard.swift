import JSONRPC

/// Refuses a NUL character in any string of a request's params, naming the field (`race.name`, `activities[2].externalId`).
///
/// SQLite binds text up to its first NUL, so a NUL would be cut silently from what is stored (`"x\u0000yz"` stored as
/// `"x"`) and from what is looked up (`"ath_1\u0000x"` finding `ath_1`); a file path would open the file before it. No
/// field of ours has a use for it, so every method checks its params here before decoding them. Other control
/// characters are refused field by field where they make no sense (``Validation/refuseControlCharacters(in:field:layout:)``).
enum NULGuard {
    /// Throws `-32602` naming the first string (in key order) that holds a NUL; members named in `skipping` at the top
    /// level are left to the method, which checks them item by item.
    static func check(_ params: JSONValue?, skipping: Set<String> = []) throws(RPCError) {
        // The common case (no NUL anywhere) walks the params once without allocating; paths are built only for an error.
        guard let params, containsNUL(params, skipping: skipping) else { return }
        guard case .object(let members) = params else {
            if let path = firstNUL(in: params, path: "params") { throw error(path) }
            return
        }
        for key in members.keys.sorted() where !skipping.contains(key) {
            if let value = members[key], let path = firstNUL(in: value, path: fieldName(key)) { throw error(path) }
        }
    }

    /// Whether any string under `value` holds a NUL (top-level members in `skipping` aside).
    private static func containsNUL(_ value: JSONValue, skipping: Set<String> = []) -> Bool {
        switch value {
        case .string(let text): text.utf8.contains(0)
        case .array(let elements): elements.contains { containsNUL($0) }
        case .object(let members): members.contains { !skipping.contains($0.key) && containsNUL($0.value) }
        default: false
        }
    }

    /// The path of the first string under `value` that holds a NUL, or nil.
    static func firstNUL(in value: JSONValue, path: String) -> String? {
        // Paths are built only on the way to a NUL: a clean item costs one walk and no allocation.
        guard containsNUL(value) else { return nil }
        switch value {
        case .string(let text):
            return text.utf8.contains(0) ? path : nil
        case .array(let elements):
            for (index, element) in elements.enumerated() {
                if let found = firstNUL(in: element, path: "\(path)[\(index)]") { return found }
            }
            return nil
        case .object(let members):
            for key in members.keys.sorted() {
                if let member = members[key], let found = firstNUL(in: member, path: "\(path).\(fieldName(key))") { return found }
            }
            return nil
        default:
            return nil
        }
    }

    /// A member name as it appears in a field path: at most 64 characters, a NUL in the name itself written `\u0000`.
    private static func fieldName(_ key: String) -> String {
        Validation.excerpt(key.replacingOccurrences(of: "\u{0}", with: "\\u0000"))
    }

    private static func error(_ path: String) -> RPCError {
        RPCError.invalidParams(field: path, reason: "must not contain a NUL character (U+0000)")
    }
}
