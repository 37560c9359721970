/// Why a plan adapts (or does not), with the rule behind it.
public struct AdaptationReason: Codable, Hashable, Sendable {
    /// `missedSessions`, `missedWeek`, `loadSpike`, `fitnessUp`, `fitnessDown` or `onTrack`.
    public var code: String
    /// What was seen and what changes, in words.
    public var message: String

    /// Creates a reason.
    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }
}

/// Where the adapted plan leads.
public struct AdaptationProjection: Codable, Hashable, Sendable {
    /// The highest projected ACWR over the next 28 days (nil while there is no chronic load).
    public var acwrMax: Double?
    /// The largest planned week from today on, in metres.
    public var peakWeekMeters: Double

    /// Creates a projection.
    public init(acwrMax: Double?, peakWeekMeters: Double) {
        self.acwrMax = acwrMax
        self.peakWeekMeters = peakWeekMeters
    }
}

/// What happened up to today, as the adaptation reads it.
public struct TrainingHistory: Sendable {
    /// Recorded running load per local date.
    public var loads: [CalendarDate: Double]
    /// Recorded running distance per local date, in metres.
    public var distances: [CalendarDate: Double]
    /// The VDOT of a recent race-like run, when there is one (not the profile's).
    public var predictedVDOT: Double?

    /// Creates a history.
    public init(loads: [CalendarDate: Double], distances: [CalendarDate: Double], predictedVDOT: Double?) {
        self.loads = loads
        self.distances = distances
        self.predictedVDOT = predictedVDOT
    }
}

/// The proposal of `plan.adapt`: reasons, the days as they would be, and where that leads.
public struct AdaptationProposal: Hashable, Sendable {
    /// Why, rule by rule; `onTrack` alone when nothing changes.
    public var reasons: [AdaptationReason]
    /// Every day of the plan as it would be (ids kept).
    public var days: [PlannedDay]
    /// Where the adapted plan leads.
    public var projected: AdaptationProjection
}

/// Automatic adaptation: deterministic rules over the plan and what happened up to today. Never touches the past,
/// the race day or executed snapshots; changes the taper only as much as a rule needs.
///
/// - `missedWeek`: the last 7 days hold almost nothing (under 10 % of the planned distance) although runs were planned:
///   the return is graded as after illness, from today, for the days since the last run.
/// - `missedSessions`: the last 7 days' load is under 60 % of the planned load: the coming 7 days are cut back to a safe
///   step from what was run (at most 15 % over it, and not under half the plan) and keep one quality session at most,
///   so missed sessions are not stacked.
/// - `loadSpike`: the projected ACWR over the next 14 days would pass 1.3: the runs of the 7 days leading to the spike
///   are shortened until it does not (Gabbett 2016; a spike indicator, not an injury predictor). Only with at least
///   28 days of recorded history: before that the ratio is an artefact of the empty chronic window.
/// - `fitnessUp` / `fitnessDown`: a recent race-like run's VDOT differs from the plan's by 1.5 or more: every future
///   pace moves to the same zone of the new VDOT.
/// - `onTrack`: none of these: nothing changes and no revision is written.
public enum Adaptation {
    /// The ACWR above which the coming load is smoothed.
    public static let acwrLimit = 1.3
    /// The VDOT difference that re-paces the plan.
    public static let vdotThreshold = 1.5

