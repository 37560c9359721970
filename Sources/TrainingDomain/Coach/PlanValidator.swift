/// The gate every plan passes before it is stored, including untrusted ones (an LLM generator's output):
/// checks shape, order, plausibility and internal consistency, and names the path of the first problem.
///
/// Checks: the week count matches start → race week; week and day indices run 0… without gaps; seven days a
/// week; phases never go backwards (base → build → peak → taper, any may be absent); distances and durations
/// are finite, non-negative and plausible (a training day under `maxTrainingDayMeters`, at most 8 h); rest days
/// have no distance, time, pace or steps; runs have a pace range with min ≤ max inside 120 … 900 s/km (elite repetition pace is near 2:20/km)
/// or an effort in words (hills), and a distance or time whose average pace is plausible; the steps add up to the day (±5 %; steps
/// without a pace, such as timed hill reps or jogs, only have to fit at a pace between 2:00 and 15:00/km); repeats are 1…50 and
/// only `repeat` steps have nested steps (one level); runs are only planned on the athlete's training days; the
/// race date holds a `race` of the requested distance (±1 %) and nothing after it is harder than a recovery run.
public struct PlanValidator: Sendable {
    /// Fastest plausible pace, s/km.
    public static let fastestPace = 120.0
    /// Slowest plausible pace, s/km.
    public static let slowestPace = 900.0
    /// Longest plausible training day (not the race), in metres: 60 km.
    public static let maxTrainingDayMeters = 60_000.0
    /// Longest plausible training day (not the race), in seconds: 8 h.
    public static let maxTrainingDaySeconds = 8.0 * 3600

    /// Creates a validator.
    public init() {}

    /// Throws the first problem in `plan` for `request`.
    public func validate(_ plan: GeneratedPlan, for request: PlanRequest) throws(PlanValidationError) {
        if let first = problems(in: plan, for: request, limit: 1).first { throw first }
    }

    /// Whether `plan` has the shape its days are dated by: as many weeks as `request` spans, numbered 0, 1, 2 … in
    /// order, each of 7 days numbered 0 … 6 in order. A cheap part of `problems(in:for:limit:)`, for a caller that
    /// dates and stores the days while the rest is checked.
    public func isWellShaped(_ plan: GeneratedPlan, for request: PlanRequest) -> Bool {
        let daysToRace = request.startDate.days(to: request.raceDate)
        guard daysToRace >= 0, plan.weeks.count == daysToRace / 7 + 1 else { return false }
        for (w, week) in plan.weeks.enumerated() {
            guard week.weekIndex == w, week.days.count == 7 else { return false }
            for (d, day) in week.days.enumerated() where day.dayIndex != d || day.weekIndex != w { return false }
        }
        return true
    }

