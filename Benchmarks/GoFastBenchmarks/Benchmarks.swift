import ActivityFormats
import ExportFormats
import Foundation
import GRDB
import GoFastServer
import JSONRPC
import Logging
import TrainingDomain
import TrainingStore

/// `swift run -c release gofast-bench [all|wire|plans|activities]`: prints the figures the issues ask for.
@main
struct Benchmarks {
    static let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("gofast")
    static let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("gofast-bench-\(getpid())")
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// This program, for the floors it runs as child processes.
    static let benchBinary = URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0])

    static func main() async throws {
        if try Floors.runIfRequested(Array(CommandLine.arguments.dropFirst())) { return }
        let which = CommandLine.arguments.dropFirst().first ?? "all"
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        emit("gofast benchmarks (\(binary.path))")
        if which == "all" || which == "wire" { try wire() }
        if which == "all" || which == "plans" { try await plans() }
        if which == "all" || which == "activities" { try await activities() }
    }

    // MARK: - Issue 2: cold start and throughput

    static func wire() throws {
        let database = scratch.appendingPathComponent("wire.sqlite").path
        // The floors of a cold start: a Swift + GRDB program that opens the same database (one `DatabaseQueue`) and
        // answers one line, and the same program answering without a database (what the runtime costs by itself).
        try AppDatabase.open(path: database).close()
        let programs: [(label: String, program: URL, arguments: [String])] = [
            ("gofast", binary, ["--db", database]), ("floor, a Swift + GRDB program", benchBinary, ["floor-serve", "--db", database]),
            ("floor, the same Swift program without a database", benchBinary, ["floor-hello"]),
        ]
        // The programs take turns, spawn by spawn, so a slower minute of this shared machine weighs on each alike.
        var coldStarts = [[Double]](repeating: [], count: programs.count)
        // Spawned with posix_spawn (ColdStart), as a lean client does: Foundation's Process would add its own time.
        for _ in 0..<60 {
            for (index, entry) in programs.enumerated() {
                coldStarts[index].append(try ColdStart.measure(
                    entry.program.path, entry.arguments, request: #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}"# + "\n"
                ))
            }
        }
        for (entry, samples) in zip(programs, coldStarts) {
            emit("cold start, spawn to initialize reply, \(entry.label): median \(milliseconds(samples.quantile(0.5))), p90 \(milliseconds(samples.quantile(0.9))) over \(samples.count) spawns")
        }

        let setup = try ServerPipe(binary: binary, arguments: ["--db", database])
        setup.send(#"{"jsonrpc":"2.0","id":1,"method":"athlete.create","params":{"id":"bench-athlete","name":"Bench","timeZone":"UTC"}}"# + "\n")
        _ = setup.readLines(1)
        setup.finish()

        let count = 200_000
        let request = #"{"jsonrpc":"2.0","id":7,"method":"athlete.get","params":{"id":"bench-athlete"}}"#
        var newline: [UInt8] = []
        var framed: [UInt8] = []
        for _ in 0..<count {
            newline.append(contentsOf: Array(request.utf8) + [0x0A])
            framed.append(contentsOf: Array("Content-Length: \(request.utf8.count)\r\n\r\n\(request)".utf8))
        }
        let runs: [(String, URL, [String], [UInt8])] = [
            ("newline-delimited", binary, ["--db", database], newline), ("Content-Length", binary, ["--db", database], framed),
            ("floor, a minimal Swift + GRDB loop, newline-delimited", benchBinary, ["floor-get", "--db", database], newline),
        ]
        for (name, program, arguments, payload) in runs {
            let server = try ServerPipe(binary: program, arguments: arguments)
            let isFloor = program == benchBinary
            let initialize = #"{"jsonrpc":"2.0","id":0,"method":"initialize","params":{}}"#
            if !isFloor {
                server.send(name == "Content-Length" ? "Content-Length: \(initialize.utf8.count)\r\n\r\n" + initialize : initialize + "\n")
                if name != "Content-Length" { _ = server.readLines(1) }
            }
            let start = now()
            let writer = Thread { server.send(payload) }
            writer.start()
            let received = name == "Content-Length" ? server.readFramed(count + 1) - 1 : server.readLines(count).count
            let elapsed = now() - start
            let peak = server.peakResidentMegabytes
            server.finish()
            emit("pipelined athlete.get, \(name): \(Int(Double(received) / elapsed)) requests/s (\(received) replies in \(String(format: "%.2f", elapsed)) s), peak RSS \(megabytes(peak))")
        }
    }

    static func megabytes(_ value: Double?) -> String { value.map { String(format: "%.0f MB", $0) } ?? "?" }

    // MARK: - Issue 3: plan generation

    static func plans() async throws {
        let database = scratch.appendingPathComponent("plans.sqlite").path
        let setup = try ServerPipe(binary: binary, arguments: ["--db", database])
        setup.send(#"{"jsonrpc":"2.0","id":1,"method":"athlete.create","params":{"id":"runner","name":"Runner","timeZone":"Europe/Berlin","fiveKTimeSeconds":1320}}"# + "\n")
        _ = setup.readLines(1)
        setup.finish()

        let server = try ServerPipe(binary: binary, arguments: ["--db", database], now: "2027-01-02T12:00:00Z")
        let start = CalendarDate("2027-01-04")!
        for weeks in [12, 16, 18, 24] {
            let raceDate = start.adding(days: 7 * (weeks - 1) + 6)
            var samples: [Double] = []
            for run in 0..<120 {
                let request = #"{"jsonrpc":"2.0","id":\#(run),"method":"plan.generate","params":{"athleteId":"runner","race":{"name":"Marathon","date":"\#(raceDate)","distanceMeters":42195},"startDate":"\#(start)","goalTimeSeconds":12600}}"#
                let begin = now()
                server.send(request + "\n")
                let reply = server.readLines(1)
                samples.append(now() - begin)
                if run == 0, let line = reply.first, !String(decoding: line, as: UTF8.self).contains("\"result\"") {
                    emit("plan.generate failed: \(String(decoding: line.prefix(300), as: UTF8.self))")
                }
            }
            samples.removeFirst(10)
            emit("plan.generate \(weeks)-week marathon, file database, round trip: median \(milliseconds(samples.quantile(0.5))), p99 \(milliseconds(samples.quantile(0.99))) over \(samples.count) runs")
        }
        emit("plan.generate server after \(4 * 120) plans: peak RSS \(megabytes(server.peakResidentMegabytes))")
        server.finish()

        // The floor: the same rows with one prepared statement in one transaction.
        let request = PlanRequest(raceName: "M", raceDate: start.adding(days: 7 * 17 + 6), raceDistanceMeters: 42195, startDate: start,
                                  goalTimeSeconds: 12600, trainingDays: [.tuesday, .wednesday, .thursday, .saturday, .sunday],
                                  recentRace: RacePerformance(distanceMeters: 5000, timeSeconds: 1320))
        let generated = try BuiltInCoach().generate(request)
        let coachSamples = (0..<200).map { _ -> Double in
            let begin = now()
            _ = try? BuiltInCoach().generate(request)
            return now() - begin
        }
        // The floor: the same rows into the same schema (constraints, indexes and all), JSON already encoded,
        // with one prepared statement in one transaction.
        let floorStore = try AppDatabase.open(path: scratch.appendingPathComponent("floor.sqlite").path)
        let floorStamp = "2027-01-01T00:00:00.000000Z"
        _ = try await floorStore.insertAthlete(Athlete(id: "runner", name: "R", timeZone: "UTC", createdAt: floorStamp, updatedAt: floorStamp))
        let rows = generated.weeks.flatMap { week in week.days.map { (week.weekIndex, $0.dayIndex, $0.phase.rawValue, $0.workout.jsonText) } }
        try floorStore.close()
        // The floor is the simplest program: GRDB on the same file, no store operations.
        let floorPool = try DatabasePool(path: scratch.appendingPathComponent("floor.sqlite").path)
        var floor: [Double] = []
        for run in 0..<200 {
            try await floorPool.write { db in
                try db.execute(sql: "INSERT INTO trainingPlan VALUES (?, 'runner', 'P', 12600, ?, 'active', '[]', 18, 'x', 'x')", arguments: ["p\(run)", start.description])
            }
            let begin = now()
            try await floorPool.write { db in
                let statement = try db.makeStatement(sql: "INSERT INTO trainingDayPlanned (id, trainingPlanId, weekIndex, dayIndex, date, phase, plannedData) VALUES (?, ?, ?, ?, ?, ?, ?)")
                for (week, day, phase, json) in rows {
                    try statement.execute(arguments: ["\(run)-\(week)-\(day)", "p\(run)", week, day,
                                                      start.adding(days: week * 7 + day).description, phase, json])
                }
            }
            floor.append(now() - begin)
        }
        emit("built-in coach alone, 18-week marathon: median \(milliseconds(coachSamples.quantile(0.5)))")
        let encodeSamples = (0..<200).map { _ -> Double in
            let begin = now()
            for week in generated.weeks { for day in week.days { _ = day.workout.jsonText } }
            return now() - begin
        }
        emit("plannedData JSON of the 126 days: median \(milliseconds(encodeSamples.quantile(0.5)))")

        // Our write: the same plan through AppDatabase.savePlan (plan, race, both junctions, 126 days) in one transaction.
        let store = try AppDatabase.open(path: scratch.appendingPathComponent("store.sqlite").path)
        let stamp = "2027-01-01T00:00:00.000000Z"
        _ = try await store.insertAthlete(Athlete(id: "runner", name: "R", timeZone: "UTC", createdAt: stamp, updatedAt: stamp))
        var writes: [Double] = []
        for run in 0..<200 {
            let plan = TrainingPlan(id: "plan-\(run)", athleteId: "runner", name: "P", goalTimeSeconds: 12600, startDate: start, status: .active,
                                    preferredDays: request.trainingDays, weekCount: generated.weeks.count, createdAt: stamp, updatedAt: stamp)
            let race = Race(id: "race-\(run)", name: "M", date: request.raceDate, distanceMeters: 42195, createdAt: stamp)
            let days = generated.weeks.flatMap { week in week.days.map { day in
                PlannedDay(id: "day-\(run)-\(week.weekIndex)-\(day.dayIndex)", trainingPlanId: plan.id, weekIndex: week.weekIndex, dayIndex: day.dayIndex,
                           date: plan.date(weekIndex: week.weekIndex, dayIndex: day.dayIndex), phase: day.phase, plannedData: day.workout)
            } }
            let begin = now()
            _ = try await store.savePlan(PlanWrite(plan: plan, race: race, insertsRace: true, fillsDraft: false, days: days, assignedAt: stamp))
            writes.append(now() - begin)
        }
        emit("our write, savePlan (plan, race, junctions, 126 days, JSON included): median \(milliseconds(writes.quantile(0.5))), p99 \(milliseconds(writes.quantile(0.99)))")
        emit("floor, the same 126 rows into the same table (JSON already encoded), one prepared statement, one transaction: median \(milliseconds(floor.quantile(0.5))), p99 \(milliseconds(floor.quantile(0.99)))")
    }

    // MARK: - Issue 4: decoding, sync, matching

    static func activities() async throws {
        let folder = repository.appendingPathComponent("Tests/Fixtures/testdata/fit")
        let files = ((try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? [])
            .filter { $0.pathExtension.lowercased() == "fit" }
            .compactMap { try? Array(Data(contentsOf: $0)) }
        let totalBytes = files.reduce(0) { $0 + $1.count }
        if totalBytes > 0 {
            var rounds = 0
            let begin = now()
            while now() - begin < 3 {
                for file in files { _ = try? ActivityFileDecoder.decode(file, format: .fit) }
                rounds += 1
            }
            let elapsed = now() - begin
            emit("FIT decoding: \(String(format: "%.1f", Double(totalBytes * rounds) / elapsed / 1_000_000)) MB/s over \(files.count) files (\(totalBytes) bytes) × \(rounds)")
        } else {
            emit("FIT decoding: skipped, no test files at \(folder.path)")
        }

        // History sync: 5,000 activities in one activity.ingest call through the binary, into a fresh database with
        // the athlete and an 18-week plan; five runs for each reply, because one run on a shared machine is noise.
        var items: [String] = []
        // One evening run a day for 5,000 days (13.7 years) up to the plan's last week: a realistic history.
        let lastRun = 1_809_223_200 // 2027-05-02T02:00:00Z, the evening of 2027-05-01 in Los Angeles
        for index in 0..<5_000 {
            let start = lastRun - (4_999 - index) * 86_400
            items.append(#"{"summaryId":"s\#(index)","activityType":"RUNNING","startTimeInSeconds":\#(start),"startTimeOffsetInSeconds":-28800,"durationInSeconds":3000,"distanceInMeters":10000,"averageHeartRateInBeatsPerMinute":150}"#)
        }
        func syncServer(_ database: String) throws -> ServerPipe {
            let server = try ServerPipe(binary: binary, arguments: ["--db", database], now: "2027-05-02T12:00:00Z")
            server.send(#"{"jsonrpc":"2.0","id":1,"method":"athlete.create","params":{"id":"syncer","name":"Sync","timeZone":"America/Los_Angeles","fiveKTimeSeconds":1320,"maxHeartRate":185}}"# + "\n")
            server.send(#"{"jsonrpc":"2.0","id":2,"method":"plan.generate","params":{"athleteId":"syncer","race":{"name":"M","date":"2027-05-02","distanceMeters":42195},"startDate":"2027-01-04"}}"# + "\n")
            _ = server.readLines(2)
            return server
        }
        let database = scratch.appendingPathComponent("sync.sqlite").path
        var server: ServerPipe?
        for (label, reply) in [("full reply", "full"), ("compact reply", "compact")] {
            var samples: [Double] = []
            var summary = ""
            for run in 0..<5 {
                let path = "\(database).\(reply)\(run)"
                let target = try syncServer(path)
                let begin = now()
                target.send(#"{"jsonrpc":"2.0","id":3,"method":"activity.ingest","params":{"athleteId":"syncer","reply":"\#(reply)","activities":[\#(items.joined(separator: ","))]}}"# + "\n")
                let answer = target.readLines(1)
                samples.append(now() - begin)
                let text = String(decoding: answer.first ?? [], as: UTF8.self)
                let matched = text.components(separatedBy: "\"plannedDayId\":\"").count - 1
                summary = "a reply of \(text.utf8.count / 1000) kB; \(matched) matched to planned days; peak RSS \(megabytes(target.peakResidentMegabytes))"
                // The first full-reply database stays open for the fitness figures below.
                if server == nil { server = target } else { target.finish() }
            }
            emit("history sync, 5,000 activities (ingest + match + analyse) in one call, \(label): median \(milliseconds(samples.quantile(0.5))) (\(milliseconds(samples.min()!)) … \(milliseconds(samples.max()!)) over \(samples.count) fresh servers), \(summary)")
        }
        var floors: [Double] = []
        for run in 0..<5 { floors.append(try syncFloor(count: items.count, run: run)) }
        emit("floor, the same 5,000 inserts (the unique index skipping known ones) with GRDB in one transaction, in-process: median \(milliseconds(floors.quantile(0.5))) (\(milliseconds(floors.min()!)) … \(milliseconds(floors.max()!)))")
        guard let server else { return }

        // A watch's push: one activity per call, each on a day of the active 18-week plan (matched and analysed).
        let pushes = try syncServer("\(database).push")
        var pushSeconds: [Double] = []
        for index in 0..<100 {
            let start = lastRun - index * 86_400 - 3_600
            let begin = now()
            pushes.send(#"{"jsonrpc":"2.0","id":\#(100 + index),"method":"activity.ingest","params":{"athleteId":"syncer","activities":[{"summaryId":"push\#(index)","activityType":"RUNNING","startTimeInSeconds":\#(start),"startTimeOffsetInSeconds":-28800,"durationInSeconds":3000,"distanceInMeters":10000,"averageHeartRateInBeatsPerMinute":150}]}}"# + "\n")
            _ = pushes.readLines(1)
            pushSeconds.append(now() - begin)
        }
        pushes.finish()
        emit("one activity per activity.ingest on a day of the active plan (a watch's push), round trip: median \(milliseconds(pushSeconds.quantile(0.5))), p99 \(milliseconds(pushSeconds.quantile(0.99))) over \(pushSeconds.count) calls")

        // Issue 9: a year of fitness for the athlete with 5,000 activities, through the binary.
        var fitness: [Double] = []
        for index in 0..<60 {
            let begin = now()
            server.send(#"{"jsonrpc":"2.0","id":\#(10 + index),"method":"athlete.fitness","params":{"athleteId":"syncer","from":"2026-05-02","to":"2027-05-01"}}"# + "\n")
            _ = server.readLines(1)
            fitness.append(now() - begin)
        }
        let floor = LoadBenchmark.run(activityCount: 5_000, years: 14, windowDays: 365)
        emit("athlete.fitness, a year of days for an athlete with 5,000 activities, round trip: median \(milliseconds(fitness.quantile(0.5))), p99 \(milliseconds(fitness.quantile(0.99)))")
        emit("floor, the same loads summed per day and the series computed in-process (no SQL, no JSON): \(milliseconds(floor.loadsSeconds + floor.seriesSeconds))")
        server.finish()

        try exports()

        try await matchLatency()
    }

    /// The floor of a sync: for each activity one insert into the same schema with one prepared statement, the
    /// unique index on (athlete, source, external id) skipping a known one, all in one transaction.
    static func syncFloor(count: Int, run: Int) throws -> Double {
        let path = scratch.appendingPathComponent("sync-floor-\(run).sqlite").path
        try AppDatabase.open(path: path).close()
        let pool = try DatabasePool(path: path)
        defer { try? pool.close() }
        try pool.write { db in
            try db.execute(sql: "INSERT INTO athlete (id, name, timeZone, createdAt, updatedAt) VALUES ('a', 'A', 'UTC', 'x', 'x')")
        }
        let begin = now()
        try pool.write { db in
            let insert = try db.makeStatement(sql: """
                INSERT INTO athleteActivity (id, athleteId, source, externalId, sport, startTime, startEpochSeconds, localDate,
                elapsedSeconds, movingSeconds, distanceMeters, createdAt, trainingLoad) VALUES (?, 'a', 'garmin', ?, 'running', ?, ?, ?, 3000, 3000, 10000, 'x', ?)
                ON CONFLICT (athleteId, source, externalId) DO NOTHING
                """)
            for index in 0..<count {
                let start = 1_377_309_600 + index * 86_400
                try insert.execute(arguments: ["act-\(index)", "s\(index)", "2013-08-23T18:00:00-08:00", start,
                                               CalendarDate("2013-08-23")!.adding(days: index).description, #"{"method":"rTSS","value":62}"#])
            }
        }
        return now() - begin
    }

    /// Issue 11: an 18-week plan's ICS and HTML, and one FIT workout, encoded in-process.
    static func exports() throws {
        let start = CalendarDate("2027-01-04")!
        let request = PlanRequest(raceName: "M", raceDate: start.adding(days: 7 * 17 + 6), raceDistanceMeters: 42195, startDate: start,
                                  goalTimeSeconds: 12600, trainingDays: [.tuesday, .wednesday, .thursday, .saturday, .sunday],
                                  recentRace: RacePerformance(distanceMeters: 5000, timeSeconds: 1320))
        let generated = try BuiltInCoach().generate(request)
        let days = generated.weeks.flatMap { week in week.days.map { (week.weekIndex, $0) } }
        let calendar = ICSCalendarPlan(planId: "p", name: "Marathon", days: days.map { week, day in
            ICSCalendarDay(plannedDayId: "d\(week)-\(day.dayIndex)", date: start.adding(days: week * 7 + day.dayIndex), revision: 0, workout: day.workout)
        })
        let report = PlanReport(
            header: PlanReportHeader(planName: "Marathon", raceName: "M", raceDate: request.raceDate, raceDistanceMeters: 42195, paces: generated.paces),
            weeks: generated.weeks.map { week in
                PlanReportWeek(weekIndex: week.weekIndex, startDate: start.adding(days: 7 * week.weekIndex), phase: week.phase,
                               plannedDistanceMeters: week.days.map(\.workout.distanceMeters).reduce(0, +), executedDistanceMeters: 0)
            },
            days: days.map { week, day in
                PlanReportDay(date: start.adding(days: week * 7 + day.dayIndex), title: day.workout.title, type: day.workout.type,
                              plannedDistanceMeters: day.workout.distanceMeters, compliance: nil)
            },
            comingWeek: days.prefix(7).map { week, day in PlanReportComingDay(date: start.adding(days: day.dayIndex), workout: day.workout) }
        )
        let quality = days.first { $0.1.workout.type == .intervals }?.1.workout ?? days[1].1.workout
        func median(_ body: () throws -> Void) rethrows -> Double {
            var samples: [Double] = []
            for _ in 0..<101 {
                let begin = now()
                try body()
                samples.append(now() - begin)
            }
            return samples.quantile(0.5)
        }
        let ics = median { _ = ICSCalendarEncoder.encode(calendar, stampEpochSeconds: 1_800_000_000) }
        let html = median { _ = HTMLReportRenderer.render(report) }
        let fit = try median { _ = try FITWorkoutEncoder.encode(quality, timeCreatedEpochSeconds: 1_800_000_000) }
        emit("exports of an 18-week marathon plan: ICS \(milliseconds(ics)), HTML \(milliseconds(html)) (targets 20 ms); one FIT workout \(milliseconds(fit)) (target 1 ms)")
    }

    /// `activity.match` latency on an empty database and on 10,000 athletes with 1,000,000 activities.
    static func matchLatency() async throws {
        LoggingSystem.bootstrap { _ in SwiftLogNoOpLogHandler() }
        for (label, athletes, activitiesPerAthlete) in [("empty database", 1, 0), ("10,000 athletes, 1,000,000 activities", 10_000, 100)] {
            let path = scratch.appendingPathComponent("match-\(athletes).sqlite").path
            try AppDatabase.open(path: path).close()  // the schema
            let fillStart = now()
            let fillPool = try DatabasePool(path: path)
            try await fillPool.write { db in
                let athlete = try db.makeStatement(sql: "INSERT INTO athlete (id, name, timeZone, createdAt, updatedAt) VALUES (?, 'A', 'UTC', 'x', 'x')")
                let activity = try db.makeStatement(sql: """
                    INSERT INTO athleteActivity (id, athleteId, source, externalId, sport, startTime, startEpochSeconds, localDate,
                    elapsedSeconds, movingSeconds, distanceMeters, createdAt) VALUES (?, ?, 'garmin', ?, 'running', 'x', 0, ?, 3000, 3000, 10000, 'x')
                    """)
                for a in 0..<athletes {
                    try athlete.execute(arguments: ["a\(a)"])
                    for n in 0..<activitiesPerAthlete {
                        try activity.execute(arguments: ["act-\(a)-\(n)", "a\(a)", "\(n)", CalendarDate("2026-01-01")!.adding(days: n).description])
                    }
                }
            }
            try fillPool.close()
            let fill = now() - fillStart
            let database = try AppDatabase.open(path: path)
            let pinned = Date(timeIntervalSince1970: 1_799_236_800)  // 2027-01-06: the probe's plan and run are current
            let context = ServerContext(database: database, clock: Clock { pinned }, logger: Logger(label: "bench"))
            let service = GoFastService.make(context)
            let call = { (method: String, params: JSONValue) in _ = OneShot.call(service: service, method: method, params: params) }
            call("athlete.create", ["id": "probe", "name": "Probe", "timeZone": "America/Los_Angeles", "fiveKTimeSeconds": 1320])
            call("plan.generate", ["athleteId": "probe", "race": ["name": "M", "date": "2027-05-02", "distanceMeters": 42195], "startDate": "2027-01-04"])
            call("activity.ingest", ["athleteId": "probe", "autoMatch": false, "activity": [
                "source": "garmin", "externalId": "probe-run", "sport": "running", "startTime": "2027-01-05T07:00:00-08:00",
                "elapsedSeconds": 3000, "distanceMeters": 10000,
            ]])
            let idPool = try DatabasePool(path: path)
            let activityId = try await idPool.read { try String.fetchOne($0, sql: "SELECT id FROM athleteActivity WHERE externalId = 'probe-run'") ?? "" }
            try idPool.close()
            var samples: [Double] = []
            for _ in 0..<500 {
                let begin = now()
                call("activity.match", ["activityId": .string(activityId)])
                samples.append(now() - begin)
            }
            emit("activity.match, \(label): median \(milliseconds(samples.quantile(0.5))), p99 \(milliseconds(samples.quantile(0.99)))" + (athletes > 1 ? " (filled in \(String(format: "%.1f", fill)) s)" : ""))
            try database.close()
        }
    }
}
