import Serving
import Testing

/// Counts jobs in flight and remembers the most at once.
private actor InFlight {
    var now = 0
    var peak = 0
    func enter() { now += 1; peak = max(peak, now) }
    func leave() { now -= 1 }
}

private struct Boom: Error {}

@Suite struct BoundedConcurrencyTests {
    @Test("never more than the limit in flight; results in input order", arguments: [1, 3, 8])
    func limitAndOrder(limit: Int) async throws {
        let counter = InFlight()
        let items = Array(0..<24)
        let results = try await BoundedConcurrency.map(items, limit: limit) { i in
            await counter.enter()
            // Later items finish sooner, so completion order differs from input order.
            try await Task.sleep(nanoseconds: UInt64((24 - i) % 5) * 2_000_000)
            await counter.leave()
            return i * i
        }
        #expect(results == items.map { $0 * $0 })
        let peak = await counter.peak
        #expect(peak <= limit)
        #expect(limit == 1 ? peak == 1 : peak > 1, "peak \(peak): the jobs did run side by side")
        #expect(await counter.now == 0)
    }

    @Test func emptyInputAndZeroLimit() async throws {
        #expect(try await BoundedConcurrency.map([Int](), limit: 4) { $0 }.isEmpty)
        #expect(try await BoundedConcurrency.map([1, 2, 3], limit: 0) { $0 + 1 } == [2, 3, 4])
    }

    @Test func theFirstErrorIsRethrown() async {
        await #expect(throws: Boom.self) {
            _ = try await BoundedConcurrency.map(Array(0..<10), limit: 2) { i in
                if i == 3 { throw Boom() }
                return i
            }
        }
    }
}
