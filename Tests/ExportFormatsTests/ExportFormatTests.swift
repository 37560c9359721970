import ExportFormats
import XCTest

final class ExportFormatTests: XCTestCase {
    func testFormatNamesAreTheContract() {
        XCTAssertEqual(ExportFormat.allCases.map(\.rawValue), ["fit", "ics", "html"])
    }

    func testMediaTypesAndEncodings() {
        XCTAssertEqual(ExportFormat.allCases.map(\.contentType), ["application/vnd.ant.fit", "text/calendar; charset=utf-8", "text/html; charset=utf-8"])
        XCTAssertEqual(ExportFormat.allCases.filter(\.isBinary), [.fit])
        XCTAssertEqual(ExportFormat.allCases.map(\.fileExtension), ["fit", "ics", "html"])
    }
}
