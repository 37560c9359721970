/// Turns a day's role and distance into the `PlannedWorkout` a runner reads: title, description, paces, steps.
struct WorkoutFactory: Sendable {
    /// The plan's paces.
    let paces: TrainingPaces
    /// Pace for recovery jogs between reps (the slow end of easy and a little slower).
    let jog: PaceRange
    /// Pace for recovery runs.
    let recoveryPace: PaceRange
    /// Realistic race pace for race-specific work.
    let racePace: PaceRange
    /// Goal pace for race day.
    let goalPace: PaceRange
    /// The race family.
    let category: RaceCategory
    /// The race distance in metres.
    let raceDistance: Double
    /// The goal time in seconds.
    let goalTime: Double
    /// The race's name.
    let raceName: String

    /// Builds the paces derived from the plan paces.
    init(paces: TrainingPaces, racePace: PaceRange, goalPace: PaceRange, category: RaceCategory, raceDistance: Double, goalTime: Double, raceName: String) {
        self.paces = paces
        let slow = min(paces.easy.maxSecondsPerKm + 30, 900)
        jog = PaceRange(minSecondsPerKm: min(paces.easy.maxSecondsPerKm, slow), maxSecondsPerKm: slow)
        recoveryPace = PaceRange(minSecondsPerKm: min(paces.easy.maxSecondsPerKm - 10, 890), maxSecondsPerKm: min(paces.easy.maxSecondsPerKm + 15, 900))
        self.racePace = racePace
        self.goalPace = goalPace
        self.category = category
        self.raceDistance = raceDistance
        self.goalTime = goalTime
        self.raceName = raceName
    }

