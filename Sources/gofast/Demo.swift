import ArgumentParser
import Foundation
import GoFastServer
import JSONRPC
import Logging
#if canImport(Glibc)
import Glibc
#endif

/// `gofast demo`: the quickstart, a real session dated from today, run through the JSON-RPC server with its transcript.
struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the quickstart: a runner, a race, a plan live this week, two recent runs and the progress.",
        discussion: """
            The session is built for today (in Los Angeles, the runner's zone; GOFAST_NOW pins the clock) and runs
            through the same JSON-RPC connection as `gofast serve`. Each request is printed after "→" and its reply
            after "←". --print-session prints the requests instead, as newline-delimited JSON to pipe into `gofast`.
            """
    )

    @OptionGroup var options: CommonOptions

    @Flag(help: "Print the session's requests as newline-delimited JSON instead of running them.")
    var printSession = false

    func run() throws {
        signal(SIGPIPE, SIG_IGN)
        let session = QuickstartSession(clock: .system)
        if printSession {
            FileHandle.standardOutput.write(Data(session.jsonLines))
            return
        }
        let logger = options.bootstrapLogging()
        let context = try options.openContext(logger: logger)
        let replies = try Self.serve(session.jsonLines, context: context, logger: logger)
        try? context.database.close()

        var byId: [JSONValue: [UInt8]] = [:]
        for line in replies.split(separator: 0x0A) {
            if let reply = try? JSONParser.parse(Array(line)), let id = reply["id"] { byId[id] = Array(line) }
        }
        var transcript: [UInt8] = []
        for message in session.messages {
            let method = message["method"].flatMap { if case .string(let name) = $0 { name } else { nil } } ?? "?"
            transcript += Array("→ \(method) ".utf8) + JSONWriter.bytes(message["params"] ?? .null) + [0x0A]
            if let id = message["id"] { transcript += Array("← ".utf8) + (byId[id] ?? Array("(no reply)".utf8)) + [0x0A] }
        }
        FileHandle.standardOutput.write(Data(transcript))
    }

    /// Runs `input` through a JSON-RPC connection over two pipes and returns everything it wrote.
    static func serve(_ input: [UInt8], context: ServerContext, logger: Logger) throws -> [UInt8] {
        var requestPipe: [Int32] = [0, 0]
        var replyPipe: [Int32] = [0, 0]
        guard pipe(&requestPipe) == 0, pipe(&replyPipe) == 0 else { throw ExitCode(2) }
        let (requestRead, requestWrite) = (requestPipe[0], requestPipe[1])
        let (replyRead, replyWrite) = (replyPipe[0], replyPipe[1])
        let writer = Thread {
            input.withUnsafeBytes { buffer in
                var offset = 0
                while offset < buffer.count {
                    let written = write(requestWrite, buffer.baseAddress! + offset, buffer.count - offset)
                    if written <= 0 { break }
                    offset += written
                }
            }
            close(requestWrite)
        }
        writer.start()
        let collected = Locked<[UInt8]>([])
        let done = DispatchSemaphore(value: 0)
        let reader = Thread {
            var chunk = [UInt8](repeating: 0, count: 65_536)
            while true {
                let count = read(replyRead, &chunk, chunk.count)
                if count <= 0 { break }
                collected.withLock { $0 += chunk[0..<count] }
            }
            done.signal()
        }
        reader.start()
        let connection = JSONRPCConnection(
            service: GoFastService.make(context), configuration: .init(framing: .newlineDelimited),
            outputFileDescriptor: replyWrite, logger: logger
        )
        _ = connection.run(inputFileDescriptor: requestRead)
        close(replyWrite)
        done.wait()
        close(requestRead)
        close(replyRead)
        return collected.withLock { $0 }
    }
}
