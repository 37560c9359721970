/// Shares a week's target distance among its days and builds each day's workout.
///
/// Order of priorities: fixed days (race-week shakeout and sharpener, post-race jogs) first; then the long run at
/// the length the `VolumePlanner` asks for; quality sessions at their designed size; easy days take the rest
/// between a 25-minute minimum and their maximum, never longer than the long run, and the day before the long
/// run stays short (at most 45 minutes and half the long run). Any surplus grows easy days, then warm-ups and
/// cool-downs; any shortfall shrinks them, then the long run. Finally the long run is held to its share of the
/// week actually planned. Distances are whole 100 m units.
struct WeekFiller: Sendable {
    /// Builds the workouts.
    let factory: WorkoutFactory
    /// Shortest easy run, in units.
    let easyMin: Int
    /// Longest easy run, in units.
    let easyMax: Int
    /// Longest easy run the day before the long run, in units.
    let preLongMax: Int
    /// Longest easy run in the final six days before the race, in units.
    let raceWeekEasyMax: Int
    /// Long-run cap (distance and time), in units.
    let longCap: Int
    /// The shakeout's length, in units.
    let shakeoutUnits: Int
    /// A post-race recovery jog's length, in units.
    let postRaceUnits: Int
    /// Whether long runs are titled by time (ultras).
    let longByTime: Bool

    /// Longest recovery run, in units (10 km): recovery runs stay short (Pfitzinger & Douglas).
    static let recoveryMax = 100

    /// Warm-up and cool-down of the race-week sharpener, in units, for a week of `target` units.
    static func sharpenerWarmCool(target: Int) -> (warmUp: Int, coolDown: Int) {
        target >= 300 ? (20, 15) : (15, 10)
    }

    /// The sharpener's warm-up and cool-down for `core` units, lengthening the warm-up so the run lasts 20 minutes.
    func sharpenerWarmCool(target: Int, core: Int) -> (warmUp: Int, coolDown: Int) {
        let (warmUp, coolDown) = Self.sharpenerWarmCool(target: target)
        return (max(warmUp, easyMin * 4 / 5 - core - coolDown), coolDown)
    }

    /// A flexible day: its units between `low` and `high`.
    struct Flex {
        var units: Int
        var low: Int
        var high: Int
        var weight: Double = 1
    }

    /// What one week asks of the filler besides its roles.
    struct WeekRequest {
        /// The week's target distance, units.
        var target: Int
        /// Strides per strides day.
        var strideCount: Int
        /// The long run the volume planner asks for, units.
        var longUnits: Int
        /// The largest share of the week the long run may take.
        var longShare: Double
        /// How many sessions of each kind came before this week (their progression step).
        var steps: [SessionKind: Int]
        /// Marathon-pace finish of the long run, when the role asks for one, units.
        var finishUnits: Int
    }

