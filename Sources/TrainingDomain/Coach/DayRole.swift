/// What a day is for, before distances are assigned.
enum DayRole: Sendable, Hashable {
    /// Not a training day (or a day off after the race).
    case rest(afterRace: Bool)
    /// An easy run.
    case easy
    /// A short easy run the day before the long run.
    case preLong
    /// A short, very easy run the day after the long run.
    case recovery
    /// An easy run finished with strides.
    case strides
    /// The long run; `finishAtM` adds a marathon-pace finish.
    case long(finishAtM: Bool)
    /// The first of an ultra's back-to-back long runs.
    case backToBack
    /// A quality session.
    case quality(SessionKind)
    /// The race.
    case race
    /// A short easy run in the final six days before the race.
    case raceWeekEasy
    /// A 20-minute shakeout the day before the race.
    case shakeout
    /// A short recovery jog after the race.
    case postRaceRecovery

    /// Whether the role is a hard session for spacing purposes.
    var isQuality: Bool {
        switch self {
        case .quality: true
        case .long(let finishAtM): finishAtM
        default: false
        }
    }
}
