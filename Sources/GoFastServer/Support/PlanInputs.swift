import Foundation
import JSONRPC
import TrainingDomain
import TrainingStore

/// What `plan.generate`, `plan.regenerate` and `plan.create` resolve the same way: races, training days,
/// goal and fitness, validation of a generated plan, and its summary.
enum PlanInputs {
    static func plan(_ id: String, _ context: ServerContext) async throws -> TrainingPlan {
        guard let plan = try await context.database.plan(id: id) else { throw RPCError.notFound("plan", id: id) }
        return plan
    }

    static func resolveRace(raceId: String?, inline: InlineRace?, draft: TrainingPlan?, _ context: ServerContext) async throws -> (race: Race, inserts: Bool) {
        switch (raceId, inline) {
        case (.some, .some):
            throw RPCError.invalidParams(field: "race", reason: "give raceId or race, not both")
        case (let id?, nil):
            guard let race = try await context.database.race(id: id) else { throw RPCError.notFound("race", id: id) }
            return (race, false)
        case (nil, let inline?):
            let race = try RaceInputs.makeRace(
                id: inline.id, name: inline.name, date: inline.date, distanceMeters: inline.distanceMeters,
                location: inline.location, fieldPrefix: "race.", context
            )
            if let existing = try await context.database.race(id: race.id) {
                var comparable = race
                comparable.createdAt = existing.createdAt
                guard comparable == existing else { throw RPCError.conflict("a race with id \"\(race.id)\" already exists with other fields") }
                return (existing, false)
            }
            return (race, true)
        case (nil, nil):
            if let draft, let race = try await context.database.race(forPlan: draft.id) { return (race, false) }
            throw RPCError.invalidParams(field: "raceId", reason: "is required (or an inline race {name, date, distanceMeters})")
        }
    }

    /// Default training days for a number of days a week: quality mid-week, the long run on Sunday.
    static let defaultTrainingDays: [Int: [Weekday]] = [
        3: [.tuesday, .thursday, .sunday],
        4: [.tuesday, .thursday, .saturday, .sunday],
        5: [.tuesday, .wednesday, .thursday, .saturday, .sunday],
        6: [.tuesday, .wednesday, .thursday, .friday, .saturday, .sunday],
        7: Weekday.allCases,
    ]

    static func resolveTrainingDays(daysPerWeek: Int?, preferredDays: [String]?, fallback: [Weekday]?) throws(RPCError) -> [Weekday] {
        if let preferredDays {
            var days: [Weekday] = []
            for (index, name) in preferredDays.enumerated() {
                guard let day = Weekday(name: name) else {
                    throw RPCError.invalidParams(field: "preferredDays[\(index)]", reason: "must be a weekday like \"mon\" or \"monday\", got \"\(name.prefix(20))\"")
                }
                guard !days.contains(day) else { throw RPCError.invalidParams(field: "preferredDays[\(index)]", reason: "repeats \(day.rawValue)") }
                days.append(day)
            }
            guard (3...7).contains(days.count) else {
                throw RPCError.invalidParams(field: "preferredDays", reason: "must name 3 to 7 days, got \(days.count)")
            }
            if let daysPerWeek, daysPerWeek != days.count {
                throw RPCError.invalidParams(field: "daysPerWeek", reason: "is \(daysPerWeek) but preferredDays names \(days.count) days")
            }
            return days.sorted { $0.mondayBasedIndex < $1.mondayBasedIndex }
        }
        if let daysPerWeek {
            guard let days = defaultTrainingDays[daysPerWeek] else {
                throw RPCError.invalidParams(field: "daysPerWeek", reason: "must be between 3 and 7, got \(daysPerWeek)")
            }
            return days
        }
        return fallback.flatMap { $0.count >= 3 ? $0 : nil } ?? defaultTrainingDays[5] ?? Weekday.allCases
    }

    static func resolveLongRunDay(_ name: String?, trainingDays: [Weekday]) throws(RPCError) -> Weekday? {
        guard let name else { return nil }
        guard let day = Weekday(name: name) else {
            throw RPCError.invalidParams(field: "longRunDay", reason: "must be a weekday like \"sun\", got \"\(name.prefix(20))\"")
        }
        guard trainingDays.contains(day) else {
            throw RPCError.invalidParams(field: "longRunDay", reason: "\(day.rawValue) is not one of the training days (\(trainingDays.map(\.rawValue).joined(separator: ", ")))")
        }
        return day
    }

