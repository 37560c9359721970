/// Turns a day's role and distance into the `PlannedWorkout` a runner reads: title, description, paces, steps.
///
/// Heart-rate zones follow `HeartRateZones` so that they agree with the paces: easy, long and recovery runs
/// zone 2 (65–79 % HRmax), marathon pace 3, threshold and half-marathon pace 4, intervals and 5K/10K race pace 5;
/// repetitions, strides and hills have no zone (heart rate lags behind efforts that short).
struct WorkoutFactory: Sendable {
    /// The plan's paces.
    let paces: TrainingPaces
    /// Pace for recovery runs.
    let recoveryPace: PaceRange
    /// Target race pace, for race-specific work and race day.
    let racePace: PaceRange
    /// The race family.
    let category: RaceCategory
    /// The race distance in metres.
    let raceDistance: Double
    /// The target time in seconds.
    let targetTime: Double
    /// The goal time in seconds, when it differs from the target.
    let goalTime: Double
    /// The race's name.
    let raceName: String
    /// Whether easy and long runs offer a run/walk option (the least fit).
    let runWalk: Bool
    /// What sessions are designed from.
    let context: SessionDesign.Context

    /// Builds the paces derived from the plan paces.
    init(paces: TrainingPaces, racePace: PaceRange, category: RaceCategory, raceDistance: Double, targetTime: Double, goalTime: Double,
         raceName: String, runWalk: Bool, maxMarathonPaceMeters: Double) {
        self.paces = paces
        recoveryPace = PaceRange(minSecondsPerKm: min(paces.easy.maxSecondsPerKm - 10, 890), maxSecondsPerKm: min(paces.easy.maxSecondsPerKm + 15, 900))
        self.racePace = racePace
        self.category = category
        self.raceDistance = raceDistance
        self.targetTime = targetTime
        self.goalTime = goalTime
        self.raceName = raceName
        self.runWalk = runWalk
        context = SessionDesign.Context(paces: paces, racePace: racePace, category: category, maxMarathonPaceMeters: maxMarathonPaceMeters)
    }

    /// Pace at which steps without a pace (strides, hills, jogs) are estimated, seconds per km.
    var estimate: Double { paces.easy.midSecondsPerKm }

    /// The design of `kind` for a week of `weeklyMeters`, the `step`-th of its kind.
    func design(_ kind: SessionKind, weeklyMeters: Double, step: Int) -> SessionDesign {
        SessionDesign(kind, weeklyMeters: weeklyMeters, step: step, context: context)
    }

    /// The run/walk sentence for the least fit, or an empty string.
    var runWalkNote: String {
        runWalk ? " If you cannot yet run the whole time comfortably, run/walk it: 4 minutes running, 1 minute walking, and keep the same total time." : ""
    }

    /// Units of `count` strides (20 s each with 60 s back), estimated at easy pace.
    func strideUnits(count: Int) -> Int { SegmentMath.units(meters: Double(count) * 80 / estimate * 1000) }

    /// A rest day.
    func rest(afterRace: Bool) -> PlannedWorkout {
        PlannedWorkout(
            type: .rest, title: afterRace ? "Rest: post-race recovery" : "Rest day",
            description: afterRace
                ? "No running: let your muscles repair after the race. A walk is fine if you feel like moving. Celebrate what you achieved."
                : "No running today. Rest is when training turns into fitness: sleep well, eat well; an easy walk, mobility work or gentle stretching are fine.",
            distanceMeters: 0, durationSeconds: 0, targetPace: nil, heartRateZone: nil, segments: []
        )
    }

    /// A run of one steady segment.
    func steadyRun(type: WorkoutType, units: Int, pace: PaceRange, zone: Int, title: String, description: String) -> PlannedWorkout {
        finish(type: type, title: title, description: description, pace: pace, zone: zone,
               segments: [SegmentMath.step(.steady, units: units, pace: pace, zone: zone)])
    }

