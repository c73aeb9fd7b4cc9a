import Testing
@testable import Tokenization

@Suite("Tokenization smoke")
struct TokenizationSmokeTests {
    @Test func moduleLinks() {
        #expect(Bool(true))
    }
}
