import Foundation
import JSONRPC

/// `protocol/openrpc.json`, read from the source tree, and the checks every reply of the server must pass.
struct ProtocolDocument: Sendable {
    /// The repository root (three levels above this file).
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The path of the document.
    static let url = repositoryRoot.appendingPathComponent("protocol/openrpc.json")

    /// The document, loaded once; a missing or invalid file is a harness error in every test that uses it.
    static let shared: Result<ProtocolDocument, HarnessError> = {
        do {
            let bytes = try [UInt8](Data(contentsOf: url))
            return .success(ProtocolDocument(json: try JSONParser.parse(bytes)))
        } catch {
            return .failure(HarnessError("cannot read \(url.path): \(error)"))
        }
    }()

    /// The parsed document.
    let json: JSONValue

    var checker: JSONSchemaChecker { JSONSchemaChecker(root: json) }

    /// The method objects by name.
    var methods: [String: JSONValue] {
        guard case .array(let methods)? = json["methods"] else { return [:] }
        return Dictionary(methods.compactMap { method in method["name"]?.stringValue.map { ($0, method) } }, uniquingKeysWith: { first, _ in first })
    }

    /// The `x-error-codes` entries by code.
    var errorCodes: [Int: JSONValue] {
        guard case .array(let entries)? = json["x-error-codes"] else { return [:] }
        var codes: [Int: JSONValue] = [:]
        for entry in entries {
            if case .number(let code)? = entry["code"], let value = Int(code.text) { codes[value] = entry }
        }
        return codes
    }

    /// The result schema of `method`, or nil when the document does not describe it.
    func resultSchema(of method: String) -> JSONValue? {
        methods[method]?["result"]?["schema"]
    }

    /// The schema of `components/schemas/NAME`.
    func schema(_ name: String) -> JSONValue {
        ["$ref": .string("#/components/schemas/\(name)")]
    }

    /// Every way a message from the server breaks the protocol; `methodsByID` names the method of each request id sent.
    func problems(in message: JSONValue, methodsByID: [JSONValue: String]) -> [String] {
        if case .array(let elements) = message {
            if elements.isEmpty { return ["an empty batch reply (the server must send nothing instead)"] }
            return elements.enumerated().flatMap { index, element in
                problems(inReply: element, methodsByID: methodsByID).map { "[\(index)] " + $0 }
            }
        }
        return problems(inReply: message, methodsByID: methodsByID)
    }

    private func problems(inReply reply: JSONValue, methodsByID: [JSONValue: String]) -> [String] {
        guard case .object(let members) = reply else { return ["a message that is not an object: \(JSONSchemaChecker.short(reply))"] }
        var problems: [String] = []
        if members["jsonrpc"] != .string("2.0") { problems.append("\"jsonrpc\" is not \"2.0\"") }
        if members["id"] == nil, case .string(let method)? = members["method"] {
            // A notification from the server.
            if members.keys.contains(where: { !["jsonrpc", "method", "params"].contains($0) }) { problems.append("unexpected members in a notification") }
            guard method == "$/progress" else { return problems + ["an unexpected notification \(method)"] }
            let progress: JSONValue = [
                "type": "object", "required": ["token", "value"], "additionalProperties": false,
                "properties": [
                    "token": ["type": ["string", "integer"]],
                    "value": [
                        "type": "object", "required": ["kind"],
                        "properties": [
                            "kind": ["enum": ["begin", "report", "end"]], "title": ["type": "string"], "message": ["type": "string"],
                            "percentage": ["type": "integer", "minimum": 0, "maximum": 100], "cancellable": ["type": "boolean"],
                        ],
                        "additionalProperties": false,
                    ],
                ],
            ]
            return problems + checker.errors(members["params"] ?? .null, progress, at: "params")
        }
        for key in members.keys where !["jsonrpc", "id", "result", "error"].contains(key) {
            problems.append("unexpected member \"\(key)\" in a reply")
        }
        guard let id = members["id"] else { return problems + ["a reply without \"id\""] }
        switch id {
        case .string, .number, .null: break
        default: problems.append("\"id\" of type \(id.typeName)")
        }
        switch (members["result"], members["error"]) {
        case (nil, nil): problems.append("a reply with neither result nor error")
        case (_?, _?): problems.append("a reply with both result and error")
        case (let result?, nil):
            guard let method = methodsByID[id] else { return problems + ["a result for id \(JSONSchemaChecker.short(id)), which the test never sent"] }
            guard let schema = resultSchema(of: method) else { return problems + ["protocol/openrpc.json does not describe the result of \(method)"] }
            problems += checker.errors(result, schema, at: "result").map { "\(method): \($0)" }
        case (nil, let error?):
            problems += checker.errors(error, schema("ErrorObject"), at: "error")
            guard case .number(let codeNumber)? = error["code"], let code = Int(codeNumber.text) else { return problems }
            guard let entry = errorCodes[code] else { return problems + ["error code \(code) is not listed in x-error-codes"] }
            if let dataSchema = entry["data"] {
                if let data = error["data"] {
                    problems += checker.errors(data, dataSchema, at: "error.data")
                } else {
                    problems.append("error \(code) without the documented data")
                }
            } else if error["data"] != nil {
                problems.append("error \(code) carries data the document does not describe: \(JSONSchemaChecker.short(error["data"]!))")
            }
        }
        return problems
    }
}