    /// Every problem in `plan` for `request` (up to `limit`), in plan order.
    public func problems(in plan: GeneratedPlan, for request: PlanRequest, limit: Int = .max) -> [PlanValidationError] {
        var found: [PlanValidationError] = []
        func fail(_ path: String, _ reason: String) { if found.count < limit { found.append(PlanValidationError(path: path, reason: reason)) } }

        let daysToRace = request.startDate.days(to: request.raceDate)
        guard daysToRace >= 0 else {
            fail("weeks", "the race date \(request.raceDate) is before the start date \(request.startDate)")
            return found
        }
        let expectedWeeks = daysToRace / 7 + 1
        guard plan.weeks.count == expectedWeeks else {
            fail("weeks", "expected \(expectedWeeks) weeks from \(request.startDate) through the week of the race on \(request.raceDate), got \(plan.weeks.count)")
            return found
        }
        if !(plan.goalTimeSeconds.isFinite && plan.goalTimeSeconds > 0) { fail("goalTimeSeconds", "must be a positive number of seconds") }
        if let vdot = plan.vdot, !(vdot.isFinite && (10...90).contains(vdot)) { fail("vdot", "\(vdot) is outside the plausible 10 … 90") }
        for (name, range) in [("easy", plan.paces.easy), ("marathon", plan.paces.marathon), ("threshold", plan.paces.threshold),
                              ("interval", plan.paces.interval), ("repetition", plan.paces.repetition)] {
            if let reason = paceProblem(range) { fail("paces.\(name)", reason) }
        }

        let training = Set(request.trainingDays)
        let raceWeek = daysToRace / 7, raceDay = daysToRace % 7
        var lastPhase = -1
        for (w, week) in plan.weeks.enumerated() {
            // Paths are written out only for a problem found: building them for every day and step was most of
            // the validator's time.
            var weekPath: String { "weeks[\(w)]" }
            if week.weekIndex != w { fail("\(weekPath).weekIndex", "expected \(w), got \(week.weekIndex): weeks must be numbered 0, 1, 2 … in order") }
            let weekRank = Self.rank(week.phase)
            if weekRank < lastPhase { fail("\(weekPath).phase", "phase \(week.phase.rawValue) comes after a later phase; phases must run base → build → peak → taper") }
            lastPhase = max(lastPhase, weekRank)
            guard week.days.count == 7 else {
                fail("\(weekPath).days", "a week needs exactly 7 days, got \(week.days.count)")
                continue
            }
            for (d, day) in week.days.enumerated() {
                var dayPath: String { "\(weekPath).days[\(d)]" }
                if day.dayIndex != d { fail("\(dayPath).dayIndex", "expected \(d), got \(day.dayIndex): each week needs day indices 0 … 6 once each, in order") }
                if day.weekIndex != w { fail("\(dayPath).weekIndex", "expected \(w), got \(day.weekIndex)") }
                if day.phase != week.phase { fail("\(dayPath).phase", "\(day.phase.rawValue) differs from its week's phase \(week.phase.rawValue)") }
                let date = request.startDate.adding(days: w * 7 + d)
                let isRaceDay = w == raceWeek && d == raceDay
                let afterRace = w * 7 + d > daysToRace
                checkWorkout(day.workout, path: WorkoutPath(week: w, day: d), date: date, isRaceDay: isRaceDay, afterRace: afterRace,
                             trainingDay: training.contains(date.weekday), request: request, fail: fail)
            }
        }
        return found
    }

    /// The order of phases.
    static func rank(_ phase: TrainingPhase) -> Int {
        switch phase {
        case .base: 0
        case .build: 1
        case .peak: 2
        case .taper: 3
        }
    }

    /// Why `range` is not a plausible pace range, or nil.
    func paceProblem(_ range: PaceRange) -> String? {
        let low = range.minSecondsPerKm, high = range.maxSecondsPerKm
        guard low.isFinite, high.isFinite else { return "pace bounds must be numbers" }
        guard low <= high else { return "min \(low) s/km is slower than max \(high) s/km (min is the faster end)" }
        guard low >= Self.fastestPace, high <= Self.slowestPace else {
            return "\(Format.clock(low))–\(Format.clock(high))/km is outside the plausible \(Format.clock(Self.fastestPace))–\(Format.clock(Self.slowestPace))/km"
        }
        return nil
    }

