import JSONRPC

/// The short sentence before a tool result's JSON: what came back, named by its id and name when it has them.
enum MCPResultSummary {
    /// The members that name a record, in the order they are mentioned.
    static let namingMembers = ["id", "name", "status", "date", "todayDate"]

    /// A one-line description of `value`, the result of `tool`.
    static func text(of value: JSONValue, tool: MCPTool) -> String {
        switch value {
        case .null:
            return "\(tool.name): nothing (null)."
        case .array(let elements):
            return "\(tool.name): \(elements.count) item\(elements.count == 1 ? "" : "s")."
        case .object(let members):
            var named = namingMembers.compactMap { key -> String? in
                guard let text = members[key]?.stringValue else { return nil }
                return "\(key) \(text)"
            }
            if named.isEmpty {
                // A result that holds records (`{plan, race, …}`) is named by their ids.
                named = members.keys.sorted().compactMap { key -> String? in
                    guard let id = members[key]?["id"]?.stringValue else { return nil }
                    return "\(key) \(id)"
                }
            }
            let parts = named.isEmpty ? members.keys.sorted().prefix(6).joined(separator: ", ") : named.joined(separator: ", ")
            return "\(tool.name): \(named.isEmpty ? "an object with " : "")\(parts)."
        default:
            return "\(tool.name): \(String(decoding: JSONWriter.bytes(value), as: UTF8.self))."
        }
    }
}
