import Foundation
import Testing
@testable import SalesLedgerApp

/// Issue 12 (B17): autosave per instance; a live instance's draft is never offered, a crashed one's once.
@Suite struct DraftFilesTests {
    @Test func liveDraftsStayCrashedDraftsAreAdoptedOnce() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sl-drafts-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let ledger = dir + "/ledger.sqlite"
        let first = DraftFiles(ledgerPath: ledger, pid: 1001)
        try Data("{\"live\":1}".utf8).write(to: URL(fileURLWithPath: first.path))
        // A second instance sees the first one's draft as live (its lock is held) and adopts nothing.
        let second = DraftFiles(ledgerPath: ledger, pid: 1002)
        #expect(!second.adoptCrashedDraft())
        #expect(FileManager.default.fileExists(atPath: first.path))
        // The first instance crashes (its lock goes away, its files stay): the next instance adopts the draft …
        first.release()
        try Data().write(to: URL(fileURLWithPath: ledger + ".draft.1001.lock"))
        let third = DraftFiles(ledgerPath: ledger, pid: 1003)
        #expect(third.adoptCrashedDraft())
        #expect(try String(contentsOfFile: third.path, encoding: .utf8) == "{\"live\":1}")
        #expect(!FileManager.default.fileExists(atPath: first.path))
        // … and no other instance gets it again.
        #expect(!second.adoptCrashedDraft())
        #expect(!DraftFiles(ledgerPath: ledger, pid: 1004).adoptCrashedDraft())
    }

    @Test func theOldSingleDraftFileCountsAsCrashed() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sl-drafts-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let ledger = dir + "/ledger.sqlite"
        try Data("{}".utf8).write(to: URL(fileURLWithPath: ledger + ".draft.json"))
        let instance = DraftFiles(ledgerPath: ledger, pid: 2001)
        #expect(instance.adoptCrashedDraft())
        #expect(FileManager.default.fileExists(atPath: instance.path))
    }
}
