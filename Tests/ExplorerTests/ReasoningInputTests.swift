import Explorer
import Foundation
import Testing
import TestSupport

@Suite("ReasoningInput")
struct ReasoningInputTests {
    @Test("SHA-256 of known bytes is the standard lower-case hex digest")
    func knownDigests() {
        #expect(ReasoningInput.hexDigest(Array("abc".utf8))
            == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(ReasoningInput.hexDigest([])
            == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        let input = ReasoningInput(bytes: Array("abc".utf8), sourceName: "inline")
        #expect(input.sha256 == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(input.sourceName == "inline")
        #expect(input.bytes == Array("abc".utf8))
    }

    @Test("reading a file keeps its bytes, its path as the source name and their digest")
    func readsFile() throws {
        let path = RepoFiles.fixture("medreason_data")
        let input = try ReasoningInput.read(path: path)
        let expected = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(input.bytes == expected)
        #expect(input.sourceName == path)
        #expect(input.sha256 == ReasoningInput.hexDigest(expected))
        #expect(input.sha256.count == 64)
    }

    @Test("a file larger than one read chunk (1 MiB) is read whole")
    func readsAcrossChunks() throws {
        try ScratchDirectory.with { dir throws in
            let url = dir.appendingPathComponent("big.txt")
            var bytes = [UInt8](repeating: 0x61, count: 2 * 1_048_576 + 12_345)
            // Markers at the start, on both sides of each chunk boundary and at the end.
            for (i, offset) in [0, 1_048_575, 1_048_576, 2_097_151, 2_097_152, bytes.count - 1].enumerated() {
                bytes[offset] = 0x30 + UInt8(i)
            }
            try Data(bytes).write(to: url)
            let input = try ReasoningInput.read(path: url.path)
            #expect(input.bytes.count == bytes.count)
            #expect(input.sha256 == ReasoningInput.hexDigest(bytes))
            #expect(input.bytes[1_048_576] == 0x32 && input.bytes[bytes.count - 1] == 0x35)
        }
    }

    @Test("a missing file is a one-line error naming it")
    func missingFile() throws {
        try ScratchDirectory.with { dir throws in
            let path = dir.appendingPathComponent("absent.txt").path
            let error = try #require(throws: InputError.self) { try ReasoningInput.read(path: path) }
            #expect(error.description == "\(path): no such file")
        }
    }

    @Test("a directory is refused with a one-line error naming it")
    func directory() throws {
        try ScratchDirectory.with { dir throws in
            let error = try #require(throws: InputError.self) { try ReasoningInput.read(path: dir.path) }
            #expect(error.description.hasPrefix(dir.path + ": "))
            #expect(error.description.contains("is a directory"))
            #expect(!error.description.contains("\n"))
        }
    }

    @Test("an input of exactly maxBytes is read; one byte more is refused with a message naming the file")
    func sizeLimit() throws {
        try ScratchDirectory.with { dir throws in
            let url = dir.appendingPathComponent("case.txt")
            try Data(repeating: 0x41, count: 100).write(to: url)
            #expect(try ReasoningInput.read(path: url.path, maxBytes: 100).bytes.count == 100)
            let error = try #require(throws: InputError.self) { try ReasoningInput.read(path: url.path, maxBytes: 99) }
            #expect(error.description.hasPrefix(url.path + ": "))
            #expect(error.description.contains("larger than"))
            #expect(error.description.contains("--max-bytes"))
            #expect(!error.description.contains("\n"))
        }
    }

    @Test("the size-limit message states the limit that was exceeded, also below 1 MiB")
    func sizeLimitMessageStatesLimit() throws {
        try ScratchDirectory.with { dir throws in
            let url = dir.appendingPathComponent("case.txt")
            try Data(repeating: 0x41, count: (1 << 20) + 1).write(to: url)
            let small = try #require(throws: InputError.self) { try ReasoningInput.read(path: url.path, maxBytes: 1000) }
            #expect(small.description.contains("1000"), "\(small.description)")
            #expect(!small.description.contains(" 0 MiB"), "\(small.description)")
            let mebibyte = try #require(throws: InputError.self) { try ReasoningInput.read(path: url.path, maxBytes: 1 << 20) }
            #expect(mebibyte.description.contains("1 MiB") || mebibyte.description.contains("1048576"),
                    "\(mebibyte.description)")
        }
    }

    @Test("the default limit is 256 MiB")
    func defaultLimit() {
        #expect(ReasoningInput.defaultMaxBytes == 256 << 20)
    }
}
