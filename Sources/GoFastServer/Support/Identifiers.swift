import JSONRPC
import TrainingStore

/// Makes ids: a readable prefix and 16 random hex digits (`ath_3f9c…`); clients may supply their own on create.
enum Identifiers {
    static func make(_ prefix: String) -> String {
        makeIdentifier(prefix)
    }

    /// Checks a client-supplied id: 1–64 characters of letters, digits, `_`, `-`, `.`, `:`.
    static func validate(_ id: String, field: String) throws(RPCError) {
        let allowed = id.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ":")
        }
        guard !id.isEmpty, id.utf8.count <= 64, allowed else {
            throw RPCError.invalidParams(field: field, reason: "must be 1–64 letters, digits, '_', '-', '.' or ':'")
        }
    }
}
