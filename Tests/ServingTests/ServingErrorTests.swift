import Serving
import Testing

@Suite struct ServingErrorTests {
    @Test func descriptionsAreOneLineNamingTheEndpoint() {
        let e = ServingError.http(endpoint: "http://127.0.0.1:8000/v1/chat/completions", status: 503, message: "overloaded")
        #expect(e.description == "http://127.0.0.1:8000/v1/chat/completions: HTTP 503: overloaded")
        #expect(!ServingError.timeout(endpoint: "x", seconds: 2).description.contains("\n"))
    }
}
