import Foundation
import JSONRPC

/// A small JSON Schema checker: enough of draft 7 for the schemas in `protocol/openrpc.json`.
///
/// Supports boolean schemas, `type` (one name or an array, `integer` meaning an integral number), `required`,
/// `properties`, `additionalProperties` (false or a schema), `items`, `minItems`/`maxItems`, `enum`, `const`,
/// `minimum`/`maximum`, `minLength`/`maxLength`, `pattern`, `oneOf`/`anyOf`/`allOf`, and `$ref` to a JSON
/// pointer into the root document (`#/components/schemas/Athlete`). An unsupported keyword is reported as an
/// error rather than ignored, so the checker never passes a value it did not really check.
struct JSONSchemaChecker {
    /// The document `$ref`s resolve against.
    let root: JSONValue

    private static let annotations: Set<String> = ["title", "description", "default", "examples", "$comment", "format", "readOnly", "deprecated"]
    private static let supported: Set<String> = [
        "type", "required", "properties", "additionalProperties", "items", "minItems", "maxItems", "enum", "const",
        "minimum", "maximum", "minLength", "maxLength", "pattern", "oneOf", "anyOf", "allOf", "$ref",
    ]

    /// Every way `value` breaks `schema`; empty when it conforms.
    func errors(_ value: JSONValue, _ schema: JSONValue, at path: String = "$") -> [String] {
        var problems: [String] = []
        check(value, schema, path, &problems, depth: 0)
        return problems
    }

    private func check(_ value: JSONValue, _ schema: JSONValue, _ path: String, _ problems: inout [String], depth: Int) {
        guard depth < 64 else { problems.append("\(path): schema nesting too deep (a $ref cycle?)"); return }
        switch schema {
        case .bool(true): return
        case .bool(false): problems.append("\(path): no value is allowed here"); return
        case .object: break
        default: problems.append("\(path): the schema is not an object or a boolean"); return
        }
        guard let keywords = schema.objectValue else { return }
        for key in keywords.keys where !Self.supported.contains(key) && !Self.annotations.contains(key) {
            problems.append("\(path): the checker does not support the keyword \"\(key)\"")
        }
        if let reference = keywords["$ref"] {
            guard let pointer = reference.stringValue, let target = resolve(pointer) else {
                problems.append("\(path): unresolvable $ref \(reference)")
                return
            }
            check(value, target, path, &problems, depth: depth + 1)
        }
        if let type = keywords["type"] {
            let names: [String]
            switch type {
            case .string(let name): names = [name]
            case .array(let elements): names = elements.compactMap(\.stringValue)
            default: names = []; problems.append("\(path): malformed \"type\" in the schema")
            }
            if !names.contains(where: { Self.has(value, type: $0) }) {
                problems.append("\(path): expected \(names.joined(separator: " or ")), got \(value.typeName) \(Self.short(value))")
                return
            }
        }
        if let constant = keywords["const"], !Self.equal(value, constant) {
            problems.append("\(path): expected the constant \(Self.short(constant)), got \(Self.short(value))")
        }
        if case .array(let options)? = keywords["enum"], !options.contains(where: { Self.equal(value, $0) }) {
            problems.append("\(path): \(Self.short(value)) is not one of \(options.map(Self.short).joined(separator: ", "))")
        }
        if case .number(let number) = value {
            if case .number(let minimum)? = keywords["minimum"], number.doubleValue < minimum.doubleValue {
                problems.append("\(path): \(number) is below the minimum \(minimum)")
            }
            if case .number(let maximum)? = keywords["maximum"], number.doubleValue > maximum.doubleValue {
                problems.append("\(path): \(number) is above the maximum \(maximum)")
            }
        }
        if case .string(let text) = value {
            let length = text.unicodeScalars.count
            if case .number(let minimum)? = keywords["minLength"], Double(length) < minimum.doubleValue {
                problems.append("\(path): \"\(text)\" is shorter than \(minimum)")
            }
            if case .number(let maximum)? = keywords["maxLength"], Double(length) > maximum.doubleValue {
                problems.append("\(path): a string of \(length) characters is longer than \(maximum)")
            }
            if case .string(let pattern)? = keywords["pattern"] {
                if let expression = try? NSRegularExpression(pattern: pattern) {
                    let range = NSRange(text.startIndex..., in: text)
                    if expression.firstMatch(in: text, range: range) == nil {
                        problems.append("\(path): \"\(text.prefix(80))\" does not match \(pattern)")
                    }
                } else {
                    problems.append("\(path): invalid pattern \(pattern) in the schema")
                }
            }
        }
        if case .object(let members) = value {
            if case .array(let required)? = keywords["required"] {
                for case .string(let name) in required where members[name] == nil {
                    problems.append("\(path): the required member \"\(name)\" is missing")
                }
            }
            let properties = keywords["properties"]?.objectValue ?? [:]
            for (name, member) in members.sorted(by: { $0.key < $1.key }) {
                if let propertySchema = properties[name] {
                    check(member, propertySchema, path + "." + name, &problems, depth: depth + 1)
                } else if let additional = keywords["additionalProperties"] {
                    if additional == .bool(false) {
                        problems.append("\(path): unexpected member \"\(name)\"")
                    } else {
                        check(member, additional, path + "." + name, &problems, depth: depth + 1)
                    }
                }
            }
        }
        if case .array(let elements) = value {
            if let items = keywords["items"] {
                for (index, element) in elements.enumerated() {
                    check(element, items, "\(path)[\(index)]", &problems, depth: depth + 1)
                }
            }
            if case .number(let minimum)? = keywords["minItems"], Double(elements.count) < minimum.doubleValue {
                problems.append("\(path): fewer than \(minimum) items")
            }
            if case .number(let maximum)? = keywords["maxItems"], Double(elements.count) > maximum.doubleValue {
                problems.append("\(path): more than \(maximum) items")
            }
        }
        if case .array(let schemas)? = keywords["allOf"] {
            for schema in schemas { check(value, schema, path, &problems, depth: depth + 1) }
        }
        if case .array(let schemas)? = keywords["anyOf"] {
            if !schemas.contains(where: { errors(value, $0, at: path).isEmpty }) {
                problems.append("\(path): \(Self.short(value)) matches none of the anyOf schemas")
            }
        }
        if case .array(let schemas)? = keywords["oneOf"] {
            let matches = schemas.filter { errors(value, $0, at: path).isEmpty }.count
            if matches != 1 {
                problems.append("\(path): \(Self.short(value)) matches \(matches) of the oneOf schemas, not exactly one")
            }
        }
    }

