/// One revision of a plan's days: generation is 1, each edit, adaptation, regeneration or revert adds one.
public struct PlanRevision: Codable, Hashable, Sendable {
    /// The revision number, from 1.
    public var revision: Int
    /// When it was made (RFC 3339, UTC).
    public var createdAt: String
    /// What made it: `generate`, `regenerate`, `moveDay`, `skipDay`, `setTrainingDays`, `unavailable`, `adapt`, `revert`.
    public var kind: String
    /// Why, in words (the runner's reason or the adaptation's reasons); nil when none was given.
    public var reason: String?
    /// How many days it changed.
    public var changedDays: Int

    /// Creates a revision record.
    public init(revision: Int, createdAt: String, kind: String, reason: String?, changedDays: Int) {
        self.revision = revision
        self.createdAt = createdAt
        self.kind = kind
        self.reason = reason
        self.changedDays = changedDays
    }
}

/// The content a planned day had before a revision replaced it.
public struct PlannedDayVersion: Hashable, Sendable {
    /// The planned day.
    public var plannedDayId: String
    /// The revision this content was written in.
    public var revision: Int
    /// The phase it had.
    public var phase: TrainingPhase
    /// The workout it had.
    public var plannedData: PlannedWorkout

    /// Creates a version.
    public init(plannedDayId: String, revision: Int, phase: TrainingPhase, plannedData: PlannedWorkout) {
        self.plannedDayId = plannedDayId
        self.revision = revision
        self.phase = phase
        self.plannedData = plannedData
    }
}

/// One day's change, as edits and adaptations report it: `plannedData` before and after.
public struct DayChange: Codable, Hashable, Sendable {
    /// The day.
    public var date: CalendarDate
    /// Its workout before.
    public var before: PlannedWorkout
    /// Its workout after.
    public var after: PlannedWorkout

    /// Creates a change.
    public init(date: CalendarDate, before: PlannedWorkout, after: PlannedWorkout) {
        self.date = date
        self.before = before
        self.after = after
    }
}

/// Restoring a plan's days as they were at a revision.
public enum PlanHistory {
    /// The days' content at `revision`: a day changed since then gets the newest version written at or before it.
    public static func days(_ days: [PlannedDay], at revision: Int, versions: [PlannedDayVersion]) -> [PlannedDay] {
        let byDay = Dictionary(grouping: versions, by: \.plannedDayId)
        return days.map { day in
            guard day.revision > revision,
                  let version = byDay[day.id]?.filter({ $0.revision <= revision }).max(by: { $0.revision < $1.revision }) else { return day }
            var restored = day
            restored.plannedData = version.plannedData
            restored.phase = version.phase
            return restored
        }
    }

    /// The changes between two versions of the same days (matched by id), in date order.
    public static func changes(from before: [PlannedDay], to after: [PlannedDay]) -> [DayChange] {
        let old = Dictionary(uniqueKeysWithValues: before.map { ($0.id, $0) })
        return after.compactMap { day in
            guard let previous = old[day.id], previous.plannedData != day.plannedData || previous.phase != day.phase else { return nil }
            return DayChange(date: day.date, before: previous.plannedData, after: day.plannedData)
        }.sorted { $0.date < $1.date }
    }
}