    /// Fills `roles` (seven days) towards `target` units; returns the workouts and the units planned (race excluded).
    func fill(roles: [DayRole], week: WeekRequest) -> (workouts: [PlannedWorkout], units: Int) {
        let target = week.target, strideCount = week.strideCount
        let weeklyMeters = Double(max(target, 0) * 100)
        var fixed = 0
        var designs: [Int: SessionDesign] = [:]
        var longIndex: Int?, backIndex: Int?
        var quality: [Int] = [], easy: [Int] = []
        for (index, role) in roles.enumerated() {
            switch role {
            case .rest, .race: break
            case .shakeout: fixed += shakeoutUnits
            case .postRaceRecovery: fixed += postRaceUnits
            case .quality(.sharpener):
                let design = factory.design(.sharpener, weeklyMeters: weeklyMeters, step: 0)
                designs[index] = design
                let (warmUp, coolDown) = sharpenerWarmCool(target: target, core: design.coreUnits)
                fixed += design.coreUnits + warmUp + coolDown
            case .quality(let kind):
                designs[index] = factory.design(kind, weeklyMeters: weeklyMeters, step: week.steps[kind] ?? 0)
                quality.append(index)
            case .long: longIndex = index
            case .backToBack: backIndex = index
            case .easy, .preLong, .recovery, .strides, .raceWeekEasy: easy.append(index)
            }
        }
        let available = target - fixed
        let longUnits = max(easyMin, min(longCap, week.longUnits))
        var long = longIndex.map { _ in Flex(units: longUnits, low: easyMin, high: longUnits) }
        var back = backIndex.map { _ in
            Flex(units: max(easyMin, Int(Double(long?.units ?? easyMin) * 0.6)), low: easyMin, high: max(easyMin, Int(Double(longUnits) * 0.8)))
        }
        let warmCool = target >= 300 ? 35 : 25
        var sessions = quality.map { index -> Flex in
            let core = designs[index]!.coreUnits
            let low = max(core + 20, easyMin)
            return Flex(units: max(low, core + warmCool), low: low, high: max(low, core + 70))
        }
        var easies = easy.map { index -> Flex in
            switch roles[index] {
            case .recovery: return Flex(units: easyMin, low: easyMin, high: max(easyMin, min(Self.recoveryMax, Int(Double(easyMax) * 0.6))), weight: 0.75)
            case .preLong:
                let high = max(easyMin, min(preLongMax, (longIndex == nil ? week.longUnits : longUnits) / 2))
                return Flex(units: easyMin, low: easyMin, high: high, weight: 0.5)
            case .strides:
                let low = easyMin + factory.strideUnits(count: strideCount)
                return Flex(units: low, low: low, high: max(low, easyMax))
            case .raceWeekEasy: return Flex(units: easyMin, low: easyMin, high: max(easyMin, raceWeekEasyMax))
            default: return Flex(units: easyMin, low: easyMin, high: easyMax)
            }
        }
        func sum() -> Int {
            (long?.units ?? 0) + (back?.units ?? 0) + sessions.reduce(0) { $0 + $1.units } + easies.reduce(0) { $0 + $1.units }
        }
        var balance = available - sum()
        if balance > 0 {
            var progress = true
            while balance > 0 && progress {
                let before = balance
                let ceiling = long?.units ?? Int.max
                balance = Self.grow(&easies, by: balance, ceiling: ceiling)
                balance = Self.grow(&sessions, by: balance, ceiling: .max)
                if long != nil {
                    var pair = [long!]
                    balance = Self.grow(&pair, by: balance, ceiling: .max)
                    long = pair[0]
                }
                if back != nil {
                    var pair = [back!]
                    balance = Self.grow(&pair, by: balance, ceiling: long?.units ?? .max)
                    back = pair[0]
                }
                progress = balance < before
            }
        } else if balance < 0 {
            var deficit = -balance
            deficit = Self.shrink(&sessions, by: deficit)
            if back != nil { var one = [back!]; deficit = Self.shrink(&one, by: deficit); back = one[0] }
            if long != nil { var one = [long!]; deficit = Self.shrink(&one, by: deficit); long = one[0] }
            _ = deficit
        }
        // Hold the long run to its share of the week actually planned, and every easy run to the long run.
        if var longRun = long {
            let others = fixed + sum() - longRun.units
            let limit = Int(Double(others) * week.longShare / (1 - week.longShare))
            if longRun.units > limit { longRun.units = max(easyMin, limit) }
            long = longRun
            if var second = back, second.units > longRun.units { second.units = longRun.units; back = second }
            for index in easies.indices where easies[index].units > longRun.units { easies[index].units = max(easies[index].low, longRun.units) }
            // A tiny week: the long run is never shorter than an easy day with strides.
            longRun.units = max(longRun.units, easies.map(\.units).max() ?? 0)
            long = longRun
            // The day before stays short: at most half the long run as finally planned.
            for (cursor, index) in easy.enumerated() where roles[index] == .preLong {
                easies[cursor].units = max(easies[cursor].low, min(easies[cursor].units, longRun.units / 2))
            }
        }

        var workouts: [PlannedWorkout] = []
        var easyCursor = 0, qualityCursor = 0
        for (index, role) in roles.enumerated() {
            switch role {
            case .rest(let afterRace): workouts.append(factory.rest(afterRace: afterRace))
            case .race: workouts.append(factory.race())
            case .shakeout: workouts.append(factory.shakeout(units: shakeoutUnits))
            case .postRaceRecovery: workouts.append(factory.recovery(units: postRaceUnits, afterRace: true))
            case .quality(.sharpener):
                let (warmUp, coolDown) = sharpenerWarmCool(target: target, core: designs[index]!.coreUnits)
                workouts.append(factory.quality(designs[index]!, warmUpUnits: warmUp, coolDownUnits: coolDown))
            case .quality:
                let design = designs[index]!
                let extra = sessions[qualityCursor].units - design.coreUnits
                qualityCursor += 1
                var warmUp = min(40, max(10, Int((Double(extra) * 0.55).rounded())))
                var coolDown = extra - warmUp
                if coolDown < 10 { warmUp -= 10 - coolDown; coolDown = 10 }
                if coolDown > 30 { warmUp += coolDown - 30; coolDown = 30 }
                workouts.append(factory.quality(design, warmUpUnits: warmUp, coolDownUnits: coolDown))
            case .long(let finishAtM):
                let units = long!.units
                let finish = finishAtM && units >= 160 ? min(week.finishUnits, units * 6 / 10) / 10 * 10 : 0
                workouts.append(factory.long(units: units, finishUnits: finish, byTime: longByTime))
            case .backToBack:
                workouts.append(factory.long(units: back!.units, finishUnits: 0, byTime: longByTime, backToBack: true))
            case .easy, .preLong, .recovery, .strides, .raceWeekEasy:
                let units = easies[easyCursor].units
                easyCursor += 1
                switch role {
                case .recovery: workouts.append(factory.recovery(units: units))
                case .strides: workouts.append(factory.strides(units: units, count: strideCount))
                case .raceWeekEasy: workouts.append(factory.easy(units: units, raceWeek: true))
                default: workouts.append(factory.easy(units: units))
                }
            }
        }
        let planned = workouts.filter { $0.type != .race }.reduce(0) { $0 + SegmentMath.units(meters: $1.distanceMeters) }
        return (workouts, planned)
    }

