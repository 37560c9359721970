/// Errors of the store that a client can act on.
public enum StoreError: Error, Hashable, Sendable {
    /// No `entity` with this id.
    case notFound(entity: String, id: String)
    /// The change breaks a uniqueness or state rule.
    case conflict(String)
}
