/// The family of plan a race distance gets, with the numbers that differ between families.
///
/// Sources for the numbers:
/// - Plan lengths and taper lengths: Pfitzinger & Douglas, *Advanced Marathoning* (2nd ed., 2009: 12- and 18-week
///   schedules, 3-week marathon taper); Daniels' Running Formula (3rd ed.: 4-phase seasons of up to 24 weeks);
///   Mujika & Padilla, "Scientific bases for precompetition tapering strategies", *Med Sci Sports Exerc* 35 (2003):
///   tapers of ~1–3 weeks with volume cut 40–60 % and intensity kept; the longer the race, the longer the taper.
/// - Long-run caps: Daniels (long run ≤ 25–30 % of the week and ≤ 150 min for most runners), Pfitzinger
///   (marathon long runs to 32–35 km), and the usual 5K/10K/half practice of long runs somewhat over race distance.
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

    /// Accepted plan lengths in weeks (5K 4–20, 10K 6–20, half 8–24, marathon 12–30, ultra 16–36).
    var weekBounds: ClosedRange<Int> {
        switch self {
        case .fiveK: 4...20
        case .tenK: 6...20
        case .half: 8...24
        case .marathon: 12...30
        case .ultra: 16...36
        }
    }

    /// Taper length in weeks, race week included: 5K/10K 1, half 2, marathon 3, ultra 2 up to 60 km else 3.
    func taperWeeks(distanceMeters: Double) -> Int {
        switch self {
        case .fiveK, .tenK: 1
        case .half: 2
        case .marathon: 3
        case .ultra: distanceMeters <= 60_000 ? 2 : 3
        }
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

    /// Long-run distance cap in metres (5K 15 km, 10K 18 km, half 22 km, marathon 34 km, ultra 45 km).
    var longRunCapMeters: Double {
        switch self {
        case .fiveK: 15_000
        case .tenK: 18_000
        case .half: 22_000
        case .marathon: 34_000
        case .ultra: 45_000
        }
    }

    /// Long-run time cap in minutes at easy pace (5K 100, 10K 110, half 150, marathon 180, ultra 240 or 300).
    func longRunCapMinutes(distanceMeters: Double) -> Double {
        switch self {
        case .fiveK: 100
        case .tenK: 110
        case .half: 150
        case .marathon: 180
        case .ultra: distanceMeters <= 60_000 ? 240 : 300
        }
    }

    /// The long run the race calls for, in metres; low-mileage runners may go to 35 % of the week to approach it.
    var sensibleLongRunMeters: Double {
        switch self {
        case .fiveK: 8_000
        case .tenK: 12_000
        case .half: 16_000
        case .marathon: 28_000
        case .ultra: 30_000
        }
    }

    /// A sensible peak weekly volume in metres for an athlete of `vdot` running `days` days a week.
    /// Roughly the middle of Daniels' and Pfitzinger's schedules for the distance, rising with fitness.
    func peakVolumeMeters(vdot: Double, days: Int, distanceMeters: Double) -> Double {
        let v = vdot - 30
        let km: Double
        switch self {
        case .fiveK: km = 25 + 1.0 * v
        case .tenK: km = 30 + 1.1 * v
        case .half: km = 35 + 1.3 * v
        case .marathon: km = 50 + 1.6 * v
        case .ultra: km = (55 + 1.6 * v) * (1 + (distanceMeters - VDOT.marathonMeters) / 200_000)
        }
        let dayFactor = days <= 3 ? 0.8 : days == 4 ? 0.9 : 1.0
        return min(max(km * dayFactor, 20), 160) * 1000
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

    /// Whether race-specific work is done at marathon/half pace rather than on the track.
    var isRoadEndurance: Bool { self == .half || self == .marathon || self == .ultra }
}
