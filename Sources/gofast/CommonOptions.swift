import ArgumentParser
import GoFastServer
import JSONRPC
import Logging

/// Options shared by every subcommand, parsed by ArgumentParser into `Settings`.
struct CommonOptions: ParsableArguments {
    @Option(help: "SQLite database file, or :memory:. Default: $GOFAST_DB, else $XDG_DATA_HOME/gofast/gofast.sqlite.")
    var db: String?

    @Option(help: "Log level on stderr: trace, debug, info, notice, warning, error, critical.")
    var logLevel: Logger.Level = .warning

    @Option(help: "Default plan generator: builtin (offline coach) or openai (OPENAI_API_KEY, OPENAI_BASE_URL, OPENAI_MODEL).")
    var generator: PlanGeneratorKind = .builtin

    /// The options as the plain value the commands start from.
    var settings: Settings { Settings(db: db, logLevel: logLevel, generator: generator) }

    func bootstrapLogging() -> Logger { settings.bootstrapLogging() }

    /// Opens the context, exiting with status 2 when the database cannot be opened.
    func openContext(logger: Logger) throws -> ServerContext {
        do {
            return try settings.openContext(logger: logger)
        } catch {
            throw ExitCode(DatabaseUnavailable.exitStatus)
        }
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}
extension Framing: ExpressibleByArgument {}
extension PlanGeneratorKind: ExpressibleByArgument {}
