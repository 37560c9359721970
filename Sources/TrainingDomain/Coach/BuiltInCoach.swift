/// The built-in coach: turns a `PlanRequest` into a periodised, deterministic `GeneratedPlan`.
///
/// The method, with sources (the full rules are in `ARCH_SECTION_COACH.md` / TRAINING_ARCHITECTURE.md):
/// - Fitness and paces: Daniels' VDOT (Daniels' Running Formula, 3rd ed.); train at current fitness. Race-pace
///   work and race day use the *target* time: the goal when realistic for the weeks available, else the
///   realistic time (`FitnessAssessment`).
/// - Periodisation: base → build → peak → taper (Daniels' four phases; Pfitzinger & Douglas, *Advanced Marathoning*);
///   races under ~4 weeks away get a sharpen-taper-race plan, races far away a longer base.
/// - Volume (`VolumePlanner`): from the current weekly distance, rising evenly by at most 10 % a week to a peak set
///   by level, distance, running days and weeks available, with a cutback every fourth week (3:1).
/// - Long runs: a share of the week (25–30 % at high volume, more at low volume: `RaceCategory.maxLongShare`),
///   growing ≤ 2 km a week to the race's target (marathon ~32 km or 3 h, half ~21 km or 2.5 h). When the weeks
///   cannot reach the race's minimum long run, the request is refused with the minimum weeks (unless `acceptRisk`).
/// - Quality: at most two sessions (one for beginners) plus, for marathons, a long run with a marathon-pace block;
///   never on consecutive days nor the day before the long run; sessions progress and alternate week to week.
/// - Taper: 1 week for 5K/10K, 2 for the half, 3 for the marathon, cutting volume progressively while keeping some
///   intensity (Mujika & Padilla, *Med Sci Sports Exerc* 35, 2003).
/// Same request in, identical plan out: no randomness, clocks or hash ordering.
public struct BuiltInCoach: Sendable {
    /// Creates the coach.
    public init() {}

    /// Shortest easy run, in minutes (below it a coach prescribes rest or cross-training).
    static let shortestRunMinutes = 25.0

