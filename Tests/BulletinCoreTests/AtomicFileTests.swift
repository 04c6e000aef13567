import BulletinCore
import Foundation
import TestSupport
import Testing

@Suite struct AtomicFileTests {
    private func contents(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }

    private func mode(_ path: String) throws -> Int {
        try ((FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue) ?? -1
    }

    @Test func writesTheWholeFileWithItsModeAndLeavesNothingElse() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("Điểm báo.txt")
        try AtomicFile.write(Array("Cải cách hành chính\n".utf8), to: path, mode: 0o600)
        #expect(contents(path) == "Cải cách hành chính\n")
        #expect(try mode(path) == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["Điểm báo.txt"])
    }

    @Test func replaceOverwritesAndKeepLeavesTheFirstVersion() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("key")
        try AtomicFile.write(Array("one".utf8), to: path, existing: .keep)
        try AtomicFile.write(Array("two".utf8), to: path, existing: .keep)
        #expect(contents(path) == "one")
        try AtomicFile.write(Array("three".utf8), to: path)
        #expect(contents(path) == "three")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["key"])
    }

    @Test func aMissingDirectoryIsAClearErrorAndLeavesNoFile() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("missing/out.txt")
        #expect(throws: AtomicFileError(errorNumber: ENOENT)) { try AtomicFile.write(Array("x".utf8), to: path) }
        #expect(AtomicFileError(errorNumber: ENOENT).description == "No such file or directory")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }

    @Test func anEmptyFileIsAFile() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try AtomicFile.write([UInt8](), to: directory.file("empty"))
        #expect(contents(directory.file("empty")) == "")
    }
}
