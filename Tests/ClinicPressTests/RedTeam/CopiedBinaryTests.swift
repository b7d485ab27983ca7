import Foundation
import Testing

/// A `clinicpress` binary copied away from its build folder still reads its claim word lists (from the bundle
/// beside it, else from the source tree it was built from) instead of crashing as `Bundle.module` would.
@Suite struct CopiedBinaryTests {
    @Test func aCopiedBinaryChecksASite() throws {
        let folder = TemporaryDirectory()
        let copy = folder.url.appendingPathComponent("clinicpress")
        try FileManager.default.copyItem(at: ClinicPressBinary.url, to: copy)
        let process = Process()
        process.executableURL = copy
        process.arguments = ["check", "--site", Fixtures.site("claims").path]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        #expect(text.contains("[uncited-statistic]"))
    }
}
