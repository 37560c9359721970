import TrainingDomain

/// The calendar grid: one row per plan week, one cell per day coloured by its compliance colour.
enum CalendarGrid {
    /// The grid's HTML; rows start on the plan's first weekday.
    static func html(_ days: [PlanReportDay], weeks: [PlanReportWeek], today: CalendarDate?) -> String {
        let sorted = days.sorted { $0.date < $1.date }
        guard let first = sorted.first?.date else { return "<p class=\"empty\">The plan has no days yet.</p>" }
        var phases: [Int: TrainingPhase] = [:]
        for week in weeks { phases[first.days(to: week.startDate) / 7] = week.phase }

        var out = "<div class=\"calendar\"><div class=\"head\"></div>"
        for offset in 0..<7 {
            out += "<div class=\"head\">\(HTMLText.weekdays[first.adding(days: offset).weekday.mondayBasedIndex])</div>"
        }
        var row = -1
        var column = 0
        for day in sorted {
            let dayRow = first.days(to: day.date) / 7
            if dayRow != row {
                if row >= 0 { out += String(repeating: "<div></div>", count: 7 - column) }
                row = dayRow
                column = 0
                let phase = phases[row]
                out += "<div class=\"week p-\(HTMLText.phaseClass(phase))\">W\(row + 1)<small>\(HTMLText.phaseLabel(phase))</small></div>"
            }
            let wanted = first.days(to: day.date) % 7
            if wanted > column { out += String(repeating: "<div></div>", count: wanted - column) }
            column = wanted + 1
            out += cell(day, today: today)
        }
        if column > 0 { out += String(repeating: "<div></div>", count: 7 - column) }
        return out + "</div>"
    }

    static func cell(_ day: PlanReportDay, today: CalendarDate?) -> String {
        var classes = ["day"]
        if day.type == .rest { classes.append("rest") }
        if day.type == .race { classes.append("race") }
        if let color = day.compliance { classes.append("c-\(color.rawValue)") }
        if day.date == today { classes.append("today") }
        let (long, short) = HTMLText.typeLabel(day.type)
        let status: String
        switch day.compliance {
        case .green: status = "done as planned"
        case .yellow: status = "partly as planned"
        case .red: status = "far from the plan"
        case .grey: status = "missed"
        case nil: status = day.type == .rest ? "rest" : (today.map { day.date >= $0 } ?? true ? "to come" : "not judged")
        }
        let (_, month, dayOfMonth) = day.date.components
        let dateText = dayOfMonth == 1 || day.date == today ? "\(dayOfMonth) \(HTMLText.months[month - 1])" : "\(dayOfMonth)"
        var out = "<div class=\"\(classes.joined(separator: " "))\" data-date=\"\(day.date)\" title=\"\(HTMLText.escape("\(HTMLText.longDate(day.date)): \(day.title) (\(status))"))\">"
        out += "<span class=\"date\">\(dateText)</span>"
        out += "<span class=\"what\"><span class=\"long\">\(HTMLText.escape(long))</span><span class=\"short\">\(HTMLText.escape(short))</span></span>"
        if day.plannedDistanceMeters > 0, day.plannedDistanceMeters.isFinite {
            out += "<span class=\"km\">\(WorkoutText.kilometers(day.plannedDistanceMeters))<span class=\"unit\"> km</span></span>"
        }
        return out + "</div>"
    }
}
