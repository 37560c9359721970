import Foundation
import JSONRPC
import XCTest

/// A JSON-RPC client of a `ServerProcess`: frames what it sends, remembers the method of every id, and checks
/// every message it receives against `protocol/openrpc.json` (envelope, result schema, error code and data).
final class GoFastClient {
    let server: ServerProcess
    /// The framing used to write, and expected on replies.
    var framing: WireFraming
    private let document: ProtocolDocument
    private var methodsByID: [JSONValue: String] = [:]
    private var nextID = 1
    /// Every message received so far, in order.
    private(set) var received: [JSONValue] = []

    init(server: ServerProcess, framing: WireFraming) throws {
        self.server = server
        self.framing = framing
        self.document = try ProtocolDocument.shared.get()
    }

    // MARK: - Sending

    /// A fresh numeric id.
    func makeID() -> JSONValue {
        defer { nextID += 1 }
        return .number(JSONNumber(nextID))
    }

    /// Sends `message` framed; request ids are remembered with their method.
    func send(_ message: JSONValue) {
        sendBody(JSONWriter.bytes(message))
    }

    /// Sends the text `body` framed as it is (it need not be valid JSON).
    func sendBody(_ body: String) {
        sendBody(Array(body.utf8))
    }

    /// Sends the bytes `body` framed as they are.
    func sendBody(_ body: [UInt8]) {
        remember(body)
        server.write(framing.frame(body))
    }

    /// Writes raw bytes (framing included by the caller); `bodies` are the messages they carry, to remember their ids.
    func sendRaw(_ bytes: [UInt8], carrying bodies: [String] = []) {
        for body in bodies { remember(Array(body.utf8)) }
        server.write(bytes)
    }

    /// Records the method of each request in `body`, when it parses.
    func remember(_ body: [UInt8]) {
        guard let value = try? JSONParser.parse(body) else { return }
        let elements: [JSONValue]
        if case .array(let batch) = value { elements = batch } else { elements = [value] }
        for element in elements {
            guard let id = element["id"], case .string(let method)? = element["method"] else { continue }
            methodsByID[id] = method
        }
    }

    /// Sends a request and returns its id.
    @discardableResult
    func request(_ method: String, _ params: JSONValue? = nil, id: JSONValue? = nil) -> JSONValue {
        let id = id ?? makeID()
        var message: [String: JSONValue] = ["jsonrpc": "2.0", "method": .string(method), "id": id]
        if let params { message["params"] = params }
        send(.object(message))
        return id
    }

    /// Sends a notification.
    func notify(_ method: String, _ params: JSONValue? = nil) {
        var message: [String: JSONValue] = ["jsonrpc": "2.0", "method": .string(method)]
        if let params { message["params"] = params }
        send(.object(message))
    }

    // MARK: - Receiving

    /// The next message from the server, parsed and checked against the protocol document.
    func next(timeout: TimeInterval = ServerProcess.defaultTimeout, file: StaticString = #filePath, line: UInt = #line) throws -> JSONValue {
        let body = try server.readMessage(framing: framing, timeout: timeout)
        let message: JSONValue
        do {
            message = try JSONParser.parse(body)
        } catch {
            throw HarnessError("the server sent invalid JSON (\(error)): \(String(decoding: body, as: UTF8.self).prefix(300))")
        }
        received.append(message)
        for problem in document.problems(in: message, methodsByID: methodsByID) {
            XCTFail("protocol violation: \(problem)\n  in \(JSONSchemaChecker.short(message))", file: file, line: line)
        }
        return message
    }

    /// Sends a request and returns its reply, which must be the next message and carry the same id.
    func call(_ method: String, _ params: JSONValue? = nil, id: JSONValue? = nil, file: StaticString = #filePath, line: UInt = #line) throws -> JSONValue {
        let id = request(method, params, id: id)
        let reply = try next(file: file, line: line)
        guard reply["id"] == id else {
            throw HarnessError("expected the reply to \(method) id \(JSONSchemaChecker.short(id)), got \(JSONSchemaChecker.short(reply))")
        }
        return reply
    }

    /// The result of calling `method`; an error reply fails the test.
    func result(_ method: String, _ params: JSONValue? = nil, file: StaticString = #filePath, line: UInt = #line) throws -> JSONValue {
        let reply = try call(method, params, file: file, line: line)
        guard let result = reply["result"] else {
            throw HarnessError("\(method) \(JSONSchemaChecker.short(params ?? .null)) failed: \(JSONSchemaChecker.short(reply))")
        }
        return result
    }

    /// The error object of calling `method`, which must fail with `code`.
    @discardableResult
    func error(_ method: String, _ params: JSONValue? = nil, code: Int, file: StaticString = #filePath, line: UInt = #line) throws -> JSONValue {
        let reply = try call(method, params, file: file, line: line)
        guard let error = reply["error"] else {
            throw HarnessError("\(method) \(JSONSchemaChecker.short(params ?? .null)) should fail with \(code), got \(JSONSchemaChecker.short(reply))")
        }
        XCTAssertEqual(error["code"], .number(JSONNumber(code)), "\(method): \(JSONSchemaChecker.short(reply))", file: file, line: line)
        return error
    }

    /// Reads messages until every id in `ids` has its reply (batch replies are unpacked); fails on a reply to another id.
    func replies(to ids: [JSONValue], timeout: TimeInterval = ServerProcess.defaultTimeout, file: StaticString = #filePath, line: UInt = #line) throws -> [JSONValue: JSONValue] {
        var pending = Set(ids)
        var replies: [JSONValue: JSONValue] = [:]
        while !pending.isEmpty {
            let message = try next(timeout: timeout, file: file, line: line)
            let elements: [JSONValue]
            if case .array(let batch) = message { elements = batch } else { elements = [message] }
            for element in elements {
                guard let id = element["id"], pending.remove(id) != nil else {
                    throw HarnessError("an unexpected message while waiting for \(pending.count) replies: \(JSONSchemaChecker.short(element))")
                }
                replies[id] = element
            }
        }
        return replies
    }

    /// Closes stdin, waits for the exit code and checks that nothing but already read replies was written.
    func finish(expectingExitCode expected: Int32 = 0, file: StaticString = #filePath, line: UInt = #line) throws {
        server.closeStdin()
        let code = try server.waitForExit()
        XCTAssertEqual(code, expected, "exit code; stderr: \(server.stderrText.suffix(1000))", file: file, line: line)
        let unread = server.unreadStdout
        XCTAssertTrue(unread.isEmpty, "unexpected output after the last expected reply: \(String(decoding: unread.prefix(500), as: UTF8.self))", file: file, line: line)
    }
}
