internal import CKernels
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A persistent pool of worker threads for data-parallel kernels.
///
/// `threads − 1` pthreads are created once and parked between calls; the calling thread takes part as chunk 0.
/// A call costs no allocation: the job is published through an atomic generation counter, workers spin briefly
/// (`spinIterations` pause instructions, tens of microseconds) before sleeping on a condition variable, so
/// back-to-back calls (one per matrix in a decoder layer) do not pay a futex wake each time.
///
/// `parallelFor` is safe to call from several threads and from inside its own body: a call that finds the pool busy
/// runs its whole range on the calling thread.
public final class WorkerPool: @unchecked Sendable {
    /// Total threads including the caller.
    public let threads: Int
    private let state: PoolState
    private var handles: [pthread_t] = []

    /// - Parameters:
    ///   - threads: total threads including the caller (at least 1).
    ///   - spinIterations: pause-instruction iterations a worker (or the waiting caller) spins before sleeping
    ///     (or yielding).
    ///   - configuresBLAS: also set OpenBLAS's (process-wide) thread count to 1: `MatVec.multiplyBatch` splits its
    ///     sgemm calls across this pool, and OpenBLAS threads of their own would compete with the pool's for the
    ///     cores (measured: a tenth of prompt time went to `sched_yield` when both had two threads).
    public init(threads: Int, spinIterations: Int = 10_000, configuresBLAS: Bool = true) {
        self.threads = max(1, threads)
        if configuresBLAS { BLASRuntime.setThreadCount(1) }
        state = PoolState(threads: self.threads, spinIterations: max(0, spinIterations))
        for index in 1..<self.threads {
            let context = Unmanaged.passRetained(WorkerContext(state: state, index: index)).toOpaque()
            var handle = pthread_t()
            let rc = pthread_create(&handle, nil, { raw in
                let context = Unmanaged<WorkerContext>.fromOpaque(raw!).takeRetainedValue()
                context.state.workerLoop(index: context.index)
                return nil
            }, context)
            require(rc == 0, "pthread_create failed (\(rc))")
            handles.append(handle)
        }
    }

    deinit {
        state.shutdown()
        for handle in handles { pthread_join(handle, nil) }
    }

    /// The number of online CPUs, at least 1.
    public static var availableProcessors: Int {
        max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    }

    /// The `k`-th of `parts` contiguous chunks of `0..<count` (sizes differ by at most one, larger ones first).
    @inline(__always)
    public static func chunk(_ k: Int, of parts: Int, count: Int) -> Range<Int> {
        let base = count / parts, extra = count % parts
        let start = k &* base &+ min(k, extra)
        return start..<(start &+ base &+ (k < extra ? 1 : 0))
    }

    /// Splits `0..<count` into `threads` contiguous chunks, runs `body` on each non-empty one (chunk 0 on the calling
    /// thread) and returns when all are done.
    public func parallelFor(_ count: Int, _ body: (Range<Int>) -> Void) {
        parallelFor(count, parkAfter: false, body)
    }

    /// `parkAfter`: the workers go straight to sleep after this job instead of spinning for the next one (use it
    /// before handing the cores to another thread pool, such as OpenBLAS's).
    public func parallelFor(_ count: Int, parkAfter: Bool, _ body: (Range<Int>) -> Void) {
        if count <= 0 { return }
        if threads == 1 || count == 1 || !state.tryAcquire() {
            body(0..<count)
            return
        }
        withoutActuallyEscaping(body) { escapable in
            state.run(count: count, parkAfter: parkAfter, body: escapable)
        }
        state.release()
    }
}

private final class WorkerContext {
    let state: PoolState
    let index: Int
    init(state: PoolState, index: Int) { self.state = state; self.index = index }
}

