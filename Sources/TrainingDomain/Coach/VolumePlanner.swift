#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#else
import Foundation
#endif

/// Weekly volume and long-run progression: where the plan starts, how fast it rises, where it peaks, and
/// whether the long run the race needs can be reached safely in the weeks available.
///
/// Rules (sources in `RaceCategory` and `BuiltInCoach`):
/// - Volume rises by the same factor every building week, at most 10 % (the "10 % rule"), from the current
///   volume to the peak, which is reached in the last building week: longer plans climb more gently or reach a
///   higher peak, and no plan holds a flat block of identical weeks. Every fourth week before the taper is a
///   cutback to 78 % (3:1 loading).
/// - The long run grows by at most 2 km a week from what the athlete runs now (assumed 30 % of the current
///   week), is at most `RaceCategory.maxLongShare` of its week, and stops at the race's long-run target.
struct VolumePlanner: Sendable {
    /// The race family.
    let category: RaceCategory
    /// Phase of each week.
    let phases: [TrainingPhase]
    /// Whether each week is a cutback week.
    let cutbacks: [Bool]
    /// First week's volume, metres.
    let start: Double
    /// Peak volume, metres.
    let peak: Double
    /// The long run the plan builds towards, metres.
    let longTarget: Double
    /// The long run the athlete is assumed to run now, metres.
    let currentLong: Double
    /// The ideal volume of each week, metres, worked out once (``idealVolume(week:)``).
    private var idealVolumes: [Double] = []

    /// A planner for `phases`, each week's ideal volume worked out from the others once.
    init(category: RaceCategory, phases: [TrainingPhase], cutbacks: [Bool], start: Double, peak: Double, longTarget: Double, currentLong: Double) {
        self.category = category
        self.phases = phases
        self.cutbacks = cutbacks
        self.start = start
        self.peak = peak
        self.longTarget = longTarget
        self.currentLong = currentLong
        idealVolumes = volumes()
    }

    /// Cutback weeks plan this fraction of the previous building week.
    static let cutbackFactor = 0.78
    /// The 10 % rule.
    static let maxWeeklyGrowth = 1.10
    /// The largest weekly increase of the long run, metres (or 10 % of the longest so far, when more).
    static let longRunStep = 2_000.0
    /// With three weeks or fewer before the taper there is no time to build: the race is run on the current long
    /// run, which must reach this fraction of the race's minimum.
    static let shortLeadFraction = 0.8
    /// Share of the current weekly volume assumed for the athlete's current long run.
    static let currentLongShare = 0.30

    /// Weeks before the taper.
    var preTaperWeeks: Int { phases.firstIndex(of: .taper) ?? phases.count }

    /// The building (non-cutback, pre-taper) weeks.
    var buildingWeeks: [Int] { (0..<preTaperWeeks).filter { !cutbacks[$0] } }

    /// The weekly growth factor of building weeks: from `start` to `peak` evenly, at most 10 %.
    var growth: Double {
        let steps = buildingWeeks.count - 1
        guard steps > 0, start > 0, peak > start else { return 1 }
        return min(Self.maxWeeklyGrowth, pow(peak / start, 1 / Double(steps)))
    }

    /// The peak reachable from `start` in `buildingWeeks` weeks under the 10 % rule, capped by `ceiling` and by
    /// `multiple` × `start` (never below `start`; a plan of four building weeks or more rises at least 6 %).
    static func peak(start: Double, ceiling: Double, buildingWeeks: Int, multiple: Double) -> Double {
        let reachable = min(start * multiple, start * pow(maxWeeklyGrowth, Double(max(0, buildingWeeks - 1))))
        var peak = max(start, min(ceiling, reachable))
        if buildingWeeks >= 4 { peak = max(peak, min(reachable, start * 1.06)) }
        return peak
    }

    /// The ideal volume of week `week`, metres, before rounding to whole days.
    func idealVolume(week: Int) -> Double {
        idealVolumes[week]
    }

    /// Every week's ideal volume: building weeks rise by `growth` up to the peak, a cutback week is a fraction of
    /// the building week before it, and the taper weeks are fractions of the highest week before the taper.
    private func volumes() -> [Double] {
        let preTaper = preTaperWeeks
        let building = buildingWeeks
        let growth = self.growth
        var volumes: [Double] = []
        volumes.reserveCapacity(phases.count)
        var lastBuilding: Int?
        for week in 0..<preTaper {
            if cutbacks[week] {
                volumes.append((lastBuilding.map { volumes[$0] } ?? start) * Self.cutbackFactor)
            } else {
                let index = building.firstIndex(of: week) ?? 0
                volumes.append(min(peak, start * pow(growth, Double(index))))
                lastBuilding = week
            }
        }
        let plannedPeak = volumes.max() ?? start
        let factors = category.taperFactors(weeks: phases.count - preTaper)
        for week in preTaper..<max(preTaper, phases.count) {
            volumes.append(plannedPeak * factors[min(week - preTaper, factors.count - 1)])
        }
        return volumes
    }

    /// The long run for a week of `volume` metres after a longest long run of `longestSoFar` metres; a cutback
    /// week's long run is at most 80 % of the longest so far.
    func desiredLong(volume: Double, longestSoFar: Double, cutback: Bool = false) -> Double {
        let share = category.maxLongShare(weeklyKm: volume / 1000) * volume
        let base = max(longestSoFar, currentLong)
        var long = min(longTarget, base + max(Self.longRunStep, 0.1 * base), share)
        if cutback && longestSoFar > 0 { long = min(long, 0.8 * longestSoFar) }
        return max(0, long)
    }

    /// Whether the plan can build (or, on a short lead, already has) the long run `required` metres calls for.
    func reaches(_ required: Double) -> Bool {
        preTaperWeeks <= 3 ? longestBeforeTaper >= Self.shortLeadFraction * required : longestBeforeTaper >= required - 500
    }

    /// The longest long run before the taper when every week runs its ideal volume, metres; at least the long run
    /// the athlete runs now (a race a few weeks away is run on current fitness).
    var longestBeforeTaper: Double {
        var longest = preTaperWeeks <= 3 ? currentLong : 0
        for week in 0..<preTaperWeeks {
            longest = max(longest, desiredLong(volume: idealVolume(week: week), longestSoFar: longest, cutback: cutbacks[week]))
        }
        return longest
    }
}
