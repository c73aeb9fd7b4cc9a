import Synchronization

/// Token ids of recently encoded words, shared by all callers of a tokenizer. Bounded: when full it is emptied
/// and refilled (words recur in bursts, so this keeps the hit rate high without bookkeeping).
final class WordCache: Sendable {
    private let storage = Mutex<[WordKey: [Int32]]>([:])
    /// The most words kept.
    let capacity: Int
    /// Longer words are not cached.
    let longestWord: Int

    init(capacity: Int = 1 << 16, longestWord: Int = 128) {
        self.capacity = capacity
        self.longestWord = longestWord
    }

    func ids(for word: [UInt8]) -> [Int32]? {
        storage.withLock { $0[WordKey(bytes: word)] }
    }

    func store(_ ids: [Int32], for word: [UInt8]) {
        storage.withLock { words in
            if words.count >= capacity { words.removeAll(keepingCapacity: true) }
            words[WordKey(bytes: word)] = ids
        }
    }

    var count: Int { storage.withLock { $0.count } }
}

/// A word's bytes as a dictionary key, hashed in one call rather than byte by byte.
struct WordKey: Hashable {
    let bytes: [UInt8]

    func hash(into hasher: inout Hasher) {
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }
}
