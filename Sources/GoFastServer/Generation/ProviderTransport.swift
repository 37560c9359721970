import Foundation
import JSONRPC

/// Sends one HTTP request to a plan provider through the `gofast-http` helper process, so the server itself
/// never links FoundationNetworking (a start-up cost paid on every spawn). Cancelling the task kills the helper.
struct ProviderTransport: Sendable {
    /// What came back.
    struct Reply: Sendable {
        var status: Int
        var headers: [String: String]
        var body: [UInt8]
    }

    /// Why nothing came back.
    enum Failure: Error {
        case timeout
        case transport(String)
        case helperMissing(String)
    }

    /// The helper: `$GOFAST_HTTP_HELPER`, else `gofast-http` next to the running executable.
    static var helperURL: URL {
        if let path = EnvironmentVariable.value("GOFAST_HTTP_HELPER"), !path.isEmpty { return URL(fileURLWithPath: path) }
        let executable = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        return executable.resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("gofast-http")
    }

    let timeoutSeconds: Double

    /// SIGKILL, not `terminate()`: a child spawned from a Dispatch worker inherits its blocked SIGTERM.
    private static func kill(_ process: Process) {
        guard process.isRunning, process.processIdentifier > 0 else { return }
        _ = Foundation.kill(process.processIdentifier, SIGKILL)
    }

    func send(url: String, headers: [String: String], body: [UInt8]) async throws -> Reply {
        let helper = Self.helperURL
        guard FileManager.default.isExecutableFile(atPath: helper.path) else { throw Failure.helperMissing(helper.path) }
        let request: JSONValue = [
            "url": .string(url), "method": "POST", "timeoutSeconds": .number(JSONNumber(text: String(timeoutSeconds))),
            "headers": .object(headers.mapValues { .string($0) }), "bodyBase64": .string(Data(body).base64EncodedString()),
        ]
        let process = Process()
        process.executableURL = helper
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        let box = Locked<Bool>(false)
        let data: Data = try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Data, any Error>) in
                DispatchQueue.global().async {
                    do {
                        try process.run()
                    } catch {
                        continuation.resume(throwing: Failure.transport("cannot start \(helper.lastPathComponent): \(error)"))
                        return
                    }
                    if box.withLock({ $0 }) { Self.kill(process) }  // cancelled while it was starting
                    // A watchdog beyond the helper's own timeout, in case it hangs.
                    let watchdog = DispatchWorkItem { Self.kill(process) }
                    DispatchQueue.global().asyncAfter(deadline: .now() + timeoutSeconds + 10, execute: watchdog)
                    input.fileHandleForWriting.write(Data(JSONWriter.bytes(request)))
                    try? input.fileHandleForWriting.close()
                    let data = output.fileHandleForReading.readDataToEndOfFile()
                    process.waitUntilExit()
                    watchdog.cancel()
                    if box.withLock({ $0 }) {
                        continuation.resume(throwing: CancellationError())
                    } else {
                        continuation.resume(returning: data)
                    }
                }
            }
        } onCancel: {
            box.withLock { $0 = true }
            Self.kill(process)
        }
        guard let reply = try? JSONParser.parse(Array(data)) else { throw Failure.transport("the HTTP helper gave no answer") }
        if let error = reply["error"] {
            if error["kind"]?.stringValue == "timeout" { throw Failure.timeout }
            throw Failure.transport(error["message"]?.stringValue ?? "unknown transport error")
        }
        guard case .number(let status)? = reply["status"], let code = Int(status.text) else { throw Failure.transport("the HTTP helper's answer has no status") }
        var headers: [String: String] = [:]
        for (name, value) in reply["headers"]?.objectValue ?? [:] { headers[name] = value.stringValue }
        let body = reply["bodyBase64"]?.stringValue.flatMap { Data(base64Encoded: $0) }.map { Array($0) } ?? []
        return Reply(status: code, headers: headers, body: body)
    }
}