/// Shared between the pool object and its threads (the threads never retain the pool itself, so it can deinit).
private final class PoolState: @unchecked Sendable {
    let threads: Int
    let spinIterations: Int
    /// Bumped once per job (and once for shutdown); workers wait for it to change.
    let generation = Atomic<Int>(0)
    /// Workers that have not finished the current job.
    let pending = Atomic<Int>(0)
    /// Workers blocked (or about to block) on the condition variable.
    let sleepers = Atomic<Int>(0)
    let stopping = Atomic<Bool>(false)
    let busy = Atomic<Bool>(false)
    let mutex: UnsafeMutablePointer<pthread_mutex_t>
    let condition: UnsafeMutablePointer<pthread_cond_t>
    // The current job: written by the dispatching thread before the generation bump, read by workers after it.
    var body: ((Range<Int>) -> Void)? = nil
    var count = 0
    var parkAfter = false

    init(threads: Int, spinIterations: Int) {
        self.threads = threads
        self.spinIterations = spinIterations
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
        condition = .allocate(capacity: 1)
        condition.initialize(to: pthread_cond_t())
        pthread_cond_init(condition, nil)
    }

    deinit {
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        condition.deallocate()
        mutex.deallocate()
    }

    func tryAcquire() -> Bool {
        busy.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged
    }

    func release() { busy.store(false, ordering: .releasing) }

    /// Publishes a job, runs chunk 0, waits for the workers.
    func run(count: Int, parkAfter: Bool, body: @escaping (Range<Int>) -> Void) {
        self.body = body
        self.count = count
        self.parkAfter = parkAfter
        pending.store(threads - 1, ordering: .relaxed)
        publish()
        runChunk(0)
        var spins = 0
        while pending.load(ordering: .acquiring) != 0 {
            if spins < spinIterations {
                ckern_cpu_relax()
                spins &+= 1
            } else {
                sched_yield()
            }
        }
        self.body = nil
    }

    /// Bumps the generation and wakes sleeping workers. The sequentially consistent pair generation-add /
    /// sleepers-load here and sleepers-add / generation-load in `waitForJob` guarantees no lost wake-up.
    private func publish() {
        generation.wrappingAdd(1, ordering: .sequentiallyConsistent)
        if sleepers.load(ordering: .sequentiallyConsistent) > 0 {
            pthread_mutex_lock(mutex)
            pthread_cond_broadcast(condition)
            pthread_mutex_unlock(mutex)
        }
    }

    @inline(never)
    func runChunk(_ k: Int) {
        let range = WorkerPool.chunk(k, of: threads, count: count)
        if !range.isEmpty, let body { body(range) }
    }

    func shutdown() {
        stopping.store(true, ordering: .sequentiallyConsistent)
        generation.wrappingAdd(1, ordering: .sequentiallyConsistent)
        pthread_mutex_lock(mutex)
        pthread_cond_broadcast(condition)
        pthread_mutex_unlock(mutex)
    }

    private func waitForJob(after seen: Int, spin: Bool) -> Int {
        var g = generation.load(ordering: .acquiring)
        var spins = 0
        let limit = spin ? spinIterations : 0
        while g == seen && spins < limit {
            ckern_cpu_relax()
            spins &+= 1
            g = generation.load(ordering: .acquiring)
        }
        if g != seen { return g }
        pthread_mutex_lock(mutex)
        sleepers.wrappingAdd(1, ordering: .sequentiallyConsistent)
        g = generation.load(ordering: .sequentiallyConsistent)
        while g == seen {
            pthread_cond_wait(condition, mutex)
            g = generation.load(ordering: .sequentiallyConsistent)
        }
        sleepers.wrappingSubtract(1, ordering: .sequentiallyConsistent)
        pthread_mutex_unlock(mutex)
        return g
    }

    func workerLoop(index: Int) {
        var seen = 0
        var spin = true
        while true {
            seen = waitForJob(after: seen, spin: spin)
            if stopping.load(ordering: .acquiring) { return }
            spin = !parkAfter   // read before signalling completion: the next job may overwrite it
            runChunk(index)
            pending.wrappingSubtract(1, ordering: .releasing)
        }
    }
}
