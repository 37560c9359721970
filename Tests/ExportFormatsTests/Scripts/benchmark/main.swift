// Times the three export encoders on an 18-week marathon plan in an optimised build; run ../benchmark.sh.
import ExportFormats
import TrainingDomain

let plan = try SamplePlan.marathon()
let report = try SampleReport.marathon()
let calendar = ICSCalendarPlan(planId: plan.id, name: plan.name, days: plan.days.map {
    ICSCalendarDay(plannedDayId: $0.id, date: $0.date, revision: 1, workout: $0.plannedData)
})
let workouts = plan.days.map(\.plannedData).filter { !$0.segments.isEmpty }

/// The median of `rounds` timings of `body`, in microseconds.
func median(_ rounds: Int, _ body: () throws -> Int) rethrows -> (Double, Int) {
    let clock = ContinuousClock()
    var samples: [Double] = []
    var size = 0
    for _ in 0..<rounds {
        let elapsed = try clock.measure { size = try body() }
        samples.append(Double(elapsed.components.attoseconds) / 1e12 + Double(elapsed.components.seconds) * 1e6)
    }
    samples.sort()
    return (samples[samples.count / 2], size)
}

let (ics, icsBytes) = median(51) { ICSCalendarEncoder.encodeBytes(calendar, stampEpochSeconds: 1_779_258_600).count }
let (html, htmlBytes) = median(51) { HTMLReportRenderer.render(report).utf8.count }
let (fitAll, fitBytes) = try median(51) {
    try workouts.reduce(0) { $0 + (try FITWorkoutEncoder.encode($1, timeCreatedEpochSeconds: 1_779_258_600)).count }
}
func show(_ label: String, _ micros: Double, _ bytes: Int) {
    let ms = Double(Int(micros / 10)) / 100
    print("\(label): \(ms) ms (\(bytes) bytes)")
}
show("ICS, 18-week plan (\(calendar.days.filter { $0.workout.type != .rest }.count) events)", ics, icsBytes)
show("HTML report, 18-week plan", html, htmlBytes)
show("FIT, all \(workouts.count) workouts", fitAll, fitBytes)
print("FIT, per workout: \(Double(Int(fitAll / Double(workouts.count) * 10)) / 10) µs")
