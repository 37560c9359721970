/// Decides every day's role on the plan's timeline (day 0 = start date, the race on `raceIndex`).
///
/// Normal weeks follow the `WeeklyLayout`. The last six days before the race are race week: easy running,
/// one short sharpener three (else four, two or five) days out, and a shakeout or rest the day before.
/// After a mid-week race the remaining days are rest or short recovery jogs (marathon/ultra: three days off,
/// half: one, 5K/10K: none). Strides go on easy days (two a week in base, one later) and do not count as quality.
/// The day before the long run is rest or a short easy run. Marathon long runs carry a marathon-pace block in
/// non-cutback peak weeks (and, for experienced runners, in the second half of the build), never for beginners;
/// intermediate runners only in weeks without a separate marathon-pace session, so they have two hard days a week.
struct RolePlanner: Sendable {
    /// Which weekdays do what.
    let layout: WeeklyLayout
    /// The race family.
    let category: RaceCategory
    /// The start date's weekday, Monday-based.
    let startWeekday: Int
    /// The race's day on the timeline.
    let raceIndex: Int
    /// Phase of each week.
    let phases: [TrainingPhase]
    /// Weeks before the taper.
    let preTaperWeeks: Int
    /// The athlete's level.
    let level: AthleteLevel

    /// Whether week `week` is a cutback week: every fourth week before the taper, except the last one.
    func isCutback(_ week: Int) -> Bool {
        week % 4 == 3 && week < preTaperWeeks - 1
    }

    /// The Monday-based weekday of timeline day `index`.
    func weekday(_ index: Int) -> Int { (startWeekday + index) % 7 }

    /// Whether timeline day `index` is a training day.
    func isTraining(_ index: Int) -> Bool { layout.trainingDays.contains(weekday(index)) }

    /// The sharpener's day: 3, else 4, 2 or 5 days before the race, the first that is a training day.
    var sharpenerIndex: Int? {
        [3, 4, 2, 5].map { raceIndex - $0 }.first { $0 >= 0 && isTraining($0) }
    }

    /// The seven roles of week `week`.
    func roles(week: Int) -> [DayRole] {
        let phase = phases[week]
        let weekInPhase = week - (phases.firstIndex(of: phase) ?? 0)
        let phaseLength = phases.filter { $0 == phase }.count
        let sessions = SessionKind.sessions(category: category, phase: phase, week: week, level: level)
        let qualityCount: Int
        switch phase {
        case .base, .taper: qualityCount = 1
        case .build, .peak: qualityCount = 2
        }
        // A beginner's week that holds the race-week sharpener has no other quality session.
        let holdsSharpener = sharpenerIndex.map { $0 / 7 == week } ?? false
        let usedQuality = level == .beginner && holdsSharpener ? [] : Array(layout.qualityDays.prefix(min(qualityCount, sessions.count)))
        let cutback = isCutback(week)
        let sharpener = sharpenerIndex
        let lateBuild = phase == .build && weekInPhase * 2 >= phaseLength && level == .experienced
        // Intermediate runners get the marathon-pace long run only in weeks without a separate marathon-pace session.
        let finishAtM = layout.longRunMayFinishAtM && level != .beginner && !cutback && (phase == .peak || lateBuild)
            && (level == .experienced || !sessions.contains(.marathonPace))
        var roles: [DayRole] = []
        var easyDays: [(offset: Int, weekday: Int)] = []
        for offset in 0..<7 {
            let index = week * 7 + offset
            let day = weekday(index)
            let training = isTraining(index)
            if index == raceIndex {
                roles.append(.race)
            } else if index > raceIndex {
                let after = index - raceIndex
                let daysOff: Int
                switch category {
                case .marathon, .ultra: daysOff = 3
                case .half: daysOff = 1
                case .fiveK, .tenK: daysOff = 0
                }
                roles.append(training && after > daysOff ? .postRaceRecovery : .rest(afterRace: true))
            } else if index >= raceIndex - 6 {
                if !training { roles.append(.rest(afterRace: false)) }
                else if index == raceIndex - 1 { roles.append(.shakeout) }
                else if index == sharpener { roles.append(.quality(.sharpener)) }
                else { roles.append(.raceWeekEasy) }
            } else if !training {
                roles.append(.rest(afterRace: false))
            } else if day == layout.longDay {
                roles.append(.long(finishAtM: finishAtM))
            } else if day == layout.backToBackDay && (phase == .build || phase == .peak) {
                roles.append(.backToBack)
            } else if let slot = usedQuality.firstIndex(of: day) {
                roles.append(.quality(sessions[slot]))
            } else if day == (layout.longDay + 1) % 7 {
                roles.append(.recovery)
            } else if day == (layout.longDay + 6) % 7 {
                roles.append(.preLong)
            } else {
                roles.append(.easy)
                easyDays.append((offset, day))
            }
        }
        let strideDays = phase == .base ? 2 : 1
        for easyDay in easyDays.sorted(by: { $0.weekday < $1.weekday }).prefix(strideDays) {
            roles[easyDay.offset] = .strides
        }
        return roles
    }
}
