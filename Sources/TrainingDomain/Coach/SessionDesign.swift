/// The core of a quality session (the work and its recoveries, without warm-up and cool-down), sized for the week.
///
/// Session volumes follow Daniels' limits (Daniels' Running Formula, ch. 4): threshold running up to 10 % of the
/// week, intervals up to 8 % (and 10 km), repetitions up to 5 % (and 8 km), marathon-pace runs up to ~15–20 %.
/// Small weeks still get a meaningful minimum (2 km at T, 3 × 600–800 m at I, 4 × 200 m at R).
struct SessionDesign: Sendable {
    /// The day's workout type.
    let type: WorkoutType
    /// The calendar title.
    let title: String
    /// What to do, how it should feel and why.
    let about: String
    /// The work steps (repeats and blocks), in order.
    let core: [WorkoutSegment]
    /// The main effort's pace.
    let mainPace: PaceRange
    /// The main effort's heart-rate zone.
    let zone: Int

    /// The core's distance in units of 100 m.
    var coreUnits: Int { SegmentMath.units(meters: SegmentMath.meters(core)) }

    /// Designs `kind` for a week of `weeklyMeters`.
    init(_ kind: SessionKind, weeklyMeters: Double, paces: TrainingPaces, jog: PaceRange, racePace: PaceRange, category: RaceCategory) {
        let weeklyKm = weeklyMeters / 1000
        func clamp(_ value: Double, _ low: Double, _ high: Double) -> Double { min(max(value, low), high) }
        func jogUnits(seconds: Double) -> Int { SegmentMath.units(seconds: seconds, secondsPerKm: jog.midSecondsPerKm, minimum: 1) }
        let jogNote = "easy jog"
        switch kind {
        case .cruiseIntervals:
            let work = clamp(0.10 * weeklyMeters, 2_000, 10_000)
            let rep = weeklyKm < 40 ? 1_000.0 : weeklyKm < 70 ? 1_600 : 2_000
            let reps = max(2, Int((work / rep).rounded()))
            let recovery = jogUnits(seconds: 60)
            type = .threshold
            mainPace = paces.threshold
            zone = 4
            title = "Threshold: \(reps) × \(Format.distance(rep)) at T"
            about = "Cruise intervals at threshold pace (\(Format.paceRange(paces.threshold))), each followed by a 1-minute jog. "
                + "T pace is comfortably hard: you could say a few words, not hold a conversation, and you finish feeling you could do one or two more. "
                + "Why: it raises your lactate threshold, the fastest pace you can sustain for about an hour."
            core = [SegmentMath.repeated(reps, [
                SegmentMath.step(.work, units: SegmentMath.units(meters: rep), pace: paces.threshold, zone: 4, note: "threshold"),
                SegmentMath.step(.recovery, units: recovery, pace: jog, zone: 2, note: jogNote),
            ])]
        case .tempo:
            let twentyMinutes = 1_200 / paces.threshold.midSecondsPerKm * 1000
            let work = (clamp(min(0.08 * weeklyMeters, twentyMinutes), 2_000, 8_000) / 500).rounded() * 500
            type = .threshold
            mainPace = paces.threshold
            zone = 4
            title = "Tempo: \(Format.distance(work)) at T"
            about = "A steady tempo run at threshold pace (\(Format.paceRange(paces.threshold))), about \(Format.duration(work / 1000 * paces.threshold.midSecondsPerKm)) without a break. "
                + "Comfortably hard and even: do not race it. "
                + "Why: teaches your body to clear lactate and hold a strong pace for longer."
            core = [SegmentMath.step(.work, units: SegmentMath.units(meters: work), pace: paces.threshold, zone: 4, note: "tempo")]
        case .intervals:
            let work = clamp(0.08 * weeklyMeters, 1_800, 8_000)
            let rep = work < 2_400 ? 600.0 : work < 4_000 ? 800 : work < 6_000 ? 1_000 : 1_200
            let reps = max(3, Int((work / rep).rounded()))
            let repSeconds = rep / 1000 * paces.interval.midSecondsPerKm
            type = .intervals
            mainPace = paces.interval
            zone = 5
            title = "Intervals: \(reps) × \(Format.distance(rep)) at I"
            about = "Intervals at I pace (\(Format.paceRange(paces.interval))), each rep about \(Format.duration(repSeconds)), with an easy jog of about the same time between. "
                + "Hard, roughly 3K–5K race effort; breathing is heavy by the end of each rep, but every rep should be run at the same pace. "
                + "Why: trains your VO2max, the ceiling of your aerobic engine."
            core = [SegmentMath.repeated(reps, [
                SegmentMath.step(.work, units: SegmentMath.units(meters: rep), pace: paces.interval, zone: 5, note: "interval"),
                SegmentMath.step(.recovery, units: jogUnits(seconds: repSeconds), pace: jog, zone: 2, note: jogNote),
            ])]
        case .repetitions:
            let work = clamp(0.05 * weeklyMeters, 1_600, 5_000)
            let rep = work < 2_400 ? 200.0 : 400
            let reps = max(4, Int((work / rep).rounded()))
            type = .intervals
            mainPace = paces.repetition
            zone = 5
            title = "Repetitions: \(reps) × \(Format.distance(rep)) at R"
            about = "Fast, relaxed repetitions at R pace (\(Format.paceRange(paces.repetition))), roughly your mile race pace, with an equal-distance jog so you start every rep fresh. "
                + "Think quick, light and tall; fast but never straining. "
                + "Why: speed and running economy, so your race pace feels easier."
            core = [SegmentMath.repeated(reps, [
                SegmentMath.step(.work, units: SegmentMath.units(meters: rep), pace: paces.repetition, zone: 5, note: "repetition"),
                SegmentMath.step(.recovery, units: SegmentMath.units(meters: rep), pace: jog, zone: 2, note: jogNote),
            ])]
        case .hills:
            let reps = Int(clamp((weeklyKm / 5).rounded(), 6, 12))
            let effort = PaceRange(minSecondsPerKm: paces.interval.minSecondsPerKm, maxSecondsPerKm: paces.threshold.maxSecondsPerKm)
            type = .hills
            mainPace = effort
            zone = 4
            title = "Hills: \(reps) × 200 m uphill"
            about = "Find a moderate hill (4–6 %). Run up about 200 m at a hard but controlled effort, roughly 5K effort (the pace will be slower than on the flat, "
                + "\(Format.paceRange(effort)) is the flat-ground equivalent), drive with arms and knees, then jog back down easily. "
                + "Why: strength and power in the legs with less pounding than fast running on the flat."
            core = [SegmentMath.repeated(reps, [
                SegmentMath.step(.work, units: 2, pace: effort, zone: 4, note: "uphill at hard effort"),
                SegmentMath.step(.recovery, units: 2, pace: jog, zone: 2, note: "jog back down"),
            ])]
        case .marathonPace:
            let work = (clamp(0.15 * weeklyMeters, 5_000, 16_000) / 1000).rounded() * 1000
            type = .marathonPace
            mainPace = paces.marathon
            zone = 3
            title = "Marathon pace: \(Format.distance(work)) at M"
            about = "A continuous block at marathon pace (\(Format.paceRange(paces.marathon))). It should feel controlled and rhythmic, a pace you could hold for hours. "
                + "Practise race-day drinks and gels. Why: locks in the exact rhythm of race day and builds endurance at it."
            core = [SegmentMath.step(.work, units: SegmentMath.units(meters: work), pace: paces.marathon, zone: 3, note: "marathon pace")]
        case .racePace:
            let block = (clamp(0.06 * weeklyMeters, 2_000, 6_000) / 500).rounded() * 500
            type = .marathonPace
            mainPace = racePace
            zone = 4
            title = "Race pace: 2 × \(Format.distance(block)) at half-marathon pace"
            about = "Two blocks at half-marathon race pace (\(Format.paceRange(racePace))) with 1 km easy between. Strong but sustainable; even splits. "
                + "Why: race-specific endurance and confidence at the pace you want on race day."
            core = [SegmentMath.repeated(2, [
                SegmentMath.step(.work, units: SegmentMath.units(meters: block), pace: racePace, zone: 4, note: "half-marathon pace"),
                SegmentMath.step(.recovery, units: 10, pace: jog, zone: 2, note: jogNote),
            ])]
        case .sharpener:
            if category == .marathon || category == .ultra {
                type = .marathonPace
                mainPace = racePace
                zone = 3
                title = "Sharpener: 3 km at race pace"
                about = "A short dress rehearsal: 3 km at race pace (\(Format.paceRange(racePace))) in your race shoes, then easy. "
                    + "It should feel easy at this point: the taper is working. Why: keeps the legs sharp and the rhythm familiar without tiring you."
                core = [SegmentMath.step(.work, units: 30, pace: racePace, zone: 3, note: "race pace")]
            } else {
                type = category == .fiveK ? .intervals : .threshold
                mainPace = racePace
                zone = 4
                title = "Sharpener: 3 × 1 km at race pace"
                about = "Three relaxed kilometres at race pace (\(Format.paceRange(racePace))) with 400 m jogs. Stop feeling you could do much more. "
                    + "Why: reminds your legs of race rhythm while the taper freshens you up."
                core = [SegmentMath.repeated(3, [
                    SegmentMath.step(.work, units: 10, pace: racePace, zone: 4, note: "race pace"),
                    SegmentMath.step(.recovery, units: 4, pace: jog, zone: 2, note: jogNote),
                ])]
            }
        }
    }
}