    /// Checks one day's workout.
    func checkWorkout(
        _ workout: PlannedWorkout, path: WorkoutPath, date: CalendarDate, isRaceDay: Bool, afterRace: Bool, trainingDay: Bool,
        request: PlanRequest, fail: (String, String) -> Void
    ) {
        let distance = workout.distanceMeters, duration = workout.durationSeconds
        guard distance.isFinite, distance >= 0 else { return fail("\(path).distanceMeters", "must be a finite number ≥ 0, got \(distance)") }
        guard duration.isFinite, duration >= 0 else { return fail("\(path).durationSeconds", "must be a finite number ≥ 0, got \(duration)") }
        if let zone = workout.heartRateZone, !(1...5).contains(zone) { fail("\(path).heartRateZone", "must be 1 … 5, got \(zone)") }
        if isRaceDay {
            guard workout.type == .race else {
                return fail("\(path).type", "\(date) is race day, so this must be the race, not \(workout.type.rawValue)")
            }
            let wanted = request.raceDistanceMeters
            if abs(distance - wanted) > wanted * 0.01 {
                fail("\(path).distanceMeters", "the race is \(Format.kilometers(wanted)) km, got \(Format.kilometers(distance)) km")
            }
        } else if workout.type == .race {
            return fail("\(path).type", "only the race date (\(request.raceDate)) may hold a race; \(date) is not it")
        }
        if afterRace, ![.rest, .recovery, .easy, .crossTraining].contains(workout.type) {
            fail("\(path).type", "after the race only rest or easy recovery running makes sense, not \(workout.type.rawValue)")
        }
        switch workout.type {
        case .rest:
            if distance != 0 { fail("\(path).distanceMeters", "a rest day has no distance, got \(distance)") }
            if duration != 0 { fail("\(path).durationSeconds", "a rest day has no duration, got \(duration)") }
            if workout.targetPace != nil { fail("\(path).targetPace", "a rest day has no target pace") }
            if !workout.segments.isEmpty { fail("\(path).segments", "a rest day has no steps") }
            return
        case .crossTraining:
            if workout.targetPace != nil { fail("\(path).targetPace", "cross-training has no running pace") }
            if duration > Self.maxTrainingDaySeconds { fail("\(path).durationSeconds", "more than 8 h of cross-training is implausible") }
            return
        default:
            break
        }
        if !trainingDay && !isRaceDay {
            fail("\(path).type", "\(date.weekday.rawValue) is not one of the athlete's training days, so it must be a rest day")
        }
        guard distance > 0 || duration > 0 else { return fail("\(path).distanceMeters", "a \(workout.type.rawValue) run needs a distance or a duration") }
        if !isRaceDay {
            if distance > Self.maxTrainingDayMeters { fail("\(path).distanceMeters", "\(Format.kilometers(distance)) km in a training day is implausible (cap 60 km)") }
            if duration > Self.maxTrainingDaySeconds { fail("\(path).durationSeconds", "\(Format.duration(duration)) in a training day is implausible (cap 8 h)") }
        }
        if let pace = workout.targetPace {
            if let reason = paceProblem(pace) { return fail("\(path).targetPace", reason) }
        } else if (workout.targetEffort ?? "").isEmpty || !workout.type.isQuality {
            return fail("\(path).targetPace", "a run needs a target pace range (or, for a hill or effort session, a targetEffort)")
        }
        if distance > 0 && duration > 0 {
            let average = duration / (distance / 1000)
            if average < Self.fastestPace || average > Self.slowestPace * 1.1 {
                fail("\(path).durationSeconds", "\(Format.duration(duration)) for \(Format.kilometers(distance)) km means \(Format.pace(average)), which is implausible")
            }
        }
        guard !workout.segments.isEmpty else { return }
        var stepsOK = true
        for (index, segment) in workout.segments.enumerated() {
            if !checkSegment(segment, path: path.segment(index), nested: false, fail: fail) { stepsOK = false }
        }
        guard stepsOK else { return }
        let stepMeters = Self.meters(workout.segments), stepSeconds = Self.seconds(workout.segments)
        // Unpaced steps (a timed hill rep, a 400 m jog) fit anywhere between 2:00/km and 15:00/km.
        let unknownSeconds = Self.unpacedSeconds(workout.segments), unknownMeters = Self.unpacedMeters(workout.segments)
        let meterSlack = unknownSeconds / Self.fastestPace * 1000
        let secondSlack = unknownMeters / 1000 * Self.slowestPace
        if distance > 0, stepMeters - distance > max(250, distance * 0.05) || distance - stepMeters > max(250, distance * 0.05) + meterSlack {
            fail("\(path).segments", "the steps add up to \(Format.kilometers(stepMeters)) km but the day says \(Format.kilometers(distance)) km")
        }
        if duration > 0, stepSeconds - duration > max(60, duration * 0.05) || duration - stepSeconds > max(60, duration * 0.05) + secondSlack {
            fail("\(path).durationSeconds", "the steps take \(Format.duration(stepSeconds)) but the day says \(Format.duration(duration))")
        }
    }

    /// Seconds of timed steps that have neither a distance nor a pace.
    static func unpacedSeconds(_ segments: [WorkoutSegment]) -> Double {
        segments.reduce(0) { total, segment in
            if segment.kind == .repeat { return total + Double(segment.repeats ?? 1) * unpacedSeconds(segment.steps ?? []) }
            if (segment.distanceMeters ?? 0) == 0, segment.targetPace == nil { return total + (segment.durationSeconds ?? 0) }
            return total
        }
    }

    /// Metres of distance steps that have neither a duration nor a pace.
    static func unpacedMeters(_ segments: [WorkoutSegment]) -> Double {
        segments.reduce(0) { total, segment in
            if segment.kind == .repeat { return total + Double(segment.repeats ?? 1) * unpacedMeters(segment.steps ?? []) }
            if (segment.durationSeconds ?? 0) == 0, segment.targetPace == nil { return total + (segment.distanceMeters ?? 0) }
            return total
        }
    }

