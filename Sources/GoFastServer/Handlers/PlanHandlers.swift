import Foundation
import JSONRPC
import TrainingDomain
import TrainingStore

/// `plan.generate`, `plan.regenerate`, `plan.create`, `plan.active`, `plan.assign`, `plan.days`, `plan.archive`.
enum PlanHandlers {
    struct InlineRace: Decodable {
        var id: String?
        var name: String
        var date: CalendarDate
        var distanceMeters: Double
        var location: String?
    }

    struct GenerateParams: Decodable {
        var athleteId: String
        var raceId: String?
        var race: InlineRace?
        var goalTimeSeconds: Double?
        var startDate: CalendarDate?
        var daysPerWeek: Int?
        var preferredDays: [String]?
        var longRunDay: String?
        var currentWeeklyDistanceMeters: Double?
        var recentRace: RacePerformance?
        var name: String?
        var planId: String?
        var id: String?
        var generator: String?
    }

    struct RegenerateParams: Decodable {
        var planId: String
        var fromDate: CalendarDate?
        var goalTimeSeconds: Double?
        var longRunDay: String?
        var currentWeeklyDistanceMeters: Double?
        var recentRace: RacePerformance?
        var generator: String?
    }

    struct CreateParams: Decodable {
        var id: String?
        var athleteId: String
        var name: String
        var raceId: String?
        var race: InlineRace?
        var goalTimeSeconds: Double?
        var startDate: CalendarDate?
        var daysPerWeek: Int?
        var preferredDays: [String]?
    }

    struct AthleteParams: Decodable {
        var athleteId: String
    }

    struct AssignParams: Decodable {
        var athleteId: String
        var planId: String
    }

    struct DaysParams: Decodable {
        var planId: String
        var from: CalendarDate?
        var to: CalendarDate?
    }

    /// What `plan.active` returns.
    struct ActivePlan: Encodable {
        var plan: TrainingPlan
        var race: Race?
        var today: PlannedDay?
        var todayDate: CalendarDate
    }

    static func methods(_ context: ServerContext) -> [RPCMethod] {
        [
            RPCMethod("plan.generate", access: .write) { request in
                try .encoding(try await generate(request, context: context))
            },
            RPCMethod("plan.regenerate", access: .write) { request in
                try .encoding(try await regenerate(request, context: context))
            },
            RPCMethod("plan.create", access: .write) { request in
                try .encoding(try await create(request, context: context))
            },
            RPCMethod("plan.active", access: .read) { request in
                let params = try request.decodeParams(AthleteParams.self)
                let athlete = try await requireAthlete(params.athleteId, context: context)
                guard let active = try await context.database.activePlan(athleteId: athlete.id) else { return .null }
                let today = context.clock.today(in: TimeZones.zone(named: athlete.timeZone) ?? .gmt)
                let day = try await context.database.plannedDay(planId: active.plan.id, date: today)
                return try .encoding(ActivePlan(plan: active.plan, race: active.race, today: day, todayDate: today))
            },
            RPCMethod("plan.assign", access: .write) { request in
                let params = try request.decodeParams(AssignParams.self)
                let now = context.clock.timestamp()
                let assigned = try await context.database.assignPlan(athleteId: params.athleteId, planId: params.planId, assignedAt: now)
                return try .encoding(PlanAndRace(plan: assigned.plan, race: assigned.race, assignedAt: now))
            },
            RPCMethod("plan.days", access: .read) { request in
                let params = try request.decodeParams(DaysParams.self)
                if let from = params.from, let to = params.to, to < from {
                    throw RPCError.invalidParams(field: "to", reason: "must not be before from (\(from))")
                }
                guard try await context.database.plan(id: params.planId) != nil else { throw RPCError.notFound("plan", id: params.planId) }
                return try .encoding(try await context.database.plannedDays(planId: params.planId, from: params.from, to: params.to))
            },
            RPCMethod("plan.archive", access: .write) { request in
                let params = try request.decodeParams(AthleteHandlers.IdParams.self)
                return try .encoding(try await context.database.archivePlan(id: params.id, at: context.clock.timestamp()))
            },
        ]
    }

    struct PlanAndRace: Encodable {
        var plan: TrainingPlan
        var race: Race?
        var assignedAt: String?
    }

    // MARK: - plan.generate

