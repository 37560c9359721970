import TrainingDomain

/// The coaching rules every generated plan must obey, checked from the outside through the public API only,
/// with the rule constants written out again here (not read from the coach) so a change to either is caught.
/// Returns one sentence per violation (empty when the plan is sound).
enum PlanInvariants {
    /// Long-run distance caps: 5K ≤ 22 km, 10K ≤ 24 km, half ≤ 22 km, marathon ≤ 33 km (or 3 h), ultra ≤ 46 km.
    static func longRunCapMeters(raceMeters: Double) -> Double {
        switch raceMeters {
        case ..<7_500: 22_100
        case ..<16_000: 24_100
        case ..<30_000: 21_100
        case ...43_000: 32_100
        default: 45_100
        }
    }

    /// The largest share of a week the long run may take (moderate and high volume 25–30 %, more at low volume).
    static func maxLongShare(raceMeters: Double, weeklyKm: Double) -> Double {
        func clamp(_ value: Double, _ low: Double, _ high: Double) -> Double { min(max(value, low), high) }
        switch raceMeters {
        case ..<16_000: return clamp(0.35 - (weeklyKm - 30) * 0.002, 0.25, 0.35)
        case ..<30_000: return clamp(0.42 - (weeklyKm - 30) * 0.003, 0.28, 0.42)
        default: return clamp(0.45 - (weeklyKm - 50) * 0.0025, 0.30, 0.45)
        }
    }

    /// The long run a plan must reach before the taper (half 16 km or 2 h, marathon 29 km or 2.5 h, ultra 30 km or 3 h).
    static func requiredLongRunMeters(raceMeters: Double, easySecondsPerKm: Double) -> Double? {
        switch raceMeters {
        case ..<16_000: nil
        case ..<30_000: min(16_000, 7_200 / easySecondsPerKm * 1000)
        case ...43_000: min(29_000, 9_000 / easySecondsPerKm * 1000)
        default: min(30_000, 10_800 / easySecondsPerKm * 1000)
        }
    }

    /// Taper lengths: 5K/10K 1 week, half 2 (1 in plans of ≤ 3 weeks), marathon 3 (2 under 10 weeks, all of a plan of ≤ 3),
    /// ultra 2–3.
    static func taperWeeks(raceMeters: Double, weekCount: Int) -> ClosedRange<Int> {
        let weeks: ClosedRange<Int>
        switch raceMeters {
        case ..<16_000: weeks = 1...1
        case ..<30_000: weeks = weekCount <= 3 ? 1...1 : 2...2
        case ...43_000: weeks = weekCount <= 3 ? weekCount...weekCount : weekCount < 10 ? 2...2 : 3...3
        default: weeks = 2...3
        }
        return min(weeks.lowerBound, weekCount)...min(weeks.upperBound, weekCount)
    }

    /// A quality day: threshold/intervals/marathonPace/hills, or a long run with a marathon-pace (work) block.
    static func isQuality(_ workout: PlannedWorkout) -> Bool {
        workout.type.isQuality || (workout.type == .long && workout.segments.contains { $0.kind == .work })
    }

    /// Whether the athlete is a beginner: three running days, VDOT under 35, or under 25 km a week.
    static func isBeginner(_ plan: GeneratedPlan, _ request: PlanRequest, weekZeroMeters: Double) -> Bool {
        let vdot = plan.vdot ?? 35
        return Set(request.trainingDays).count <= 3 || vdot < 35 || (request.currentWeeklyDistanceMeters ?? weekZeroMeters) < 25_000
    }

    /// Every step of `segments`, repeats expanded once.
    static func steps(_ segments: [WorkoutSegment]) -> [WorkoutSegment] {
        segments.flatMap { $0.kind == .repeat ? ($0.steps ?? []) : [$0] }
    }

    /// The longest continuous block at `pace` in a workout, metres.
    static func longestBlock(_ workout: PlannedWorkout, at pace: PaceRange) -> Double {
        var best = 0.0, run = 0.0
        for segment in workout.segments {
            if segment.kind != .repeat, segment.targetPace == pace, let distance = segment.distanceMeters {
                run += distance
                best = max(best, run)
            } else { run = 0 }
        }
        return best
    }

