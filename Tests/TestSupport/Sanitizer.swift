import Foundation

/// Which sanitizer, if any, the test process was built with (`swift test --sanitize=address|thread`).
public enum Sanitizer {
    /// Whether AddressSanitizer or ThreadSanitizer instruments this process: their runtimes export these symbols.
    public static let isActive: Bool = {
        let process = dlopen(nil, RTLD_NOW)  // the program and everything it loaded
        let symbols: [String] = ["__asan_init", "__tsan_init"]
        return symbols.contains { dlsym(process, $0) != nil }
    }()

    /// How much more stack instrumented code needs: sanitizers add redzones and shadow frames (about 3× measured on
    /// the chat-template recursion tests), so stack-size tests scale their budget by this.
    public static var stackFactor: Int { isActive ? 4 : 1 }

    /// How much slower instrumented code runs (ASan about 2–3×, TSan 5–15×): time limits in tests scale by this.
    public static var timeFactor: Double { isActive ? 10 : 1 }
}
