/// The core of a quality session (the work and its recoveries, without warm-up and cool-down), sized for the week
/// and grown with each return of the same session.
///
/// Session volumes follow Daniels' limits (Daniels' Running Formula, ch. 4): threshold running up to 10 % of the
/// week, intervals up to 8 % (and 10 km), repetitions up to 5 % (and 8 km); marathon-pace blocks grow to 16–22 km
/// for experienced marathoners (Pfitzinger & Douglas; Hansons' 16 km). `step` counts earlier sessions of the
/// same kind in the plan: reps get longer or more numerous, tempo time and cruise intervals grow.
/// Recoveries are given as time or distance with an effort and no pace target, and hills by effort and time, so a
/// watch does not alert on every hill or jog.
struct SessionDesign: Sendable {
    /// The day's workout type.
    let type: WorkoutType
    /// The calendar title.
    let title: String
    /// What to do, how it should feel and why.
    let about: String
    /// The work steps (repeats and blocks), in order.
    let core: [WorkoutSegment]
    /// The main effort's pace, nil when it is given by effort.
    let mainPace: PaceRange?
    /// The main effort in words when it has no pace.
    let mainEffort: String?
    /// The main effort's heart-rate zone, nil when heart rate cannot guide it (short reps, hills).
    let zone: Int?
    /// Pace at which unpaced steps are estimated, seconds per km.
    let estimate: Double

    /// The core's distance in units of 100 m.
    var coreUnits: Int { SegmentMath.units(meters: SegmentMath.meters(core, estimate: estimate)) }

    /// What a session needs besides its kind and the week: the paces and how far the athlete may go.
    struct Context: Sendable {
        /// The plan's paces (M is the target marathon pace in marathon plans).
        let paces: TrainingPaces
        /// Target race pace for race-specific work.
        let racePace: PaceRange
        /// The race family.
        let category: RaceCategory
        /// Longest continuous marathon-pace block for this athlete, metres.
        let maxMarathonPaceMeters: Double
    }

