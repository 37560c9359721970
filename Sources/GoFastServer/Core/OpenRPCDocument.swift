import JSONRPC

/// `protocol/openrpc.json`, compiled into the binary as a resource: the contract `rpc.discover` returns.
enum OpenRPCDocument {
    /// The document's bytes, exactly as in `protocol/openrpc.json`.
    static var bytes: [UInt8] { PackageResources.openrpc_json }

    /// The parsed document (null if the file were not JSON; a test guards against that).
    static let value: JSONValue = (try? JSONParser.parse(PackageResources.openrpc_json)) ?? .null

    /// The document written compactly, on one line (for newline framing).
    static let compact = EncodedJSON.value(value)

    /// Each method's params as `name → (schema, required)`, with `$ref`s left as they are.
    static func params(of method: String) -> [(name: String, schema: JSONValue, required: Bool)] {
        guard case .array(let methods)? = value["methods"] else { return [] }
        for entry in methods where entry["name"] == .string(method) {
            guard case .array(let params)? = entry["params"] else { return [] }
            return params.compactMap { param in
                guard case .string(let name)? = param["name"] else { return nil }
                return (name, param["schema"] ?? .object([:]), param["required"] == .bool(true))
            }
        }
        return []
    }
}
