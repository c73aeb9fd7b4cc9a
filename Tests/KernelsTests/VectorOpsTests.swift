import Testing
@testable import Kernels
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@Suite("VectorOps")
struct VectorOpsTests {
    static let sizes = [0, 1, 7, 8, 31, 33, 64, 100, 576, 1000]

    @Test func reductions() {
        var rng = SeededRandom(seed: 1)
        for n in Self.sizes {
            let a = rng.floats(n), b = rng.floats(n)
            var dot = 0.0, sum = 0.0, mag = 0.0
            for i in 0..<n {
                dot += Double(a[i]) * Double(b[i])
                sum += Double(a[i])
                mag += abs(Double(a[i]))
            }
            #expect(abs(Double(VectorOps.dot(a, b, count: n)) - dot) <= 1e-5 * Double(n) + 1e-6, "n=\(n)")
            #expect(abs(Double(VectorOps.sum(a, count: n)) - sum) <= 1e-6 * mag + 1e-6, "n=\(n)")
            #expect(VectorOps.max(a, count: n) == (a.max() ?? -.infinity), "n=\(n)")
        }
    }

    @Test func rmsNorm() {
        var rng = SeededRandom(seed: 2)
        for n in Self.sizes where n > 0 {
            let x = rng.floats(n), w = rng.floats(n)
            var out = [Float](repeating: 0, count: n)
            VectorOps.rmsNorm(x, weight: w, count: n, epsilon: 1e-5, into: &out)
            let ms = x.reduce(0.0) { $0 + Double($1) * Double($1) } / Double(n)
            let scale = 1 / (ms + 1e-5).squareRoot()
            for i in 0..<n {
                let want = Double(x[i]) * scale * Double(w[i])
                #expect(abs(Double(out[i]) - want) <= 1e-5 * abs(want) + 1e-6, "n=\(n) i=\(i)")
            }
            // In place, without weight.
            var y = x
            y.withUnsafeMutableBufferPointer { VectorOps.rmsNorm($0.baseAddress!, count: n, epsilon: 1e-5, into: $0.baseAddress!) }
            for i in 0..<n { #expect(abs(Double(y[i]) - Double(x[i]) * scale) <= 1e-5 * abs(Double(x[i]) * scale) + 1e-6) }
        }
    }

    @Test(arguments: [false, true])
    func rope(_ neox: Bool) {
        var rng = SeededRandom(seed: 3)
        let headDim = 64, half = headDim / 2
        let inv = (0..<half).map { Float(pow(10000.0, -2.0 * Double($0) / Double(headDim))) }
        for position in [0, 1, 17, 1000] {
            let x = rng.floats(headDim)
            var y = x
            VectorOps.rope(&y, headDim: headDim, position: position, inverseFrequencies: inv, neox: neox)
            for i in 0..<half {
                let (i0, i1) = neox ? (i, i + half) : (2 * i, 2 * i + 1)
                let theta = Double(Float(position) * inv[i])
                let a = Double(x[i0]), b = Double(x[i1])
                #expect(abs(Double(y[i0]) - (a * cos(theta) - b * sin(theta))) < 1e-5)
                #expect(abs(Double(y[i1]) - (a * sin(theta) + b * cos(theta))) < 1e-5)
            }
            // Precomputed tables give the same numbers.
            var c = [Float](repeating: 0, count: half), s = [Float](repeating: 0, count: half)
            VectorOps.ropeTables(position: position, inverseFrequencies: inv, count: half, cos: &c, sin: &s)
            var z = x
            VectorOps.rope(&z, headDim: headDim, cos: c, sin: s, neox: neox)
            #expect(z == y)
        }
    }

    @Test func softmax() {
        var rng = SeededRandom(seed: 4)
        for n in Self.sizes where n > 0 {
            var x = rng.floats(n, scale: 3)
            if n > 4 { x[1] = -.infinity; x[3] = -1e30 }
            let m = x.max()!
            let e = x.map { Foundation_exp(Double($0 - m)) }
            let total = e.reduce(0, +)
            var y = x
            VectorOps.softmax(&y, count: n)
            for i in 0..<n { #expect(abs(Double(y[i]) - e[i] / total) <= 1e-6 * (e[i] / total) + 1e-7, "n=\(n) i=\(i)") }
            #expect(abs(y.reduce(0, +) - 1) < 1e-5)
        }
        var masked: [Float] = [-.infinity, -.infinity]
        VectorOps.softmax(&masked, count: 2)
        #expect(masked == [0.5, 0.5])
    }

    @Test func expAccuracy() {
        var worst: Float = 0
        var x: Float = -87
        while x < 88 {
            let want = Foundation_exp(Double(x))
            let got = Double(VectorOps.exp(x))
            worst = Swift.max(worst, Float(abs(got - want) / want))
            x += 0.0137
        }
        #expect(worst < 4e-7, "worst relative error \(worst)")
        #expect(VectorOps.exp(-.infinity) == 0)
        #expect(VectorOps.exp(-100) == 0)
        #expect(VectorOps.exp(0) == 1)
        #expect(VectorOps.exp(1000).isFinite)
    }

    @Test func activations() {
        var rng = SeededRandom(seed: 5)
        for n in Self.sizes {
            let g = rng.floats(n, scale: 4), u = rng.floats(n)
            var silu = g, gelu = g, plain = g
            VectorOps.siluMultiply(&silu, u, count: n)
            VectorOps.geluMultiply(&gelu, u, count: n)
            VectorOps.silu(&plain, count: n)
            for i in 0..<n {
                let v = Double(g[i])
                let s = v / (1 + Foundation_exp(-v))
                #expect(abs(Double(silu[i]) - s * Double(u[i])) <= 1e-6 * abs(s * Double(u[i])) + 1e-6)
                #expect(abs(Double(plain[i]) - s) <= 1e-6 * abs(s) + 1e-6)
                let ge = 0.5 * v * (1 + tanh(0.7978845608028654 * (v + 0.044715 * v * v * v)))
                #expect(abs(Double(gelu[i]) - ge * Double(u[i])) <= 1e-5 * abs(ge * Double(u[i])) + 1e-6)
            }
        }
    }

    @Test func elementwise() {
        var rng = SeededRandom(seed: 6)
        for n in Self.sizes {
            let a = rng.floats(n), b = rng.floats(n)
            var s = a, m = a, y = a, sc = a
            VectorOps.add(&s, b, count: n)
            VectorOps.multiply(&m, b, count: n)
            VectorOps.axpy(0.5, b, &y, count: n)
            VectorOps.scale(&sc, by: -2, count: n)
            for i in 0..<n {
                #expect(s[i] == a[i] + b[i])
                #expect(m[i] == a[i] * b[i])
                #expect(abs(y[i] - (a[i] + 0.5 * b[i])) <= 1e-6 * abs(a[i] + 0.5 * b[i]) + 1e-7)
                #expect(sc[i] == -2 * a[i])
            }
        }
    }
}

/// libm's double exp (named to avoid the clash with VectorOps.exp inside the tests).
func Foundation_exp(_ x: Double) -> Double { exp(x) }