    /// The proposal for `days` (the whole plan) on `today`; `plannedLoad` gives a planned workout's load.
    public static func propose(
        days: [PlannedDay], today: CalendarDate, raceDate: CalendarDate, history: TrainingHistory, plannedLoad: (PlannedWorkout) -> Double
    ) -> AdaptationProposal {
        var edited = days.sorted { $0.date < $1.date }
        var reasons: [AdaptationReason] = []
        let easyPace = WorkoutReshaping.easyPace(of: days) ?? PaceRange(minSecondsPerKm: 360, maxSecondsPerKm: 400)
        func changeable(_ day: PlannedDay) -> Bool { day.date >= today && day.date < raceDate && day.plannedData.type != .race }
        let lastWeek = edited.filter { $0.date >= today.adding(days: -7) && $0.date < today }
        let plannedDistance = lastWeek.map(\.plannedData.distanceMeters).reduce(0, +)
        let plannedRuns = lastWeek.filter { $0.plannedData.type.isRun }.count
        let plannedLoadLastWeek = lastWeek.map { plannedLoad($0.plannedData) }.reduce(0, +)
        let ranDistance = (1...7).map { history.distances[today.adding(days: -$0)] ?? 0 }.reduce(0, +)
        let ranLoad = (1...7).map { history.loads[today.adding(days: -$0)] ?? 0 }.reduce(0, +)

        if plannedRuns >= 2, plannedDistance > 0, ranDistance < 0.1 * plannedDistance {
            let lastRun = history.distances.filter { $0.value > 0 && $0.key < today }.keys.max()
            let daysOff = max(7, lastRun.map { $0.days(to: today) - 1 } ?? 7)
            let rebuild = GradedReturn(from: today.adding(days: -daysOff), to: today.adding(days: -1), reason: .illness)
            edited = rebuild.apply(to: edited, today: today, raceDate: raceDate, easyPace: easyPace).days
            reasons.append(AdaptationReason(code: "missedWeek", message: "The last 7 days hold \(Format.distance(ranDistance)) of the \(Format.distance(plannedDistance)) planned (\(daysOff) days without a run): the return is graded as after illness, \(rebuild.rebuildWeeks.map { "\(Int(($0.factor * 100).rounded())) %" }.joined(separator: " then ")) of the volume, intensity last."))
        } else if plannedLoadLastWeek > 0, ranLoad < 0.6 * plannedLoadLastWeek {
            let coming = edited.indices.filter { edited[$0].date >= today && edited[$0].date < today.adding(days: 7) && changeable(edited[$0]) }
            let comingDistance = coming.map { edited[$0].plannedData.distanceMeters }.reduce(0, +)
            let allowed = max(ranDistance * 1.15, comingDistance * 0.5)
            let factor = comingDistance > 0 ? min(1, allowed / comingDistance) : 1
            var qualityKept = 0
            for index in coming {
                let workout = edited[index].plannedData
                if workout.type.isQuality {
                    qualityKept += 1
                    if qualityKept > 1 {
                        edited[index].plannedData = WorkoutReshaping.easy(distanceMeters: workout.distanceMeters * factor, pace: easyPace, note: "Missed sessions are not stacked: easy instead of \(workout.title.lowercased()).")
                    }
                } else if factor < 0.999 {
                    edited[index].plannedData = WorkoutReshaping.scaled(workout, by: factor, easyPace: easyPace, note: "Cut back after missed sessions:")
                }
            }
            reasons.append(AdaptationReason(code: "missedSessions", message: "The last 7 days' load was \(Int(ranLoad.rounded())) of \(Int(plannedLoadLastWeek.rounded())) planned (\(Int((100 * ranLoad / plannedLoadLastWeek).rounded())) %): the coming week is cut to \(Int((factor * 100).rounded())) % (about \(Format.distance(comingDistance * factor))), one quality session at most."))
        }

        // Fitness changed: re-pace the future.
        if let predicted = history.predictedVDOT, let planVDOT = WorkoutReshaping.vdot(of: days), abs(predicted - planVDOT) >= vdotThreshold {
            let old = VDOT.paces(vdot: planVDOT), new = VDOT.paces(vdot: predicted)
            for index in edited.indices where changeable(edited[index]) && edited[index].plannedData.type.isRun {
                edited[index].plannedData = WorkoutReshaping.repaced(edited[index].plannedData, from: old, to: new)
            }
            let code = predicted > planVDOT ? "fitnessUp" : "fitnessDown"
            reasons.append(AdaptationReason(code: code, message: String(format: "A recent race-like run shows VDOT %.1f against the plan's %.1f: every coming pace moves to the new fitness (easy now %@–%@/km, threshold %@/km).", predicted, planVDOT, Format.pace(new.easy.minSecondsPerKm), Format.pace(new.easy.maxSecondsPerKm), Format.pace(new.threshold.midSecondsPerKm))))
        }

        // Load spike: smooth the days leading to it. The ratio means nothing without four weeks of history.
        var spikeSmoothed = false
        let hasChronicHistory = history.loads.filter { $0.value > 0 }.keys.min().map { $0 <= today.adding(days: -28) } ?? false
        for _ in 0..<(hasChronicHistory ? 30 : 0) {
            let series = projection(edited, today: today, history: history, plannedLoad: plannedLoad, days: 14)
            guard let spike = series.first(where: { ($0.acwr ?? 0) > acwrLimit && $0.projected }) else { break }
            let window = edited.indices.filter { edited[$0].date > spike.date.adding(days: -7) && edited[$0].date <= spike.date && changeable(edited[$0]) && edited[$0].plannedData.type.isRun }
            guard !window.isEmpty else { break }
            for index in window {
                edited[index].plannedData = WorkoutReshaping.scaled(edited[index].plannedData, by: 0.85, easyPace: easyPace, note: "Smoothed to avoid a load spike:")
            }
            spikeSmoothed = true
        }
        if spikeSmoothed {
            let original = projection(days.sorted { $0.date < $1.date }, today: today, history: history, plannedLoad: plannedLoad, days: 14)
            let peak = original.compactMap(\.acwr).max() ?? 0
            reasons.append(AdaptationReason(code: "loadSpike", message: String(format: "The coming days would take the acute:chronic load ratio to %.2f (over %.1f): the runs before it are shortened.", peak, acwrLimit)))
        }
        if reasons.isEmpty {
            edited = days.sorted { $0.date < $1.date }
            reasons.append(AdaptationReason(code: "onTrack", message: "What was run matches the plan closely enough: nothing changes."))
        }
        let ahead = projection(edited, today: today, history: history, plannedLoad: plannedLoad, days: 28)
        let weeks = Dictionary(grouping: edited.filter { $0.date >= today }, by: \.weekIndex).values.map { $0.map(\.plannedData.distanceMeters).reduce(0, +) }
        return AdaptationProposal(
            reasons: reasons, days: edited,
            projected: AdaptationProjection(acwrMax: ahead.compactMap(\.acwr).max().map { ($0 * 100).rounded() / 100 }, peakWeekMeters: weeks.max() ?? 0)
        )
    }

    /// The series from today over `days` days, the recorded past and the planned future.
    static func projection(_ days: [PlannedDay], today: CalendarDate, history: TrainingHistory, plannedLoad: (PlannedWorkout) -> Double, days count: Int) -> [FitnessDay] {
        var planned: [CalendarDate: Double] = [:]
        for day in days where day.date > today && day.date <= today.adding(days: count) { planned[day.date, default: 0] += plannedLoad(day.plannedData) }
        // The same series athlete.fitness shows: recorded up to today, planned after it.
        return FitnessSeries.days(loads: history.loads, plannedLoads: planned, from: today, to: today.adding(days: count), today: today)
    }
}