    /// Generates the plan for `request`, or explains which field makes it impossible; `eachWeek` receives each week
    /// as soon as it is made, final, in order (a caller may store it while the next is made).
    public func generate(_ request: PlanRequest, eachWeek: (GeneratedWeek) -> Void = { _ in }) throws(PlanRequestError) -> GeneratedPlan {
        let check = try PlanRequestCheck(request)
        let distance = request.raceDistanceMeters
        let category = check.category
        let weekCount = check.weekCount
        let fitness = try FitnessAssessment(request: request, distanceMeters: distance, weeks: weekCount)
        var warnings = fitness.warnings

        var paces = VDOT.paces(vdot: fitness.trainingVDOT)
        if category == .marathon {
            paces.marathon = VDOT.band(around: fitness.targetTime / (distance / 1000))
        } else if category == .ultra {
            paces.marathon = VDOT.band(around: RacePredictor.time(vdot: fitness.racePaceVDOT, distanceMeters: VDOT.marathonMeters) / (VDOT.marathonMeters / 1000))
        }
        let racePace = Self.clampedBand(fitness.targetTime / (distance / 1000))
        let easyMid = paces.easy.midSecondsPerKm

        // Volume the athlete runs now (or an estimate: ~20 km/week at VDOT 30 rising 1.6 km per point, by family).
        let estimatedKm = min(max((20 + (fitness.trainingVDOT - 30) * 1.6) * category.estimatedVolumeFactor, 10), 100)
        let currentMeters = request.currentWeeklyDistanceMeters ?? estimatedKm * 1000
        let level = AthleteLevel(vdot: fitness.trainingVDOT, days: check.trainingDays.count, weeklyKm: currentMeters / 1000)

        let longTarget = category.longRunTargetMeters(easySecondsPerKm: easyMid, distanceMeters: distance)
        let required = category.longRunRequiredMeters(easySecondsPerKm: easyMid)
        let easyMin = SegmentMath.units(seconds: Self.shortestRunMinutes * 60, secondsPerKm: easyMid)
        let layout = WeeklyLayout(trainingDays: check.trainingDays, longDay: check.longRunDay, category: category)

        /// Everything that depends on the number of weeks, so the minimum can be searched.
        func schedule(weeks: Int) -> (phases: PhaseLayout, cutbacks: [Bool], volume: VolumePlanner) {
            let phaseLayout = PhaseLayout(weekCount: weeks, taperWeeks: category.taperWeeks(distanceMeters: distance, weekCount: weeks),
                                          specificWeeks: category.specificWeeks)
            let cutbacks = (0..<weeks).map { $0 % 4 == 3 && $0 < phaseLayout.preTaperWeeks - 1 }
            let building = (0..<phaseLayout.preTaperWeeks).filter { !cutbacks[$0] }.count
            var ceiling = category.peakVolumeMeters(vdot: fitness.trainingVDOT, days: check.trainingDays.count, distanceMeters: distance,
                                                    preTaperWeeks: phaseLayout.preTaperWeeks)
            let start = startMeters(weeks: weeks, phases: phaseLayout)
            // At most double the starting volume in one plan, unless the race's long run needs more.
            var multiple = 2.0
            if let required {
                // The peak must carry the race's long run within the long-run share.
                var needed = 20_000.0
                while needed < 170_000 && needed * category.maxLongShare(weeklyKm: needed / 1000) < required * 1.05 { needed += 1_000 }
                ceiling = max(ceiling, needed)
                multiple = max(multiple, needed / start)
            }
            let volume = VolumePlanner(
                category: category, phases: phaseLayout.phases, cutbacks: cutbacks, start: start,
                peak: VolumePlanner.peak(start: start, ceiling: max(ceiling, min(start, ceiling * 1.5)), buildingWeeks: building, multiple: multiple),
                longTarget: longTarget, currentLong: max(Double(easyMin * 100), VolumePlanner.currentLongShare * currentMeters)
            )
            return (phaseLayout, cutbacks, volume)
        }
        /// The first week's volume: the current volume, or more when the running days need it.
        func startMeters(weeks: Int, phases: PhaseLayout) -> Double {
            let planner = RolePlanner(layout: layout, category: category, startWeekday: request.startDate.weekday.mondayBasedIndex,
                                      raceIndex: request.startDate.days(to: request.raceDate), phases: phases.phases,
                                      preTaperWeeks: phases.preTaperWeeks, level: level)
            let floor = filler(longCap: SegmentMath.units(meters: longTarget), factory: factory(maxMP: 5_000), easyMin: easyMin, easyMid: easyMid)
                .fill(roles: planner.roles(week: 0), week: .init(target: 0, strideCount: 5, longUnits: easyMin, longShare: 0.5, steps: [:], finishUnits: 0)).units
            return max(currentMeters, Double(floor * 100) / VolumePlanner.cutbackFactor + 100)
        }
        func factory(maxMP: Double) -> WorkoutFactory {
            WorkoutFactory(paces: paces, racePace: racePace, category: category, raceDistance: distance, targetTime: fitness.targetTime.rounded(),
                           goalTime: fitness.goalTime.rounded(), raceName: request.raceName, runWalk: fitness.trainingVDOT < AthleteLevel.runWalkVDOT,
                           maxMarathonPaceMeters: maxMP)
        }

        let (phaseLayout, cutbacks, volume) = schedule(weeks: weekCount)
        if let required, !volume.reaches(required) {
            let minimum = (weekCount + 1..<RaceCategory.maxWeeks + 1).first { schedule(weeks: $0).volume.reaches(required) }
            let label = RaceCategory.label(distanceMeters: distance)
            let reachable = Format.kilometers(volume.longestBeforeTaper)
            let need = Format.kilometers(required)
            if !request.acceptRisk {
                let latest = minimum.map { request.raceDate.adding(days: -7 * ($0 - 1)) }
                let advice = minimum.map { "at least \($0) weeks are needed: start by \(request.raceDate.adding(days: -7 * ($0 - 1)))" }
                    ?? "build your weekly volume first (a longer base before a race-specific plan)"
                throw PlanRequestError(
                    field: "race.date",
                    reason: "\(weekCount) week\(weekCount == 1 ? "" : "s") from \(Format.kilometers(currentMeters)) km a week can safely build the long run to about \(reachable) km, "
                        + "but a \(label) needs about \(need) km before the taper; \(advice), or pass acceptRisk to get the best plan possible anyway.",
                    kind: .notEnoughWeeks, minimumWeeks: minimum, suggestedStartDate: latest
                )
            }
            warnings.append(
                "Risky plan, as you asked: \(weekCount) weeks from \(Format.kilometers(currentMeters)) km a week can only build the long run to about \(reachable) km, "
                    + "while a \(label) needs about \(need) km. Expect the last part of the race to be hard; run it conservatively"
                    + (minimum.map { ", and next time allow \($0) weeks." } ?? ".")
            )
        }
        if weekCount <= 4 {
            warnings.append("The race is \(weekCount) week\(weekCount == 1 ? "" : "s") away: there is no time to build fitness, so this short plan keeps your current running, sharpens and tapers.")
        }

        let peakKm = volume.peak / 1000
        let maxMarathonPace: Double
        switch level {
        case .experienced: maxMarathonPace = min(max(0.2 * peakKm, 14), 22) * 1000
        case .intermediate: maxMarathonPace = min(max(0.17 * peakKm, 10), 16) * 1000
        case .beginner: maxMarathonPace = min(max(0.15 * peakKm, 5), 12) * 1000
        }
        let workoutFactory = factory(maxMP: maxMarathonPace)
        let longCap = SegmentMath.units(meters: longTarget)
        let weekFiller = filler(longCap: longCap, factory: workoutFactory, easyMin: easyMin, easyMid: easyMid)
        let planner = RolePlanner(
            layout: layout, category: category, startWeekday: request.startDate.weekday.mondayBasedIndex,
            raceIndex: request.startDate.days(to: request.raceDate), phases: phaseLayout.phases,
            preTaperWeeks: phaseLayout.preTaperWeeks, level: level
        )

        let start = SegmentMath.units(meters: volume.start)
        if let asked = request.currentWeeklyDistanceMeters, volume.start > asked * VolumePlanner.maxWeeklyGrowth + 100 {
            warnings.append(
                "You run about \(Format.kilometers(asked)) km a week, but \(check.trainingDays.count) runs a week of at least \(Int(Self.shortestRunMinutes)) minutes need about "
                    + "\(Format.kilometers(Double(start * 100))) km, so the plan starts there. If that is too big a jump, "
                    + "choose fewer training days or ease in over a few weeks before starting."
            )
        }

        var weeks: [GeneratedWeek] = []
        var reference = start
        var peakPlanned = 0
        var longest = 0.0
        var steps: [SessionKind: Int] = [:]
        var finishes = 0
        for week in 0..<weekCount {
            let roles = planner.roles(week: week)
            let phase = phaseLayout.phases[week]
            let ideal = SegmentMath.units(meters: volume.idealVolume(week: week))
            let target: Int
            if phase == .taper {
                target = min(ideal, Int(Double(peakPlanned > 0 ? peakPlanned : start) * volume.category.taperFactors(weeks: weekCount - phaseLayout.preTaperWeeks)[
                    min(week - phaseLayout.preTaperWeeks, weekCount - phaseLayout.preTaperWeeks - 1, 2)]))
            } else if cutbacks[week] {
                target = Int(Double(reference) * VolumePlanner.cutbackFactor)
            } else {
                target = week == 0 ? start : min(ideal, Int(Double(reference) * VolumePlanner.maxWeeklyGrowth))
            }
            let desiredLong = volume.desiredLong(volume: Double(target * 100), longestSoFar: longest, cutback: cutbacks[week])
            let finishMeters = min(maxMarathonPace, max(6_000, maxMarathonPace * (0.4 + 0.25 * Double(finishes))))
            let request = WeekFiller.WeekRequest(
                target: target, strideCount: phase == .base ? 6 : 5, longUnits: SegmentMath.units(meters: desiredLong),
                longShare: category.maxLongShare(weeklyKm: Double(target) / 10),
                // Taper sessions keep their intensity but shrink back to an early size.
                steps: phase == .taper ? steps.mapValues { min($0, 1) } : steps, finishUnits: SegmentMath.units(meters: finishMeters)
            )
            let (workouts, planned) = weekFiller.fill(roles: roles, week: request)
            if phase != .taper && !cutbacks[week] {
                reference = planned
                peakPlanned = max(peakPlanned, planned)
            }
            for role in roles {
                if case .quality(let kind) = role, kind != .sharpener { steps[kind, default: 0] += 1 }
            }
            for workout in workouts where workout.type == .long {
                longest = max(longest, workout.distanceMeters)
                if workout.segments.contains(where: { $0.kind == .work }) { finishes += 1 }
            }
            let days = workouts.enumerated().map { GeneratedDay(weekIndex: week, dayIndex: $0.offset, phase: phase, workout: $0.element) }
            weeks.append(GeneratedWeek(weekIndex: week, phase: phase, days: days))
            eachWeek(weeks[weeks.count - 1])
        }

        let longestBuilt = weeks.filter { $0.phase != .taper }.flatMap(\.days).map(\.workout).filter { $0.type == .long }.map(\.distanceMeters).max() ?? 0
        if let required, longestBuilt < required - 500, volume.reaches(required), phaseLayout.preTaperWeeks > 3 {
            warnings.append(
                "With \(check.trainingDays.count) running days the long run only reaches \(Format.kilometers(longestBuilt)) km before the taper "
                    + "(the long run stays within its share of the week, and the day before it stays short); a \(RaceCategory.label(distanceMeters: distance)) "
                    + "needs about \(Format.kilometers(required)) km. Another running day, away from the long run, would let it grow."
            )
        }
        if check.trainingDays.count == 3 && (category == .marathon || category == .ultra) {
            warnings.append("Three runs a week is the bare minimum for this distance: the long run takes a large share of a small week. A fourth day, even a short easy one, would help a lot.")
        }
        return GeneratedPlan(
            weeks: weeks, paces: paces, vdot: fitness.currentVDOT.map { ($0 * 10).rounded() / 10 },
            goalTimeSeconds: fitness.goalTime.rounded(), targetTimeSeconds: fitness.targetTime.rounded(),
            predictedTimeSeconds: fitness.predictedTime.map { $0.rounded() }, warnings: warnings
        )
    }

