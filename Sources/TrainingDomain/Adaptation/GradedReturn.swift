/// Why a runner could not train.
public enum UnavailabilityReason: String, Codable, CaseIterable, Sendable {
    case illness, injury, travel, other
}

/// A break in training and the graded return after it.
///
/// The rules, from return-to-run guidance (e.g. the "neck check" and graded return after illness in sports medicine
/// practice; Daniels' *Running Formula* table of adjustments after time off; Pfitzinger's advice to rebuild volume before
/// intensity):
/// - 1–3 days off: resume easy, and the first quality session after the break becomes easy.
/// - 4–7 days: the first week back is about 70 % of the volume before the break, with no quality in its first 3 days.
/// - 8–14 days: two rebuild weeks at about 50 % and 75 %, the first without quality, the second with one session at most.
/// - longer: rebuild weeks in proportion (one per week off, up to six), rising from 40 % to 90 %, the first two easy only.
/// - injury is more cautious than illness: every factor × 0.85 and one more week without quality.
public struct GradedReturn: Sendable {
    /// First day unavailable.
    public var from: CalendarDate
    /// Last day unavailable.
    public var to: CalendarDate
    /// Why.
    public var reason: UnavailabilityReason
    /// Travel only: keep short easy runs (about 30 minutes) on run days.
    public var keepShortRuns: Bool

    /// Creates a break.
    public init(from: CalendarDate, to: CalendarDate, reason: UnavailabilityReason, keepShortRuns: Bool = false) {
        self.from = from
        self.to = to
        self.reason = reason
        self.keepShortRuns = keepShortRuns
    }

    /// Days off.
    public var length: Int { from.days(to: to) + 1 }

    /// The rebuild weeks after the break: each week's volume factor and whether quality is allowed (and how soon).
    public var rebuildWeeks: [(factor: Double, qualityAllowed: Bool)] {
        let cautious = reason == .injury
        var weeks: [(Double, Bool)]
        switch length {
        case ...3: weeks = [(1.0, true)]
        case 4...7: weeks = [(0.7, true)]
        case 8...14: weeks = [(0.5, false), (0.75, true)]
        default:
            let count = min(6, (length + 6) / 7)
            weeks = (0..<count).map { index in (0.4 + 0.5 * Double(index) / Double(max(1, count - 1)), index >= 2) }
        }
        if cautious {
            weeks = weeks.map { (max(0.3, $0.0 * 0.85), $0.1) }
            if let firstQuality = weeks.firstIndex(where: \.1) { weeks[firstQuality].1 = false }
            if length >= 4 { weeks.append((min(1, (weeks.last?.0 ?? 0.85) + 0.1), true)) }
        }
        return weeks
    }