    static func weeklyDistance(_ value: Double?) throws(RPCError) -> Double? {
        try value.map { value throws(RPCError) in
            try Validation.number(value, in: 0...300_000, field: "currentWeeklyDistanceMeters", unit: "metres")
        }
    }

    static func goalTime(_ value: Double, distanceMeters: Double) throws(RPCError) -> Double {
        try plausibleRaceTime(value, distanceMeters: distanceMeters, field: "goalTimeSeconds")
    }

    /// A race time no faster than about the world record for the distance (5K 12:35 scaled by Riegel's
    /// exponent 1.06, less 3 %) and no slower than 14:00 per km (so every derived training pace stays plausible).
    static func plausibleRaceTime(_ value: Double, distanceMeters: Double, field: String) throws(RPCError) -> Double {
        let fastest = 755 * pow(distanceMeters / 5000, 1.06) * 0.97
        let slowest = 840 * distanceMeters / 1000
        guard value.isFinite, value >= fastest, value <= slowest else {
            throw RPCError.invalidParams(
                field: field,
                reason: "must be between \(Int(fastest.rounded(.up))) s (about the world record) and \(Int(slowest)) s (14:00 per km) for \(Int(distanceMeters)) m, got \(Validation.format(value))"
            )
        }
        return value
    }

    static func fitness(_ recent: RacePerformance?, athlete: Athlete) throws(RPCError) -> RacePerformance? {
        if let recent {
            _ = try Validation.number(recent.distanceMeters, in: 1000...100_000, field: "recentRace.distanceMeters", unit: "metres")
            _ = try plausibleRaceTime(recent.timeSeconds, distanceMeters: recent.distanceMeters, field: "recentRace.timeSeconds")
            return recent
        }
        return athlete.fiveKTimeSeconds.map { RacePerformance(distanceMeters: 5000, timeSeconds: $0) }
    }

    /// The gate every generator's plan passes before a row is written: `-32011` naming what the validator refused.
    static func validate(_ generated: GeneratedPlan, for request: PlanRequest, generator: String) throws(RPCError) {
        do {
            try PlanValidator().validate(generated, for: request)
        } catch {
            throw RPCError(
                code: ApplicationErrorCode.planRejected,
                message: "The \(generator) generator's plan was rejected: \(error.path) \(error.reason)",
                data: ["generator": .string(generator), "path": .string(error.path), "reason": .string(error.reason)]
            )
        }
    }

    /// What `plan.generate` and `plan.regenerate` answer.
    static func result(_ generated: GeneratedPlan, plan: TrainingPlan, race: Race, generator: String) -> PlanGenerationResult {
        PlanGenerationResult(
            plan: plan, race: race, paces: generated.paces, vdot: generated.vdot.map { ($0 * 10).rounded() / 10 },
            goalTimeSeconds: generated.goalTimeSeconds.rounded(), targetTimeSeconds: generated.targetTimeSeconds.rounded(),
            predictedTimeSeconds: generated.predictedTimeSeconds.map { $0.rounded() }, generator: generator,
            weeks: generated.weeks.map { WeekSummary(week: $0, startDate: plan.startDate.adding(days: 7 * $0.weekIndex)) },
            warnings: generated.warnings
        )
    }

    /// The plan's rows: one planned day per generated day, dated by the backend from the plan's start, with ids of
    /// one series (side by side in the index).
    static func plannedDays(of generated: GeneratedPlan, plan: TrainingPlan) -> [PlannedDay] {
        var ids = IdentifierSeries("day")
        return generated.weeks.flatMap { week in plannedDays(of: week, plan: plan, ids: &ids) }
    }

    /// The rows of one generated week, numbered and dated by the week's and days' own numbers (a regenerated
    /// plan's weeks start where the change does), which the validator checks.
    static func plannedDays(of week: GeneratedWeek, plan: TrainingPlan, ids: inout IdentifierSeries) -> [PlannedDay] {
        week.days.map { day in
            PlannedDay(
                id: ids.next(), trainingPlanId: plan.id, weekIndex: week.weekIndex, dayIndex: day.dayIndex,
                date: plan.date(weekIndex: week.weekIndex, dayIndex: day.dayIndex), phase: day.phase, plannedData: day.workout
            )
        }
    }
}

/// A plan with its race (and, for `plan.assign`, when it was assigned).
struct PlanAndRace: Encodable {
    var plan: TrainingPlan
    var race: Race?
    var assignedAt: String?
}
