import Foundation
@testable import GoFastServer
import JSONRPC
import XCTest

/// Text validation's fast paths give what Foundation gives.
final class ValidationTests: XCTestCase {
    /// `trimmingWhitespace` skips Foundation when neither end is white space; every result must be Foundation's.
    func testTrimmingIsFoundationsTrimming() {
        let ends = ["", " ", "\t", "\n", "\r\n", "\u{00A0}", "\u{2003}", "\u{200B}", "\u{3000}", "\u{2028}", "\u{0085}", "x", "é", "走", "🏃", "\u{FEFF}"]
        for first in ends {
            for last in ends {
                for middle in ["", "a", " a b ", "\u{200B}"] {
                    let value = first + middle + last
                    XCTAssertEqual(Validation.trimmingWhitespace(value), value.trimmingCharacters(in: .whitespacesAndNewlines),
                                   value.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " "))
                }
            }
        }
    }

    /// A name that is only white space is empty, whichever white space it is; the length counts characters.
    func testTextRefusesBlankAndCountsCharacters() {
        for blank in ["", "   ", "\u{200B}", "\u{00A0}\t\n"] {
            XCTAssertThrowsError(try Validation.text(blank, field: "name"), blank.debugDescription)
        }
        XCTAssertEqual(try Validation.text("  Kipchoge  ", field: "name"), "Kipchoge")
        XCTAssertEqual(try Validation.text(String(repeating: "走", count: 200), field: "name").count, 200, "200 characters of 3 bytes each")
        XCTAssertThrowsError(try Validation.text(String(repeating: "走", count: 201), field: "name"))
    }
}