    static func generate(_ request: RPCRequest, context: ServerContext) async throws -> PlanGenerationResult {
        let params = try request.decodeParams(GenerateParams.self)
        let athlete = try await requireAthlete(params.athleteId, context: context)
        let generator = try generatorNamed(params.generator ?? context.generators.defaultGenerator, context: context)

        var draft: TrainingPlan?
        if let planId = params.planId {
            guard let found = try await context.database.plan(id: planId) else { throw RPCError.notFound("plan", id: planId) }
            guard found.status == .draft else {
                throw RPCError.conflict("plan \(planId) is \(found.status.rawValue); only a draft can be generated into")
            }
            guard found.athleteId == athlete.id else { throw RPCError.conflict("plan \(planId) belongs to another athlete") }
            draft = found
        }
        if params.planId != nil, params.id != nil {
            throw RPCError.invalidParams(field: "id", reason: "cannot be given with planId")
        }
        let (race, insertsRace) = try await resolveRace(raceId: params.raceId, inline: params.race, draft: draft, context: context)
        let trainingDays = try resolveTrainingDays(daysPerWeek: params.daysPerWeek, preferredDays: params.preferredDays, fallback: draft?.preferredDays)
        let longRunDay = try resolveLongRunDay(params.longRunDay, trainingDays: trainingDays)
        let today = context.clock.today(in: TimeZones.zone(named: athlete.timeZone) ?? .gmt)
        let startDate = params.startDate ?? draft?.startDate ?? today.next(.monday)
        let goal = try (params.goalTimeSeconds ?? draft?.goalTimeSeconds).map { value throws(RPCError) in
            try goalTime(value, distanceMeters: race.distanceMeters)
        }
        let planRequest = PlanRequest(
            raceName: race.name, raceDate: race.date, raceDistanceMeters: race.distanceMeters, startDate: startDate,
            goalTimeSeconds: goal, trainingDays: trainingDays, longRunDay: longRunDay,
            currentWeeklyDistanceMeters: try params.currentWeeklyDistanceMeters.map { value throws(RPCError) in
                try Validation.number(value, in: 0...300_000, field: "currentWeeklyDistanceMeters", unit: "metres")
            },
            recentRace: try fitness(params.recentRace, athlete: athlete)
        )
        if let id = params.id {
            try Identifiers.validate(id, field: "id")
            if try await context.database.plan(id: id) != nil { throw RPCError.conflict("a plan with id \"\(id)\" already exists") }
        }
        let lastDay = startDate.adding(days: planRequest.weekCount * 7 - 1)
        guard lastDay.components.year <= 9999, startDate <= race.date else {
            throw RPCError.invalidParams(field: "race.date", reason: "the plan must run from startDate (\(startDate)) to a race on or after it, within year 9999")
        }
        let name = try params.name.map { value throws(RPCError) in try Validation.text(value, field: "name") }
            ?? draft?.name ?? "\(race.name) plan"

        request.progress.begin(title: "Generating \(planRequest.weekCount)-week plan with \(generator.name)")
        var progressEnded = false
        defer { if !progressEnded { request.progress.end(message: "Failed") } }
        let generated = try await generator.generate(planRequest, progress: request.progress)
        try Task.checkCancellation()
        try validate(generated, for: planRequest, generator: generator.name)

        let now = context.clock.timestamp()
        let plan = TrainingPlan(
            id: draft?.id ?? params.id ?? Identifiers.make("plan"), athleteId: athlete.id, name: name,
            goalTimeSeconds: generated.goalTimeSeconds, startDate: startDate, status: .active, preferredDays: trainingDays,
            weekCount: generated.weeks.count, createdAt: draft?.createdAt ?? now, updatedAt: now
        )
        let days = plannedDays(of: generated, plan: plan)
        request.progress.report(message: "Saving \(days.count) days", percentage: 90)
        let saved = try await context.database.savePlan(PlanWrite(
            plan: plan, race: race, insertsRace: insertsRace, fillsDraft: draft != nil, days: days, assignedAt: now
        ))
        progressEnded = true
        request.progress.end(message: "Plan \(saved.id) is active")
        return result(generated, plan: saved, race: race, generator: generator.name)
    }

    static func result(_ generated: GeneratedPlan, plan: TrainingPlan, race: Race, generator: String) -> PlanGenerationResult {
        PlanGenerationResult(
            plan: plan, race: race, paces: generated.paces, vdot: generated.vdot.map { ($0 * 10).rounded() / 10 },
            predictedTimeSeconds: generated.predictedTimeSeconds.map { $0.rounded() }, generator: generator,
            weeks: generated.weeks.map { WeekSummary(week: $0, startDate: plan.startDate.adding(days: 7 * $0.weekIndex)) },
            warnings: generated.warnings
        )
    }

