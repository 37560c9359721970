import GRDB

/// The schema, as named, append-only migrations: never edit a registered migration, add a new one.
enum SchemaMigrations {
    /// The stamp kept in `PRAGMA user_version` once every migration has run: "GO" in the high bytes, so another
    /// program's database with a small version of its own never matches, and the number of migrations.
    static var stamp: Int32 { stamp(of: migrator) }

    private static func stamp(of migrator: DatabaseMigrator) -> Int32 { 0x474F_0000 | Int32(migrator.migrations.count) }

    /// Migrates `writer` to the current schema unless its stamp says it is there, then stamps it.
    ///
    /// The stamp is read from the file's header, without the schema. The migrator's first look at `grdb_migrations`
    /// makes SQLite read and parse the whole schema: a third of a millisecond on the way to a server's first reply,
    /// which an `initialize` does not need. With the stamp, the schema is read by the first request that uses it.
    static func migrate(_ writer: any DatabaseWriter) throws {
        let migrator = self.migrator
        let stamp = stamp(of: migrator)
        let found = try writer.writeWithoutTransaction { db in try Int32.fetchOne(db, sql: "PRAGMA user_version") }
        guard found != stamp else { return }
        try migrator.migrate(writer)
        try writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA user_version = \(stamp)") }
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: seed model") { db in
            try createV1(db)
        }
        migrator.registerMigration("v2: threshold inputs and training loads") { db in
            // Activities stored before v2 keep a NULL load until the athlete's thresholds next change
            // (athlete.update recomputes every load of the athlete); the fitness series computes a missing one.
            try db.execute(sql: """
                ALTER TABLE athlete ADD COLUMN thresholdPaceSecondsPerKm REAL CHECK (thresholdPaceSecondsPerKm > 0);
                ALTER TABLE athlete ADD COLUMN thresholdHeartRate INTEGER CHECK (thresholdHeartRate BETWEEN 80 AND 250);
                ALTER TABLE athleteActivity ADD COLUMN trainingLoad TEXT CHECK (trainingLoad IS NULL OR json_valid(trainingLoad));
                """)
        }
        migrator.registerMigration("v3: plan revisions") { db in
            // Every change to a plan's days is a revision: generation is 1. A planned day keeps the revision it last
            // changed in; the content it had before each change is kept in trainingDayPlannedVersion. No flags.
            try db.execute(sql: """
                ALTER TABLE trainingDayPlanned ADD COLUMN revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1);
                CREATE TABLE trainingPlanRevision (
                    id INTEGER PRIMARY KEY,
                    trainingPlanId TEXT NOT NULL REFERENCES trainingPlan(id) ON DELETE CASCADE,
                    revision INTEGER NOT NULL CHECK (revision >= 1),
                    kind TEXT NOT NULL CHECK (length(kind) > 0),
                    reason TEXT,
                    changedDays INTEGER NOT NULL CHECK (changedDays >= 0),
                    createdAt TEXT NOT NULL,
                    UNIQUE (trainingPlanId, revision)
                ) STRICT;
                CREATE TABLE trainingDayPlannedVersion (
                    id INTEGER PRIMARY KEY,
                    plannedDayId TEXT NOT NULL REFERENCES trainingDayPlanned(id) ON DELETE CASCADE,
                    revision INTEGER NOT NULL CHECK (revision >= 1),
                    supersededIn INTEGER NOT NULL CHECK (supersededIn > revision),
                    phase TEXT NOT NULL,
                    plannedData TEXT NOT NULL CHECK (json_valid(plannedData)),
                    UNIQUE (plannedDayId, revision)
                ) STRICT;
                INSERT INTO trainingPlanRevision (trainingPlanId, revision, kind, reason, changedDays, createdAt)
                    SELECT id, 1, 'generate', NULL, weekCount * 7, createdAt FROM trainingPlan WHERE weekCount > 0;
                """)
        }
        migrator.registerMigration("v4: planned day phase checked without IN") { db in
            // `phase IN (…)` in a CHECK builds an ephemeral table for every row written: a quarter of the cost of
            // storing a plan's days. The same rule written with `=` and `OR` is evaluated in place. SQLite cannot
            // change a CHECK, so the table is rebuilt (https://www.sqlite.org/lang_altertable.html#otheralter);
            // the migrator turns foreign keys off around it and runs `foreign_key_check` before committing, so the
            // executions and versions that reference these days keep them.
            try db.execute(sql: """
                CREATE TABLE trainingDayPlanned_v4 (
                    id TEXT PRIMARY KEY NOT NULL,
                    trainingPlanId TEXT NOT NULL REFERENCES trainingPlan(id) ON DELETE CASCADE,
                    weekIndex INTEGER NOT NULL CHECK (weekIndex >= 0),
                    dayIndex INTEGER NOT NULL CHECK (dayIndex BETWEEN 0 AND 6),
                    date TEXT NOT NULL CHECK (date LIKE '____-__-__'),
                    phase TEXT NOT NULL CHECK (phase = 'base' OR phase = 'build' OR phase = 'peak' OR phase = 'taper'),
                    plannedData TEXT NOT NULL CHECK (json_valid(plannedData)),
                    revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
                    UNIQUE (trainingPlanId, weekIndex, dayIndex),
                    UNIQUE (trainingPlanId, date)
                ) STRICT;
                INSERT INTO trainingDayPlanned_v4 (id, trainingPlanId, weekIndex, dayIndex, date, phase, plannedData, revision)
                    SELECT id, trainingPlanId, weekIndex, dayIndex, date, phase, plannedData, revision FROM trainingDayPlanned;
                DROP TABLE trainingDayPlanned;
                ALTER TABLE trainingDayPlanned_v4 RENAME TO trainingDayPlanned;
                """)
        }
        migrator.registerMigration("v5: planned days checked where they are made") { db in
            // Storing an 18-week plan is 126 inserts, and two of the table's guards were a third of SQLite's work:
            // - `json_valid(plannedData)` parsed every workout again (~2 of ~6 million instructions). The store
            //   receives typed workouts and serialises them itself (`PlannedDaySink`), so the text is JSON by
            //   construction; executed days' snapshots and versions keep the CHECK.
            // - `UNIQUE (trainingPlanId, weekIndex, dayIndex)` was a third index. A day's date is computed from
            //   its position (`startDate + 7 × weekIndex + dayIndex`, dayIndex 0–6), so `UNIQUE (trainingPlanId,
            //   date)`, the index matching reads, already refuses two days at one position.
            // The table is rebuilt as in v4.
            try db.execute(sql: """
                CREATE TABLE trainingDayPlanned_v5 (
                    id TEXT PRIMARY KEY NOT NULL,
                    trainingPlanId TEXT NOT NULL REFERENCES trainingPlan(id) ON DELETE CASCADE,
                    weekIndex INTEGER NOT NULL CHECK (weekIndex >= 0),
                    dayIndex INTEGER NOT NULL CHECK (dayIndex BETWEEN 0 AND 6),
                    date TEXT NOT NULL CHECK (date LIKE '____-__-__'),
                    phase TEXT NOT NULL CHECK (phase = 'base' OR phase = 'build' OR phase = 'peak' OR phase = 'taper'),
                    plannedData TEXT NOT NULL,
                    revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
                    UNIQUE (trainingPlanId, date)
                ) STRICT;
                INSERT INTO trainingDayPlanned_v5 (id, trainingPlanId, weekIndex, dayIndex, date, phase, plannedData, revision)
                    SELECT id, trainingPlanId, weekIndex, dayIndex, date, phase, plannedData, revision FROM trainingDayPlanned;
                DROP TABLE trainingDayPlanned;
                ALTER TABLE trainingDayPlanned_v5 RENAME TO trainingDayPlanned;
                """)
        }
        return migrator
    }

    private static func createV1(_ db: Database) throws {
        let isoDate = "LIKE '____-__-__'"
        try db.execute(sql: """
            CREATE TABLE athlete (
                id TEXT PRIMARY KEY NOT NULL,
                name TEXT NOT NULL CHECK (length(trim(name)) > 0),
                email TEXT,
                timeZone TEXT NOT NULL CHECK (length(timeZone) > 0),
                fiveKTimeSeconds REAL CHECK (fiveKTimeSeconds > 0),
                maxHeartRate INTEGER CHECK (maxHeartRate BETWEEN 100 AND 250),
                restingHeartRate INTEGER CHECK (restingHeartRate BETWEEN 20 AND 120),
                createdAt TEXT NOT NULL,
                updatedAt TEXT NOT NULL
            ) STRICT;

            CREATE TABLE race (
                id TEXT PRIMARY KEY NOT NULL,
                name TEXT NOT NULL CHECK (length(trim(name)) > 0),
                date TEXT NOT NULL CHECK (date \(isoDate)),
                distanceMeters REAL NOT NULL CHECK (distanceMeters > 0),
                location TEXT,
                createdAt TEXT NOT NULL
            ) STRICT;
            CREATE INDEX race_on_date ON race(date);

            CREATE TABLE trainingPlan (
                id TEXT PRIMARY KEY NOT NULL,
                athleteId TEXT NOT NULL REFERENCES athlete(id) ON DELETE CASCADE,
                name TEXT NOT NULL CHECK (length(trim(name)) > 0),
                goalTimeSeconds REAL CHECK (goalTimeSeconds > 0),
                startDate TEXT NOT NULL CHECK (startDate \(isoDate)),
                status TEXT NOT NULL CHECK (status IN ('draft', 'active', 'completed', 'archived')),
                preferredDays TEXT NOT NULL CHECK (json_valid(preferredDays)),
                weekCount INTEGER NOT NULL DEFAULT 0 CHECK (weekCount >= 0),
                createdAt TEXT NOT NULL,
                updatedAt TEXT NOT NULL
            ) STRICT;
            CREATE INDEX trainingPlan_on_athlete_status ON trainingPlan(athleteId, status, createdAt);

            -- Plan ↔ race: one race per plan (UNIQUE plan), many plans per race.
            CREATE TABLE raceTrainingPlan (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                trainingPlanId TEXT NOT NULL UNIQUE REFERENCES trainingPlan(id) ON DELETE CASCADE,
                raceId TEXT NOT NULL REFERENCES race(id) ON DELETE RESTRICT,
                linkedAt TEXT NOT NULL
            ) STRICT;
            CREATE INDEX raceTrainingPlan_on_race ON raceTrainingPlan(raceId);

            -- Athlete ↔ plan: assignedAt only, no flags; the latest assignment is the active plan.
            CREATE TABLE athleteTrainingPlan (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                athleteId TEXT NOT NULL REFERENCES athlete(id) ON DELETE CASCADE,
                trainingPlanId TEXT NOT NULL REFERENCES trainingPlan(id) ON DELETE CASCADE,
                assignedAt TEXT NOT NULL
            ) STRICT;
            CREATE INDEX athleteTrainingPlan_on_athlete_assignedAt ON athleteTrainingPlan(athleteId, assignedAt);
            CREATE INDEX athleteTrainingPlan_on_plan ON athleteTrainingPlan(trainingPlanId);

            CREATE TABLE trainingDayPlanned (
                id TEXT PRIMARY KEY NOT NULL,
                trainingPlanId TEXT NOT NULL REFERENCES trainingPlan(id) ON DELETE CASCADE,
                weekIndex INTEGER NOT NULL CHECK (weekIndex >= 0),
                dayIndex INTEGER NOT NULL CHECK (dayIndex BETWEEN 0 AND 6),
                date TEXT NOT NULL CHECK (date \(isoDate)),
                phase TEXT NOT NULL CHECK (phase IN ('base', 'build', 'peak', 'taper')),
                plannedData TEXT NOT NULL CHECK (json_valid(plannedData)),
                UNIQUE (trainingPlanId, weekIndex, dayIndex),
                UNIQUE (trainingPlanId, date)
            ) STRICT;

            CREATE TABLE athleteActivity (
                id TEXT PRIMARY KEY NOT NULL,
                athleteId TEXT NOT NULL REFERENCES athlete(id) ON DELETE CASCADE,
                source TEXT NOT NULL CHECK (length(source) > 0),
                externalId TEXT NOT NULL CHECK (length(externalId) > 0),
                sport TEXT NOT NULL,
                startTime TEXT NOT NULL,
                startEpochSeconds REAL NOT NULL,
                utcOffsetSeconds INTEGER CHECK (utcOffsetSeconds BETWEEN -43200 AND 50400),
                localDate TEXT NOT NULL CHECK (localDate \(isoDate)),
                elapsedSeconds REAL NOT NULL CHECK (elapsedSeconds >= 0),
                movingSeconds REAL NOT NULL CHECK (movingSeconds >= 0),
                distanceMeters REAL NOT NULL CHECK (distanceMeters >= 0),
                averageHeartRate REAL CHECK (averageHeartRate > 0),
                maxHeartRate REAL CHECK (maxHeartRate > 0),
                elevationGainMeters REAL,
                laps TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(laps)),
                heartRateSamples TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(heartRateSamples)),
                createdAt TEXT NOT NULL,
                UNIQUE (athleteId, source, externalId)
            ) STRICT;
            CREATE INDEX athleteActivity_on_athlete_localDate ON athleteActivity(athleteId, localDate);

            -- No foreign key to trainingPlan: an execution links to its plan through athlete and date.
            CREATE TABLE trainingDayExecuted (
                id TEXT PRIMARY KEY NOT NULL,
                athleteId TEXT NOT NULL REFERENCES athlete(id) ON DELETE CASCADE,
                activityId TEXT UNIQUE REFERENCES athleteActivity(id) ON DELETE CASCADE,
                plannedDayId TEXT REFERENCES trainingDayPlanned(id) ON DELETE SET NULL,
                weekIndex INTEGER CHECK (weekIndex >= 0),
                dayIndex INTEGER CHECK (dayIndex BETWEEN 0 AND 6),
                date TEXT NOT NULL CHECK (date \(isoDate)),
                plannedData TEXT CHECK (plannedData IS NULL OR json_valid(plannedData)),
                analysis TEXT CHECK (analysis IS NULL OR json_valid(analysis)),
                manualDistanceMeters REAL CHECK (manualDistanceMeters >= 0),
                manualDurationSeconds REAL CHECK (manualDurationSeconds >= 0),
                note TEXT,
                createdAt TEXT NOT NULL
            ) STRICT;
            CREATE INDEX trainingDayExecuted_on_athlete_date ON trainingDayExecuted(athleteId, date);
            CREATE INDEX trainingDayExecuted_on_plannedDay ON trainingDayExecuted(plannedDayId);
            """)
    }
}
