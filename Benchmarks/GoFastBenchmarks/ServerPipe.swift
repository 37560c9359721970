import Foundation

/// A `gofast` child process driven over pipes, for the benchmarks.
final class ServerPipe: @unchecked Sendable {
    let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private var buffer: [UInt8] = []

    /// Starts `binary ARGUMENTS`; `now` pins the server's clock (`GOFAST_NOW`) so dated scenarios stay valid on any day.
    init(binary: URL, arguments: [String], now: String? = nil) throws {
        process.executableURL = binary
        process.arguments = arguments
        if let now {
            var environment = ProcessInfo.processInfo.environment
            environment["GOFAST_NOW"] = now
            process.environment = environment
        }
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
    }

    func send(_ text: String) {
        input.fileHandleForWriting.write(Data(text.utf8))
    }

    func send(_ bytes: [UInt8]) {
        input.fileHandleForWriting.write(Data(bytes))
    }

    /// Reads until `count` newline-terminated lines have arrived (newline framing), returning them.
    func readLines(_ count: Int) -> [[UInt8]] {
        var lines: [[UInt8]] = []
        lines.reserveCapacity(count)
        var start = 0
        var scanned = 0
        while lines.count < count {
            if let newline = buffer[scanned...].firstIndex(of: 0x0A) {
                lines.append(Array(buffer[start..<newline]))
                start = newline + 1
                scanned = start
                continue
            }
            scanned = buffer.count
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            buffer.append(contentsOf: chunk)
        }
        buffer.removeSubrange(..<start)
        return lines
    }

    /// Reads `count` Content-Length framed messages.
    func readFramed(_ count: Int) -> Int {
        var received = 0
        let marker = Array("\r\n\r\n".utf8)
        var start = 0
        while received < count {
            if let headerEnd = find(marker, from: start) {
                let header = String(decoding: buffer[start..<headerEnd], as: UTF8.self)
                let length = Int(header.split(separator: ":").last!.trimmingCharacters(in: .whitespaces))!
                if buffer.count >= headerEnd + 4 + length {
                    start = headerEnd + 4 + length
                    received += 1
                    continue
                }
            }
            if start > 1 << 20 { buffer.removeSubrange(..<start); start = 0 }
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            buffer.append(contentsOf: chunk)
        }
        buffer.removeSubrange(..<start)
        return received
    }

    private func find(_ marker: [UInt8], from start: Int) -> Int? {
        guard buffer.count >= marker.count else { return nil }
        var index = start
        while index + marker.count <= buffer.count {
            if buffer[index] == marker[0], buffer[index + 1] == marker[1], buffer[index + 2] == marker[2], buffer[index + 3] == marker[3] { return index }
            index += 1
        }
        return nil
    }

    /// The peak resident memory of the child so far (`VmHWM`), in MB; nil once it has exited.
    var peakResidentMegabytes: Double? {
        guard let status = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "")
        else { return nil }
        return kilobytes / 1024
    }

    func finish() {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }
}
