/// The quality sessions the coach prescribes, and which ones each phase uses.
///
/// Daniels: phase I easy running and strides; phase II repetitions (and hills) for economy; phase III intervals
/// for VO2max; phase IV threshold and race-specific work. Pfitzinger & Douglas (marathon): lactate-threshold runs
/// and marathon-pace runs, long runs with marathon-pace finishes late in the build. Ultras: threshold, hills
/// and back-to-back long runs rather than track intervals.
enum SessionKind: Sendable, Hashable {
    /// Cruise intervals at T with 1-minute jogs.
    case cruiseIntervals
    /// A continuous tempo run at T.
    case tempo
    /// VO2max intervals at I with equal-time jogs.
    case intervals
    /// Short repetitions at R with equal-distance jogs.
    case repetitions
    /// Short hill repeats at hard effort, jogging down.
    case hills
    /// A continuous block at marathon pace.
    case marathonPace
    /// Two blocks at half-marathon race pace.
    case racePace
    /// The race-week sharpener: a little race-pace running to stay sharp.
    case sharpener

    /// The sessions of a week: primary first. `weekInPhase` alternates variants so weeks are not identical.
    static func sessions(category: RaceCategory, phase: TrainingPhase, weekInPhase: Int) -> [SessionKind] {
        let odd = weekInPhase % 2 == 1
        let threshold: SessionKind = odd ? .tempo : .cruiseIntervals
        switch (phase, category) {
        case (.base, .fiveK), (.base, .tenK): return [odd ? .repetitions : .hills]
        case (.base, _): return [.hills]
        case (.build, .fiveK): return [odd ? .repetitions : .intervals, threshold]
        case (.build, .tenK), (.build, .half): return [threshold, .intervals]
        case (.build, .marathon): return [threshold, .marathonPace]
        case (.build, .ultra): return [threshold, .hills]
        case (.peak, .fiveK), (.peak, .tenK): return [.intervals, threshold]
        case (.peak, .half): return [.racePace, threshold]
        case (.peak, .marathon): return [.marathonPace, threshold]
        case (.peak, .ultra): return [threshold, .hills]
        case (.taper, .fiveK), (.taper, .tenK): return [.intervals]
        case (.taper, .half), (.taper, .ultra): return [.cruiseIntervals]
        case (.taper, .marathon): return [.marathonPace]
        }
    }
}
