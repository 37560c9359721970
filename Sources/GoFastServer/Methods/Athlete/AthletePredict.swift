import JSONRPC
import TrainingDomain

/// `athlete.predict`: race times from the runs themselves (the best race-like effort of the last 42 days), else the 5K.
enum AthletePredict: GoFastMethod {
    static let name = "athlete.predict"
    static let access = RPCMethod.Access.read

    static func handle(_ params: AthleteIdParams, _ call: MethodCall) async throws -> PerformancePrediction {
        let athlete = try await AthleteInputs.require(params.athleteId, call.context)
        return try await prediction(for: athlete, call.context)
    }

    /// The prediction for `athlete` today, or nil when nothing predicts (a store failure still throws).
    static func predictionIfAny(for athlete: Athlete, _ context: ServerContext) async throws -> PerformancePrediction? {
        do {
            return try await prediction(for: athlete, context)
        } catch let error as RPCError where error.code == -32602 {
            return nil
        }
    }

    /// The prediction for `athlete` today; `-32602` naming `fiveKTimeSeconds` when nothing predicts.
    static func prediction(for athlete: Athlete, _ context: ServerContext) async throws -> PerformancePrediction {
        let today = AthleteInputs.today(of: athlete, context)
        let recent = try await context.database.recentActivities(
            athleteId: athlete.id, from: today.adding(days: -(PerformancePredictor.windowDays - 1)), to: today
        )
        do {
            return try PerformancePredictor.predict(
                activities: recent.activities, raceDayActivityIds: recent.raceDayActivityIds,
                maxHeartRate: athlete.maxHeartRate, fiveKTimeSeconds: athlete.fiveKTimeSeconds, today: today
            )
        } catch {
            throw RPCError.invalidParams(field: error.field, reason: error.description)
        }
    }
}
