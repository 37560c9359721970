/// One day of the fitness series: the day's load and the fitness, fatigue, form and ACWR it leads to.
public struct FitnessDay: Codable, Hashable, Sendable {
    /// The local date.
    public var date: CalendarDate
    /// The day's running load: recorded runs up to today, the plan's expected load after today.
    public var load: Double
    /// Fitness (chronic training load, CTL): the 42-day exponentially weighted average of load at the end of the day.
    public var fitness: Double
    /// Fatigue (acute training load, ATL): the 7-day exponentially weighted average of load at the end of the day.
    public var fatigue: Double
    /// Form (training stress balance, TSB) going into the day: yesterday's fitness minus yesterday's fatigue.
    public var form: Double
    /// Acute:chronic workload ratio: mean daily load of the 7 days ending today over that of the 28 days ending today;
    /// nil (JSON `null`) while the 28-day mean is 0.
    public var acwr: Double?
    /// Whether the day lies after today and its load comes from the plan.
    public var projected: Bool

    /// Creates a day of the series.
    public init(date: CalendarDate, load: Double, fitness: Double, fatigue: Double, form: Double, acwr: Double?, projected: Bool) {
        self.date = date
        self.load = load
        self.fitness = fitness
        self.fatigue = fatigue
        self.form = form
        self.acwr = acwr
        self.projected = projected
    }

    enum CodingKeys: String, CodingKey {
        case date, load, fitness, fatigue, form, acwr, projected
    }

    // `acwr` is written as an explicit null, so every day has the same keys.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(date, forKey: .date)
        try container.encode(load, forKey: .load)
        try container.encode(fitness, forKey: .fitness)
        try container.encode(fatigue, forKey: .fatigue)
        try container.encode(form, forKey: .form)
        if let acwr { try container.encode(acwr, forKey: .acwr) } else { try container.encodeNil(forKey: .acwr) }
        try container.encode(projected, forKey: .projected)
    }
}
