/// Why a plan was rejected: where (`weeks[3].days[2].workout.targetPace`) and what is wrong there.
public struct PlanValidationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The path to the offending value, in the plan's JSON shape.
    public var path: String
    /// What is wrong.
    public var reason: String

    /// Creates an error at `path`.
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    /// `path: reason`.
    public var description: String { "\(path): \(reason)" }
}
