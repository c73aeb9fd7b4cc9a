// swift-tools-version: 6.0
// ddx: a differential-diagnosis reasoning-path explorer.
// Module layout and dependency direction: see README.md ("Architecture").
import PackageDescription

/// Flags for the numeric kernels only. No CPU target: the build runs on any x86_64 or arm64 CPU, and the C kernels
/// pick AVX-512, AVX2 or portable code at run time (Sources/CKernels/kernels_dispatch.c).
let kernelFlags: [SwiftSetting] = [.unsafeFlags(["-Ounchecked"])]
let ckernelFlags: [CSetting] = [.unsafeFlags(["-O3"])]

/// Optimisation for modules whose speed the debug-built test suite depends on.
let optimizedInDebug: [SwiftSetting] = [.unsafeFlags(["-O"], .when(configuration: .debug))]
/// The streaming importers keep their state in single-threaded reader classes; dynamic exclusivity checks on
/// them cost 7–10% of import time (measured on the ICD-10-CM and HPO files).
let uncheckedExclusivity: [SwiftSetting] = [.unsafeFlags(["-enforce-exclusivity=unchecked"])]

let package = Package(
    name: "ddx",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "ddx", targets: ["ddx"]),
        .executable(name: "ddx-fuzz", targets: ["ddx-fuzz"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // C libraries: each is imported by exactly one Swift module.
        .systemLibrary(name: "CGraphviz", pkgConfig: "libgvc",
                       providers: [.apt(["libgraphviz-dev"]), .brew(["graphviz"])]),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0",
                       providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]),
        .systemLibrary(name: "COpenBLAS", pkgConfig: "openblas",
                       providers: [.apt(["libopenblas-dev"]), .brew(["openblas"])]),
        .systemLibrary(name: "CCairo", pkgConfig: "cairo",
                       providers: [.apt(["libcairo2-dev"]), .brew(["cairo"])]),
        // libFuzzer's driver (compiler-rt); linked only into fuzzing builds of ddx-fuzz (scripts/fuzz).
        .systemLibrary(name: "CLibFuzzer"),

        // Pure Swift: reasoning text -> paths -> graph. The parser's state lives in one private, single-threaded
        // class; dynamic exclusivity checks on it cost ~12% of parse time, so they are off for this module.
        .target(name: "ReasoningPaths", swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"])]),
        // Ontology loading (libxml2 streaming importers, OBO), the merged index and term matching.
        // Optimised in debug builds too: every `ddx graph`/`render` loads and indexes the shipped ontology, and
        // unoptimised generic code made that 4× slower in the CLI tests.
        .target(name: "Ontology", dependencies: ["CLibXML2"], swiftSettings: optimizedInDebug + uncheckedExclusivity),
        // Entity linking and hop verification: reasoning graph x ontology index.
        .target(name: "Grounding", dependencies: ["ReasoningPaths", "Ontology"], swiftSettings: optimizedInDebug),
        // The GGUF container format: memory-mapped header, typed metadata, tensor directory. Knows no models.
        .target(name: "GGUF", swiftSettings: optimizedInDebug),
        // OpenBLAS wrapper and numeric kernels: quant block layouts, quantised dot products, matvec/matmul,
        // norms, RoPE, the worker pool. Never imports GGUF.
        // The quantised matvec and dequantisation inner loops in C: AVX-512, AVX2 and portable variants, one chosen
        // per process at run time; used only by Kernels.
        .target(name: "CKernels", cSettings: ckernelFlags),
        .target(name: "Kernels", dependencies: ["COpenBLAS", "CKernels"], swiftSettings: kernelFlags),
        // Text <-> token ids (byte-level BPE from GGUF metadata), chat templates (a Jinja subset), streaming
        // detokenisation.
        .target(name: "Tokenization", dependencies: ["GGUF"], swiftSettings: optimizedInDebug),
        // LanguageModel protocol, architectures (llama, qwen2), KV cache, samplers, the generation loop.
        .target(name: "Inference", dependencies: ["GGUF", "Kernels", "Tokenization"], swiftSettings: kernelFlags),
        // A LanguageModel backed by an OpenAI-compatible chat-completions server (vLLM, llama.cpp server, Ollama,
        // TGI): request encoding, server-sent events, timeouts and retries. Imports Inference for the protocol only.
        .target(name: "Serving", dependencies: ["Inference", "Tokenization"]),
        // HTML (and other text) reports from Mustache templates and plain-value contexts; knows no graphs or models.
        .target(name: "Reporting", dependencies: [.product(name: "Mustache", package: "swift-mustache")]),
        // Graphviz wrapper; DOT/SVG/PNG/PDF through libgvc, Mermaid and JSON written here; the multi-page PDF handout
        // (cairo, with the graph drawn by Graphviz's cairo renderer onto the same PDF).
        .target(name: "GraphRendering", dependencies: ["CGraphviz", "CCairo", "ReasoningPaths"]),
        // Use cases: read input, parse, build graphs, export, benchmarks, machine report.
        .target(name: "Explorer", dependencies: [
            "ReasoningPaths", "GraphRendering", "Ontology", "Grounding", "Kernels", "Inference", "Tokenization", "GGUF",
            "Serving", "Reporting",
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "Yams", package: "Yams"),
        ]),
        .executableTarget(name: "ddx", dependencies: [
            "Explorer", "GraphRendering", "Inference", "Serving",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // Fuzzing targets (inputs in, properties checked) and the tool that runs them under libFuzzer or replays
        // saved inputs; see scripts/fuzz.
        .target(name: "FuzzTargets", dependencies: [
            "GGUF", "Inference", "Tokenization", "ReasoningPaths", "Ontology", "GraphRendering", "Explorer",
        ]),
        .executableTarget(name: "ddx-fuzz", dependencies: ["FuzzTargets", "CLibFuzzer"]),

        // Helpers shared by the test targets (scratch directories, repository paths, SVG inspection).
        .target(name: "TestSupport", dependencies: ["GGUF", "Inference"], path: "Tests/TestSupport"),
        .testTarget(name: "GGUFTests", dependencies: ["GGUF", "TestSupport"]),
        .testTarget(name: "KernelsTests", dependencies: ["Kernels", "TestSupport"], exclude: ["Golden"]),
        .testTarget(name: "TokenizationTests", dependencies: ["Tokenization", "GGUF", "TestSupport"],
                    exclude: ["Golden", "ChatTemplateFixtures"]),
        .testTarget(name: "InferenceTests", dependencies: ["Inference", "Kernels", "Tokenization", "GGUF", "TestSupport"]),
        .testTarget(name: "ServingTests", dependencies: ["Serving", "Inference", "Tokenization", "TestSupport"]),
        .testTarget(name: "ReportingTests", dependencies: ["Reporting", "TestSupport"]),
        .testTarget(name: "ReasoningPathsTests", dependencies: ["ReasoningPaths"],
                    resources: [.copy("Fixtures"), .copy("CorpusExpectations")]),
        .testTarget(name: "OntologyTests", dependencies: ["Ontology", "TestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "GroundingTests", dependencies: ["Grounding", "Ontology", "ReasoningPaths", "TestSupport"]),
        .testTarget(name: "GraphRenderingTests", dependencies: ["GraphRendering", "ReasoningPaths", "TestSupport"]),
        .testTarget(name: "ExplorerTests", dependencies: ["Explorer", "ReasoningPaths", "Inference", "TestSupport"]),
        .testTarget(name: "FuzzTargetsTests", dependencies: ["FuzzTargets", "TestSupport"], exclude: ["Corpus"]),
        .testTarget(name: "DDxCLITests", dependencies: ["ddx", "TestSupport"], exclude: ["Golden"]),
    ]
)
