import TrainingDomain

/// The SVG bar chart of weekly distance: one `week-bar` rect per week (planned, light, coloured by phase) with the
/// executed distance as a solid `week-done` bar inside it.
enum WeeklyVolumeChart {
    static let width = 1000.0
    static let height = 320.0
    static let left = 84.0, right = 8.0, top = 14.0, bottom = 44.0

    /// The chart's SVG element.
    static func svg(_ weeks: [PlanReportWeek], today: CalendarDate?) -> String {
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let largest = weeks.reduce(0.0) { max($0, finite($1.plannedDistanceMeters), finite($1.executedDistanceMeters)) } / 1000
        let step = ChartScale.niceStep(largest, ticks: 4)
        let ceiling = max(step, (largest / step).rounded(.up) * step)
        func y(_ km: Double) -> Double { top + plotHeight - min(km, ceiling) / ceiling * plotHeight }

        var out = "<svg class=\"chart volume\" viewBox=\"0 0 \(HTMLText.number(width)) \(HTMLText.number(height))\" role=\"img\" "
            + "aria-label=\"Weekly distance, planned and executed\" xmlns=\"http://www.w3.org/2000/svg\">"
        var tick = 0.0
        while tick <= ceiling + 1e-9 {
            let ty = HTMLText.number(y(tick))
            out += "<line class=\"grid\" x1=\"\(HTMLText.number(left))\" x2=\"\(HTMLText.number(width - right))\" y1=\"\(ty)\" y2=\"\(ty)\"/>"
            out += "<text x=\"\(HTMLText.number(left - 10))\" y=\"\(ty)\" text-anchor=\"end\" dominant-baseline=\"middle\">\(WorkoutText.kilometers(tick * 1000)) km</text>"
            tick += step
        }
        let slot = weeks.isEmpty ? plotWidth : plotWidth / Double(weeks.count)
        let barWidth = slot * 0.74, doneWidth = slot * 0.46
        for (position, week) in weeks.enumerated() {
            let center = left + slot * (Double(position) + 0.5)
            let planned = finite(week.plannedDistanceMeters) / 1000, done = finite(week.executedDistanceMeters) / 1000
            let phase = HTMLText.phaseClass(week.phase)
            let isNow = today.map { week.startDate <= $0 && $0 < week.startDate.adding(days: 7) } ?? false
            out += "<g class=\"week\"><title>Week \(week.weekIndex + 1) (\(HTMLText.phaseLabel(week.phase)), from \(HTMLText.dayMonth(week.startDate))): "
                + "planned \(WorkoutText.kilometers(planned * 1000)) km, done \(WorkoutText.kilometers(done * 1000)) km</title>"
            out += "<rect class=\"week-bar phase-\(phase)\" data-week=\"\(week.weekIndex)\" x=\"\(HTMLText.number(center - barWidth / 2))\" "
                + "y=\"\(HTMLText.number(y(planned)))\" width=\"\(HTMLText.number(barWidth))\" height=\"\(HTMLText.number(y(0) - y(planned)))\" rx=\"3\"/>"
            if done > 0 {
                out += "<rect class=\"week-done phase-\(phase)\" x=\"\(HTMLText.number(center - doneWidth / 2))\" y=\"\(HTMLText.number(y(done)))\" "
                    + "width=\"\(HTMLText.number(doneWidth))\" height=\"\(HTMLText.number(y(0) - y(done)))\" rx=\"2\"/>"
            }
            let labelClass = (isNow ? "now" : "") + (position % 2 == 1 && !isNow ? " minor" : "")
            out += "<text class=\"\(labelClass)\" x=\"\(HTMLText.number(center))\" y=\"\(HTMLText.number(height - bottom + 26))\" text-anchor=\"middle\">"
                + "\(week.weekIndex + 1)</text></g>"
        }
        out += "<line class=\"axis\" x1=\"\(HTMLText.number(left))\" x2=\"\(HTMLText.number(width - right))\" y1=\"\(HTMLText.number(y(0)))\" y2=\"\(HTMLText.number(y(0)))\"/>"
        return out + "</svg>"
    }

    private static func finite(_ value: Double) -> Double { value.isFinite ? max(0, value) : 0 }
}

/// Axis steps that read well: 1, 2, 2.5 or 5 times a power of ten.
enum ChartScale {
    /// The smallest nice step that covers `largest` in at most `ticks` steps; 1 when there is nothing to show.
    static func niceStep(_ largest: Double, ticks: Int) -> Double {
        guard largest.isFinite, largest > 0 else { return 1 }
        let raw = largest / Double(max(1, ticks))
        var power = 1.0
        while power * 10 <= raw { power *= 10 }
        while power > raw, power > 1e-6 { power /= 10 }
        for factor in [1.0, 2.0, 2.5, 5.0, 10.0] where factor * power >= raw { return factor * power }
        return 10 * power
    }
}