    /// The design of `kind` for a week of `weeklyMeters`.
    func design(_ kind: SessionKind, weeklyMeters: Double) -> SessionDesign {
        SessionDesign(kind, weeklyMeters: weeklyMeters, paces: paces, jog: jog, racePace: racePace, category: category)
    }

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
                + "Why: easy miles build your aerobic base, capillaries and durability with little fatigue, so you can absorb the hard days."
        return steadyRun(type: .easy, units: units, pace: paces.easy, zone: 2, title: "Easy run \(km) km", description: text)
    }

    /// A recovery run.
    func recovery(units: Int, afterRace: Bool = false) -> PlannedWorkout {
        let km = Format.kilometers(Double(units * 100))
        let text = afterRace
            ? "A very easy jog (\(Format.paceRange(recoveryPace)) or slower) only if you feel good; walking or a day off is fine too. Your legs are still recovering from the race."
            : "A short, very easy run (\(Format.paceRange(recoveryPace)) or slower) to loosen up after a hard day. If anything hurts, walk or take the day off."
        return steadyRun(type: .recovery, units: units, pace: recoveryPace, zone: 1,
                         title: afterRace ? "Recovery jog \(km) km" : "Recovery run \(km) km", description: text)
    }

    /// An easy run finishing with `count` strides of 100 m (each with 100 m walk/jog back).
    func strides(units: Int, count: Int) -> PlannedWorkout {
        let steady = units - count * 2
        return finish(
            type: .strides, title: "Easy \(Format.kilometers(Double(units * 100))) km + \(count) strides",
            description: "Easy running at \(Format.paceRange(paces.easy)), then \(count) × 100 m strides: accelerate smoothly to about mile race pace "
                + "(R, \(Format.paceRange(paces.repetition))), hold it briefly, float down, and walk or jog back fully recovered. "
                + "Why: keeps leg speed and good form without fatigue; strides are not a hard session.",
            pace: paces.easy, zone: 2,
            segments: [
                SegmentMath.step(.steady, units: steady, pace: paces.easy, zone: 2),
                SegmentMath.repeated(count, [
                    SegmentMath.step(.work, units: 1, pace: paces.repetition, zone: nil, note: "stride"),
                    SegmentMath.step(.recovery, units: 1, pace: jog, zone: 1, note: "walk or jog back"),
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
        let minutes = SegmentMath.seconds(segments)
        let size = byTime ? "\(Format.duration(minutes)) (≈ \(Format.kilometers(meters)) km)" : "\(Format.kilometers(meters)) km"
        let title: String
        var text: String
        if backToBack {
            title = "Back-to-back long run \(size)"
            text = "The first of two long runs on consecutive days, at an easy, steady effort (\(Format.paceRange(paces.easy))). "
                + "Tomorrow's long run starts on tired legs, like the second half of an ultra. Walk the climbs you would walk in the race and practise eating on the move."
        } else if finishUnits > 0 {
            title = "Long run \(Format.kilometers(meters)) km, last \(Format.kilometers(Double(finishUnits * 100))) km at M"
            text = "Run easy (\(Format.paceRange(paces.easy))) and finish the last \(Format.kilometers(Double(finishUnits * 100))) km at marathon pace "
                + "(\(Format.paceRange(paces.marathon))). Rehearse race-day fuelling. Why: practises race rhythm on tired legs; this counts as a quality session."
        } else {
            title = "Long run \(size)"
            text = "Long run at easy pace (\(Format.paceRange(paces.easy))): start relaxed and stay conversational; take water, and fuel if you are out for more than 90 minutes. "
                + "Why: endurance. More capillaries and mitochondria, more stored glycogen, better fat burning and tougher legs."
            if byTime { text += " Go by time, not distance: on trails the kilometres come slower." }
        }
        return finish(type: .long, title: title, description: text, pace: paces.easy, zone: finishUnits > 0 ? 3 : 2, segments: segments)
    }

    /// A quality session: warm-up, the design's core, cool-down.
    func quality(_ design: SessionDesign, warmUpUnits: Int, coolDownUnits: Int) -> PlannedWorkout {
        let segments = [SegmentMath.step(.warmUp, units: warmUpUnits, pace: paces.easy, zone: 2, note: "easy, build into it")]
            + design.core
            + [SegmentMath.step(.coolDown, units: coolDownUnits, pace: paces.easy, zone: 2, note: "easy")]
        let text = design.about + " Warm up with \(Format.kilometers(Double(warmUpUnits * 100))) km easy and cool down with \(Format.kilometers(Double(coolDownUnits * 100))) km easy."
        return finish(type: design.type, title: design.title, description: text, pace: design.mainPace, zone: design.zone, segments: segments)
    }

    /// The 20-minute shakeout the day before the race.
    func shakeout(units: Int) -> PlannedWorkout {
        steadyRun(type: .easy, units: units, pace: paces.easy, zone: 1, title: "Shakeout: \(Format.kilometers(Double(units * 100))) km easy",
                  description: "About 20 minutes of very easy jogging, with 3–4 relaxed strides at the end if you like. "
                    + "Lay out your race kit, eat familiar food, drink normally and get to bed early. Tomorrow is the day.")
    }

    /// Race day.
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
            kind: .work, distanceMeters: raceDistance, durationSeconds: goalTime.rounded(), targetPace: goalPace, heartRateZone: zone, note: "race"
        )
        return PlannedWorkout(
            type: .race, title: "Race: \(name)",
            description: "Race day: \(name), \(Format.kilometers(raceDistance)) km. Goal \(Format.clock(goalTime)), about \(Format.paceRange(goalPace)). "
                + "\(warmUp) Start a touch conservatively, settle into goal pace, and push over the final stretch. Trust your training.",
            distanceMeters: raceDistance, durationSeconds: goalTime.rounded(), targetPace: goalPace, heartRateZone: zone, segments: [segment]
        )
    }

    /// Assembles a run: distance and duration from the steps.
    func finish(type: WorkoutType, title: String, description: String, pace: PaceRange, zone: Int, segments: [WorkoutSegment]) -> PlannedWorkout {
        PlannedWorkout(
            type: type, title: title, description: description,
            distanceMeters: SegmentMath.meters(segments), durationSeconds: SegmentMath.seconds(segments).rounded(),
            targetPace: pace, heartRateZone: zone, segments: segments
        )
    }
}
