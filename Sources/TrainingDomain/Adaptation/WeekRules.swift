/// The coach's layout rules for a week, checked after every edit: no quality days back to back, and no quality
/// session the day before the long run.
public enum WeekRules {
    /// Each broken rule in `days` (any dates; consecutive dates are compared), in words a runner reads.
    public static func violations(_ days: [PlannedDay]) -> [String] {
        let sorted = days.sorted { $0.date < $1.date }
        var found: [String] = []
        for (day, next) in zip(sorted, sorted.dropFirst()) where day.date.adding(days: 1) == next.date {
            let first = day.plannedData, second = next.plannedData
            if first.type.isQuality && second.type.isQuality {
                found.append("quality sessions back to back: \(first.title) on \(day.date) and \(second.title) on \(next.date)")
            } else if first.type.isQuality && second.type == .long {
                found.append("a quality session the day before the long run: \(first.title) on \(day.date)")
            }
        }
        return found
    }

    /// Whether `day` holds a key session: quality or the long run.
    public static func isKey(_ workout: PlannedWorkout) -> Bool {
        workout.type.isQuality || workout.type == .long
    }
}
