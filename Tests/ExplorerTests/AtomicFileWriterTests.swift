import Explorer
import Foundation
import Testing
import TestSupport

@Suite("AtomicFileWriter")
struct AtomicFileWriterTests {
    @Test("writes a new file and leaves nothing else in the directory")
    func writesNewFile() throws {
        try ScratchDirectory.with { dir throws in
            let url = dir.appendingPathComponent("out.json")
            try AtomicFileWriter.write(Array("{\"a\": 1}\n".utf8), to: url.path)
            #expect(try ScratchDirectory.bytes(url) == Array("{\"a\": 1}\n".utf8))
            #expect(try ScratchDirectory.contents(of: dir) == ["out.json"])
        }
    }

    @Test("writes an empty file")
    func writesEmptyFile() throws {
        try ScratchDirectory.with { dir throws in
            let url = dir.appendingPathComponent("empty.txt")
            try AtomicFileWriter.write([], to: url.path)
            #expect(FileManager.default.fileExists(atPath: url.path))
            #expect(try ScratchDirectory.bytes(url).isEmpty)
        }
    }

    @Test("replaces an existing, longer file completely")
    func replacesExisting() throws {
        try ScratchDirectory.with { dir throws in
            let url = dir.appendingPathComponent("out.txt")
            try Data(repeating: 0x78, count: 4096).write(to: url)
            try AtomicFileWriter.write(Array("new".utf8), to: url.path)
            #expect(try ScratchDirectory.bytes(url) == Array("new".utf8))
            #expect(try ScratchDirectory.contents(of: dir) == ["out.txt"])
        }
    }

    @Test("creates missing parent directories")
    func createsParents() throws {
        try ScratchDirectory.with { dir throws in
            let url = dir.appendingPathComponent("a/b/c/out.svg")
            try AtomicFileWriter.write(Array("<svg/>".utf8), to: url.path)
            #expect(try ScratchDirectory.bytes(url) == Array("<svg/>".utf8))
            #expect(try ScratchDirectory.contents(of: dir.appendingPathComponent("a/b/c")) == ["out.svg"])
        }
    }

    @Test("a directory as the target is refused with a one-line error naming it, and left alone")
    func targetIsDirectory() throws {
        try ScratchDirectory.with { dir throws in
            let target = dir.appendingPathComponent("existing")
            try FileManager.default.createDirectory(at: target, withIntermediateDirectories: false)
            let error = try #require(throws: InputError.self) { try AtomicFileWriter.write([1, 2, 3], to: target.path) }
            #expect(error.description.hasPrefix(target.path + ": "))
            #expect(error.description.contains("is a directory"))
            #expect(try ScratchDirectory.contents(of: dir) == ["existing"])
            #expect(try ScratchDirectory.contents(of: target).isEmpty)
        }
    }

    @Test("a parent that is a regular file fails with a one-line error and leaves no temporary file")
    func parentIsFile() throws {
        try ScratchDirectory.with { dir throws in
            let blocker = dir.appendingPathComponent("blocker")
            try Data("x".utf8).write(to: blocker)
            let path = blocker.appendingPathComponent("out.txt").path
            let error = try #require(throws: InputError.self) { try AtomicFileWriter.write([1, 2, 3], to: path) }
            #expect(error.description.hasPrefix(path + ": "))
            #expect(!error.description.contains("\n"))
            #expect(try ScratchDirectory.contents(of: dir) == ["blocker"])
            #expect(try ScratchDirectory.bytes(blocker) == Array("x".utf8))
        }
    }

    @Test("many writes to the same file leave exactly one file with the last content")
    func repeatedWrites() throws {
        try ScratchDirectory.with { dir throws in
            let url = dir.appendingPathComponent("out.txt")
            for i in 0..<20 { try AtomicFileWriter.write(Array("version \(i)".utf8), to: url.path) }
            #expect(try ScratchDirectory.bytes(url) == Array("version 19".utf8))
            #expect(try ScratchDirectory.contents(of: dir) == ["out.txt"])
        }
    }

    @Test("a file name close to the file system's 255-byte limit can be written")
    func longFileName() throws {
        try ScratchDirectory.with { dir throws in
            let name = String(repeating: "a", count: 240) + ".json"
            let url = dir.appendingPathComponent(name)
            // The name itself is valid: creating it directly works.
            #expect(FileManager.default.createFile(atPath: url.path, contents: Data("old".utf8)))
            // The temporary file's name must not grow with the target's, or this would exceed NAME_MAX.
            try AtomicFileWriter.write(Array("new".utf8), to: url.path)
            #expect(try ScratchDirectory.bytes(url) == Array("new".utf8))
            #expect(try ScratchDirectory.contents(of: dir) == [name])
        }
    }

    @Test("replacing a file keeps its permissions")
    func keepsPermissions() throws {
        try ScratchDirectory.with { dir throws in
            let url = dir.appendingPathComponent("private.json")
            #expect(FileManager.default.createFile(atPath: url.path, contents: Data("old".utf8), attributes: [.posixPermissions: 0o600]))
            try AtomicFileWriter.write(Array("new".utf8), to: url.path)
            let mode = try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int
            #expect(mode == 0o600)
            #expect(try ScratchDirectory.bytes(url) == Array("new".utf8))
        }
    }

    @Test("writing through a symbolic link updates its target")
    func writesThroughSymlink() throws {
        try ScratchDirectory.with { dir throws in
            let target = dir.appendingPathComponent("target.svg")
            let link = dir.appendingPathComponent("link.svg")
            #expect(FileManager.default.createFile(atPath: target.path, contents: Data("old".utf8)))
            try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
            try AtomicFileWriter.write(Array("new".utf8), to: link.path)
            #expect(try ScratchDirectory.bytes(target) == Array("new".utf8))
            #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == target.path)
        }
    }
}