    /// Checks one step; returns whether it is sound enough to add up.
    func checkSegment(_ segment: WorkoutSegment, path: WorkoutPath, nested: Bool, fail: (String, String) -> Void) -> Bool {
        var ok = true
        if let zone = segment.heartRateZone, !(1...5).contains(zone) { fail("\(path).heartRateZone", "must be 1 … 5, got \(zone)"); ok = false }
        if segment.kind == .repeat {
            if nested { fail("\(path).kind", "a repeat cannot be nested inside another repeat"); return false }
            guard let repeats = segment.repeats, (1...50).contains(repeats) else {
                fail("\(path).repeats", "a repeat needs 1 … 50 repetitions, got \(segment.repeats.map(String.init) ?? "none")")
                return false
            }
            guard let steps = segment.steps, !steps.isEmpty else { fail("\(path).steps", "a repeat needs at least one step"); return false }
            for (index, step) in steps.enumerated() where !checkSegment(step, path: path.step(index), nested: true, fail: fail) { ok = false }
            return ok
        }
        if let steps = segment.steps, !steps.isEmpty { fail("\(path).steps", "only repeat steps may contain steps"); ok = false }
        if let repeats = segment.repeats, repeats != 1 { fail("\(path).repeats", "only repeat steps may repeat"); ok = false }
        let distance = segment.distanceMeters ?? 0, duration = segment.durationSeconds ?? 0
        guard distance.isFinite, distance >= 0, distance <= 100_000 else { fail("\(path).distanceMeters", "must be 0 … 100000 m, got \(distance)"); return false }
        guard duration.isFinite, duration >= 0, duration <= 24 * 3600 else { fail("\(path).durationSeconds", "must be 0 … 86400 s, got \(duration)"); return false }
        guard distance > 0 || duration > 0 else { fail("\(path).distanceMeters", "a step needs a distance or a duration"); return false }
        if let pace = segment.targetPace, let reason = paceProblem(pace) { fail("\(path).targetPace", reason); ok = false }
        if distance == 0 && segment.targetPace == nil {
            // A timed step without a pace cannot be converted to distance; accept it but it adds no distance.
        }
        return ok
    }

    /// The steps' distance in metres (timed steps converted at their pace).
    static func meters(_ segments: [WorkoutSegment]) -> Double {
        segments.reduce(0) { total, segment in
            if segment.kind == .repeat { return total + Double(segment.repeats ?? 1) * meters(segment.steps ?? []) }
            if let distance = segment.distanceMeters, distance > 0 { return total + distance }
            if let duration = segment.durationSeconds, let pace = segment.targetPace { return total + duration / pace.midSecondsPerKm * 1000 }
            return total
        }
    }

    /// The steps' time in seconds (distance steps at their pace's middle, else their own duration).
    static func seconds(_ segments: [WorkoutSegment]) -> Double {
        segments.reduce(0) { total, segment in
            if segment.kind == .repeat { return total + Double(segment.repeats ?? 1) * seconds(segment.steps ?? []) }
            if let duration = segment.durationSeconds, duration > 0 { return total + duration }
            if let distance = segment.distanceMeters, let pace = segment.targetPace { return total + distance / 1000 * pace.midSecondsPerKm }
            return total
        }
    }
}

/// Where in a plan a workout check is (`weeks[3].days[2].workout.segments[1].steps[0]`), written out only when a
/// problem is found there.
struct WorkoutPath: CustomStringConvertible {
    /// The week's and the day's positions.
    let week: Int, day: Int
    /// The step's position in the workout, and within a repeat.
    private(set) var segment: Int?, step: Int?

    init(week: Int, day: Int) {
        self.week = week
        self.day = day
    }

    /// The path of the workout's step at `index`.
    func segment(_ index: Int) -> WorkoutPath {
        var path = self
        path.segment = index
        return path
    }

    /// The path of this repeat's step at `index`.
    func step(_ index: Int) -> WorkoutPath {
        var path = self
        path.step = index
        return path
    }

    var description: String {
        var text = "weeks[\(week)].days[\(day)].workout"
        if let segment { text += ".segments[\(segment)]" }
        if let step { text += ".steps[\(step)]" }
        return text
    }
}
