/// Why a fitness range cannot be served: the offending field and a sentence a person can act on.
public struct FitnessRangeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The request field at fault (`from` or `to`).
    public var field: String
    /// What is wrong and what would be accepted.
    public var reason: String

    /// Creates an error for `field`.
    public init(field: String, reason: String) {
        self.field = field
        self.reason = reason
    }

    /// `field: reason`.
    public var description: String { "\(field): \(reason)" }
}
