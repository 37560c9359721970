import ArgumentParser
import Foundation
import GoFastServer
import JSONRPC
import Logging
import TrainingStore
#if canImport(Glibc)
import Glibc
#endif

/// Options shared by every subcommand.
struct CommonOptions: ParsableArguments {
    @Option(help: "SQLite database file, or :memory:. Default: $GOFAST_DB, else $XDG_DATA_HOME/gofast/gofast.sqlite.")
    var db: String?

    @Option(help: "Log level on stderr: trace, debug, info, notice, warning, error, critical.")
    var logLevel: Logger.Level = .warning

    @Option(help: "Default plan generator: builtin (offline coach) or openai (OPENAI_API_KEY, OPENAI_BASE_URL, OPENAI_MODEL).")
    var generator: PlanGeneratorKind = .builtin

    /// The database path by the documented precedence.
    var databasePath: String {
        if let db { return db }
        let environment = ProcessInfo.processInfo.environment
        if let path = environment["GOFAST_DB"], !path.isEmpty { return path }
        let dataHome = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.local/share"
        return dataHome + "/gofast/gofast.sqlite"
    }

    func bootstrapLogging() -> Logger {
        let level = logLevel
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        return Logger(label: "gofast")
    }

    func openContext(logger: Logger) throws -> ServerContext {
        let path = databasePath
        do {
            let database = try AppDatabase.open(path: path)
            return ServerContext(database: database, logger: logger, generators: .fromEnvironment(defaultGenerator: generator))
        } catch {
            logger.critical("cannot open the database", metadata: ["path": "\(path)", "error": "\(error)"])
            throw ExitCode(2)
        }
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}
extension Framing: ExpressibleByArgument {}
extension PlanGeneratorKind: ExpressibleByArgument {}

