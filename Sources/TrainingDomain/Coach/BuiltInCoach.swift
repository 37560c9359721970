/// The built-in coach: turns a `PlanRequest` into a periodised, deterministic `GeneratedPlan`.
///
/// The method, with sources:
/// - Fitness and paces: Daniels' VDOT (Daniels' Running Formula, 3rd ed.); train at current fitness.
/// - Periodisation: base → build → peak → taper (Daniels' four phases; Pfitzinger & Douglas, *Advanced Marathoning*).
/// - Volume: starts at the athlete's current weekly distance (or an estimate from VDOT and distance), rises at most
///   10 % a week over the previous non-cutback week (the coaching "10 % rule"; a conservative heuristic rather than
///   a proven injury shield — Buist et al., *Am J Sports Med* 36, 2008), with a ~22 % cutback every fourth week,
///   up to a peak that suits the distance and fitness.
/// - Long runs: ~30 % of the week (35 % at most, for low-mileage runners), capped per distance and at ~3 h for
///   the marathon (Daniels: ≤ 25–30 % and ≤ 150 min; Pfitzinger: marathon long runs to 32–35 km).
/// - Quality: at most two sessions plus, for marathons, a long run with a marathon-pace finish; never on
///   consecutive days nor the day before the long run. Strides on easy days do not count.
/// - Taper: 1 week for 5K/10K, 2 for the half, 3 for the marathon (2–3 for ultras), cutting volume progressively
///   while keeping some intensity (Mujika & Padilla, *Med Sci Sports Exerc* 35, 2003).
/// Same request in, identical plan out: no randomness, clocks or hash ordering.
public struct BuiltInCoach: Sendable {
    /// Creates the coach.
    public init() {}

    /// Cutback weeks plan this fraction of the previous building week.
    static let cutbackFactor = 0.78
    /// The 10 % rule.
    static let maxWeeklyGrowth = 1.10

