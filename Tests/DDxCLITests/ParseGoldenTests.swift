import Foundation
import Testing
import TestSupport

@Suite("ddx parse golden output")
struct ParseGoldenTests {
    @Test("parse medreason_data.txt --format json matches the golden file byte for byte")
    func medreasonData() throws {
        let golden = try RepoFiles.bytes(RepoFiles.golden("medreason_data.parse.json").path)
        let result = try DDx.run(["parse", RepoFiles.fixture("medreason_data"), "--format", "json"])
        #expect(result.succeeded, "\(result.err)")
        #expect(!golden.isEmpty)
        if result.stdout != golden {
            let got = result.out.split(separator: "\n", omittingEmptySubsequences: false)
            let want = String(decoding: golden, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            let line = zip(got, want).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(got.count, want.count)
            Issue.record("""
                output differs from Golden/medreason_data.parse.json at line \(line + 1):
                  got:  \(line < got.count ? String(got[line]) : "<end>")
                  want: \(line < want.count ? String(want[line]) : "<end>")
                """)
        }
    }
}
