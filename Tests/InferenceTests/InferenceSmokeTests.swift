import Testing
@testable import Inference

@Suite("Inference smoke")
struct InferenceSmokeTests {
    @Test func moduleLinks() {
        #expect(Bool(true))
    }
}
