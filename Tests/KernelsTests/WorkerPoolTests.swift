import Testing
import Synchronization
@testable import Kernels

@Suite("WorkerPool")
struct WorkerPoolTests {
    /// Every index is visited exactly once, in `threads` contiguous chunks whose sizes differ by at most one.
    @Test(arguments: [1, 2, 3, 4, 5, 8])
    func coversEveryIndexOnce(_ threads: Int) {
        let pool = WorkerPool(threads: threads)
        #expect(pool.threads == threads)
        for count in [0, 1, 2, 3, 4, 5, 7, 8, 9, 16, 31, 100, 1000, 4097] {
            let hits = UnsafeMutablePointer<UInt8>.allocate(capacity: Swift.max(count, 1))
            hits.initialize(repeating: 0, count: Swift.max(count, 1))
            let ranges = UnsafeMutablePointer<Range<Int>>.allocate(capacity: threads)
            ranges.initialize(repeating: 0..<0, count: threads)
            let calls = Atomic<Int>(0)
            pool.parallelFor(count) { range in
                let slot = calls.wrappingAdd(1, ordering: .relaxed).oldValue
                ranges[slot] = range
                for i in range { hits[i] &+= 1 }
            }
            var ok = true
            for i in 0..<count where hits[i] != 1 { ok = false }
            #expect(ok, "threads \(threads) count \(count)")
            let made = calls.load(ordering: .relaxed)
            #expect(made == Swift.min(count, count == 1 ? 1 : threads), "threads \(threads) count \(count): \(made) chunks")
            let sizes = (0..<made).map { ranges[$0].count }
            if let lo = sizes.min(), let hi = sizes.max() { #expect(hi - lo <= 1) }
            hits.deallocate()
            ranges.deallocate()
        }
    }

    @Test func reusedAcrossManyCalls() {
        let pool = WorkerPool(threads: 3, spinIterations: 200)
        let data = UnsafeMutablePointer<Int>.allocate(capacity: 999)
        data.initialize(repeating: 0, count: 999)
        defer { data.deallocate() }
        for call in 0..<3000 {
            let count = 1 + call % 999
            pool.parallelFor(count) { range in for i in range { data[i] &+= 1 } }
        }
        var expected = [Int](repeating: 0, count: 999)
        for call in 0..<3000 { for i in 0..<(1 + call % 999) { expected[i] += 1 } }
        var ok = true
        for i in 0..<999 where data[i] != expected[i] { ok = false }
        #expect(ok)
    }

    @Test func sleepingWorkersWakeUp() {
        // No spinning: every call goes through the condition variable.
        let pool = WorkerPool(threads: 4, spinIterations: 0)
        let total = Atomic<Int>(0)
        for _ in 0..<500 {
            pool.parallelFor(64) { range in total.wrappingAdd(range.count, ordering: .relaxed) }
        }
        #expect(total.load(ordering: .relaxed) == 500 * 64)
    }

    @Test func parkingBetweenJobs() {
        let pool = WorkerPool(threads: 3)
        let total = Atomic<Int>(0)
        for i in 0..<400 {
            pool.parallelFor(30, parkAfter: i % 3 == 0) { range in total.wrappingAdd(range.count, ordering: .relaxed) }
        }
        #expect(total.load(ordering: .relaxed) == 400 * 30)
    }

    @Test func nestedCallsRunInline() {
        let pool = WorkerPool(threads: 2)
        let total = Atomic<Int>(0)
        pool.parallelFor(10) { outer in
            for _ in outer {
                pool.parallelFor(10) { inner in total.wrappingAdd(inner.count, ordering: .relaxed) }
            }
        }
        #expect(total.load(ordering: .relaxed) == 100)
    }

    final class Counter: Sendable {
        let value = Atomic<Int>(0)
    }

    @Test func concurrentCallersShareOnePool() async {
        let pool = WorkerPool(threads: 2)
        let total = Counter()
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<4 {
                group.addTask {
                    for _ in 0..<200 {
                        pool.parallelFor(50) { range in total.value.wrappingAdd(range.count, ordering: .relaxed) }
                    }
                }
            }
        }
        #expect(total.value.load(ordering: .relaxed) == 4 * 200 * 50)
    }

    @Test func poolsShutDown() {
        for t in 1...4 {
            for _ in 0..<10 {
                let pool = WorkerPool(threads: t)
                let total = Atomic<Int>(0)
                pool.parallelFor(100) { total.wrappingAdd($0.count, ordering: .relaxed) }
                #expect(total.load(ordering: .relaxed) == 100)
            }
        }
    }

    @Test func chunkArithmetic() {
        for parts in 1...7 {
            for count in 0...50 {
                var next = 0
                for k in 0..<parts {
                    let r = WorkerPool.chunk(k, of: parts, count: count)
                    #expect(r.lowerBound == next)
                    next = r.upperBound
                }
                #expect(next == count)
            }
        }
    }
}

/// Pools made at the same time (a batch loading models on several threads) leave OpenBLAS at one thread, without
/// racing on its thread count (run under `scripts/sanitize thread` to check the "without racing" part).
@Suite struct BLASThreadCountTests {
    @Test func concurrentPoolsSetOneBLASThread() async {
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    let pool = WorkerPool(threads: 2, spinIterations: 0)
                    #expect(BLASRuntime.threadCount == 1)
                    _ = pool.threads
                }
            }
        }
        #expect(BLASRuntime.threadCount == 1)
    }
}
