/// The checks a request must pass before planning, each failure naming its field.
struct PlanRequestCheck: Sendable {
    /// The race family.
    let category: RaceCategory
    /// Weeks in the plan.
    let weekCount: Int
    /// Training weekdays as Monday-based indices, sorted, without duplicates.
    let trainingDays: [Int]
    /// The long-run weekday as a Monday-based index.
    let longRunDay: Int

    /// Checks `request`; throws the first problem found.
    init(_ request: PlanRequest) throws(PlanRequestError) {
        let distance = request.raceDistanceMeters
        guard distance.isFinite, RaceCategory.distanceRange.contains(distance) else {
            throw PlanRequestError(
                field: "race.distanceMeters",
                reason: "the race distance must be between 3000 m and 100000 m; got \(distance.isFinite ? "\(Int(distance.rounded())) m" : "\(distance)")"
            )
        }
        let category = RaceCategory(distanceMeters: distance)
        let days = request.startDate.days(to: request.raceDate)
        guard days >= 0 else {
            throw PlanRequestError(
                field: "race.date",
                reason: "the race date \(request.raceDate) is before the plan start \(request.startDate)"
            )
        }
        let weeks = request.weekCount
        guard weeks <= RaceCategory.maxWeeks else {
            let label = RaceCategory.label(distanceMeters: distance)
            let article = label.first.map { "aeiou8".contains($0) } == true ? "an" : "a"
            let sensible = request.raceDate.adding(days: -7 * (category.specificWeeks - 1))
            let earliest = request.raceDate.adding(days: -(7 * RaceCategory.maxWeeks - 1))
            throw PlanRequestError(
                field: "race.date",
                reason: "\(request.raceDate) is \(weeks) weeks from \(request.startDate); a plan covers at most \(RaceCategory.maxWeeks) weeks. "
                    + "Start \(article) \(label) plan on \(sensible) (\(category.specificWeeks) weeks), or on any date from \(earliest) for a longer base period.",
                kind: .tooManyWeeks, suggestedStartDate: sensible
            )
        }
        let unique = Set(request.trainingDays.map(\.mondayBasedIndex)).sorted()
        guard (3...7).contains(unique.count) else {
            throw PlanRequestError(
                field: "trainingDays",
                reason: "choose 3 to 7 different training days; got \(unique.count)"
            )
        }
        guard let long = request.effectiveLongRunDay, unique.contains(long.mondayBasedIndex) else {
            throw PlanRequestError(
                field: "longRunDay",
                reason: "the long-run day \(request.longRunDay?.rawValue ?? "?") must be one of the training days (\(unique.map { Weekday.allCases[$0].rawValue }.joined(separator: ", ")))"
            )
        }
        if let weekly = request.currentWeeklyDistanceMeters {
            guard weekly.isFinite, (0...300_000).contains(weekly) else {
                throw PlanRequestError(
                    field: "currentWeeklyDistanceMeters",
                    reason: "the current weekly distance must be between 0 and 300000 m; got \(weekly)"
                )
            }
        }
        self.category = category
        self.weekCount = weeks
        self.trainingDays = unique
        self.longRunDay = long.mondayBasedIndex
    }
}
