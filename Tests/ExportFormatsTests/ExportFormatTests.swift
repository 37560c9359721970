import ExportFormats
import XCTest

final class ExportFormatTests: XCTestCase {
    func testFormatNamesAreTheContract() {
        XCTAssertEqual(ExportFormat.allCases.map(\.rawValue), ["fit", "ics", "html"])
    }
}