    static func check(_ plan: GeneratedPlan, _ request: PlanRequest) -> [String] {
        var problems: [String] = []
        func fail(_ text: String) { problems.append(text) }
        do { try PlanValidator().validate(plan, for: request) } catch { fail("validator: \(error)") }

        let raceIndex = request.startDate.days(to: request.raceDate)
        let days = plan.weeks.flatMap(\.days)
        guard plan.weeks.count == request.weekCount, days.count == plan.weeks.count * 7 else {
            fail("expected \(request.weekCount) weeks of 7 days")
            return problems
        }
        let training = Set(request.trainingDays)
        let raceKm = request.raceDistanceMeters / 1000
        let targetPace = plan.targetTimeSeconds / raceKm
        let paces = plan.paces
        let isMarathon = request.raceDistanceMeters > 30_000 && request.raceDistanceMeters <= 43_000

        // 1. The race target: the goal when realistic, else slower; race day and race-pace work at the target.
        if plan.targetTimeSeconds < plan.goalTimeSeconds - 1 { fail("target \(plan.targetTimeSeconds) faster than the goal \(plan.goalTimeSeconds)") }
        if plan.targetTimeSeconds > plan.goalTimeSeconds + 1, !plan.warnings.contains(where: { $0.contains("targets") }) {
            fail("target differs from the goal without a warning saying so")
        }
        if let vdot = plan.vdot, plan.targetTimeSeconds < RacePredictor.time(vdot: vdot * 1.061, distanceMeters: request.raceDistanceMeters) - 1 {
            fail("target \(plan.targetTimeSeconds) needs more than a 6 % VDOT gain")
        }

        for (index, day) in days.enumerated() {
            let date = request.startDate.adding(days: index)
            let workout = day.workout
            let where_ = "w\(day.weekIndex)d\(day.dayIndex) \(date) \(date.weekday.rawValue)"
            if index == raceIndex {
                if workout.type != .race { fail("\(where_): race day is \(workout.type)") }
                if abs(workout.distanceMeters - request.raceDistanceMeters) > 0.5 { fail("\(where_): race distance \(workout.distanceMeters)") }
                if workout.durationSeconds != plan.targetTimeSeconds { fail("\(where_): race duration \(workout.durationSeconds) ≠ target \(plan.targetTimeSeconds)") }
                if let pace = workout.targetPace, !pace.contains(targetPace, tolerance: 0.5) || pace.maxSecondsPerKm - pace.minSecondsPerKm > 10 {
                    fail("\(where_): race pace \(pace) vs target pace \(targetPace)")
                }
                continue
            }
            if workout.type == .race { fail("\(where_): a second race") }
            if index > raceIndex {
                if ![.rest, .recovery].contains(workout.type) { fail("\(where_): after the race \(workout.type)") }
                if !training.contains(date.weekday) && workout.type != .rest { fail("\(where_): run on a non-training day after the race") }
                continue
            }
            let isRest = workout.type == .rest
            if isRest == training.contains(date.weekday) {
                fail("\(where_): \(workout.type) but training day = \(training.contains(date.weekday))")
            }
            guard !isRest else { continue }
            // Presentation: whole-second paces, 100 m distances, duration and distance agree with the steps.
            if workout.title.isEmpty || workout.description.count < 40 { fail("\(where_): missing title/description") }
            if let pace = workout.targetPace {
                if pace.minSecondsPerKm != pace.minSecondsPerKm.rounded() || pace.maxSecondsPerKm != pace.maxSecondsPerKm.rounded() { fail("\(where_): pace not in whole seconds") }
            } else if workout.type != .hills || workout.targetEffort == nil {
                fail("\(where_): a \(workout.type) without a pace or an effort")
            }
            if workout.distanceMeters.truncatingRemainder(dividingBy: 100) != 0 { fail("\(where_): distance \(workout.distanceMeters) not rounded to 100 m") }
            let sums = stepSums(workout.segments)
            if workout.durationSeconds < sums.knownSeconds - 1 || workout.durationSeconds > sums.knownSeconds + sums.unpacedMeters / 1000 * 900 + 1 {
                fail("\(where_): duration \(workout.durationSeconds) vs steps \(sums.knownSeconds) + \(sums.unpacedMeters) m unpaced")
            }
            if workout.distanceMeters < sums.knownMeters - 50 || workout.distanceMeters > sums.knownMeters + sums.unpacedSeconds / 120 * 1000 + 50 {
                fail("\(where_): distance \(workout.distanceMeters) vs steps \(sums.knownMeters) + \(sums.unpacedSeconds) s unpaced")
            }
            if [.easy, .long, .recovery].contains(workout.type), !(workout.segments.first?.kind == .steady) { fail("\(where_): easy/long should start with a steady segment") }
            if workout.type.isQuality && !(workout.segments.first?.kind == .warmUp && workout.segments.last?.kind == .coolDown) {
                fail("\(where_): quality session without warm-up and cool-down")
            }
            // 6. No run under ~20–25 minutes (shakeout and post-race jogs 20, everything else 24).
            let shortest: Double = [.easy, .recovery, .strides].contains(workout.type) && !workout.title.hasPrefix("Shakeout") ? 24 * 60 : 19.5 * 60
            if workout.durationSeconds < shortest { fail("\(where_): \(workout.title) lasts only \(Int(workout.durationSeconds)) s") }
            // 8. Watch-followable targets: hills and strides by effort and time, recoveries without pace,
            // zones that agree with the paces, titles that agree with the steps.
            for step in steps(workout.segments) {
                if step.kind == .recovery && step.targetPace != nil { fail("\(where_): a recovery step with a pace target") }
                if step.kind == .work && (workout.type == .hills || workout.type == .strides) {
                    if step.targetPace != nil || step.targetEffort == nil || step.durationSeconds == nil { fail("\(where_): a \(workout.type) rep not by effort and time") }
                }
                if step.targetPace == nil && step.kind != .recovery && step.targetEffort == nil { fail("\(where_): a step with neither pace nor effort") }
                if let zone = step.heartRateZone {
                    if step.targetHeartRateZone?.zone != zone { fail("\(where_): heartRateZone and targetHeartRateZone disagree") }
                    if let pace = step.targetPace {
                        var expected = Set<Int>()
                        if pace == paces.easy { expected.insert(2) }
                        if pace == paces.marathon { expected.insert(3) }
                        if pace == paces.threshold { expected.insert(4) }
                        if pace == paces.interval { expected.insert(5) }
                        if expected.isEmpty { expected = [1, 2, 3, 4, 5] }
                        if !expected.contains(zone) { fail("\(where_): zone \(zone) for pace \(pace)") }
                    }
                }
            }
            if let times = workout.title.range(of: #"(\d+) × "#, options: .regularExpression) {
                let count = Int(workout.title[times].dropLast(3))
                if !workout.segments.contains(where: { $0.kind == .repeat && $0.repeats == count }) { fail("\(where_): title \(workout.title) disagrees with its repeats") }
            }
            if workout.description.contains("1-minute") && !steps(workout.segments).contains(where: { $0.kind == .recovery && $0.durationSeconds == 60 && $0.distanceMeters == nil }) {
                fail("\(where_): the description says 1-minute jog but the steps do not")
            }
            // 1. Race-pace work at the target: marathon-pace work in marathon plans, race-pace and sharpeners everywhere.
            for step in steps(workout.segments) where step.kind == .work {
                let note = step.note ?? ""
                if note == "race pace" || note == "half-marathon pace" || (isMarathon && note.contains("marathon pace")) || (isMarathon && note.contains("marathon-pace")) {
                    if !(step.targetPace?.contains(targetPace, tolerance: 1) ?? false) { fail("\(where_): race-pace work at \(String(describing: step.targetPace)) not at the target \(targetPace)") }
                }
            }
        }

        // Quality spacing on the whole timeline: never consecutive, never the day before a long run.
        for index in 0..<min(raceIndex, days.count - 1) where isQuality(days[index].workout) {
            if isQuality(days[index + 1].workout) { fail("day \(index): quality on consecutive days") }
            if days[index + 1].workout.type == .long { fail("day \(index): quality the day before a long run") }
        }
        // 6. The day before a long run is rest or a short easy run; no easy run longer than the week's long run.
        for index in 0..<min(raceIndex, days.count) where days[index].workout.type == .long && index >= 1 {
            let before = days[index - 1].workout
            let recentLong = (max(0, index - 7)...index).map { days[$0].workout }.filter { $0.type == .long }.map(\.distanceMeters).max() ?? 0
            if days[index].workout.title.hasPrefix("Back-to-back") || before.title.hasPrefix("Back-to-back") { continue }
            if before.type != .rest && (before.durationSeconds > 46 * 60 || (before.durationSeconds > 30 * 60 && before.distanceMeters > recentLong * 0.6)) {
                fail("day \(index - 1): \(before.title) the day before a \(days[index].workout.title)")
            }
        }

        // Weekly numbers (race day and post-race days excluded).
        func volume(_ week: Int) -> Double {
            (0..<7).reduce(0) { total, day in
                let index = week * 7 + day
                return index < raceIndex ? total + days[index].workout.distanceMeters : total
            }
        }
        let volumes = plan.weeks.indices.map(volume)
        let phases = plan.weeks.map(\.phase)
        let preTaper = phases.firstIndex(of: .taper) ?? phases.count
        let beginner = isBeginner(plan, request, weekZeroMeters: volumes[0])
        for week in plan.weeks.indices {
            let weekDays = plan.weeks[week].days.map(\.workout)
            let quality = weekDays.filter(isQuality).count
            if quality > 3 { fail("week \(week): \(quality) quality sessions") }
            // 5. Beginners: one quality session besides the long run, no marathon-pace long runs.
            if beginner {
                if weekDays.filter({ $0.type.isQuality }).count > 1 { fail("week \(week): a beginner gets \(weekDays.filter { $0.type.isQuality }.count) quality sessions") }
                if weekDays.contains(where: { $0.type == .long && isQuality($0) }) { fail("week \(week): a beginner's long run has a marathon-pace block") }
            }
            if let long = weekDays.filter({ $0.type == .long }).max(by: { $0.distanceMeters < $1.distanceMeters }) {
                // 2. The long run: a share of the week, capped by distance and time.
                let share = maxLongShare(raceMeters: request.raceDistanceMeters, weeklyKm: volumes[week] / 1000)
                if week * 7 + 6 < raceIndex, long.distanceMeters > share * volumes[week] + 1_000 {
                    fail("week \(week): long run \(long.distanceMeters) is over \(Int(share * 100)) % of \(volumes[week])")
                }
                if long.distanceMeters > longRunCapMeters(raceMeters: request.raceDistanceMeters) { fail("week \(week): long run \(long.distanceMeters) over the cap") }
                if isMarathon && long.durationSeconds > 3 * 3600 + 300 { fail("week \(week): marathon long run \(long.durationSeconds) s over 3 h") }
                if long.durationSeconds > 5 * 3600 { fail("week \(week): long run over 5 h") }
                for easy in weekDays where [.easy, .recovery, .strides].contains(easy.type) && easy.distanceMeters > long.distanceMeters {
                    fail("week \(week): \(easy.title) is longer than the long run \(long.title)")
                }
            } else if week < preTaper && week * 7 + 6 < raceIndex - 6 {
                fail("week \(week): no long run")
            }
            if week < preTaper && week * 7 + 6 < raceIndex - 6 && (phases[week] == .build || phases[week] == .peak) && weekDays.filter({ $0.type.isQuality }).isEmpty {
                fail("week \(week): no quality in \(phases[week])")
            }
            if week > 0 && week < preTaper {
                let reference = volumes[..<week].max()!
                if volumes[week] > reference * 1.10 + 100 { fail("week \(week): \(volumes[week]) is more than 10 % over \(reference)") }
            }
        }
        if let current = request.currentWeeklyDistanceMeters, volumes[0] > current * 1.10 + 100,
           !plan.warnings.contains(where: { $0.contains("km a week") }) {
            fail("week 0 jumps from \(current) to \(volumes[0]) without a warning")
        }
        // A cutback (≥ 10 % less than the week before) at least every 4th week during base and build.
        let buildUp = phases.indices.filter { phases[$0] == .base || phases[$0] == .build }
        var sinceCutback = 0
        var cutbackWeeks = Set<Int>()
        for week in buildUp {
            let isCutback = week > 0 && volumes[week] <= volumes[week - 1] * 0.9
            if isCutback { cutbackWeeks.insert(week) }
            // Weeks that never rise above the starting volume (a plan held at its floor) need no cutback.
            sinceCutback = isCutback || volumes[week] <= volumes[0] * 1.05 ? 0 : sinceCutback + 1
            if sinceCutback > 3 { fail("week \(week): four weeks without a cutback") }
        }
        for week in phases.indices where phases[week] == .peak && week > 0 && volumes[week] <= volumes[week - 1] * 0.9 { cutbackWeeks.insert(week) }
        // For the session titles, the cutbacks are the planned ones: every fourth week before the last one before the taper.
        let plannedCutbacks = Set((0..<preTaper).filter { $0 % 4 == 3 && $0 < preTaper - 1 })
        // 3. No flat block: two building weeks in a row never hold the same workouts, and a plan with room to build does.
        for week in 0..<preTaper where week > 0 && plan.weeks[week].days.map(\.workout) == plan.weeks[week - 1].days.map(\.workout) {
            fail("week \(week): the same week as the one before")
        }
        let building = (0..<preTaper).filter { !cutbackWeeks.contains($0) }
        let startsAtCurrent = volumes[0] >= (request.currentWeeklyDistanceMeters ?? volumes[0]) * 0.95
        if building.count >= 6, Set(request.trainingDays).count >= 5, startsAtCurrent, let first = volumes.first, let peak = volumes[..<preTaper].max(), peak < first * 1.05 {
            fail("volume never builds: \(first) → \(peak)")
        }
        // 4. Marathon plans for intermediate and experienced runners include I-pace work in build and peak, and
        // experienced marathoners (VDOT 45+, 50+ km a week) reach marathon-pace blocks of 14 km or more.
        let buildAndPeak = plan.weeks.filter { $0.phase == .build || $0.phase == .peak }
        if isMarathon && !beginner && buildAndPeak.count >= 4
            && !buildAndPeak.contains(where: { $0.days.contains { $0.workout.title.hasPrefix("Intervals") } }) {
            fail("an intermediate marathon plan without I-pace intervals in build and peak")
        }
        if isMarathon, let vdot = plan.vdot, vdot >= 45, (request.currentWeeklyDistanceMeters ?? 0) >= 50_000, preTaper >= 9,
           !request.acceptRisk, Set(request.trainingDays).count >= 5 {
            let longestM = plan.weeks.flatMap(\.days).map { longestBlock($0.workout, at: paces.marathon) }.max() ?? 0
            if longestM < 14_000 { fail("an experienced marathoner's longest marathon-pace block is only \(longestM) m") }
        }
        // 4. A quality title never appears in three consecutive non-cutback weeks.
        let titled = (0..<plan.weeks.count).filter { !plannedCutbacks.contains($0) && $0 * 7 + 6 < raceIndex }
        for (a, (b, c)) in zip(titled, zip(titled.dropFirst(), titled.dropFirst(2))) {
            let titles = [a, b, c].map { Set(plan.weeks[$0].days.map(\.workout).filter { $0.type.isQuality }.map(\.title)) }
            let repeated = titles[0].intersection(titles[1]).intersection(titles[2])
            if !repeated.isEmpty { fail("weeks \(a), \(b), \(c): \(repeated.sorted()) three weeks running") }
        }
        // Taper: the right length, volume cut below the peak and never rising again, some intensity kept.
        let taper = phases.indices.filter { phases[$0] == .taper }
        if !taperWeeks(raceMeters: request.raceDistanceMeters, weekCount: plan.weeks.count).contains(taper.count) { fail("taper of \(taper.count) weeks") }
        if taper.first != preTaper || taper.last != phases.count - 1 { fail("taper not at the end") }
        if preTaper > 0 {
            let peak = volumes[..<preTaper].max() ?? 0
            for week in taper {
                if volumes[week] >= peak { fail("taper week \(week) \(volumes[week]) not below peak \(peak)") }
                if week > taper.first!, volumes[week] > volumes[week - 1] + 100 { fail("taper week \(week) volume rises") }
            }
        }
        if raceIndex >= 6 {
            let taperQuality = (max(0, min(preTaper * 7, raceIndex - 7))..<raceIndex).filter { isQuality(days[$0].workout) }.count
            if taperQuality == 0 { fail("no intensity kept in the taper") }
        }
        // Race week: the day before the race is rest or an easy shakeout; no long run in the last six days.
        if raceIndex >= 1 {
            let dayBefore = days[raceIndex - 1].workout
            if ![.rest, .easy].contains(dayBefore.type) || dayBefore.durationSeconds > 30 * 60 { fail("the day before the race is \(dayBefore.type)") }
        }
        for index in max(0, raceIndex - 6)..<raceIndex where days[index].workout.type == .long {
            fail("day \(index): long run in race week")
        }
        return problems
    }

    /// The steps' known distance and time, and what is left unknown by unpaced steps.
    static func stepSums(_ segments: [WorkoutSegment]) -> (knownMeters: Double, knownSeconds: Double, unpacedMeters: Double, unpacedSeconds: Double) {
        var sums = (knownMeters: 0.0, knownSeconds: 0.0, unpacedMeters: 0.0, unpacedSeconds: 0.0)
        for segment in segments {
            if segment.kind == .repeat {
                let inner = stepSums(segment.steps ?? [])
                let count = Double(segment.repeats ?? 0)
                sums.knownMeters += count * inner.knownMeters
                sums.knownSeconds += count * inner.knownSeconds
                sums.unpacedMeters += count * inner.unpacedMeters
                sums.unpacedSeconds += count * inner.unpacedSeconds
                continue
            }
            if let distance = segment.distanceMeters {
                sums.knownMeters += distance
                if let pace = segment.targetPace { sums.knownSeconds += distance / 1000 * pace.midSecondsPerKm } else { sums.unpacedMeters += distance }
            } else if let duration = segment.durationSeconds {
                sums.knownSeconds += duration
                sums.unpacedSeconds += duration
            }
        }
        return sums
    }
}
