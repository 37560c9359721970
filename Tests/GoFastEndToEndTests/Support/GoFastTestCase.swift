import Foundation
import JSONRPC
import XCTest

/// A test case that launches `gofast` children in a private temporary directory and kills any left running.
class GoFastTestCase: XCTestCase {
    private var servers: [ServerProcess] = []
    private var directory: URL?

    /// A private temporary directory, removed after the test.
    var temporaryDirectory: URL {
        if let directory { return directory }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gofast-e2e-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        directory = url
        return url
    }

    /// A database file path in the temporary directory (not created).
    var databasePath: String { temporaryDirectory.appendingPathComponent("gofast.sqlite").path }

    override func tearDown() {
        for server in servers { server.kill() }
        servers.removeAll()
        if let directory { try? FileManager.default.removeItem(at: directory) }
        directory = nil
        super.tearDown()
    }

    /// Starts `gofast ARGUMENTS`; HOME and XDG_DATA_HOME point into the temporary directory.
    func launch(_ arguments: [String], environment: [String: String?] = [:], closeStdoutReader: Bool = false) throws -> ServerProcess {
        var environment = environment
        environment["HOME"] = environment["HOME"] ?? temporaryDirectory.path
        environment["XDG_DATA_HOME"] = environment["XDG_DATA_HOME"] ?? temporaryDirectory.appendingPathComponent("data").path
        let server = try ServerProcess(arguments: arguments, environment: environment, closeStdoutReader: closeStdoutReader)
        servers.append(server)
        return server
    }

    /// Starts a server on `db` (`:memory:` by default) and returns a client speaking `framing`.
    func connect(db: String = ":memory:", framing: WireFraming = .newline, arguments: [String] = []) throws -> GoFastClient {
        try GoFastClient(server: launch(["--db", db] + arguments), framing: framing)
    }

    /// Runs `gofast ARGUMENTS` to completion with stdin closed: exit code, stdout and stderr.
    func run(_ arguments: [String], environment: [String: String?] = [:]) throws -> (code: Int32, stdout: String, stderr: String) {
        let server = try launch(arguments, environment: environment)
        server.closeStdin()
        let code = try server.waitForExit()
        return (code, String(decoding: server.allStdout, as: UTF8.self), server.stderrText)
    }
}

/// Shorthands for building and reading `JSONValue`s in tests.
extension JSONValue {
    /// The element at `index` of an array, or nil.
    subscript(index: Int) -> JSONValue? {
        if case .array(let elements) = self, elements.indices.contains(index) { return elements[index] }
        return nil
    }

    /// The elements of an array, or nil.
    var arrayValue: [JSONValue]? {
        if case .array(let elements) = self { return elements }
        return nil
    }

    /// A number's value as an Int, or nil.
    var intValue: Int? {
        if case .number(let number) = self { return Int(number.text) ?? Int(exactly: number.doubleValue) }
        return nil
    }

    /// A number from a Double.
    static func double(_ value: Double) -> JSONValue {
        .number(JSONNumber(text: value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)))
    }

    /// The error code of a reply, or nil.
    var errorCode: Int? { self["error"]?["code"]?.intValue }

    /// Compact JSON text.
    var text: String { String(decoding: JSONWriter.bytes(self), as: UTF8.self) }
}