    static func plannedDays(of generated: GeneratedPlan, plan: TrainingPlan) -> [PlannedDay] {
        generated.weeks.flatMap { week in
            week.days.map { day in
                PlannedDay(
                    id: Identifiers.make("day"), trainingPlanId: plan.id, weekIndex: week.weekIndex, dayIndex: day.dayIndex,
                    date: plan.date(weekIndex: week.weekIndex, dayIndex: day.dayIndex), phase: day.phase, plannedData: day.workout
                )
            }
        }
    }

    static func validate(_ generated: GeneratedPlan, for request: PlanRequest, generator: String) throws {
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

    // MARK: - plan.regenerate

    static func regenerate(_ request: RPCRequest, context: ServerContext) async throws -> PlanGenerationResult {
        let params = try request.decodeParams(RegenerateParams.self)
        guard var plan = try await context.database.plan(id: params.planId) else { throw RPCError.notFound("plan", id: params.planId) }
        guard plan.status == .active || plan.status == .completed else {
            throw RPCError.conflict("plan \(plan.id) is \(plan.status.rawValue); only a generated plan can be regenerated")
        }
        guard let race = try await context.database.race(forPlan: plan.id) else { throw RPCError.conflict("plan \(plan.id) has no race") }
        let athlete = try await requireAthlete(plan.athleteId, context: context)
        let generator = try generatorNamed(params.generator ?? context.generators.defaultGenerator, context: context)
        let today = context.clock.today(in: TimeZones.zone(named: athlete.timeZone) ?? .gmt)
        let fromDate = params.fromDate ?? today
        let lastDay = plan.startDate.adding(days: plan.weekCount * 7 - 1)
        guard fromDate <= lastDay else {
            throw RPCError.invalidParams(field: "fromDate", reason: "is after the plan's last day (\(lastDay)); nothing is left to regenerate")
        }
        // The long-run day the plan was generated with, read from its long runs, unless a new one is given.
        let storedDays = try await context.database.plannedDays(planId: plan.id)
        let longRunWeekdays = storedDays.filter { $0.plannedData.type == .long }.map(\.date.weekday)
        let usualLongRunDay = Weekday.allCases.max { lhs, rhs in
            longRunWeekdays.filter { $0 == lhs }.count < longRunWeekdays.filter { $0 == rhs }.count
        }.flatMap { day in longRunWeekdays.contains(day) ? day : nil }
        let goal = try params.goalTimeSeconds.map { value throws(RPCError) in try goalTime(value, distanceMeters: race.distanceMeters) }
            ?? plan.goalTimeSeconds
        let planRequest = PlanRequest(
            raceName: race.name, raceDate: race.date, raceDistanceMeters: race.distanceMeters, startDate: plan.startDate,
            goalTimeSeconds: goal, trainingDays: plan.preferredDays,
            longRunDay: try resolveLongRunDay(params.longRunDay, trainingDays: plan.preferredDays)
                ?? usualLongRunDay.flatMap { plan.preferredDays.contains($0) ? $0 : nil },
            currentWeeklyDistanceMeters: try params.currentWeeklyDistanceMeters.map { value throws(RPCError) in
                try Validation.number(value, in: 0...300_000, field: "currentWeeklyDistanceMeters", unit: "metres")
            },
            recentRace: try fitness(params.recentRace, athlete: athlete)
        )
        request.progress.begin(title: "Regenerating plan \(plan.id) from \(fromDate)")
        defer { request.progress.end() }
        var generated = try await generator.generate(planRequest, progress: request.progress)
        try Task.checkCancellation()
        try validate(generated, for: planRequest, generator: generator.name)
        // A new current volume describes the week of fromDate: plan the remaining weeks from there, when they
        // are enough for a plan of this distance (else the whole plan is generated again, with a warning).
        let weeksBefore = max(0, plan.startDate.days(to: fromDate) / 7)
        if planRequest.currentWeeklyDistanceMeters != nil, weeksBefore > 0 {
            var tailRequest = planRequest
            tailRequest.startDate = plan.startDate.adding(days: 7 * weeksBefore)
            do {
                var tail = try await generator.generate(tailRequest, progress: request.progress)
                try validate(tail, for: tailRequest, generator: generator.name)
                tail.weeks = tail.weeks.map { week in
                    GeneratedWeek(weekIndex: week.weekIndex + weeksBefore, phase: week.phase, days: week.days.map {
                        GeneratedDay(weekIndex: week.weekIndex + weeksBefore, dayIndex: $0.dayIndex, phase: $0.phase, workout: $0.workout)
                    })
                }
                generated = tail
            } catch let error as RPCError where error.code == -32602 {
                generated.warnings.append("Only \(planRequest.weekCount - weeksBefore) weeks are left, fewer than a plan for this distance needs: the new weekly volume is planned from the plan's first week.")
            }
        }
        plan.goalTimeSeconds = generated.goalTimeSeconds
        plan.weekCount = (generated.weeks.last?.weekIndex ?? -1) + 1
        plan.updatedAt = context.clock.timestamp()
        let days = plannedDays(of: generated, plan: plan)
        _ = try await context.database.replacePlannedWorkouts(planId: plan.id, fromDate: fromDate, days: days, plan: plan)
        // The summary describes what is stored now: regenerated weeks and the kept days before fromDate.
        var regenerated = generated
        let stored = try await context.database.plannedDays(planId: plan.id)
        regenerated.weeks = Dictionary(grouping: stored, by: \.weekIndex).keys.sorted().map { weekIndex in
            let days = stored.filter { $0.weekIndex == weekIndex }.sorted { $0.dayIndex < $1.dayIndex }
            return GeneratedWeek(weekIndex: weekIndex, phase: days.first?.phase ?? .base, days: days.map {
                GeneratedDay(weekIndex: weekIndex, dayIndex: $0.dayIndex, phase: $0.phase, workout: $0.plannedData)
            })
        }
        return result(regenerated, plan: plan, race: race, generator: generator.name)
    }

    // MARK: - plan.create

    static func create(_ request: RPCRequest, context: ServerContext) async throws -> PlanAndRace {
        let params = try request.decodeParams(CreateParams.self)
        let athlete = try await requireAthlete(params.athleteId, context: context)
        if let id = params.id { try Identifiers.validate(id, field: "id") }
        let name = try Validation.text(params.name, field: "name")
        var race: Race?
        var newRace: Race?
        if params.raceId != nil || params.race != nil {
            let (resolved, inserts) = try await resolveRace(raceId: params.raceId, inline: params.race, draft: nil, context: context)
            race = resolved
            if inserts { newRace = resolved }
        }
        let raceId = race?.id
        let trainingDays = try resolveTrainingDays(daysPerWeek: params.daysPerWeek, preferredDays: params.preferredDays, fallback: nil)
        let today = context.clock.today(in: TimeZones.zone(named: athlete.timeZone) ?? .gmt)
        let now = context.clock.timestamp()
        let plan = TrainingPlan(
            id: params.id ?? Identifiers.make("plan"), athleteId: athlete.id, name: name,
            goalTimeSeconds: try params.goalTimeSeconds.map { value throws(RPCError) in
                if let race { return try goalTime(value, distanceMeters: race.distanceMeters) }
                return try Validation.number(value, in: 600...(100 * 3600), field: "goalTimeSeconds", unit: "seconds")
            },
            startDate: params.startDate ?? today.next(.monday), status: .draft, preferredDays: trainingDays, weekCount: 0,
            createdAt: now, updatedAt: now
        )
        let stored = try await context.database.insertDraftPlan(plan, raceId: raceId, insertsRace: newRace)
        return PlanAndRace(plan: stored.plan, race: stored.race, assignedAt: nil)
    }

    // MARK: - Shared resolution

    static func requireAthlete(_ id: String, context: ServerContext) async throws -> Athlete {
        guard let athlete = try await context.database.athlete(id: id) else { throw RPCError.notFound("athlete", id: id) }
        return athlete
    }

    static func generatorNamed(_ name: String, context: ServerContext) throws(RPCError) -> any PlanGenerating {
        switch name {
        case "builtin": return BuiltInPlanGenerator()
        case "openai": return OpenAIPlanGenerator(settings: context.generators, logger: context.logger)
        default: throw RPCError.invalidParams(field: "generator", reason: "must be \"builtin\" or \"openai\", got \"\(name.prefix(40))\"")
        }
    }

    static func resolveRace(raceId: String?, inline: InlineRace?, draft: TrainingPlan?, context: ServerContext) async throws -> (Race, Bool) {
        switch (raceId, inline) {
        case (.some, .some):
            throw RPCError.invalidParams(field: "race", reason: "give raceId or race, not both")
        case (let id?, nil):
            guard let race = try await context.database.race(id: id) else { throw RPCError.notFound("race", id: id) }
            return (race, false)
        case (nil, let inline?):
            let race = try RaceHandlers.makeRace(
                id: inline.id, name: inline.name, date: inline.date, distanceMeters: inline.distanceMeters,
                location: inline.location, fieldPrefix: "race.", context: context
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
        return fallback.flatMap { $0.count >= 3 ? $0 : nil } ?? defaultTrainingDays[5]!
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
}
