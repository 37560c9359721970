import Foundation
import GRDB
import TrainingDomain

/// A revision to write: the days with their new content (ids of existing days), and what made it.
public struct RevisionWrite: Sendable {
    /// The plan.
    public var planId: String
    /// What made it (`moveDay`, `adapt`, …).
    public var kind: String
    /// Why, in words.
    public var reason: String?
    /// The days to change, with their new phase and workout; days whose content is unchanged are skipped.
    public var days: [PlannedDay]
    /// The revision each day had when the change was computed: a day changed since is a conflict, nothing is written.
    public var expectedRevisions: [String: Int]
    /// When (RFC 3339, UTC).
    public var createdAt: String
    /// The plan's new metadata (new training days), written in the same transaction when given.
    public var plan: TrainingPlan?

    /// Creates a write.
    public init(planId: String, kind: String, reason: String?, days: [PlannedDay], expectedRevisions: [String: Int], createdAt: String, plan: TrainingPlan? = nil) {
        self.plan = plan
        self.planId = planId
        self.kind = kind
        self.reason = reason
        self.days = days
        self.expectedRevisions = expectedRevisions
        self.createdAt = createdAt
    }
}

extension AppDatabase {
    /// The plan's revisions, oldest first.
    public func revisions(planId: String) async throws -> [PlanRevision] {
        try await reader.read { db in try Self.revisions(planId: planId, db) }
    }

    static func revisions(planId: String, _ db: Database) throws -> [PlanRevision] {
        try Row.fetchAll(db, sql: """
            SELECT revision, createdAt, kind, reason, changedDays FROM trainingPlanRevision WHERE trainingPlanId = ? ORDER BY revision
            """, arguments: [planId]).map {
            PlanRevision(revision: $0["revision"], createdAt: $0["createdAt"], kind: $0["kind"], reason: $0["reason"], changedDays: $0["changedDays"])
        }
    }

    /// The plan's current revision (0 for a draft).
    static func currentRevision(planId: String, _ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT MAX(revision) FROM trainingPlanRevision WHERE trainingPlanId = ?", arguments: [planId]) ?? 0
    }

    /// Every earlier version of the plan's days.
    public func dayVersions(planId: String) async throws -> [PlannedDayVersion] {
        try await reader.read { db in
            try Row.fetchAll(db, sql: """
                SELECT v.plannedDayId, v.revision, v.phase, v.plannedData FROM trainingDayPlannedVersion v
                JOIN trainingDayPlanned d ON d.id = v.plannedDayId WHERE d.trainingPlanId = ?
                """, arguments: [planId]).map { row in
                let text: String = row["plannedData"]
                return PlannedDayVersion(
                    plannedDayId: row["plannedDayId"], revision: row["revision"], phase: TrainingPhase(rawValue: row["phase"]) ?? .base,
                    plannedData: try JSONDecoder().decode(PlannedWorkout.self, from: Data(text.utf8))
                )
            }
        }
    }

    /// Writes a revision in one transaction: each changed day's previous content is kept as a version, the day is
    /// updated in place (id kept; executed snapshots untouched) and carries the new revision number. Returns the
    /// revision and the days as they were before; nothing is written when no day changes.
    public func commitRevision(_ write: RevisionWrite) async throws -> (revision: Int, before: [PlannedDay]) {
        try await self.write { db in try Self.commitRevision(write, db) }
    }

    static func commitRevision(_ write: RevisionWrite, _ db: Database) throws -> (revision: Int, before: [PlannedDay]) {
        let current = try currentRevision(planId: write.planId, db)
        var before: [PlannedDay] = []
        var changed: [PlannedDay] = []
        for day in write.days {
            guard let stored = try PlannedDay.fetchOne(db, key: day.id), stored.trainingPlanId == write.planId else {
                throw StoreError.notFound(entity: "plannedDay", id: day.id)
            }
            if let expected = write.expectedRevisions[day.id], expected != stored.revision {
                throw StoreError.conflict("the day \(stored.date) changed since this edit was computed; try again")
            }
            guard stored.plannedData != day.plannedData || stored.phase != day.phase else { continue }
            before.append(stored)
            changed.append(day)
        }
        guard !changed.isEmpty else { return (current, []) }
        if var plan = write.plan {
            plan.updatedAt = write.createdAt
            try plan.update(db)
        }
        let revision = current + 1
        let version = try db.makeStatement(sql: """
            INSERT INTO trainingDayPlannedVersion (plannedDayId, revision, supersededIn, phase, plannedData) VALUES (?, ?, ?, ?, ?)
            """)
        let update = try db.makeStatement(sql: "UPDATE trainingDayPlanned SET phase = ?, plannedData = ?, revision = ? WHERE id = ?")
        for (old, new) in zip(before, changed) {
            try version.execute(arguments: [old.id, old.revision, revision, old.phase.rawValue, JSONColumn.text(old.plannedData)])
            try update.execute(arguments: [new.phase.rawValue, JSONColumn.text(new.plannedData), revision, new.id])
        }
        try db.execute(sql: """
            INSERT INTO trainingPlanRevision (trainingPlanId, revision, kind, reason, changedDays, createdAt) VALUES (?, ?, ?, ?, ?, ?)
            """, arguments: [write.planId, revision, write.kind, write.reason, changed.count, write.createdAt])
        try db.execute(sql: "UPDATE trainingPlan SET updatedAt = ? WHERE id = ?", arguments: [write.createdAt, write.planId])
        return (revision, before)
    }
}