    /// The plan with the break and the return applied to the days from `today` on (past days and the race day are kept).
    public func apply(to days: [PlannedDay], today: CalendarDate, raceDate: CalendarDate, easyPace: PaceRange) -> PlanEdit {
        var edited = days.sorted { $0.date < $1.date }
        var warnings: [String] = []
        func changeable(_ day: PlannedDay) -> Bool { day.date >= today && day.date < raceDate && day.plannedData.type != .race }
        let label = reason == .other ? "Unavailable" : reason.rawValue.capitalized
        // The break itself.
        for index in edited.indices where edited[index].date >= from && edited[index].date <= to && changeable(edited[index]) {
            let workout = edited[index].plannedData
            if reason == .travel, keepShortRuns, workout.type.isRun {
                edited[index].plannedData = WorkoutReshaping.easy(distanceMeters: 1800 / easyPace.midSecondsPerKm * 1000, pace: easyPace,
                                                                   note: "Travel: a short easy run, about 30 minutes, if you can.")
            } else {
                edited[index].plannedData = WorkoutReshaping.rest("\(label): no training. Was: \(workout.title).")
            }
        }
        // Volume before the break: the planned distance of the 7 days before it.
        let before = days.filter { $0.date >= from.adding(days: -7) && $0.date < from }.map(\.plannedData.distanceMeters).reduce(0, +)
        let resume = to.adding(days: 1)
        if length <= 3 {
            // Resume easy: the first run after the break is easy, and the first quality session becomes easy.
            var convertedQuality = false
            var firstRun = true
            for index in edited.indices where edited[index].date >= resume && changeable(edited[index]) && edited[index].date < resume.adding(days: 7) {
                let workout = edited[index].plannedData
                guard workout.type.isRun else { continue }
                if workout.type.isQuality && !convertedQuality {
                    edited[index].plannedData = WorkoutReshaping.easy(distanceMeters: workout.distanceMeters, pace: easyPace, note: "Back after \(length) day\(length == 1 ? "" : "s") off: easy instead of \(workout.title.lowercased()).")
                    convertedQuality = true
                } else if firstRun && workout.type != .easy && workout.type != .recovery {
                    edited[index].plannedData = WorkoutReshaping.easy(distanceMeters: min(workout.distanceMeters, 8000), pace: easyPace, note: "First run back: easy.")
                }
                firstRun = false
            }
            return PlanEdit(days: edited, warnings: warnings)
        }
        for (weekIndex, week) in rebuildWeeks.enumerated() {
            let start = resume.adding(days: 7 * weekIndex)
            let end = start.adding(days: 6)
            let window = edited.indices.filter { edited[$0].date >= start && edited[$0].date <= end && changeable(edited[$0]) }
            let planned = window.map { edited[$0].plannedData.distanceMeters }.reduce(0, +)
            guard planned > 0 else { continue }
            let target = (before > 0 ? before : planned) * week.factor
            let factor = min(1, target / planned)
            var qualityLeft = week.qualityAllowed ? 1 : 0
            for index in window {
                let workout = edited[index].plannedData
                guard workout.type.isRun else { continue }
                let noQualityYet = weekIndex == 0 && edited[index].date < resume.adding(days: 3)
                if workout.type.isQuality {
                    if qualityLeft > 0 && !noQualityYet {
                        qualityLeft -= 1  // kept as planned: one session brings intensity back
                    } else {
                        edited[index].plannedData = WorkoutReshaping.easy(distanceMeters: workout.distanceMeters * factor, pace: easyPace,
                                                                           note: "Rebuild week \(weekIndex + 1) after \(length) days off: easy instead of \(workout.title.lowercased()).")
                    }
                } else {
                    edited[index].plannedData = WorkoutReshaping.scaled(workout, by: factor, easyPace: easyPace, note: "Rebuild week \(weekIndex + 1) after \(length) days off:")
                }
            }
            warnings.append("Rebuild week \(weekIndex + 1) (from \(start)): about \(Int((week.factor * 100).rounded())) % of the volume before the break\(week.qualityAllowed ? ", one quality session at most" : ", easy running only").")
        }
        let rebuildEnd = resume.adding(days: 7 * rebuildWeeks.count)
        let weeksAfter = rebuildEnd.days(to: raceDate) / 7
        if rebuildEnd > raceDate || (length > 7 && weeksAfter < 3) {
            warnings.append("Too few weeks remain after the rebuild to be ready as planned: race for the new target time, or choose a later race.")
        }
        return PlanEdit(days: edited, warnings: warnings)
    }

    /// The VDOT lost to a break: nothing for a week, then about 0.15 a day (detraining: VO2max falls about 4–7 % in two
    /// to four weeks off, Coyle et al. 1984), more for injury, at most 6.
    public var vdotLoss: Double {
        let days = max(0, length - 7)
        return min(6, Double(days) * (reason == .injury ? 0.2 : 0.15))
    }

    /// Whether the return leaves too few weeks to be race-ready, so a new target time is proposed.
    public func needsNewTarget(raceDate: CalendarDate) -> Bool {
        let rebuildEnd = to.adding(days: 1 + 7 * rebuildWeeks.count)
        return vdotLoss > 0 && (rebuildEnd > raceDate || rebuildEnd.days(to: raceDate) / 7 < 3)
    }
}