    /// An easy run.
    func easy(units: Int, raceWeek: Bool = false) -> PlannedWorkout {
        let km = Format.kilometers(Double(units * 100))
        let text = raceWeek
            ? "A short easy run at \(Format.paceRange(paces.easy)). The work is done: this keeps you loose while the taper freshens you up. Keep it relaxed."
            : "Easy running at \(Format.paceRange(paces.easy)): fully conversational, relaxed from start to finish. "
                + "Why: easy miles build your aerobic base, capillaries and durability with little fatigue, so you can absorb the hard days." + runWalkNote
        return steadyRun(type: .easy, units: units, pace: paces.easy, zone: 2, title: "Easy run \(km) km", description: text)
    }

    /// A recovery run.
    func recovery(units: Int, afterRace: Bool = false) -> PlannedWorkout {
        let km = Format.kilometers(Double(units * 100))
        let text = afterRace
            ? "A very easy jog (\(Format.paceRange(recoveryPace)) or slower) only if you feel good; walking or a day off is fine too. Your legs are still recovering from the race."
            : "A short, very easy run (\(Format.paceRange(recoveryPace)) or slower) to loosen up after a hard day. If anything hurts, walk or take the day off."
        return steadyRun(type: .recovery, units: units, pace: recoveryPace, zone: 2,
                         title: afterRace ? "Recovery jog \(km) km" : "Recovery run \(km) km", description: text)
    }

    /// An easy run finishing with `count` strides of 20 seconds (each with 60 seconds walking or jogging back), by effort.
    func strides(units: Int, count: Int) -> PlannedWorkout {
        let steady = max(1, units - strideUnits(count: count))
        return finish(
            type: .strides, title: "Easy \(Format.kilometers(Double(units * 100))) km + \(count) strides",
            description: "Easy running at \(Format.paceRange(paces.easy)), then \(count) strides of about 20 seconds: accelerate smoothly to a fast but relaxed "
                + "effort (about mile race pace), hold it briefly, float down, and walk or jog back for about a minute. Go by feel, not by the watch. "
                + "Why: keeps leg speed and good form without fatigue; strides are not a hard session." + runWalkNote,
            pace: paces.easy, zone: 2,
            segments: [
                SegmentMath.step(.steady, units: steady, pace: paces.easy, zone: 2),
                SegmentMath.repeated(count, [
                    SegmentMath.timed(.work, seconds: 20, effort: "fast but relaxed", note: "stride"),
                    SegmentMath.timed(.recovery, seconds: 60, effort: "walk or easy jog", note: "walk or jog back"),
                ]),
            ]
        )
    }

    /// The long run; `finishUnits` > 0 adds a marathon-pace finish; `byTime` titles it by duration (ultras).
    func long(units: Int, finishUnits: Int, byTime: Bool, backToBack: Bool = false) -> PlannedWorkout {
        let meters = Double(units * 100)
        var segments = [SegmentMath.step(.steady, units: units - finishUnits, pace: paces.easy, zone: 2)]
        if finishUnits > 0 {
            segments.append(SegmentMath.step(.work, units: finishUnits, pace: paces.marathon, zone: 3, note: "marathon-pace finish"))
        }
        let minutes = SegmentMath.seconds(segments, estimate: estimate)
        let size = byTime ? "\(Format.duration(minutes)) (≈ \(Format.kilometers(meters)) km)" : "\(Format.kilometers(meters)) km"
        let title: String
        var text: String
        if backToBack {
            title = "Back-to-back long run \(size)"
            text = "The first of two long runs on consecutive days, at an easy, steady effort (\(Format.paceRange(paces.easy))). "
                + "Tomorrow's long run starts on tired legs, like the second half of an ultra. Walk the climbs you would walk in the race and practise eating on the move."
        } else if finishUnits > 0 {
            title = "Long run \(Format.kilometers(meters)) km, last \(Format.kilometers(Double(finishUnits * 100))) km at M"
            text = "Run easy (\(Format.paceRange(paces.easy))) and finish the last \(Format.kilometers(Double(finishUnits * 100))) km at your target marathon pace "
                + "(\(Format.paceRange(paces.marathon))). Rehearse race-day fuelling. Why: practises race rhythm on tired legs; this counts as a quality session."
        } else {
            title = "Long run \(size)"
            text = "Long run at easy pace (\(Format.paceRange(paces.easy))): start relaxed and stay conversational; take water, and fuel if you are out for more than 90 minutes. "
                + "Why: endurance. More capillaries and mitochondria, more stored glycogen, better fat burning and tougher legs."
            if byTime { text += " Go by time, not distance: on trails the kilometres come slower." }
            text += runWalkNote
        }
        return finish(type: .long, title: title, description: text, pace: paces.easy, zone: finishUnits > 0 ? 3 : 2, segments: segments)
    }

