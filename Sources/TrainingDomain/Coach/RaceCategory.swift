/// The family of plan a race distance gets, with the numbers that differ between families.
///
/// Sources for the numbers:
/// - Plan lengths and taper lengths: Pfitzinger & Douglas, *Advanced Marathoning* (2nd ed., 2009: 12- and 18-week
///   schedules, 3-week marathon taper); Daniels' Running Formula (3rd ed.: 4-phase seasons of up to 24 weeks);
///   Mujika & Padilla, "Scientific bases for precompetition tapering strategies", *Med Sci Sports Exerc* 35 (2003):
///   tapers of ~1–3 weeks with volume cut 40–60 % and intensity kept; the longer the race, the longer the taper.
/// - Long runs: Daniels (long run ≤ 25–30 % of the week and ≤ 150 min for most runners), Pfitzinger
///   (marathon long runs to 32–35 km), and the usual 5K/10K/half practice of long runs well over race distance.
enum RaceCategory: String, Sendable, CaseIterable {
    case fiveK, tenK, half, marathon, ultra

    /// The smallest and largest accepted race distance, in metres.
    static let distanceRange: ClosedRange<Double> = 3_000...100_000

    /// The family for `distanceMeters`: < 7.5 km 5K, < 16 km 10K, < 30 km half, ≤ 43 km marathon, else ultra.
    init(distanceMeters: Double) {
        switch distanceMeters {
        case ..<7_500: self = .fiveK
        case ..<16_000: self = .tenK
        case ..<30_000: self = .half
        case ...43_000: self = .marathon
        default: self = .ultra
        }
    }

    /// The longest lead, in weeks, a plan covers; further away the request is refused with the earliest sensible start.
    static let maxWeeks = 52

    /// The length of a full race-specific plan in weeks (5K 16, 10K 18, half 20, marathon 24, ultra 30); weeks
    /// beyond it become a longer base period (Daniels' phase I: easy running, strides and hills).
    var specificWeeks: Int {
        switch self {
        case .fiveK: 16
        case .tenK: 18
        case .half: 20
        case .marathon: 24
        case .ultra: 30
        }
    }

    /// Taper length in weeks, race week included: 5K/10K 1, half 2, marathon 3 (2 in plans under 10 weeks),
    /// ultra 2 up to 60 km else 3; never more than the plan's weeks.
    func taperWeeks(distanceMeters: Double, weekCount: Int) -> Int {
        let weeks: Int
        switch self {
        case .fiveK, .tenK: weeks = 1
        case .half: weeks = weekCount <= 3 ? 1 : 2
        case .marathon: weeks = weekCount <= 3 ? weekCount : weekCount < 10 ? 2 : 3
        case .ultra: weeks = weekCount < 10 ? 2 : distanceMeters <= 60_000 ? 2 : 3
        }
        return max(1, min(weeks, weekCount))
    }

    /// Taper week volumes as fractions of peak volume, race week last (the race itself excluded).
    /// Mujika & Padilla: cut volume progressively by 40–60 % while keeping intensity.
    func taperFactors(weeks: Int) -> [Double] {
        switch weeks {
        case 1: [0.55]
        case 2: [0.7, 0.45]
        default: [0.75, 0.6, 0.4]
        }
    }

    /// The long run the plan builds towards, in metres, for an athlete whose easy pace is `easySecondsPerKm`:
    /// 5K min(22 km, 110 min), 10K min(24 km, 120 min), half min(21 km, 150 min), marathon min(32 km, 3 h),
    /// ultra min(45 km, 4–5 h). Sources: Daniels (long run ≤ 150 min for most runners), Pfitzinger & Douglas
    /// (marathon long runs of 32–35 km; 5K–10K long runs of 16–22 km in *Faster Road Racing*).
    func longRunTargetMeters(easySecondsPerKm: Double, distanceMeters: Double) -> Double {
        let (km, minutes): (Double, Double)
        switch self {
        case .fiveK: (km, minutes) = (22, 110)
        case .tenK: (km, minutes) = (24, 120)
        case .half: (km, minutes) = (21, 150)
        case .marathon: (km, minutes) = (32, 180)
        case .ultra: (km, minutes) = (45, distanceMeters <= 60_000 ? 240 : 300)
        }
        return min(km * 1000, minutes * 60 / easySecondsPerKm * 1000)
    }

