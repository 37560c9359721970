import Foundation
import Testing

/// Runs the independent programs the tests check our files with (Python packages, Chromium), failing when one is missing.
enum ExternalJudge {
    /// A program that ran: its exit status and outputs.
    struct Run {
        var status: Int32
        var standardOutput: Data
        var standardError: String
    }

    /// Why a judge could not run.
    struct Missing: Error, CustomStringConvertible {
        var description: String
    }

    /// The folder of this test target's scripts.
    static let scriptsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Scripts")

    /// Runs `python3 Scripts/<script> arguments…`.
    static func python(_ script: String, _ arguments: [String]) throws -> Run {
        try run("python3", [scriptsFolder.appendingPathComponent(script).path] + arguments)
    }

    /// Runs `program` found on PATH with `arguments`, reading both outputs fully.
    static func run(_ program: String, _ arguments: [String]) throws -> Run {
        guard let path = executable(program) else {
            throw Missing(description: "\(program) is not on PATH; the export tests need python3 with garmin-fit-sdk and icalendar (pip) and chromium (apt)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read both pipes concurrently-safe: stderr on a background queue so a full pipe cannot block the child.
        let errorBox = DataBox()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errorBox.data = error.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, standardOutput: outputData, standardError: String(decoding: errorBox.data, as: UTF8.self))
    }

    /// The full path of `program` on PATH, if any.
    static func executable(_ program: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = "\(folder)/\(program)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// A fresh temporary folder for one test's files.
    static func temporaryFolder(_ name: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gofast-exports-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}

/// A mutable box the stderr reader fills in; read only after the group's wait.
private final class DataBox: @unchecked Sendable {
    var data = Data()
}
