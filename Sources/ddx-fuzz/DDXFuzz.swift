import FuzzTargets
import Foundation
#if DDX_FUZZ
import CLibFuzzer
#endif

/// `ddx-fuzz`: runs one fuzzing target under libFuzzer, or replays inputs through it.
///
///     ddx-fuzz list                           the targets, one per line: name, max input length, leak check
///                                             (per-input or replay), seed directories
///     ddx-fuzz replay TARGET FILE|DIR...      runs each input once; exit 1 on the first property violation
///     ddx-fuzz TARGET [libFuzzer flags] DIR…  fuzzing builds only (scripts/fuzz builds them)
///     DDX_FUZZ_TARGET=TARGET ddx-fuzz [libFuzzer flags] DIR…
///                                             the same; this form survives libFuzzer's -fork and -jobs modes,
///                                             which start children with the flags only
///
/// A fuzzing build is `swift build -Xswiftc -sanitize=fuzzer,address -Xswiftc -DDDX_FUZZ`; without `DDX_FUZZ` the
/// tool replays only, which is how crash inputs are reproduced in an ordinary debug build.
@main
enum DDXFuzz {
    static func main() {
        let arguments = CommandLine.arguments
        if let name = ProcessInfo.processInfo.environment["DDX_FUZZ_TARGET"], !name.isEmpty {
            fuzz(target(name), firstFlag: 1)
        }
        guard arguments.count >= 2 else { usage() }
        switch arguments[1] {
        case "list":
            for target in FuzzTarget.all {
                print([target.name, String(target.maxInputLength), target.checksLeaksPerInput ? "per-input" : "replay",
                       target.seedDirectories.joined(separator: ",")]
                    .joined(separator: "\t"))
            }
        case "replay":
            guard arguments.count >= 4 else { usage() }
            exit(replay(target: target(arguments[2]), paths: Array(arguments[3...])))
        default:
            fuzz(target(arguments[1]), firstFlag: 2)
        }
    }

    static func usage() -> Never {
        FileHandle.standardError.write(Data("""
            usage: ddx-fuzz list
                   ddx-fuzz replay TARGET FILE|DIR...
                   ddx-fuzz TARGET [libFuzzer flags] [CORPUS_DIR...]   (fuzzing builds, see scripts/fuzz)
                   DDX_FUZZ_TARGET=TARGET ddx-fuzz [libFuzzer flags] [CORPUS_DIR...]

            """.utf8))
        exit(2)
    }

    static func target(_ name: String) -> FuzzTarget {
        guard let target = FuzzTarget.named(name) else {
            fail("ddx-fuzz: no target named '\(name)'; targets: \(FuzzTarget.all.map(\.name).joined(separator: ", "))")
        }
        return target
    }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data((message + "\n").utf8))
        exit(1)
    }

    /// Runs every file (directories: their regular files, sorted) through `target`; 0 when all pass.
    static func replay(target: FuzzTarget, paths: [String]) -> Int32 {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                fail("ddx-fuzz: \(path): no such file or directory")
            }
            if isDirectory.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
                files += names.sorted().map { path + "/" + $0 }
            } else {
                files.append(path)
            }
        }
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else { fail("ddx-fuzz: \(file): unreadable") }
            do {
                try target.run(Array(data))
            } catch {
                FileHandle.standardError.write(Data("ddx-fuzz: \(file): \(error)\n".utf8))
                return 1
            }
        }
        print("\(target.name): \(files.count) inputs replayed, no violation")
        return 0
    }

    /// The target libFuzzer's callback runs (C callbacks cannot capture context).
    nonisolated(unsafe) static var active: FuzzTarget?

    /// Runs libFuzzer on `target`; it sees the program name and the arguments from `firstFlag` on.
    static func fuzz(_ target: FuzzTarget, firstFlag: Int) -> Never {
        #if DDX_FUZZ
        active = target
        let count = Int(CommandLine.argc)
        var kept = [CommandLine.unsafeArgv[0]] + (min(firstFlag, count)..<count).map { CommandLine.unsafeArgv[$0] }
        var argc = Int32(kept.count)
        let status = kept.withUnsafeMutableBufferPointer { buffer -> Int32 in
            var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = buffer.baseAddress
            return LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzOneInput(data, size) }
        }
        exit(status)
        #else
        fail("ddx-fuzz: this build replays only (ddx-fuzz replay \(target.name) FILES); "
            + "scripts/fuzz builds the fuzzing binary")
        #endif
    }
}

#if DDX_FUZZ
/// libFuzzer's per-input entry point (its own `main`, linked in by `-sanitize=fuzzer`, needs the symbol; ddx-fuzz's
/// `main` passes the same function to `LLVMFuzzerRunDriver`). A property violation aborts, so libFuzzer saves the
/// input as a crash.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let target = DDXFuzz.active else { return 0 }
    let input = size == 0 || data == nil ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    do {
        try target.run(input)
    } catch {
        FileHandle.standardError.write(Data("ddx-fuzz: property violated: \(error)\n".utf8))
        abort()
    }
    return 0
}
#endif