    /// Adds up to `amount` units across `flexes` in proportion to their weights, each up to min(high, ceiling); returns what is left.
    static func grow(_ flexes: inout [Flex], by amount: Int, ceiling: Int) -> Int {
        var remaining = amount
        while remaining > 0 {
            let open = flexes.indices.filter { flexes[$0].units < min(flexes[$0].high, ceiling) }
            guard !open.isEmpty else { break }
            let totalWeight = open.reduce(0) { $0 + flexes[$1].weight }
            var given = 0
            for index in open {
                let room = min(flexes[index].high, ceiling) - flexes[index].units
                let share = Int(Double(remaining) * flexes[index].weight / totalWeight)
                let add = min(room, share)
                flexes[index].units += add
                given += add
            }
            if given == 0 {
                for index in open where remaining - given > 0 {
                    flexes[index].units += 1
                    given += 1
                }
            }
            remaining -= given
        }
        return remaining
    }

    /// Removes up to `amount` units across `flexes` evenly, each down to its low; returns what could not be removed.
    static func shrink(_ flexes: inout [Flex], by amount: Int) -> Int {
        var remaining = amount
        while remaining > 0 {
            let open = flexes.indices.filter { flexes[$0].units > flexes[$0].low }
            guard !open.isEmpty else { break }
            var taken = 0
            let share = max(1, remaining / open.count)
            for index in open where remaining - taken > 0 {
                let cut = min(share, flexes[index].units - flexes[index].low, remaining - taken)
                flexes[index].units -= cut
                taken += cut
            }
            remaining -= taken
        }
        return remaining
    }
}
