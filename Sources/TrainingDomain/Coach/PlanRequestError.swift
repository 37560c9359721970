/// Why a plan request cannot be served: the offending field and a sentence a person can act on.
///
/// When the race is too close for the long run it needs, `kind` is `.notEnoughWeeks` and the error names the
/// fewest weeks that would do (`minimumWeeks`) and the latest start date (`suggestedStartDate`); when it is too far
/// away, `.tooManyWeeks` and the earliest sensible start. Every case maps to JSON-RPC `-32602 Invalid params`.
public struct PlanRequestError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of problem it is.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// A field is missing, malformed or out of range.
        case invalidField
        /// The weeks to the race cannot safely build the long run the race needs from the current volume.
        case notEnoughWeeks
        /// The race is further away than a plan can usefully cover.
        case tooManyWeeks
    }

    /// The request field at fault (`race.date`, `race.distanceMeters`, `trainingDays` …).
    public var field: String
    /// What is wrong and what would be accepted.
    public var reason: String
    /// The kind of problem.
    public var kind: Kind
    /// For `.notEnoughWeeks`: the fewest weeks (start week through race week) that would do.
    public var minimumWeeks: Int?
    /// For `.notEnoughWeeks` the latest start date that gives `minimumWeeks`; for `.tooManyWeeks` the earliest sensible one.
    public var suggestedStartDate: CalendarDate?

    /// Creates an error for `field`.
    public init(field: String, reason: String, kind: Kind = .invalidField, minimumWeeks: Int? = nil, suggestedStartDate: CalendarDate? = nil) {
        self.field = field
        self.reason = reason
        self.kind = kind
        self.minimumWeeks = minimumWeeks
        self.suggestedStartDate = suggestedStartDate
    }

    /// `field: reason`.
    public var description: String { "\(field): \(reason)" }
}
