import ArgumentParser
import Foundation
import GoFastServer
import JSONRPC
import Logging
import TrainingStore
#if canImport(Glibc)
import Glibc
#endif

/// The `gofast` command line: serve JSON-RPC on stdio (the default) or call one method.
@main
struct GofastCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gofast",
        abstract: "GoFast training engine: training plans, activities and analysis over JSON-RPC 2.0 on stdin/stdout.",
        discussion: """
            With no subcommand, gofast serves JSON-RPC 2.0 on stdin/stdout (the same as `gofast serve`).
            Framing is detected from the first bytes: LSP-style `Content-Length: N` headers, or one JSON message
            per line. Replies use the client's framing. stdout carries protocol bytes only; logs go to stderr.

            The lifecycle is LSP's: `initialize`, `initialized`, `shutdown`, `exit`; scripts may skip it.
            `rpc.discover` returns the OpenRPC document (protocol/openrpc.json) describing every method.

            Serve options (see `gofast help serve`): --db PATH, --framing content-length|newline,
            --max-message-bytes N (default 64 MiB), --log-level trace|debug|info|notice|warning|error|critical,
            --generator builtin|openai.

            Database: --db PATH, else $GOFAST_DB, else $XDG_DATA_HOME/gofast/gofast.sqlite
            (~/.local/share/gofast/gofast.sqlite). `--db :memory:` is a throwaway session.

            Examples:
              gofast < protocol/examples/quickstart.jsonl
              gofast call athlete.create '{"name":"Ada","timeZone":"Europe/London"}'
            """,
        subcommands: [Serve.self, Call.self],
        defaultSubcommand: Serve.self
    )
}

/// Options shared by every subcommand.
struct CommonOptions: ParsableArguments {
    @Option(help: "SQLite database file, or :memory:. Default: $GOFAST_DB, else $XDG_DATA_HOME/gofast/gofast.sqlite.")
    var db: String?

    @Option(help: "Log level on stderr: trace, debug, info, notice, warning, error, critical.")
    var logLevel: Logger.Level = .warning

    @Option(help: "Default plan generator: builtin (offline coach) or openai (OPENAI_API_KEY, OPENAI_BASE_URL, OPENAI_MODEL).")
    var generator: String = "builtin"

    func validate() throws {
        guard ["builtin", "openai"].contains(generator) else {
            throw ValidationError("--generator must be builtin or openai")
        }
    }

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

/// `gofast serve`: JSON-RPC 2.0 on stdin/stdout.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Serve JSON-RPC 2.0 on stdin/stdout (the default).")

    @OptionGroup var options: CommonOptions

    @Option(help: "Force a framing instead of detecting it: content-length or newline.")
    var framing: Framing?

    @Option(help: "Largest message accepted, in bytes; bigger ones are refused without being read into memory.")
    var maxMessageBytes: Int = 64 << 20

    func validate() throws {
        guard maxMessageBytes >= 1024 else { throw ValidationError("--max-message-bytes must be at least 1024") }
    }

    func run() throws {
        // Guard the channel: protocol bytes go to a private copy of stdout; fd 1 becomes stderr,
        // so a stray write cannot corrupt the stream.
        let protocolOutput = dup(STDOUT_FILENO)
        dup2(STDERR_FILENO, STDOUT_FILENO)
        signal(SIGPIPE, SIG_IGN)
        let logger = options.bootstrapLogging()
        let context = try options.openContext(logger: logger)
        let connection = JSONRPCConnection(
            service: GoFastService.make(context),
            configuration: .init(framing: framing, maximumMessageBytes: maxMessageBytes),
            outputFileDescriptor: protocolOutput, logger: logger
        )
        let code = connection.run(inputFileDescriptor: STDIN_FILENO)
        try? context.database.writer.close()
        throw ExitCode(code)
    }
}

/// `gofast call METHOD [PARAMS]`: one request against the database, result on stdout.
struct Call: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Call one method and print its result as JSON (errors go to stderr, exit code 1).",
        discussion: "Example: gofast call plan.active '{\"athleteId\":\"ath_1\"}'"
    )

    @OptionGroup var options: CommonOptions

    @Argument(help: "The method name, e.g. athlete.list.")
    var method: String

    @Argument(help: "The params as a JSON object; default {}.")
    var params: String = "{}"

    func run() throws {
        signal(SIGPIPE, SIG_IGN)
        let logger = options.bootstrapLogging()
        let parsed: JSONValue
        do {
            parsed = try JSONParser.parse(Array(params.utf8))
        } catch {
            throw ValidationError("params are not JSON: \(error)")
        }
        let context = try options.openContext(logger: logger)
        let outcome = OneShot.call(service: GoFastService.make(context), method: method, params: parsed)
        try? context.database.writer.close()
        switch outcome {
        case .success(let bytes):
            FileHandle.standardOutput.write(Data(bytes + [0x0A]))
        case .failure(let error):
            FileHandle.standardError.write(Data(JSONWriter.bytes(["error": error.jsonValue]) + [0x0A]))
            throw ExitCode(1)
        }
    }
}
