/// What the athlete asks for: a race, a start date, the days they can run and what we know of their fitness.
public struct PlanRequest: Sendable, Hashable, Codable {
    /// The race's name, used in titles ("Berlin Marathon").
    public var raceName: String
    /// The day of the race; the plan ends with the week that contains it.
    public var raceDate: CalendarDate
    /// The race distance in metres (3 000 … 100 000).
    public var raceDistanceMeters: Double
    /// The first day of the plan, any weekday; day index 0 of every week is this weekday.
    public var startDate: CalendarDate
    /// The goal finishing time in seconds; nil means "what my current fitness predicts".
    public var goalTimeSeconds: Double?
    /// The weekdays the athlete runs (3 … 7 of them); every other day is a rest day.
    public var trainingDays: [Weekday]
    /// The weekday of the long run; nil means Sunday when it is a training day, else the last training day of the week.
    public var longRunDay: Weekday?
    /// What the athlete runs per week today, in metres; nil means "estimate it from fitness".
    public var currentWeeklyDistanceMeters: Double?
    /// A recent race or time trial; the caller passes the athlete's 5K here when there is no recent race.
    public var recentRace: RacePerformance?
    /// When the weeks available cannot build the long run the race needs: false refuses with
    /// `PlanRequestError` (naming the minimum weeks), true plans the best that fits, with warnings.
    public var acceptRisk: Bool

    /// Creates a request; only the race, the start date and the training days are required.
    public init(
        raceName: String, raceDate: CalendarDate, raceDistanceMeters: Double, startDate: CalendarDate,
        goalTimeSeconds: Double? = nil, trainingDays: [Weekday], longRunDay: Weekday? = nil,
        currentWeeklyDistanceMeters: Double? = nil, recentRace: RacePerformance? = nil, acceptRisk: Bool = false
    ) {
        self.raceName = raceName
        self.raceDate = raceDate
        self.raceDistanceMeters = raceDistanceMeters
        self.startDate = startDate
        self.goalTimeSeconds = goalTimeSeconds
        self.trainingDays = trainingDays
        self.longRunDay = longRunDay
        self.currentWeeklyDistanceMeters = currentWeeklyDistanceMeters
        self.recentRace = recentRace
        self.acceptRisk = acceptRisk
    }

    enum CodingKeys: String, CodingKey {
        case raceName, raceDate, raceDistanceMeters, startDate, goalTimeSeconds, trainingDays, longRunDay, currentWeeklyDistanceMeters, recentRace, acceptRisk
    }

    /// Decodes a request; a missing `acceptRisk` means false.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        raceName = try container.decode(String.self, forKey: .raceName)
        raceDate = try container.decode(CalendarDate.self, forKey: .raceDate)
        raceDistanceMeters = try container.decode(Double.self, forKey: .raceDistanceMeters)
        startDate = try container.decode(CalendarDate.self, forKey: .startDate)
        goalTimeSeconds = try container.decodeIfPresent(Double.self, forKey: .goalTimeSeconds)
        trainingDays = try container.decode([Weekday].self, forKey: .trainingDays)
        longRunDay = try container.decodeIfPresent(Weekday.self, forKey: .longRunDay)
        currentWeeklyDistanceMeters = try container.decodeIfPresent(Double.self, forKey: .currentWeeklyDistanceMeters)
        recentRace = try container.decodeIfPresent(RacePerformance.self, forKey: .recentRace)
        acceptRisk = try container.decodeIfPresent(Bool.self, forKey: .acceptRisk) ?? false
    }

    /// Whole weeks the plan covers: from `startDate` through the week (counted from `startDate`) that holds the race.
    public var weekCount: Int { startDate.days(to: raceDate) / 7 + 1 }

    /// The long-run weekday after applying the default (Sunday if it is a training day, else the last training day).
    public var effectiveLongRunDay: Weekday? {
        if let longRunDay { return longRunDay }
        if trainingDays.contains(.sunday) { return .sunday }
        return trainingDays.max { $0.mondayBasedIndex < $1.mondayBasedIndex }
    }
}
