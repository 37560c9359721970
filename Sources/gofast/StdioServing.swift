import GoFastServer
import JSONRPC
import Logging
#if canImport(Glibc)
import Glibc
#endif

/// Serving a service on stdin/stdout, shared by `gofast serve` (either way it is started) and `gofast mcp`.
enum StdioServing {
    /// Guards the channel (protocol bytes go to a private copy of stdout and fd 1 becomes stderr, so a stray write
    /// cannot corrupt the stream), opens the database, serves until the input ends, and returns the exit status:
    /// the session's (0, or 1 for `exit` without `shutdown`), or 2 when the database cannot be opened.
    static func run(settings: Settings, framing: Framing?, maximumMessageBytes: Int, service: (ServerContext) -> RPCService) -> Int32 {
        let protocolOutput = dup(STDOUT_FILENO)
        dup2(STDERR_FILENO, STDOUT_FILENO)
        signal(SIGPIPE, SIG_IGN)
        let logger = settings.bootstrapLogging()
        let context: ServerContext
        do {
            context = try settings.openContext(logger: logger)
        } catch {
            return DatabaseUnavailable.exitStatus
        }
        let connection = JSONRPCConnection(
            service: service(context), configuration: .init(framing: framing, maximumMessageBytes: maximumMessageBytes),
            outputFileDescriptor: protocolOutput, logger: logger
        )
        let code = connection.run(inputFileDescriptor: STDIN_FILENO)
        try? context.database.close()
        return code
    }
}
