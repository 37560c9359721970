/// A ceiling on how fast weekly volume may grow from where the runner is: each week at most `rise` over the one before,
/// starting from `startWeeklyMeters` (the 10 % rule). Weeks already under the ceiling are kept; the race is never touched.
public enum VolumeRamp {
    /// `days` with every plan week from `from` on held under the ceiling (runs shortened by the week's factor).
    public static func capped(_ days: [PlannedDay], from: CalendarDate, startWeeklyMeters: Double, rise: Double = 0.10, easyPace: PaceRange) -> [PlannedDay] {
        var edited = days
        let weeks = Set(days.filter { $0.date >= from }.map(\.weekIndex)).sorted()
        var ceiling = max(startWeeklyMeters, WorkoutReshaping.shortestRunMeters)
        for week in weeks {
            ceiling *= 1 + rise
            let indices = edited.indices.filter { edited[$0].weekIndex == week && edited[$0].date >= from && edited[$0].plannedData.type != .race }
            let volume = indices.map { edited[$0].plannedData.distanceMeters }.reduce(0, +)
            guard volume > ceiling, volume > 0 else { continue }
            let factor = ceiling / volume
            for index in indices where edited[index].plannedData.type.isRun {
                edited[index].plannedData = WorkoutReshaping.scaled(edited[index].plannedData, by: factor, easyPace: easyPace,
                                                                    note: "Built up from your current volume:")
            }
            // Runs have a floor (about 20 minutes): when the week is still over, its shortest easy runs become rest.
            var total = indices.map { edited[$0].plannedData.distanceMeters }.reduce(0, +)
            let easyRuns = indices.filter { [.easy, .recovery].contains(edited[$0].plannedData.type) }
                .sorted { edited[$0].plannedData.distanceMeters < edited[$1].plannedData.distanceMeters }
            for index in easyRuns where total > ceiling * 1.05 {
                total -= edited[index].plannedData.distanceMeters
                edited[index].plannedData = WorkoutReshaping.rest("Rest: the week stays within 10 % of your current volume.")
            }
        }
        return edited
    }
}
