/// The quality sessions the coach prescribes, and which ones each phase uses.
///
/// Daniels: phase I easy running, strides and hills; phase II repetitions for economy; phase III intervals for
/// VO2max; phase IV threshold and race-specific work. Pfitzinger & Douglas (marathon): lactate-threshold runs,
/// VO2max intervals in the build, marathon-pace runs and long runs with marathon-pace blocks late in the build.
/// Ultras: threshold, hills and back-to-back long runs rather than track intervals.
///
/// Each slot alternates between two sessions from week to week (by the week's index in the plan), so a session
/// never comes back the following week, and each session grows every time it returns (`SessionDesign`).
enum SessionKind: Sendable, Hashable {
    /// Cruise intervals at T with 1-minute jogs.
    case cruiseIntervals
    /// A continuous tempo run at T.
    case tempo
    /// VO2max intervals at I with equal-time jogs.
    case intervals
    /// Short repetitions at R with equal-distance jogs.
    case repetitions
    /// Short hill repeats at hard effort, by time, jogging down.
    case hills
    /// A continuous block at marathon pace.
    case marathonPace
    /// Blocks at half-marathon race pace.
    case racePace
    /// The race-week sharpener: a little race-pace running to stay sharp.
    case sharpener

    /// The sessions of week `week` (primary first) for an athlete of `level`: beginners get one.
    static func sessions(category: RaceCategory, phase: TrainingPhase, week: Int, level: AthleteLevel) -> [SessionKind] {
        let odd = week % 2 == 1
        let threshold: SessionKind = odd ? .tempo : .cruiseIntervals
        let speed: SessionKind = odd ? .repetitions : .intervals
        let all: [SessionKind]
        switch (phase, category) {
        case (.base, .ultra): all = [odd ? .hills : .repetitions]
        case (.base, _): all = [odd ? .repetitions : .hills]
        case (.build, .fiveK): all = [speed, threshold]
        case (.build, .tenK): all = [threshold, speed]
        case (.build, .half): all = [threshold, odd ? .hills : .intervals]
        case (.build, .marathon):
            all = level == .beginner ? [odd ? .marathonPace : .tempo] : [threshold, odd ? .intervals : .marathonPace]
        case (.build, .ultra): all = [threshold, odd ? .hills : .marathonPace]
        case (.peak, .fiveK), (.peak, .tenK): all = [speed, threshold]
        case (.peak, .half): all = [odd ? threshold : .racePace, odd ? .intervals : .cruiseIntervals]
        case (.peak, .marathon):
            all = level == .beginner ? [odd ? .marathonPace : .tempo] : [odd ? threshold : .marathonPace, odd ? .intervals : .cruiseIntervals]
        case (.peak, .ultra): all = [threshold, odd ? .hills : .marathonPace]
        case (.taper, .fiveK), (.taper, .tenK): all = [odd ? .repetitions : .intervals]
        case (.taper, .half), (.taper, .ultra): all = [threshold]
        case (.taper, .marathon): all = [odd ? .cruiseIntervals : .marathonPace]
        }
        return level == .beginner ? Array(all.prefix(1)) : all
    }
}
