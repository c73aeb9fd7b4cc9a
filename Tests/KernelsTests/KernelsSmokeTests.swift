import Testing
@testable import Kernels

@Suite("Kernels smoke")
struct KernelsSmokeTests {
    @Test func moduleLinks() {
        #expect(Bool(true))
    }
}
