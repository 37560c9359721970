import Foundation
import GRDB
import TrainingDomain
import XCTest
@testable import TrainingStore

/// The schema, the seed's rules and the transactions, on a real SQLite file.
final class StoreTests: XCTestCase {
    var directory: URL!
    var database: AppDatabase!

    override func setUp() async throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("gofast-store-\(UUID().uuidString)")
        database = try AppDatabase.open(path: directory.appendingPathComponent("nested/store.sqlite").path)
    }

    override func tearDown() async throws {
        try? database.close()
        try? FileManager.default.removeItem(at: directory)
    }

    private let now = "2026-03-01T12:00:00.000000Z"

    /// Runs `sql` and returns the error SQLite refused it with (nil when it was accepted).
    private func refused(_ sql: String) async -> (any Error)? {
        do {
            try await database.writer.write { try $0.execute(sql: sql) }
            return nil
        } catch {
            return error
        }
    }

    private func athlete(_ id: String = "ath") -> Athlete {
        Athlete(id: id, name: "Ada", timeZone: "Europe/London", fiveKTimeSeconds: 1320, createdAt: now, updatedAt: now)
    }

    private func workout(_ type: WorkoutType = .easy, meters: Double = 8000) -> PlannedWorkout {
        PlannedWorkout(type: type, title: "\(type)", description: "d", distanceMeters: type == .rest ? 0 : meters,
                       durationSeconds: type == .rest ? 0 : meters * 0.33, targetPace: type == .rest ? nil : PaceRange(minSecondsPerKm: 320, maxSecondsPerKm: 360),
                       segments: [])
    }

    private func planWrite(planId: String, athleteId: String = "ath", start: CalendarDate, weeks: Int, assignedAt: String, race: Race, insertsRace: Bool) -> PlanWrite {
        let plan = TrainingPlan(id: planId, athleteId: athleteId, name: "P", goalTimeSeconds: 3000, startDate: start, status: .active,
                                preferredDays: [.tuesday, .thursday, .sunday], weekCount: weeks, createdAt: assignedAt, updatedAt: assignedAt)
        var days: [PlannedDay] = []
        for week in 0..<weeks {
            for day in 0..<7 {
                days.append(PlannedDay(id: "\(planId)-\(week)-\(day)", trainingPlanId: planId, weekIndex: week, dayIndex: day,
                                       date: plan.date(weekIndex: week, dayIndex: day), phase: .base, plannedData: workout(day % 2 == 0 ? .easy : .rest)))
            }
        }
        return PlanWrite(plan: plan, race: race, insertsRace: insertsRace, fillsDraft: false, days: days, assignedAt: assignedAt)
    }

    private func race(_ id: String = "race") -> Race {
        Race(id: id, name: "10K", date: CalendarDate("2026-06-28")!, distanceMeters: 10_000, createdAt: now)
    }

    func testMigratesAnEmptyFileAndCreatesItOwnerOnly() throws {
        XCTAssertEqual(try database.appliedMigrations(), ["v1: seed model", "v2: threshold inputs and training loads", "v3: plan revisions", "v4: planned day phase checked without IN", "v5: planned days checked where they are made"])
        let path = directory.appendingPathComponent("nested/store.sqlite").path
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        XCTAssertEqual(mode.map { $0 & 0o077 }, 0, "the database must not be readable by others")
        let journal = try database.reader.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        XCTAssertEqual(journal, "wal")
        let foreignKeys = try database.reader.read { try Int.fetchOne($0, sql: "PRAGMA foreign_keys") }
        XCTAssertEqual(foreignKeys, 1)
        // Reopening an already migrated file is a no-op.
        try database.close()
        database = try AppDatabase.open(path: path)
        XCTAssertEqual(try database.appliedMigrations(), ["v1: seed model", "v2: threshold inputs and training loads", "v3: plan revisions", "v4: planned day phase checked without IN", "v5: planned days checked where they are made"])
    }

    /// Texts are bound straight to SQLite: an empty one is stored empty (a missing pointer would bind NULL), and
    /// non-ASCII text comes back as it went in.
    func testTextsAreStoredAsTheyAre() async throws {
        _ = try await database.insertAthlete(athlete())
        let activity = Activity(id: "a1", athleteId: "ath", source: "strava", externalId: "Läufe/走/🏃", sport: "", startTime: "2026-03-03T07:00:00+01:00",
                                startEpochSeconds: 1_772_517_600, utcOffsetSeconds: 3600, localDate: CalendarDate("2026-03-03")!, elapsedSeconds: 10,
                                movingSeconds: 10, distanceMeters: 10, averageHeartRate: nil, maxHeartRate: nil, elevationGainMeters: nil, laps: [],
                                heartRateSamples: [], createdAt: now)
        _ = try await database.ingest(activity, autoMatch: false, now: now)
        let stored = try await database.activity(id: "a1")
        XCTAssertEqual(stored?.sport, "")
        XCTAssertEqual(stored?.externalId, "Läufe/走/🏃")
        XCTAssertEqual(stored?.utcOffsetSeconds, 3600)
        XCTAssertNil(stored?.averageHeartRate)
        XCTAssertEqual(stored, activity)
    }

    /// The schema stamp in `user_version`: written once every migration has run; an open that finds it skips the
    /// migrator (shown by a file stamped while a migration is still missing), one that does not (an older file, a
    /// foreign number without the "GO" prefix) migrates and stamps.
    func testTheSchemaStampSkipsTheMigratorOnlyWhenItIsOurs() throws {
        let path = directory.appendingPathComponent("stamp.sqlite").path
        func userVersion() throws -> Int32? {
            let queue = try DatabaseQueue(path: path)
            defer { try? queue.close() }
            return try queue.read { try Int32.fetchOne($0, sql: "PRAGMA user_version") }
        }
        func setUserVersion(_ value: Int32, upTo migration: String? = nil) throws {
            let queue = try DatabaseQueue(path: path)
            if let migration { try SchemaMigrations.migrator.migrate(queue, upTo: migration) }
            try queue.writeWithoutTransaction { try $0.execute(sql: "PRAGMA user_version = \(value)") }
            try queue.close()
        }
        let all = SchemaMigrations.migrator.migrations.sorted()
        XCTAssertEqual(SchemaMigrations.stamp, 0x474F_0000 + Int32(all.count))

        // A file at v3 carrying our stamp is taken as current: the migrator does not run.
        try setUserVersion(SchemaMigrations.stamp, upTo: "v3: plan revisions")
        var database = try AppDatabase.open(path: path)
        XCTAssertEqual(try database.appliedMigrations(), ["v1: seed model", "v2: threshold inputs and training loads", "v3: plan revisions"])
        try database.close()

        // Without the stamp (a file of an older gofast), the missing migration runs and the file is stamped.
        try setUserVersion(0)
        database = try AppDatabase.open(path: path)
        XCTAssertEqual(try database.appliedMigrations(), all)
        try database.close()
        XCTAssertEqual(try userVersion(), SchemaMigrations.stamp)

        // Another program's number equal to our count is not our stamp.
        try FileManager.default.removeItem(atPath: path)
        try setUserVersion(Int32(all.count))
        database = try AppDatabase.open(path: path)
        XCTAssertEqual(try database.appliedMigrations(), all)
        try database.close()
        XCTAssertEqual(try userVersion(), SchemaMigrations.stamp)
    }

    /// A file migrated up to `migration`, holding two planned days and what references them: an execution of the
    /// first, a version of the second.
    private func fileWithPlannedDays(upTo migration: String) throws -> DatabaseQueue {
        let queue = try DatabaseQueue(path: directory.appendingPathComponent("before-\(migration.prefix(2)).sqlite").path)
        try SchemaMigrations.migrator.migrate(queue, upTo: migration)
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO athlete (id, name, timeZone, createdAt, updatedAt) VALUES ('ath', 'A', 'UTC', 'a', 'a');
                INSERT INTO trainingPlan VALUES ('p', 'ath', 'n', NULL, '2026-03-02', 'active', '[]', 1, 'a', 'a');
                INSERT INTO trainingDayPlanned (id, trainingPlanId, weekIndex, dayIndex, date, phase, plannedData, revision)
                    VALUES ('d0', 'p', 0, 0, '2026-03-02', 'base', '{"type":"easy"}', 1), ('d1', 'p', 0, 1, '2026-03-03', 'taper', '{"type":"rest"}', 2);
                INSERT INTO athleteActivity (id, athleteId, source, externalId, sport, startTime, startEpochSeconds, localDate, elapsedSeconds,
                    movingSeconds, distanceMeters, createdAt) VALUES ('a0', 'ath', 'garmin', '1', 'running', '2026-03-02T07:00:00Z', 1772434800, '2026-03-02', 1, 1, 1, 'a');
                INSERT INTO trainingDayExecuted (id, athleteId, activityId, plannedDayId, date, createdAt) VALUES ('e0', 'ath', 'a0', 'd0', '2026-03-02', 'a');
                INSERT INTO trainingDayPlannedVersion (plannedDayId, revision, supersededIn, phase, plannedData) VALUES ('d1', 1, 2, 'base', '{"type":"easy"}');
                """)
        }
        return queue
    }

    /// The references of `fileWithPlannedDays` still act: deleting the plan removes its days and their versions, and
    /// unlinks the execution.
    private func assertTheDaysReferencesStillAct(_ db: Database, file: StaticString = #filePath, line: UInt = #line) throws {
        try db.execute(sql: "DELETE FROM trainingPlan WHERE id = 'p'")
        XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT count(*) FROM trainingDayPlanned"), 0, file: file, line: line)
        XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT count(*) FROM trainingDayPlannedVersion"), 0, file: file, line: line)
        XCTAssertEqual(try Row.fetchOne(db, sql: "SELECT plannedDayId FROM trainingDayExecuted WHERE id = 'e0'")?[0] as String?, nil, file: file, line: line)
    }

    /// v4 rebuilds the planned-day table: a v3 file keeps every day as it was, and the executions, versions and
    /// cascades that reference the days.
    func testV4KeepsEveryPlannedDayAndWhatReferencesIt() throws {
        let queue = try fileWithPlannedDays(upTo: "v3: plan revisions")
        /// The table's columns (types, defaults, keys), its indexes with their columns, and its foreign keys.
        func shape(_ db: Database) throws -> [[Row]] {
            let indexes = try Row.fetchAll(db, sql: "SELECT name, \"unique\", origin, partial FROM pragma_index_list('trainingDayPlanned') ORDER BY name")
            return try [
                Row.fetchAll(db, sql: "SELECT * FROM pragma_table_xinfo('trainingDayPlanned')"),
                indexes,
                indexes.flatMap { index in try Row.fetchAll(db, sql: "SELECT * FROM pragma_index_info(?)", arguments: [index["name"] as String]) },
                Row.fetchAll(db, sql: "SELECT * FROM pragma_foreign_key_list('trainingDayPlanned')"),
            ]
        }
        let before = try queue.read { try Row.fetchAll($0, sql: "SELECT * FROM trainingDayPlanned ORDER BY id") }
        let shapeBefore = try queue.read(shape)

        try SchemaMigrations.migrator.migrate(queue, upTo: "v4: planned day phase checked without IN")
        try queue.write { db in
            XCTAssertEqual(try shape(db), shapeBefore, "same columns, defaults, indexes and references")
            XCTAssertEqual(try Row.fetchAll(db, sql: "SELECT * FROM trainingDayPlanned ORDER BY id"), before)
            XCTAssertEqual(try String.fetchOne(db, sql: "SELECT plannedDayId FROM trainingDayExecuted WHERE id = 'e0'"), "d0")
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT count(*) FROM trainingDayPlannedVersion WHERE plannedDayId = 'd1'"), 1)
            XCTAssertEqual(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check"), [])
            XCTAssertEqual(try String.fetchOne(db, sql: "SELECT name FROM sqlite_master WHERE name LIKE 'trainingDayPlanned%v4'"), nil)
            // The rule is the same: the four phases pass (with the default revision), an unknown one is refused.
            for (day, phase) in ["base", "build", "peak", "taper"].enumerated() {
                try db.execute(sql: """
                    INSERT INTO trainingDayPlanned (id, trainingPlanId, weekIndex, dayIndex, date, phase, plannedData) VALUES (?, 'p', 1, ?, ?, ?, '{}')
                    """, arguments: ["new-\(phase)", day, "2026-03-1\(day)", phase])
            }
            XCTAssertEqual(try Int.fetchAll(db, sql: "SELECT revision FROM trainingDayPlanned WHERE id LIKE 'new-%'"), [1, 1, 1, 1])
            XCTAssertThrowsError(try db.execute(sql: """
                INSERT INTO trainingDayPlanned (id, trainingPlanId, weekIndex, dayIndex, date, phase, plannedData) VALUES ('x', 'p', 2, 0, '2026-03-16', 'recovery', '{}')
                """))
            try assertTheDaysReferencesStillAct(db)
        }
    }

    /// One planned day per date of a plan (a day's date is computed from its position, so this also keeps one day
    /// per position).
    func testSQLiteItselfRefusesADuplicatePlannedDay() async throws {
        _ = try await database.insertAthlete(athlete())
        _ = try await database.savePlan(planWrite(planId: "p", start: CalendarDate("2026-03-02")!, weeks: 1, assignedAt: now, race: race(), insertsRace: true))
        let error = await refused("""
            INSERT INTO trainingDayPlanned (id, trainingPlanId, weekIndex, dayIndex, date, phase, plannedData)
            VALUES ('dup', 'p', 1, 3, '2026-03-05', 'base', '{}')
            """)
        XCTAssertEqual((error as? DatabaseError)?.extendedResultCode, .SQLITE_CONSTRAINT_UNIQUE)
    }

    /// v5 rebuilds the planned-day table with one index beside its key, (plan, date), and no JSON check on
    /// `plannedData`: a v4 file keeps every day and what references it, and the remaining rules still act.
    func testV5KeepsEveryPlannedDayWithOneIndexByDate() throws {
        let queue = try fileWithPlannedDays(upTo: "v4: planned day phase checked without IN")
        let before = try queue.read { try Row.fetchAll($0, sql: "SELECT * FROM trainingDayPlanned ORDER BY id") }

        try SchemaMigrations.migrator.migrate(queue)
        try queue.write { db in
            XCTAssertEqual(try Row.fetchAll(db, sql: "SELECT * FROM trainingDayPlanned ORDER BY id"), before)
            let indexes = try Row.fetchAll(db, sql: "SELECT name, origin FROM pragma_index_list('trainingDayPlanned') ORDER BY name").map { [$0["name"] as String, $0["origin"] as String] }
            let indexed = try indexes.map { index in try String.fetchAll(db, sql: "SELECT name FROM pragma_index_info(?)", arguments: [index[0]]) }
            XCTAssertEqual(indexed, [["id"], ["trainingPlanId", "date"]], "the key, and one day per date of a plan")
            XCTAssertEqual(try String.fetchOne(db, sql: "SELECT plannedDayId FROM trainingDayExecuted WHERE id = 'e0'"), "d0")
            XCTAssertEqual(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check"), [])
            XCTAssertEqual(try String.fetchOne(db, sql: "SELECT name FROM sqlite_master WHERE name LIKE 'trainingDayPlanned%v5'"), nil)
            // Still refused: a second day on a date, an unknown phase, a day index outside the week.
            for values in ["('x', 'p', 1, 0, '2026-03-02', 'base', '{}')", "('x', 'p', 1, 0, '2026-03-09', 'recovery', '{}')",
                           "('x', 'p', 1, 7, '2026-03-09', 'base', '{}')"] {
                XCTAssertThrowsError(try db.execute(sql: "INSERT INTO trainingDayPlanned (id, trainingPlanId, weekIndex, dayIndex, date, phase, plannedData) VALUES \(values)"), values)
            }
            try assertTheDaysReferencesStillAct(db)
        }
    }

    /// The plan row `plan.generate` writes by hand holds the training days as the JSON encoder writes them.
    func testTrainingDaysAreWrittenAsTheEncoderWritesThem() throws {
        for days in [[], [Weekday.monday], Weekday.allCases, [.tuesday, .thursday, .saturday, .sunday]] {
            XCTAssertEqual(JSONColumn.text(days), String(decoding: try JSONColumn.encoder.encode(days), as: UTF8.self))
        }
    }

    func testSchemaChecksEnumerationsRangesAndForeignKeys() async throws {
        _ = try await database.insertAthlete(athlete())
        let refused = [
            "INSERT INTO trainingPlan VALUES ('x', 'ath', 'n', NULL, '2026-01-01', 'running', '[]', 0, 'a', 'a')",
            "INSERT INTO trainingPlan VALUES ('x', 'nobody', 'n', NULL, '2026-01-01', 'draft', '[]', 0, 'a', 'a')",
            "INSERT INTO race VALUES ('r', 'n', '2026-01-01', -5, NULL, 'a')",
            "INSERT INTO race VALUES ('r', 'n', 'tomorrow', 5000, NULL, 'a')",
            "INSERT INTO athlete (id, name, timeZone, createdAt, updatedAt) VALUES ('b', '   ', 'UTC', 'a', 'a')",
            "INSERT INTO athlete (id, name, timeZone, maxHeartRate, createdAt, updatedAt) VALUES ('b', 'B', 'UTC', 400, 'a', 'a')",
        ]
        for sql in refused {
            let error = await self.refused(sql)
            XCTAssertNotNil(error, sql)
        }
    }

    func testAnActivityIsExecutedOnceAndImportedOncePerSource() async throws {
        _ = try await database.insertAthlete(athlete())
        let activity = Activity(id: "a1", athleteId: "ath", source: "garmin", externalId: "1", sport: "running", startTime: "2026-03-03T07:00:00Z",
                                startEpochSeconds: 0, utcOffsetSeconds: 0, localDate: CalendarDate("2026-03-03")!, elapsedSeconds: 10, movingSeconds: 10,
                                distanceMeters: 10, averageHeartRate: nil, maxHeartRate: nil, elevationGainMeters: nil, laps: [], heartRateSamples: [], createdAt: now)
        let first = try await database.ingest(activity, autoMatch: false, now: now)
        XCTAssertTrue(first.created)
        var again = activity
        again.id = "a2"
        let second = try await database.ingest(again, autoMatch: false, now: now)
        XCTAssertFalse(second.created)
        XCTAssertEqual(second.activity.id, "a1")
        let error = await refused("INSERT INTO trainingDayExecuted (id, athleteId, activityId, date, createdAt) VALUES ('e1', 'ath', 'a1', '2026-03-03', 'x'), ('e2', 'ath', 'a1', '2026-03-03', 'x')")
        XCTAssertEqual((error as? DatabaseError)?.extendedResultCode, .SQLITE_CONSTRAINT_UNIQUE)
    }

    func testAFailureAfterSomeInsertsWritesNothing() async throws {
        _ = try await database.insertAthlete(athlete())
        var write = planWrite(planId: "p", start: CalendarDate("2026-03-02")!, weeks: 4, assignedAt: now, race: race(), insertsRace: true)
        // Inject a failure after 20 days were inserted: a second day on day 3's date.
        var duplicate = write.days[3]
        duplicate.id = "dup"
        duplicate.weekIndex = 9
        write.days.insert(duplicate, at: 20)
        do {
            _ = try await database.savePlan(write)
            XCTFail("the duplicate day must be refused")
        } catch {}
        let counts = try await database.reader.read { db in
            try ["trainingPlan", "race", "raceTrainingPlan", "athleteTrainingPlan", "trainingDayPlanned"].map {
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \($0)")!
            }
        }
        XCTAssertEqual(counts, [0, 0, 0, 0, 0])
    }

    func testACancelledSaveWritesNothing() async throws {
        _ = try await database.insertAthlete(athlete())
        let write = planWrite(planId: "p", start: CalendarDate("2026-03-02")!, weeks: 30, assignedAt: now, race: race(), insertsRace: true)
        let task = Task { [database] in try await database!.savePlan(write) }
        task.cancel()
        _ = try? await task.value
        let plans = try await database.reader.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM trainingDayPlanned")! }
        XCTAssertTrue(plans == 0 || plans == 210, "all or nothing, got \(plans)")
    }

    func testActivePlanFollowsTheLatestAssignmentThenTheLatestActivePlan() async throws {
        _ = try await database.insertAthlete(athlete())
        _ = try await database.insertAthlete(athlete("other"))
        let noPlan = try await database.activePlan(athleteId: "ath")
        XCTAssertNil(noPlan)
        _ = try await database.savePlan(planWrite(planId: "old", start: CalendarDate("2026-03-02")!, weeks: 1, assignedAt: "2026-03-01T10:00:00.000000Z", race: race(), insertsRace: true))
        _ = try await database.savePlan(planWrite(planId: "new", start: CalendarDate("2026-03-09")!, weeks: 1, assignedAt: "2026-03-01T11:00:00.000000Z", race: race(), insertsRace: false))
        var active = try await database.activePlan(athleteId: "ath")
        XCTAssertEqual(active?.plan.id, "new")
        XCTAssertEqual(active?.race?.id, "race")
        // Selecting the old plan in "My Training Plans" makes it the active one: an assignment newer than the latest plan.
        _ = try await database.assignPlan(athleteId: "ath", planId: "old", assignedAt: "2026-03-01T12:00:00.000000Z")
        active = try await database.activePlan(athleteId: "ath")
        XCTAssertEqual(active?.plan.id, "old")
        // Fallback: no assignment at all, but an active plan owned by the athlete.
        try await database.writer.write { try $0.execute(sql: "DELETE FROM athleteTrainingPlan") }
        active = try await database.activePlan(athleteId: "ath")
        XCTAssertEqual(active?.plan.id, "new", "the latest active plan")
        let none = try await database.activePlan(athleteId: "other")
        XCTAssertNil(none)
    }

    func testRegeneratingKeepsExecutedSnapshotsAndPlannedDayIds() async throws {
        _ = try await database.insertAthlete(athlete())
        let write = planWrite(planId: "p", start: CalendarDate("2026-03-02")!, weeks: 2, assignedAt: now, race: race(), insertsRace: true)
        _ = try await database.savePlan(write)
        let activity = Activity(id: "a1", athleteId: "ath", source: "garmin", externalId: "1", sport: "running", startTime: "2026-03-02T07:00:00Z",
                                startEpochSeconds: 1_772_434_800, utcOffsetSeconds: 0, localDate: CalendarDate("2026-03-02")!, elapsedSeconds: 2700,
                                movingSeconds: 2640, distanceMeters: 8000, averageHeartRate: 150, maxHeartRate: 170, elevationGainMeters: 10,
                                laps: [], heartRateSamples: [], createdAt: now)
        let outcome = try await database.ingest(activity, autoMatch: true, now: now)
        let execution = try XCTUnwrap(outcome.execution)
        XCTAssertEqual(execution.plannedDayId, "p-0-0")
        XCTAssertEqual(execution.plannedData, write.days[0].plannedData)
        XCTAssertEqual(execution.analysis?.verdict, .completed)

        var changed = write.days
        for index in changed.indices {
            changed[index].id = "new-\(index)"
            changed[index].plannedData = workout(.long, meters: 20_000)
        }
        _ = try await database.replacePlannedWorkouts(planId: "p", fromDate: CalendarDate("2026-03-01")!, days: changed, plan: write.plan, reason: nil)
        let day = try await database.plannedDay(planId: "p", date: CalendarDate("2026-03-02")!)
        XCTAssertEqual(day?.id, "p-0-0", "regeneration updates rows in place")
        XCTAssertEqual(day?.plannedData.type, .long)
        let after = try await database.execution(id: execution.id)
        XCTAssertEqual(after?.plannedData, write.days[0].plannedData, "the executed day keeps its snapshot")
        XCTAssertEqual(after?.plannedDayId, "p-0-0")
    }

    /// A sync page where some items break a table constraint: an unmatched one (one statement, undone by SQLite) and a
    /// matched one (activity and execution, undone by its savepoint). Each fails alone; the others are stored and
    /// matched, and nothing of the refused ones is left.
    func testRefusedItemsOfAPageLeaveNothingAndStopNothing() async throws {
        _ = try await database.insertAthlete(athlete())
        _ = try await database.savePlan(planWrite(planId: "p", start: CalendarDate("2026-03-02")!, weeks: 2, assignedAt: now, race: race(), insertsRace: true))
        func run(_ id: String, on date: String, epoch: Double, distance: Double = 8000) -> Activity {
            Activity(id: id, athleteId: "ath", source: "garmin", externalId: id, sport: "running", startTime: date + "T07:00:00Z",
                     startEpochSeconds: epoch, utcOffsetSeconds: 0, localDate: CalendarDate(date)!, elapsedSeconds: 2700,
                     movingSeconds: 2640, distanceMeters: distance, averageHeartRate: 150, maxHeartRate: 170, elevationGainMeters: 10,
                     laps: [], heartRateSamples: [], createdAt: now)
        }
        // The executed day of `badMatched` is refused after its activity row was written: only the item's savepoint
        // can take that row back.
        try await database.writer.write { db in
            try db.execute(sql: """
                CREATE TEMP TRIGGER refuseOneExecution BEFORE INSERT ON trainingDayExecuted WHEN NEW.activityId = 'badMatched'
                BEGIN SELECT RAISE(ABORT, 'refused by the test'); END
                """)
        }
        let page = [
            run("before", on: "2026-02-20", epoch: 1_771_570_800),                   // before the plan: unmatched
            run("before", on: "2026-02-20", epoch: 1_771_570_800),                   // again, right after a stored row: known
            run("badBefore", on: "2026-02-21", epoch: 1_771_657_200, distance: -1),  // breaks CHECK (distanceMeters >= 0), one statement
            run("matched", on: "2026-03-02", epoch: 1_772_434_800),                  // matched to p-0-0
            run("badMatched", on: "2026-03-03", epoch: 1_772_521_200),               // stored, then its execution refused
            run("matched", on: "2026-03-02", epoch: 1_772_434_800),                  // the same activity again: known
            run("after", on: "2026-03-04", epoch: 1_772_607_600),                    // matched to p-0-2
        ]
        let outcomes = try await database.ingest(page, autoMatch: true, now: now)
        XCTAssertEqual(outcomes.count, page.count)
        func success(_ index: Int) throws -> IngestOutcome { try outcomes[index].get() }
        XCTAssertEqual(try success(0).created, true)
        XCTAssertNil(try success(0).execution)
        XCTAssertNotNil(try success(0).unmatchedReason)
        XCTAssertEqual(try success(1).created, false)
        XCTAssertEqual(try success(1).activity.id, "before")
        for (refused, code) in [(2, ResultCode.SQLITE_CONSTRAINT_CHECK), (4, .SQLITE_CONSTRAINT_TRIGGER)] {
            guard case .failure(let error) = outcomes[refused] else { return XCTFail("item \(refused) should fail") }
            XCTAssertEqual((error as? DatabaseError)?.extendedResultCode, code, "item \(refused)")
        }
        XCTAssertEqual(try success(3).execution?.plannedDayId, "p-0-0")
        XCTAssertEqual(try success(5).created, false)
        XCTAssertEqual(try success(5).activity.id, "matched")
        XCTAssertEqual(try success(5).execution?.id, try success(3).execution?.id)
        XCTAssertEqual(try success(6).execution?.plannedDayId, "p-0-2")
        let stored = try await database.writer.read { db in
            (try String.fetchAll(db, sql: "SELECT id FROM athleteActivity ORDER BY id"),
             try String.fetchAll(db, sql: "SELECT activityId FROM trainingDayExecuted ORDER BY activityId"))
        }
        XCTAssertEqual(stored.0, ["after", "before", "matched"], "nothing of the refused items is left")
        XCTAssertEqual(stored.1, ["after", "matched"])

        // Without matching, a known activity is known too.
        let again = try await database.ingest([run("before", on: "2026-02-20", epoch: 1_771_570_800)], autoMatch: false, now: now)
        XCTAssertEqual(try again[0].get().created, false)
        XCTAssertEqual(try again[0].get().activity.id, "before")
    }

    /// A plan day whose stored workout does not decode fails the new activities on its date only: the page's other
    /// items are matched or stored, a known activity on that date is answered as known, and a page of one activity on
    /// another day matches (a page decodes only the days its activities fall on).
    func testAPlanDayThatDoesNotDecodeFailsOnlyTheActivitiesOnIt() async throws {
        _ = try await database.insertAthlete(athlete())
        _ = try await database.savePlan(planWrite(planId: "p", start: CalendarDate("2026-03-02")!, weeks: 2, assignedAt: now, race: race(), insertsRace: true))
        func run(_ id: String, on date: String) -> Activity {
            Activity(id: id, athleteId: "ath", source: "garmin", externalId: id, sport: "running", startTime: date + "T07:00:00Z",
                     startEpochSeconds: Double(CalendarDate(date)!.daysSinceEpoch * 86_400 + 25_200), utcOffsetSeconds: 0,
                     localDate: CalendarDate(date)!, elapsedSeconds: 2700, movingSeconds: 2640, distanceMeters: 8000,
                     averageHeartRate: 150, maxHeartRate: 170, elevationGainMeters: 10, laps: [], heartRateSamples: [], createdAt: now)
        }
        // Valid JSON (the column's CHECK passes), but not a workout.
        try await database.writer.write { db in
            try db.execute(sql: #"UPDATE trainingDayPlanned SET plannedData = '{"type":"easy"}' WHERE id = 'p-0-2'"#)
        }
        _ = try await database.ingest([run("knownOnBadDay", on: "2026-03-04")], autoMatch: false, now: now)
        let page = [run("good", on: "2026-03-02"), run("onBadDay", on: "2026-03-04"), run("before", on: "2026-02-20"), run("knownOnBadDay", on: "2026-03-04")]
        let outcomes = try await database.ingest(page, autoMatch: true, now: now)
        XCTAssertEqual(try outcomes[0].get().execution?.plannedDayId, "p-0-0")
        guard case .failure(let failure) = outcomes[1] else { return XCTFail("the activity on the day that does not decode should fail") }
        guard case .undecodableRow? = failure as? StoreError else { return XCTFail("a row that does not decode is the store's own error, got \(failure)") }
        XCTAssertNotNil(try outcomes[2].get().unmatchedReason)
        XCTAssertEqual(try outcomes[3].get().created, false)
        XCTAssertEqual(try outcomes[3].get().activity.id, "knownOnBadDay")

        let one = try await database.ingest([run("later", on: "2026-03-06")], autoMatch: true, now: now)
        XCTAssertEqual(try one[0].get().execution?.plannedDayId, "p-0-4")
        let stored = try await database.writer.read { db in try String.fetchAll(db, sql: "SELECT id FROM athleteActivity ORDER BY id") }
        XCTAssertEqual(stored, ["before", "good", "knownOnBadDay", "later"], "nothing of the failed item is left")
    }

    /// A page handed over while its transaction runs (`ActivityFeed`): the transaction waits for items that are not
    /// there yet and stores them in the order they came, duplicates included, and ends when the feed finishes.
    func testAPageFedWhileItsTransactionRunsIsStoredInOrder() async throws {
        _ = try await database.insertAthlete(athlete())
        let now = self.now
        @Sendable func run(_ index: Int) -> Activity {
            let date = CalendarDate("2026-01-01")!.adding(days: index % 300)
            return Activity(id: "a\(index)", athleteId: "ath", source: "garmin", externalId: "e\(index % 250)", sport: "running",
                            startTime: date.description + "T07:00:00Z", startEpochSeconds: Double(date.daysSinceEpoch * 86_400 + 25_200),
                            utcOffsetSeconds: 0, localDate: date, elapsedSeconds: 2700, movingSeconds: 2640, distanceMeters: 8000,
                            averageHeartRate: nil, maxHeartRate: nil, elevationGainMeters: nil, laps: [], heartRateSamples: [], createdAt: now)
        }
        let feed = ActivityFeed()
        let producer = Thread {
            for index in 0..<300 {
                feed.append(run(index))
                if index % 60 == 0 { usleep(20_000) }  // the transaction catches up and waits
            }
            feed.finish()
        }
        producer.start()
        let outcomes = try await database.ingest(feed, count: 300, autoMatch: false, now: now)
        XCTAssertEqual(outcomes.count, 300)
        for (index, outcome) in outcomes.enumerated() {
            let stored = try outcome.get()
            XCTAssertEqual(stored.activity.externalId, "e\(index % 250)")
            XCTAssertEqual(stored.created, index < 250, "item \(index)")
        }
        let count = try await database.writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM athleteActivity") }
        XCTAssertEqual(count, 250)

        let empty = ActivityFeed()
        empty.finish()
        let none = try await database.ingest(empty, count: 0, autoMatch: true, now: now)
        XCTAssertTrue(none.isEmpty)
    }

    /// A series of ids: one random stem (the prefix and 16 hex digits), then numbers of at least four digits, in
    /// order; two series never share a stem.
    func testAnIdentifierSeriesNumbersOneRandomStem() {
        var first = IdentifierSeries("day")
        let ids = (0..<10_001).map { _ in first.next() }
        let stem = String(ids[0].dropLast(5))
        XCTAssertNotNil(stem.wholeMatch(of: /day_[0-9a-f]{16}/), stem)
        XCTAssertEqual(ids[0], stem + "_0001")
        XCTAssertEqual(ids[41], stem + "_0042")
        XCTAssertEqual(ids[9_998], stem + "_9999")
        XCTAssertEqual(ids[9_999], stem + "_10000")
        XCTAssertEqual(ids[10_000], stem + "_10001")
        XCTAssertEqual(Set(ids).count, ids.count)
        var second = IdentifierSeries("day")
        XCTAssertFalse(second.next().hasPrefix(stem + "_"), "another series has another stem")
    }

    /// The error a test's plan save is refused with.
    private struct Refused: Error {}

    /// Runs a plan save that must be refused with ``Refused`` and checks that no plan, planned day or race is left.
    private func assertRefusedLeavingNothing(_ save: () async throws -> Void, file: StaticString = #filePath, line: UInt = #line) async throws {
        do {
            try await save()
            XCTFail("a refused plan was saved", file: file, line: line)
        } catch {
            XCTAssertTrue(error is Refused, "the refusal's own error, not \(error)", file: file, line: line)
        }
        let counts = try await database.writer.read { db in
            try ["trainingPlan", "trainingDayPlanned", "race"].map { table in try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") }
        }
        XCTAssertEqual(counts, [0, 0, 0], "plans, planned days and races left", file: file, line: line)
    }

    /// A built-in plan of `weeks` weeks for `meters` (from 2027-01-04, four days a week), its record as the request
    /// gives it (no goal time) and its race, for the athlete `ath`.
    private func samplePlan(_ id: String, weeks: Int, meters: Double) throws -> (generated: GeneratedPlan, plan: TrainingPlan, race: Race) {
        let start = CalendarDate("2027-01-04")!
        let request = PlanRequest(raceName: "M", raceDate: start.adding(days: 7 * (weeks - 1) + 6), raceDistanceMeters: meters, startDate: start,
                                  trainingDays: [.tuesday, .thursday, .saturday, .sunday])
        let plan = TrainingPlan(id: "plan_\(id)", athleteId: "ath", name: id, goalTimeSeconds: nil, startDate: start, status: .active,
                                preferredDays: request.trainingDays, weekCount: weeks, createdAt: now, updatedAt: now)
        return (try BuiltInCoach().generate(request), plan, Race(id: "race_\(id)", name: "M", date: request.raceDate, distanceMeters: meters, createdAt: now))
    }

    /// The days of `week` in `plan`, with ids that say where they are.
    private static func days(of week: GeneratedWeek, in plan: TrainingPlan) -> [PlannedDay] {
        week.days.map { day in
            PlannedDay(id: "day_\(plan.id)_\(week.weekIndex)_\(day.dayIndex)", trainingPlanId: plan.id, weekIndex: week.weekIndex,
                       dayIndex: day.dayIndex, date: plan.date(weekIndex: week.weekIndex, dayIndex: day.dayIndex), phase: day.phase,
                       plannedData: day.workout)
        }
    }

    /// A plan's days are stored while their texts are still being serialised (`PlannedDaySink`): a transaction that
    /// takes the texts as they come stores each day with its own workout, in order, and commits only if the check
    /// beside it passes.
    func testPlannedDaysAreStoredAsTheirTextsCome() async throws {
        _ = try await database.insertAthlete(athlete())
        let (generated, plan, race) = try samplePlan("fed", weeks: 12, meters: 21097.5)
        let days = generated.weeks.flatMap { Self.days(of: $0, in: plan) }
        let write = PlanWrite(plan: plan, race: race, insertsRace: true, fillsDraft: false, days: days, assignedAt: now)
        // A check beside the transaction that refuses the plan: its error, and nothing written; also when the days
        // it let through broke a constraint first (two days on one date).
        var clashing = write
        clashing.days[1].date = clashing.days[0].date
        for attempt in [write, clashing] {
            try await assertRefusedLeavingNothing { _ = try await database.savePlan(attempt, checking: { throw Refused() }, answering: {}) }
        }

        let (_, answer) = try await database.savePlan(write, checking: {}, answering: { 42 })
        XCTAssertEqual(answer, 42)
        let stored = try await database.plannedDays(planId: plan.id)
        XCTAssertEqual(stored, days, "every day with its own workout, in date order")
    }

    /// A plan whose days are made while it is stored (`savePlan(_:making:checking:answering:)`): the maker hands the
    /// weeks over one by one from its own thread, and the plan is stored with the record the maker returns (its goal
    /// time known only at the end). A maker that fails after handing days over, or a check that refuses a plan
    /// whose days are all in, leaves nothing written, and its error is thrown. The answer is made from the record
    /// and what the check returned.
    func testAPlanMadeWhileItIsStoredIsStoredWithItsFinalRecord() async throws {
        _ = try await database.insertAthlete(athlete())
        let (generated, requested, race) = try samplePlan("made", weeks: 10, meters: 10_000)
        let write = PlanWrite(plan: requested, race: race, insertsRace: true, fillsDraft: false, days: [], assignedAt: now)
        @Sendable func days(of week: GeneratedWeek) -> [PlannedDay] { Self.days(of: week, in: requested) }
        try await assertRefusedLeavingNothing {
            _ = try await database.savePlan(write, making: { sink -> (plan: TrainingPlan, made: Int) in
                for week in generated.weeks.prefix(4) { sink.append(days(of: week)) }
                throw Refused()
            }, checking: { $0 }, answering: { _, made in made })
        }
        try await assertRefusedLeavingNothing {
            _ = try await database.savePlan(write, making: { sink in
                for week in generated.weeks { sink.append(days(of: week)) }
                return (requested, 1)
            }, checking: { _ -> Int in throw Refused() }, answering: { _, made in made })
        }

        let (saved, made) = try await database.savePlan(write, making: { sink in
            for week in generated.weeks {
                sink.append(days(of: week))
                usleep(200)  // the transaction catches up and waits
            }
            var plan = requested
            plan.goalTimeSeconds = generated.goalTimeSeconds
            return (plan, 41)
        }, checking: { made in made + 1 }, answering: { plan, checked in
            XCTAssertEqual(plan.goalTimeSeconds, generated.goalTimeSeconds)
            return checked
        })
        XCTAssertEqual(made, 42)
        XCTAssertEqual(saved.goalTimeSeconds, generated.goalTimeSeconds)
        let stored = try await database.plannedDays(planId: requested.id)
        XCTAssertEqual(stored, generated.weeks.flatMap(days(of:)), "every day, in order")
        let record = try await database.writer.read { db in try TrainingPlan.fetchOne(db, key: requested.id) }
        XCTAssertEqual(record, saved, "the record the maker returned")
        let changedDays = try await database.writer.read { db in
            try Int.fetchOne(db, sql: "SELECT changedDays FROM trainingPlanRevision WHERE trainingPlanId = ?", arguments: [requested.id])
        }
        XCTAssertEqual(changedDays, 70)
    }

    /// The loads a year of fitness reads, decoded by position from `json_extract`: a real and an integer value, a
    /// missing load and a value that is not a number (no load), in date order, up to `through`.
    func testActivityLoadsAreReadByPosition() async throws {
        _ = try await database.insertAthlete(athlete())
        func run(_ id: String, on date: String, sport: String = "running") -> Activity {
            Activity(id: id, athleteId: "ath", source: "garmin", externalId: id, sport: sport, startTime: date + "T07:00:00Z",
                     startEpochSeconds: Double(CalendarDate(date)!.daysSinceEpoch * 86_400 + 25_200), utcOffsetSeconds: 0,
                     localDate: CalendarDate(date)!, elapsedSeconds: 2700, movingSeconds: 2640, distanceMeters: 8000,
                     averageHeartRate: 150, maxHeartRate: 170, elevationGainMeters: 10, laps: [], heartRateSamples: [], createdAt: now)
        }
        let page = [run("b", on: "2026-03-03"), run("a", on: "2026-03-02"), run("c", on: "2026-03-04", sport: "cycling"),
                    run("d", on: "2026-03-05"), run("later", on: "2026-03-09")]
        _ = try await database.ingest(page, autoMatch: false, now: now)
        try await database.writer.write { db in
            try db.execute(sql: #"UPDATE athleteActivity SET trainingLoad = '{"value":72.5,"method":"rTSS"}' WHERE id = 'a'"#)
            try db.execute(sql: #"UPDATE athleteActivity SET trainingLoad = '{"method":"hrTSS","value":62}' WHERE id = 'b'"#)
            try db.execute(sql: "UPDATE athleteActivity SET trainingLoad = NULL WHERE id = 'c'")
            try db.execute(sql: #"UPDATE athleteActivity SET trainingLoad = '{"value":"x","method":"rTSS"}' WHERE id = 'd'"#)
        }
        let loads = try await database.activityLoads(athleteId: "ath", through: CalendarDate("2026-03-05")!)
        XCTAssertEqual(loads, [
            ActivityLoadRow(activityId: "a", localDate: CalendarDate("2026-03-02")!, sport: "running",
                            trainingLoad: TrainingLoad(value: 72.5, method: .runningStress), distanceMeters: 8000),
            ActivityLoadRow(activityId: "b", localDate: CalendarDate("2026-03-03")!, sport: "running",
                            trainingLoad: TrainingLoad(value: 62, method: .heartRateStress), distanceMeters: 8000),
            ActivityLoadRow(activityId: "c", localDate: CalendarDate("2026-03-04")!, sport: "cycling", trainingLoad: nil, distanceMeters: 8000),
            ActivityLoadRow(activityId: "d", localDate: CalendarDate("2026-03-05")!, sport: "running", trainingLoad: nil, distanceMeters: 8000),
        ])
    }
}
