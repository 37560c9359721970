import TrainingDomain

/// The SVG line chart of fitness, fatigue and form by date, with a zero line for form and a marker for today.
enum FitnessChart {
    static let width = 1000.0
    static let height = 300.0
    static let left = 84.0, right = 8.0, top = 14.0, bottom = 44.0

    /// The chart's SVG element, or a note when there are fewer than two points.
    static func svg(_ points: [PlanReportFitnessPoint], today: CalendarDate?) -> String {
        let sorted = points.filter { $0.fitness.isFinite && $0.fatigue.isFinite && $0.form.isFinite }.sorted { $0.date < $1.date }
        guard let first = sorted.first?.date, let last = sorted.last?.date, first < last else {
            return "<p class=\"empty\">Fitness, fatigue and form appear here once there is training load to compute them from.</p>"
        }
        let values = sorted.flatMap { [$0.fitness, $0.fatigue, $0.form] }
        let low = min(0, values.min() ?? 0), high = max(1, values.max() ?? 1)
        let step = ChartScale.niceStep(high - low, ticks: 4)
        let bottomValue = (low / step).rounded(.down) * step, topValue = (high / step).rounded(.up) * step
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let span = Double(first.days(to: last))
        func x(_ date: CalendarDate) -> Double { left + Double(first.days(to: date)) / span * plotWidth }
        func y(_ value: Double) -> Double { top + (topValue - value) / (topValue - bottomValue) * plotHeight }

        var out = "<svg class=\"chart fitness\" viewBox=\"0 0 \(HTMLText.number(width)) \(HTMLText.number(height))\" role=\"img\" "
            + "aria-label=\"Fitness, fatigue and form\" xmlns=\"http://www.w3.org/2000/svg\">"
        var tick = bottomValue
        while tick <= topValue + 1e-9 {
            let ty = HTMLText.number(y(tick))
            out += "<line class=\"\(abs(tick) < 1e-9 ? "axis" : "grid")\" x1=\"\(HTMLText.number(left))\" x2=\"\(HTMLText.number(width - right))\" y1=\"\(ty)\" y2=\"\(ty)\"/>"
            out += "<text x=\"\(HTMLText.number(left - 10))\" y=\"\(ty)\" text-anchor=\"end\" dominant-baseline=\"middle\">\(HTMLText.number(tick))</text>"
            tick += step
        }
        // The first day, then month starts along the bottom (none crowding the first label).
        let bottomY = HTMLText.number(height - bottom + 26)
        out += "<text x=\"\(HTMLText.number(x(first)))\" y=\"\(bottomY)\" text-anchor=\"start\">\(HTMLText.dayMonth(first))</text>"
        var date = first.adding(days: 1)
        while date <= last {
            let (_, month, day) = date.components
            if day == 1, first.days(to: date) >= 14 {
                out += "<text x=\"\(HTMLText.number(x(date)))\" y=\"\(bottomY)\" "
                    + "text-anchor=\"middle\">\(HTMLText.months[month - 1])</text>"
            }
            date = date.adding(days: day == 1 ? 27 : 1)
        }
        if let today, first <= today, today <= last {
            let tx = HTMLText.number(x(today))
            out += "<line class=\"axis\" stroke-dasharray=\"4 4\" x1=\"\(tx)\" x2=\"\(tx)\" y1=\"\(HTMLText.number(top))\" y2=\"\(HTMLText.number(height - bottom))\"/>"
            out += "<text class=\"now\" x=\"\(tx)\" y=\"\(HTMLText.number(top - 2))\" text-anchor=\"middle\">today</text>"
        }
        for (name, value) in [("fitness", \PlanReportFitnessPoint.fitness), ("fatigue", \.fatigue), ("form", \.form)] {
            let path = sorted.map { "\(HTMLText.number(x($0.date))),\(HTMLText.number(y($0[keyPath: value])))" }.joined(separator: " ")
            out += "<polyline class=\"line-\(name)\" fill=\"none\" stroke=\"var(--\(name))\" stroke-width=\"\(name == "form" ? "2" : "3")\" "
                + "stroke-linejoin=\"round\"\(name == "form" ? " stroke-dasharray=\"6 4\"" : "") points=\"\(path)\"/>"
        }
        return out + "</svg>"
    }
}
