import Foundation
import JSONRPC

/// Runs another program as the judge of our output: a Python script from the repository, through `python3` on PATH.
/// `.ci/run` installs the packages the scripts import; a missing interpreter or package fails the test, never skips it.
enum PythonJudge {
    /// The outcome of a script.
    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `python3 script arguments…` from the repository root, with `input` on stdin.
    static func run(_ script: String, _ arguments: [String] = [], input: Data? = nil) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", ProtocolDocument.repositoryRoot.appendingPathComponent(script).path] + arguments
        process.currentDirectoryURL = ProtocolDocument.repositoryRoot
        let stdout = Pipe(), stderr = Pipe(), stdin = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(input) }
        try stdin.fileHandleForWriting.close()
        // Read both pipes before waiting, so a chatty judge cannot block on a full pipe.
        let errorData = Locked(Data())
        let errorRead = DispatchSemaphore(value: 0)
        Thread {
            errorData.withLock { $0 = stderr.fileHandleForReading.readDataToEndOfFile() }
            errorRead.signal()
        }.start()
        let outputData = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        errorRead.wait()
        return Outcome(
            status: process.terminationStatus, stdout: String(decoding: outputData, as: UTF8.self),
            stderr: errorData.withLock { String(decoding: $0, as: UTF8.self) }
        )
    }
}