    /// Generates the plan for `request`, or explains which field makes it impossible.
    public func generate(_ request: PlanRequest) throws(PlanRequestError) -> GeneratedPlan {
        let check = try PlanRequestCheck(request)
        let distance = request.raceDistanceMeters
        let category = check.category
        let fitness = try FitnessAssessment(request: request, distanceMeters: distance)
        var warnings = fitness.warnings

        var paces = VDOT.paces(vdot: fitness.trainingVDOT)
        if category == .marathon {
            paces.marathon = VDOT.band(around: RacePredictor.time(vdot: fitness.racePaceVDOT, distanceMeters: VDOT.marathonMeters) / (VDOT.marathonMeters / 1000))
        }
        let racePace = Self.clampedBand(RacePredictor.time(vdot: fitness.racePaceVDOT, distanceMeters: distance) / (distance / 1000))
        let goalPace = Self.clampedBand(fitness.goalTime / (distance / 1000))
        let factory = WorkoutFactory(
            paces: paces, racePace: racePace, goalPace: goalPace, category: category,
            raceDistance: distance, goalTime: fitness.goalTime.rounded(), raceName: request.raceName
        )

        let easyMid = paces.easy.midSecondsPerKm
        let easyMin = max(20, SegmentMath.units(seconds: 20 * 60, secondsPerKm: easyMid))
        let longCap = min(
            SegmentMath.units(meters: category.longRunCapMeters),
            Int(category.longRunCapMinutes(distanceMeters: distance) * 60 / easyMid * 10)
        )
        let filler = WeekFiller(
            factory: factory, easyMin: easyMin,
            easyMax: max(easyMin, min(180, SegmentMath.units(seconds: 100 * 60, secondsPerKm: easyMid))),
            raceWeekEasyMax: max(easyMin, min(80, SegmentMath.units(seconds: 40 * 60, secondsPerKm: easyMid))),
            longCap: longCap, sensibleLong: SegmentMath.units(meters: category.sensibleLongRunMeters),
            shakeoutUnits: easyMin,
            postRaceUnits: max(20, SegmentMath.units(seconds: 20 * 60, secondsPerKm: factory.recoveryPace.midSecondsPerKm)),
            longByTime: category == .ultra
        )

        let layout = WeeklyLayout(trainingDays: check.trainingDays, longDay: check.longRunDay, category: category)
        let phaseLayout = PhaseLayout(weekCount: check.weekCount, taperWeeks: category.taperWeeks(distanceMeters: distance))
        let planner = RolePlanner(
            layout: layout, category: category, startWeekday: request.startDate.weekday.mondayBasedIndex,
            raceIndex: request.startDate.days(to: request.raceDate), phases: phaseLayout.phases,
            preTaperWeeks: phaseLayout.preTaperWeeks
        )
        func strides(_ week: Int) -> Int { phaseLayout.phases[week] == .base ? 6 : 5 }

        // Volume: start, floor and peak, in units of 100 m.
        // Without a stated volume: ~20 km/week at VDOT 30 rising 1.6 km per VDOT point, scaled by race family.
        let estimatedKm = min(max((20 + (fitness.trainingVDOT - 30) * 1.6) * category.estimatedVolumeFactor, 10), 100)
        let currentUnits = SegmentMath.units(meters: request.currentWeeklyDistanceMeters ?? estimatedKm * 1000)
        let floor = filler.fill(roles: planner.roles(week: 0), target: 0, strideCount: strides(0)).units
        let start = max(currentUnits, Int((Double(floor) / Self.cutbackFactor).rounded(.up)) + 1)
        if let asked = request.currentWeeklyDistanceMeters, Double(start * 100) > asked * Self.maxWeeklyGrowth + 100 {
            warnings.append(
                "You run about \(Format.kilometers(asked)) km a week, but \(check.trainingDays.count) runs a week need at least "
                    + "\(Format.kilometers(Double(start * 100))) km to make sense, so the plan starts there. If that is too big a jump, "
                    + "choose fewer training days or ease in over a few weeks before starting."
            )
        }
        let peakTarget = SegmentMath.units(meters: category.peakVolumeMeters(vdot: fitness.trainingVDOT, days: check.trainingDays.count, distanceMeters: distance))
        let peak = max(peakTarget, min(currentUnits, peakTarget * 3 / 2), start)

        var weeks: [GeneratedWeek] = []
        var reference = start
        var peakPlanned = 0
        let taperFactors = category.taperFactors(weeks: check.weekCount - phaseLayout.preTaperWeeks)
        for week in 0..<check.weekCount {
            let roles = planner.roles(week: week)
            let phase = phaseLayout.phases[week]
            let target: Int
            let cutback = planner.isCutback(week)
            if phase != .taper {
                if week == 0 { target = min(start, peak) }
                else if cutback { target = Int(Double(reference) * Self.cutbackFactor) }
                else { target = min(Int(Double(reference) * Self.maxWeeklyGrowth), peak) }
            } else {
                let factor = taperFactors[min(week - phaseLayout.preTaperWeeks, taperFactors.count - 1)]
                target = Int(Double(peakPlanned) * factor)
            }
            let (workouts, planned) = filler.fill(roles: roles, target: target, strideCount: strides(week))
            if phase != .taper && !cutback {
                reference = planned
                peakPlanned = max(peakPlanned, planned)
            }
            let days = workouts.enumerated().map { GeneratedDay(weekIndex: week, dayIndex: $0.offset, phase: phase, workout: $0.element) }
            weeks.append(GeneratedWeek(weekIndex: week, phase: phase, days: days))
        }

        let longest = weeks.flatMap(\.days).filter { $0.workout.type == .long }.map(\.workout.distanceMeters).max() ?? 0
        if longest < 0.6 * category.sensibleLongRunMeters && category.isRoadEndurance {
            warnings.append(
                "Your longest run peaks at \(Format.kilometers(longest)) km; a \(RaceCategory.label(distanceMeters: distance)) build usually reaches about "
                    + "\(Format.kilometers(category.sensibleLongRunMeters)) km. More weeks, more running days or a higher starting volume would allow a longer build."
            )
        }
        if check.trainingDays.count == 3 && (category == .marathon || category == .ultra) {
            warnings.append("Three runs a week is the bare minimum for this distance: the long run can only be 35 % of a small week. A fourth day, even a short easy one, would help a lot.")
        }
        return GeneratedPlan(
            weeks: weeks, paces: paces, vdot: fitness.currentVDOT.map { ($0 * 10).rounded() / 10 },
            goalTimeSeconds: fitness.goalTime.rounded(), predictedTimeSeconds: fitness.predictedTime.map { $0.rounded() },
            warnings: warnings
        )
    }

    /// A ± 3 s/km whole-second band around `secondsPerKm`, kept within 150 … 900 s/km.
    static func clampedBand(_ secondsPerKm: Double) -> PaceRange {
        let mid = min(max(secondsPerKm.rounded(), 153), 897)
        return PaceRange(minSecondsPerKm: mid - 3, maxSecondsPerKm: mid + 3)
    }
}
