/// How much structure an athlete can absorb, which decides the number of quality sessions and their size.
///
/// Beginners (Daniels' "novice" plans; Hal Higdon's novice schedules): three running days, or VDOT under 35, or
/// under 25 km a week. They get at most one quality session a week besides the long run (strides count as easy),
/// no marathon-pace finishes on long runs, and a run/walk option when the least fit (VDOT under 30).
/// Experienced athletes (VDOT 45+ and 50+ km a week) get the longest marathon-pace blocks (Pfitzinger: 16–22 km).
enum AthleteLevel: Int, Sendable, Comparable {
    case beginner, intermediate, experienced

    /// The level for `vdot`, running `days` days a week at `weeklyKm`.
    init(vdot: Double, days: Int, weeklyKm: Double) {
        if days <= 3 || vdot < 35 || weeklyKm < 25 {
            self = .beginner
        } else if vdot >= 45 && weeklyKm >= 50 {
            self = .experienced
        } else {
            self = .intermediate
        }
    }

    static func < (lhs: AthleteLevel, rhs: AthleteLevel) -> Bool { lhs.rawValue < rhs.rawValue }

    /// VDOT below which easy and long runs offer a run/walk option.
    static let runWalkVDOT = 30.0
}
