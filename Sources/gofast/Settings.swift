import Foundation
import GoFastServer
import Logging
import TrainingStore

/// What every subcommand needs to start: where the database is, how much to log, and the default generator.
///
/// A plain value, so `gofast serve` can be started from `ServeArguments` without ArgumentParser (see there).
struct Settings {
    /// `--db`: a SQLite file or `:memory:`; nil for the documented default.
    var db: String?
    /// `--log-level`: what reaches stderr.
    var logLevel: Logger.Level = .warning
    /// `--generator`: the plan generator used when a request names none.
    var generator: PlanGeneratorKind = .builtin

    /// The database path by the documented precedence: `--db`, else `$GOFAST_DB`, else `$XDG_DATA_HOME/gofast/gofast.sqlite`.
    var databasePath: String {
        if let db { return db }
        let environment = EnvironmentVariable.value
        if let path = environment("GOFAST_DB"), !path.isEmpty { return path }
        let dataHome = environment("XDG_DATA_HOME").flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment("HOME") ?? NSHomeDirectory()) + "/.local/share"
        return dataHome + "/gofast/gofast.sqlite"
    }

    /// Sends logs to stderr at `logLevel` and returns the command's logger.
    func bootstrapLogging() -> Logger {
        let level = logLevel
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        return Logger(label: "gofast")
    }

    /// Opens the database (migrating it) and builds the server context; a failure is logged and is `DatabaseUnavailable`.
    func openContext(logger: Logger) throws(DatabaseUnavailable) -> ServerContext {
        let path = databasePath
        do {
            let database = try AppDatabase.open(path: path)
            return ServerContext(database: database, logger: logger, generators: .fromEnvironment(defaultGenerator: generator))
        } catch {
            logger.critical("cannot open the database", metadata: ["path": "\(path)", "error": "\(error)"])
            throw DatabaseUnavailable()
        }
    }
}

/// The database could not be opened or migrated (logged already); the command exits with status 2.
struct DatabaseUnavailable: Error {
    /// The process exit status for it.
    static let exitStatus: Int32 = 2
}
