import TrainingDomain

/// The coaching rules every generated plan must obey, checked from the outside through the public API only.
/// Returns one sentence per violation (empty when the plan is sound).
enum PlanInvariants {
    /// Long-run distance caps from the brief: 5K ≤ 16 km, 10K ≤ 18 km, half ≤ 24 km, marathon ≤ 35 km (or 3 h).
    static func longRunCapMeters(raceMeters: Double) -> Double {
        switch raceMeters {
        case ..<7_500: 16_000
        case ..<16_000: 18_000
        case ..<30_000: 24_000
        case ...43_000: 35_000
        default: 60_000
        }
    }

    /// Taper lengths from the brief: 5K/10K 1 week, half 2, marathon 3, ultra 2–3.
    static func taperWeeks(raceMeters: Double) -> ClosedRange<Int> {
        switch raceMeters {
        case ..<16_000: 1...1
        case ..<30_000: 2...2
        case ...43_000: 3...3
        default: 2...3
        }
    }

    /// A quality day: threshold/intervals/marathonPace/hills, or a long run with a marathon-pace (work) finish.
    static func isQuality(_ workout: PlannedWorkout) -> Bool {
        workout.type.isQuality || (workout.type == .long && workout.segments.contains { $0.kind == .work })
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

        // Rest days are exactly the non-training days (after the race: rest or recovery only); the race is right.
        for (index, day) in days.enumerated() {
            let date = request.startDate.adding(days: index)
            let workout = day.workout
            let where_ = "w\(day.weekIndex)d\(day.dayIndex) \(date) \(date.weekday.rawValue)"
            if index == raceIndex {
                if workout.type != .race { fail("\(where_): race day is \(workout.type)") }
                if abs(workout.distanceMeters - request.raceDistanceMeters) > 0.5 { fail("\(where_): race distance \(workout.distanceMeters)") }
                if workout.durationSeconds != plan.goalTimeSeconds { fail("\(where_): race duration \(workout.durationSeconds) ≠ goal \(plan.goalTimeSeconds)") }
                let goalPace = plan.goalTimeSeconds / (request.raceDistanceMeters / 1000)
                if let pace = workout.targetPace, !pace.contains(goalPace, tolerance: 0.5) || pace.maxSecondsPerKm - pace.minSecondsPerKm > 10 {
                    fail("\(where_): race pace \(pace) vs goal pace \(goalPace)")
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
            // Presentation: whole-second paces, 100 m distances, duration = Σ step distance × pace mid.
            if !isRest {
                if workout.title.isEmpty || workout.description.count < 40 { fail("\(where_): missing title/description") }
                guard let pace = workout.targetPace, pace.minSecondsPerKm == pace.minSecondsPerKm.rounded(), pace.maxSecondsPerKm == pace.maxSecondsPerKm.rounded() else {
                    fail("\(where_): pace not in whole seconds"); continue
                }
                guard let zone = workout.heartRateZone, (1...5).contains(zone) else { fail("\(where_): no heart-rate zone"); continue }
                if workout.distanceMeters.truncatingRemainder(dividingBy: 100) != 0 { fail("\(where_): distance \(workout.distanceMeters) not rounded to 100 m") }
                let expected = (stepSeconds(workout.segments)).rounded()
                if abs(expected - workout.durationSeconds) > 1 { fail("\(where_): duration \(workout.durationSeconds) vs steps \(expected)") }
                if abs(stepMeters(workout.segments) - workout.distanceMeters) > 0.5 { fail("\(where_): steps don't add up to the distance") }
                if [.easy, .long, .recovery].contains(workout.type),
                   !(workout.segments.first?.kind == .steady) { fail("\(where_): easy/long should start with a steady segment") }
                if workout.type.isQuality && !(workout.segments.first?.kind == .warmUp && workout.segments.last?.kind == .coolDown) {
                    fail("\(where_): quality session without warm-up and cool-down")
                }
            }
        }

        // Quality spacing on the whole timeline: never consecutive, never the day before a long run.
        for index in 0..<min(raceIndex, days.count - 1) where isQuality(days[index].workout) {
            if isQuality(days[index + 1].workout) { fail("day \(index): quality on consecutive days") }
            if days[index + 1].workout.type == .long { fail("day \(index): quality the day before a long run") }
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
        for week in plan.weeks.indices {
            let weekDays = plan.weeks[week].days.map(\.workout)
            let quality = weekDays.filter(isQuality).count
            if quality > 3 { fail("week \(week): \(quality) quality sessions") }
            if let long = weekDays.filter({ $0.type == .long }).max(by: { $0.distanceMeters < $1.distanceMeters }) {
                if long.distanceMeters > 0.35 * volumes[week] + 100 { fail("week \(week): long run \(long.distanceMeters) is over 35 % of \(volumes[week])") }
                if long.distanceMeters > longRunCapMeters(raceMeters: request.raceDistanceMeters) { fail("week \(week): long run \(long.distanceMeters) over the cap") }
                if request.raceDistanceMeters > 30_000 && request.raceDistanceMeters <= 43_000 && long.durationSeconds > 3 * 3600 + 300 {
                    fail("week \(week): marathon long run \(long.durationSeconds) s over 3 h")
                }
                if long.durationSeconds > 5 * 3600 { fail("week \(week): long run over 5 h") }
            } else if week < preTaper && week * 7 + 6 < raceIndex - 6 {
                fail("week \(week): no long run")
            }
            // Weeks wholly before the last six race-week days keep their structure.
            if week < preTaper && week * 7 + 6 < raceIndex - 6 && (phases[week] == .build || phases[week] == .peak) && quality == 0 {
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
        for week in buildUp {
            let isCutback = week > 0 && volumes[week] <= volumes[week - 1] * 0.9
            sinceCutback = isCutback ? 0 : sinceCutback + 1
            if sinceCutback > 3 { fail("week \(week): four weeks without a cutback") }
        }
        // Taper: the right length, volume cut below the peak and never rising again, some intensity kept.
        let taper = phases.indices.filter { phases[$0] == .taper }
        if !taperWeeks(raceMeters: request.raceDistanceMeters).contains(taper.count) { fail("taper of \(taper.count) weeks") }
        if taper.first != preTaper || taper.last != phases.count - 1 { fail("taper not at the end") }
        let peak = volumes[..<preTaper].max() ?? 0
        for week in taper {
            if volumes[week] >= peak { fail("taper week \(week) \(volumes[week]) not below peak \(peak)") }
            if week > taper.first!, volumes[week] > volumes[week - 1] + 100 { fail("taper week \(week) volume rises") }
        }
        let taperQuality = (min(preTaper * 7, raceIndex - 7)..<raceIndex).filter { isQuality(days[$0].workout) }.count
        if taperQuality == 0 { fail("no intensity kept in the taper") }
        // Race week: easy running and a sharpener; the day before the race is rest or an easy shakeout.
        let dayBefore = days[raceIndex - 1].workout
        if ![.rest, .easy].contains(dayBefore.type) || dayBefore.durationSeconds > 30 * 60 { fail("the day before the race is \(dayBefore.type)") }
        for index in raceIndex - 6..<raceIndex where days[index].workout.type == .long {
            fail("day \(index): long run in race week")
        }
        return problems
    }

    static func stepMeters(_ segments: [WorkoutSegment]) -> Double {
        segments.reduce(0) { $0 + ($1.kind == .repeat ? Double($1.repeats ?? 0) * stepMeters($1.steps ?? []) : $1.distanceMeters ?? 0) }
    }

    static func stepSeconds(_ segments: [WorkoutSegment]) -> Double {
        segments.reduce(0) {
            $0 + ($1.kind == .repeat ? Double($1.repeats ?? 0) * stepSeconds($1.steps ?? [])
                : ($1.distanceMeters ?? 0) / 1000 * ($1.targetPace?.midSecondsPerKm ?? 0))
        }
    }
}
