import Testing
@testable import GGUF

@Suite("GGUF smoke")
struct GGUFSmokeTests {
    @Test func moduleLinks() {
        #expect(Bool(true))
    }
}
