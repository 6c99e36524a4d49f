import ArgumentParser
import Foundation
import LedgerCore
import LedgerStore

/// `audit keygen`: writes a random HMAC key for the audit chain outside the database (see `AuditKey`).
struct AuditKeygenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keygen",
        abstract: "Create the audit key (32 random bytes, mode 0600) that keys new audit entries (HMAC-SHA256).",
        discussion: "Keep a copy off the machine: entries keyed with a lost key can no longer be verified.")
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let path = AuditKey.path(environment: global.environment)
        guard !FileManager.default.fileExists(atPath: path) else { throw UserError("\(path) exists; not replaced") }
        let folder = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        guard FileManager.default.createFile(atPath: path, contents: Data((Hex.encode(bytes) + "\n").utf8),
                                             attributes: [.posixPermissions: 0o600]) else {
            throw UserError("cannot write \(path)")
        }
        print("audit key written: \(path)")
    }
}
