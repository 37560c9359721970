import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#endif

/// The floors: the same work done by the simplest Swift + GRDB program, run as child processes of the benchmark
/// (`gofast-bench floor-serve|floor-get --db PATH`) so they are measured exactly like the server.
enum Floors {
    /// Runs a floor mode when `arguments` name one; returns false otherwise.
    static func runIfRequested(_ arguments: [String]) throws -> Bool {
        if arguments == ["floor-hello"] {
            answerOneLineWithoutDatabase()
            return true
        }
        guard let mode = arguments.first, mode.hasPrefix("floor-"), arguments.count == 3, arguments[1] == "--db" else { return false }
        // The simplest connection: one `DatabaseQueue` (the file is already in WAL mode).
        let queue = try DatabaseQueue(path: arguments[2])
        switch mode {
        case "floor-serve": try answerOneLine(queue)
        case "floor-get": try answerAthleteGets(queue)
        default: return false
        }
        try queue.close()
        return true
    }

    /// The runtime's own start: read one line and answer it with a fixed reply, no database.
    private static func answerOneLineWithoutDatabase() {
        _ = readLine()
        write(Array(#"{"jsonrpc":"2.0","id":1,"result":{}}"#.utf8) + [0x0A])
    }

    /// Cold start: open the database, read one line, answer it with a fixed reply.
    private static func answerOneLine(_ queue: DatabaseQueue) throws {
        _ = readLine()
        try queue.read { db in _ = try Int.fetchOne(db, sql: "SELECT 1") }
        write(Array(#"{"jsonrpc":"2.0","id":1,"result":{}}"#.utf8) + [0x0A])
    }

    /// Pipelined `athlete.get`: for each line, the id between `"params":{"id":"` and `"`, one cached statement, the
    /// row's columns written into a JSON line; one `write` per read of input.
    private static func answerAthleteGets(_ queue: DatabaseQueue) throws {
        let marker = Array(#""params":{"id":""#.utf8)
        var input = [UInt8](repeating: 0, count: 1 << 16)
        var pending: [UInt8] = []
        try queue.unsafeReentrantRead { db in
            let statement = try db.cachedStatement(sql: "SELECT id, name, timeZone, createdAt FROM athlete WHERE id = ?")
            while true {
                let count = input.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress!, $0.count) }
                if count <= 0 { break }
                pending.append(contentsOf: input[0..<count])
                var output: [UInt8] = []
                var lineStart = 0
                while let newline = pending[lineStart...].firstIndex(of: 0x0A) {
                    let line = pending[lineStart..<newline]
                    lineStart = newline + 1
                    guard let found = line.firstRange(of: marker), let end = line[found.upperBound...].firstIndex(of: UInt8(ascii: "\"")) else { continue }
                    let id = String(decoding: line[found.upperBound..<end], as: UTF8.self)
                    if let row = try Row.fetchOne(statement, arguments: [id]) {
                        let name: String = row[1], zone: String = row[2], created: String = row[3]
                        output.append(contentsOf: #"{"id":7,"jsonrpc":"2.0","result":{"id":"\#(id)","name":"\#(name)","timeZone":"\#(zone)","createdAt":"\#(created)"}}"#.utf8)
                        output.append(0x0A)
                    }
                }
                pending.removeSubrange(..<lineStart)
                write(output)
            }
        }
    }

    private static func write(_ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(STDOUT_FILENO, $0.baseAddress!, $0.count) }
            if written <= 0 { return }
            offset += written
        }
    }
}