    /// A quality session: warm-up, the design's core, cool-down.
    func quality(_ design: SessionDesign, warmUpUnits: Int, coolDownUnits: Int) -> PlannedWorkout {
        let segments = [SegmentMath.step(.warmUp, units: warmUpUnits, pace: paces.easy, zone: 2, note: "easy, build into it")]
            + design.core
            + [SegmentMath.step(.coolDown, units: coolDownUnits, pace: paces.easy, zone: 2, note: "easy")]
        let text = design.about + " Warm up with \(Format.kilometers(Double(warmUpUnits * 100))) km easy and cool down with \(Format.kilometers(Double(coolDownUnits * 100))) km easy."
        return finish(type: design.type, title: design.title, description: text, pace: design.mainPace, zone: design.zone,
                      effort: design.mainEffort, segments: segments)
    }

    /// The 20-minute shakeout the day before the race.
    func shakeout(units: Int) -> PlannedWorkout {
        steadyRun(type: .easy, units: units, pace: paces.easy, zone: 2, title: "Shakeout: \(Format.kilometers(Double(units * 100))) km easy",
                  description: "About 20 minutes of very easy jogging, with 3–4 relaxed strides at the end if you like. "
                    + "Lay out your race kit, eat familiar food, drink normally and get to bed early. Tomorrow is the day.")
    }

    /// Race day, at the target.
    func race() -> PlannedWorkout {
        let zone: Int
        switch category {
        case .fiveK, .tenK: zone = 5
        case .half: zone = 4
        case .marathon, .ultra: zone = 3
        }
        let warmUp = category == .fiveK || category == .tenK
            ? "Warm up with 10–15 minutes of easy jogging and a few strides."
            : "Keep the warm-up to a few minutes of walking and easy jogging; save your energy."
        let name = raceName.isEmpty ? "Race" : raceName
        let segment = WorkoutSegment(
            kind: .work, distanceMeters: raceDistance, durationSeconds: targetTime.rounded(), targetPace: racePace, heartRateZone: zone, note: "race"
        )
        let goalNote = abs(goalTime - targetTime) > 1
            ? " Your goal of \(Format.clock(goalTime)) is beyond what this block can realistically build, so run for \(Format.clock(targetTime)) and keep the goal for a later race."
            : ""
        let ultraNote = category == .ultra ? " Ultra times depend on terrain, heat and fuelling far more than on fitness: treat the target as a guide and run by effort." : ""
        return PlannedWorkout(
            type: .race, title: "Race: \(name)",
            description: "Race day: \(name), \(Format.kilometers(raceDistance)) km. Target \(Format.clock(targetTime)), about \(Format.paceRange(racePace)).\(goalNote) "
                + "\(warmUp) Start a touch conservatively, settle into target pace, and push over the final stretch. Trust your training.\(ultraNote)",
            distanceMeters: raceDistance, durationSeconds: targetTime.rounded(), targetPace: racePace, heartRateZone: zone, segments: [segment]
        )
    }

    /// Assembles a run: distance (whole 100 m) and duration from the steps.
    func finish(type: WorkoutType, title: String, description: String, pace: PaceRange?, zone: Int?, effort: String? = nil, segments: [WorkoutSegment]) -> PlannedWorkout {
        PlannedWorkout(
            type: type, title: title, description: description,
            distanceMeters: (SegmentMath.meters(segments, estimate: estimate) / 100).rounded() * 100,
            durationSeconds: SegmentMath.seconds(segments, estimate: estimate).rounded(),
            targetPace: pace, heartRateZone: zone, targetEffort: effort, segments: segments
        )
    }
}