    /// The value at a `#/…` JSON pointer of the root document.
    func resolve(_ pointer: String) -> JSONValue? {
        guard pointer.hasPrefix("#") else { return nil }
        var current = root
        for token in pointer.dropFirst().split(separator: "/", omittingEmptySubsequences: true) {
            let key = token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            switch current {
            case .object(let members):
                guard let next = members[key] else { return nil }
                current = next
            case .array(let elements):
                guard let index = Int(key), elements.indices.contains(index) else { return nil }
                current = elements[index]
            default:
                return nil
            }
        }
        return current
    }

    static func has(_ value: JSONValue, type: String) -> Bool {
        switch (type, value) {
        case ("null", .null), ("boolean", .bool), ("string", .string), ("array", .array), ("object", .object), ("number", .number): return true
        case ("integer", .number(let number)):
            let double = number.doubleValue
            return double.isFinite && double == double.rounded()
        default: return false
        }
    }

    /// JSON equality: numbers compare by value (`1` equals `1.0`), objects and arrays member by member.
    static func equal(_ lhs: JSONValue, _ rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.number(let a), .number(let b)): return a.text == b.text || a.doubleValue == b.doubleValue
        case (.array(let a), .array(let b)): return a.count == b.count && zip(a, b).allSatisfy { equal($0, $1) }
        case (.object(let a), .object(let b)):
            return a.count == b.count && a.allSatisfy { key, value in b[key].map { equal(value, $0) } ?? false }
        default: return lhs == rhs
        }
    }

    static func short(_ value: JSONValue) -> String {
        let text = String(decoding: JSONWriter.bytes(value), as: UTF8.self)
        return text.count > 120 ? String(text.prefix(117)) + "…" : text
    }
}
