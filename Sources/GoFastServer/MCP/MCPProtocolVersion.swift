/// The MCP revisions gofast speaks, and the choice `initialize` makes among them.
enum MCPProtocolVersion {
    /// Every revision gofast answers in, newest first. What gofast offers (tools with output schemas and
    /// structured content, resources with templates, prompts) has the same shape in each; older clients ignore
    /// the members they do not know (`title`, `outputSchema`, `structuredContent`).
    static let supported = ["2025-11-25", "2025-06-18", "2025-03-26", "2024-11-05"]

    /// The newest revision gofast speaks.
    static var latest: String { supported[0] }

    /// The client's revision when gofast speaks it, else gofast's newest (the client then decides whether to go on).
    static func negotiate(_ requested: String?) -> String {
        guard let requested, supported.contains(requested) else { return latest }
        return requested
    }
}
