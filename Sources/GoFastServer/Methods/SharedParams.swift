import TrainingDomain

// Params shared by several methods. A method whose params are its own declares them inside its type.

/// `{id}`: the params of every `….get` and of `plan.archive`.
struct IdParams: Decodable {
    /// The id of the record.
    var id: String
}

/// `{athleteId}`: `plan.active`, and the athlete of other reads.
struct AthleteIdParams: Decodable {
    /// The athlete's id.
    var athleteId: String
}

/// `{planId}`: `plan.progress` and other per-plan reads.
struct PlanIdParams: Decodable {
    /// The plan's id.
    var planId: String
}

/// `{activityId}`: `activity.match`, `activity.unlink`.
struct ActivityIdParams: Decodable {
    /// The activity's id.
    var activityId: String
}

/// Params of a method that takes none (unknown members are ignored).
struct EmptyParams: Decodable {}

/// A race given inline (`plan.generate`, `plan.create`): created in the same transaction unless it exists.
struct InlineRace: Decodable {
    var id: String?
    var name: String
    var date: CalendarDate
    var distanceMeters: Double
    var location: String?
}