    /// Designs `kind` for a week of `weeklyMeters`, the `step`-th session of its kind in the plan.
    init(_ kind: SessionKind, weeklyMeters: Double, step: Int, context: SessionDesign.Context) {
        let paces = context.paces
        let weeklyKm = weeklyMeters / 1000
        let growth = min(1, 0.7 + 0.1 * Double(step))
        func clamp(_ value: Double, _ low: Double, _ high: Double) -> Double { min(max(value, low), high) }
        estimate = paces.easy.midSecondsPerKm
        switch kind {
        case .cruiseIntervals:
            let rep = weeklyKm < 40 ? 1_000.0 : weeklyKm < 70 ? 1_600 : 2_000
            let work = clamp(0.10 * weeklyMeters * growth, 2 * rep, 12_000)
            let reps = max(2, Int((work / rep).rounded()))
            type = .threshold
            mainPace = paces.threshold
            mainEffort = nil
            zone = 4
            title = "Threshold: \(reps) × \(Format.distance(rep)) at T"
            about = "Cruise intervals at threshold pace (\(Format.paceRange(paces.threshold))), each followed by a 1-minute easy jog. "
                + "T pace is comfortably hard: you could say a few words, not hold a conversation, and you finish feeling you could do one or two more. "
                + "Why: it raises your lactate threshold, the fastest pace you can sustain for about an hour."
            core = [SegmentMath.repeated(reps, [
                SegmentMath.step(.work, units: SegmentMath.units(meters: rep), pace: paces.threshold, zone: 4, note: "threshold"),
                SegmentMath.timed(.recovery, seconds: 60, effort: "easy jog", note: "1-minute jog"),
            ])]
        case .tempo:
            let minutes = clamp(15 + 5 * Double(step), 15, 40)
            let byTime = minutes * 60 / paces.threshold.midSecondsPerKm * 1000
            let work = (clamp(min(0.10 * weeklyMeters, byTime), 2_000, 12_000) / 500).rounded() * 500
            type = .threshold
            mainPace = paces.threshold
            mainEffort = nil
            zone = 4
            title = "Tempo: \(Format.distance(work)) at T"
            about = "A steady tempo run at threshold pace (\(Format.paceRange(paces.threshold))), about \(Format.duration(work / 1000 * paces.threshold.midSecondsPerKm)) without a break. "
                + "Comfortably hard and even: do not race it. "
                + "Why: teaches your body to clear lactate and hold a strong pace for longer."
            core = [SegmentMath.step(.work, units: SegmentMath.units(meters: work), pace: paces.threshold, zone: 4, note: "tempo")]
        case .intervals:
            let ladder = [600.0, 800, 1_000, 1_000, 1_200, 1_200, 1_600]
            let work = clamp(0.08 * weeklyMeters * growth, 1_800, 10_000)
            var rep = ladder[min(step, ladder.count - 1)]
            while rep > 600 && work / rep < 3 { rep -= 200 }
            let reps = min(12, max(3, Int((work / rep).rounded())))
            let repSeconds = rep / 1000 * paces.interval.midSecondsPerKm
            let jog = (repSeconds / 15).rounded() * 15
            type = .intervals
            mainPace = paces.interval
            mainEffort = nil
            zone = 5
            title = "Intervals: \(reps) × \(Format.distance(rep)) at I"
            about = "Intervals at I pace (\(Format.paceRange(paces.interval))), each rep about \(Format.duration(repSeconds)), with \(Format.duration(jog)) of easy jogging between. "
                + "Hard, roughly 3K–5K race effort; breathing is heavy by the end of each rep, but every rep should be run at the same pace. "
                + "Why: trains your VO2max, the ceiling of your aerobic engine."
            core = [SegmentMath.repeated(reps, [
                SegmentMath.step(.work, units: SegmentMath.units(meters: rep), pace: paces.interval, zone: 5, note: "interval"),
                SegmentMath.timed(.recovery, seconds: jog, effort: "easy jog", note: "jog, same time as the rep"),
            ])]
        case .repetitions:
            let ladder = [200.0, 200, 300, 400, 400, 600]
            let work = clamp(0.05 * weeklyMeters * growth, 1_600, 6_000)
            let rep = ladder[min(step, ladder.count - 1)]
            let reps = min(16, max(4, Int((work / rep).rounded())))
            type = .intervals
            mainPace = paces.repetition
            mainEffort = nil
            zone = nil
            title = "Repetitions: \(reps) × \(Format.distance(rep)) at R"
            about = "Fast, relaxed repetitions at R pace (\(Format.paceRange(paces.repetition))), roughly your mile race pace, with a \(Format.distance(rep)) easy jog or walk "
                + "so you start every rep fresh. Think quick, light and tall; fast but never straining. Heart rate lags on reps this short: go by pace and feel. "
                + "Why: speed and running economy, so your race pace feels easier."
            core = [SegmentMath.repeated(reps, [
                SegmentMath.step(.work, units: SegmentMath.units(meters: rep), pace: paces.repetition, zone: nil, note: "repetition"),
                SegmentMath.unpaced(.recovery, units: SegmentMath.units(meters: rep), effort: "easy jog or walk", note: "jog back"),
            ])]
        case .hills:
            let seconds: Double = step >= 4 ? 90 : step >= 2 ? 75 : 60
            let reps = Int(clamp(Double(6 + step), 6, min(12, max(6, (weeklyKm / 4).rounded()))))
            type = .hills
            mainPace = nil
            mainEffort = "hard uphill"
            zone = nil
            title = "Hills: \(reps) × \(Int(seconds)) s uphill"
            about = "Find a moderate hill (4–6 %). Run up for \(Int(seconds)) seconds at a hard but controlled effort, about 5K race effort, "
                + "driving with arms and knees; then jog back down easily for about \(Int(seconds * 1.5)) seconds. Go by effort, not pace: the hill sets the speed. "
                + "Why: strength and power in the legs with less pounding than fast running on the flat."
            core = [SegmentMath.repeated(reps, [
                SegmentMath.timed(.work, seconds: seconds, effort: "hard uphill", note: "uphill at hard effort"),
                SegmentMath.timed(.recovery, seconds: seconds * 1.5, effort: "easy jog down", note: "jog back down"),
            ])]
        case .marathonPace:
            let grown = max(5_000, context.maxMarathonPaceMeters * (0.4 + 0.2 * Double(step)))
            let work = (min(context.maxMarathonPaceMeters, grown, max(5_000, 0.25 * weeklyMeters)) / 1000).rounded() * 1000
            type = .marathonPace
            mainPace = paces.marathon
            mainEffort = nil
            zone = 3
            title = "Marathon pace: \(Format.distance(work)) at M"
            about = "A continuous block at your target marathon pace (\(Format.paceRange(paces.marathon))). It should feel controlled and rhythmic, a pace you could hold for hours. "
                + "Practise race-day drinks and gels. Why: locks in the exact rhythm of race day and builds endurance at it."
            core = [SegmentMath.step(.work, units: SegmentMath.units(meters: work), pace: paces.marathon, zone: 3, note: "marathon pace")]
        case .racePace:
            let blocks = step >= 2 ? 3 : 2
            let block = (clamp(0.10 * weeklyMeters * growth * 2 / Double(blocks), 2_000, 6_000) / 500).rounded() * 500
            type = .marathonPace
            mainPace = context.racePace
            mainEffort = nil
            zone = 4
            title = "Race pace: \(blocks) × \(Format.distance(block)) at half-marathon pace"
            about = "\(blocks) blocks at your target half-marathon pace (\(Format.paceRange(context.racePace))) with 1 km easy jogging between. Strong but sustainable; even splits. "
                + "Why: race-specific endurance and confidence at the pace you will race."
            core = [SegmentMath.repeated(blocks, [
                SegmentMath.step(.work, units: SegmentMath.units(meters: block), pace: context.racePace, zone: 4, note: "half-marathon pace"),
                SegmentMath.unpaced(.recovery, units: 10, effort: "easy jog", note: "1 km easy"),
            ])]
        case .sharpener:
            if context.category == .marathon || context.category == .ultra {
                type = .marathonPace
                mainPace = context.racePace
                mainEffort = nil
                zone = 3
                title = "Sharpener: 3 km at race pace"
                about = "A short dress rehearsal: 3 km at your target race pace (\(Format.paceRange(context.racePace))) in your race shoes, then easy. "
                    + "It should feel easy at this point: the taper is working. Why: keeps the legs sharp and the rhythm familiar without tiring you."
                core = [SegmentMath.step(.work, units: 30, pace: context.racePace, zone: 3, note: "race pace")]
            } else {
                type = context.category == .fiveK ? .intervals : .threshold
                mainPace = context.racePace
                mainEffort = nil
                zone = context.category == .half ? 4 : 5
                title = "Sharpener: 3 × 1 km at race pace"
                about = "Three relaxed kilometres at your target race pace (\(Format.paceRange(context.racePace))) with 400 m easy jogs. Stop feeling you could do much more. "
                    + "Why: reminds your legs of race rhythm while the taper freshens you up."
                core = [SegmentMath.repeated(3, [
                    SegmentMath.step(.work, units: 10, pace: context.racePace, zone: zone, note: "race pace"),
                    SegmentMath.unpaced(.recovery, units: 4, effort: "easy jog", note: "400 m jog"),
                ])]
            }
        }
    }
}