    /// The week filler for a plan: easy runs of 25 to 100 minutes, the day before the long run at most 45.
    func filler(longCap: Int, factory: WorkoutFactory, easyMin: Int, easyMid: Double) -> WeekFiller {
        WeekFiller(
            factory: factory, easyMin: easyMin,
            easyMax: max(easyMin, min(180, SegmentMath.units(seconds: 100 * 60, secondsPerKm: easyMid))),
            preLongMax: max(easyMin, SegmentMath.units(seconds: 45 * 60, secondsPerKm: easyMid)),
            raceWeekEasyMax: max(easyMin, min(80, SegmentMath.units(seconds: 40 * 60, secondsPerKm: easyMid))),
            longCap: longCap,
            shakeoutUnits: max(20, SegmentMath.units(seconds: 20 * 60, secondsPerKm: easyMid)),
            postRaceUnits: max(20, SegmentMath.units(seconds: 20 * 60, secondsPerKm: factory.recoveryPace.midSecondsPerKm)),
            longByTime: factory.category == .ultra
        )
    }

    /// A ± 3 s/km whole-second band around `secondsPerKm`, kept within 150 … 900 s/km.
    static func clampedBand(_ secondsPerKm: Double) -> PaceRange {
        let mid = min(max(secondsPerKm.rounded(), 153), 897)
        return PaceRange(minSecondsPerKm: mid - 3, maxSecondsPerKm: mid + 3)
    }
}