    /// The long run a plan must reach before the taper, in metres, or nil when the race needs none in particular:
    /// half min(16 km, 2 h), marathon min(29 km, 2.5 h), ultra min(30 km, 3 h) at easy pace.
    func longRunRequiredMeters(easySecondsPerKm: Double) -> Double? {
        let (km, minutes): (Double, Double)
        switch self {
        case .fiveK, .tenK: return nil
        case .half: (km, minutes) = (16, 120)
        case .marathon: (km, minutes) = (29, 150)
        case .ultra: (km, minutes) = (30, 180)
        }
        return min(km * 1000, minutes * 60 / easySecondsPerKm * 1000)
    }

    /// The largest share of a week of `weeklyKm` the long run may take. Daniels: 25–30 % for most runners; low
    /// volumes may go higher (bounded by time elsewhere); marathon schedules (Pfitzinger's 55-mile plan: 20-mile
    /// long runs in 88 km weeks, 36 %) need more: marathon/ultra 45 % at ≤ 50 km falling to 30 %, half 42 % at
    /// ≤ 30 km falling to 28 %, 5K/10K 35 % at ≤ 30 km falling to 25 %.
    func maxLongShare(weeklyKm: Double) -> Double {
        func clamp(_ value: Double, _ low: Double, _ high: Double) -> Double { min(max(value, low), high) }
        switch self {
        case .marathon, .ultra: return clamp(0.45 - (weeklyKm - 50) * 0.0025, 0.30, 0.45)
        case .half: return clamp(0.42 - (weeklyKm - 30) * 0.003, 0.28, 0.42)
        case .fiveK, .tenK: return clamp(0.35 - (weeklyKm - 30) * 0.002, 0.25, 0.35)
        }
    }

    /// The peak weekly volume in metres for an athlete of `vdot` running `days` days a week with
    /// `preTaperWeeks` weeks to build: a ceiling per distance rising with fitness (Pfitzinger & Douglas'
    /// 55/70/85-mile marathon schedules, 88–137 km; *Faster Road Racing*'s 5K–half schedules of 30–80 miles;
    /// Daniels' plans), scaled by running days (3: 70 %, 4: 85 %, 5: 95 %) and by the time to build
    /// (8 weeks 97 %, 15 or more 110 %): longer plans may reach higher peaks.
    func peakVolumeMeters(vdot: Double, days: Int, distanceMeters: Double, preTaperWeeks: Int) -> Double {
        let v = vdot - 30
        let km: Double
        switch self {
        case .fiveK: km = 30 + 2.0 * v
        case .tenK: km = 33 + 2.3 * v
        case .half: km = 38 + 2.6 * v
        case .marathon: km = 48 + 3.0 * v
        case .ultra: km = (55 + 3.0 * v) * (1 + (distanceMeters - VDOT.marathonMeters) / 200_000)
        }
        let dayFactor = days <= 3 ? 0.7 : days == 4 ? 0.85 : days == 5 ? 0.95 : 1.0
        let timeFactor = min(max(0.85 + 0.015 * Double(preTaperWeeks), 0.9), 1.1)
        return min(max(km * dayFactor * timeFactor, 20), 170) * 1000
    }

    /// Runners aiming at longer races tend to run more already: scales the weekly volume estimated from VDOT
    /// when the athlete does not say (5K 0.85, 10K 0.9, half 1.0, marathon 1.1, ultra 1.2).
    var estimatedVolumeFactor: Double {
        switch self {
        case .fiveK: 0.85
        case .tenK: 0.9
        case .half: 1.0
        case .marathon: 1.1
        case .ultra: 1.2
        }
    }

    /// A label for messages: "5K", "10K", "half-marathon", "marathon", or "50 km".
    static func label(distanceMeters: Double) -> String {
        switch distanceMeters {
        case 4_990...5_010: "5K"
        case 9_990...10_010: "10K"
        case 21_000...21_200: "half-marathon"
        case 42_100...42_300: "marathon"
        default: "\(Format.kilometers(distanceMeters)) km"
        }
    }
}
