import Crypto
import Foundation
import LedgerCore

/// The encrypted backup format (`backup --encrypt`): AES-256-GCM from swift-crypto, the key derived from a
/// passphrase with scrypt (RFC 7914, `_CryptoExtras`, the same KDF as the password hashes).
///
/// Layout (integers big-endian):
/// - header, 52 bytes: magic `SLEDGER-ENC1` (12) · KDF id 1 = scrypt (1) · log2 N (1) · r (1) · p (1) ·
///   salt (16, random per file) · chunk size in bytes (4, 1 MiB) · key check (16);
/// - then chunks: plaintext length n (4) · ciphertext (n) · GCM tag (16). Every chunk is full except the last
///   (an empty file is one empty last chunk).
///
/// scrypt gives 64 bytes: the first 32 are the AES key, the last 32 an HMAC-SHA256 key. The key check is the first
/// 16 bytes of HMAC(header without the check): a wrong passphrase (or an altered header) is told apart from an
/// altered body. Chunk i has the nonce 0x00000000 ‖ i (8 bytes); its additional data is the header ‖ i ‖
/// last-flag,
/// so reordering, dropping, appending or truncating chunks fails authentication. The key is new for every file
/// (random salt), so counter nonces never repeat under one key.
public enum EncryptedBackupFile {
    public static let magic = Array("SLEDGER-ENC1".utf8)
    static let headerSize = 52
    static let tagSize = 16
    public static let chunkSize = 1 << 20

    /// Why a file could not be decrypted.
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case notEncrypted
        case wrongPassphrase
        case altered(String)
        case io(String)

        public var description: String {
            switch self {
            case .notEncrypted: return "not an encrypted SalesLedger backup"
            case .wrongPassphrase: return "wrong passphrase (or the file's header was altered)"
            case let .altered(what): return "the encrypted file was altered or damaged: \(what)"
            case let .io(what): return what
            }
        }
    }

    /// Whether the file at `path` starts with the encrypted-backup magic.
    public static func isEncrypted(_ path: String) -> Bool {
        BackupFiles.head(path, count: magic.count) == magic
    }

    /// Encrypts `source` into `target` (created 0600, replaced if present), chunk by chunk.
    public static func encrypt(_ source: String, to target: String, passphrase: String,
                               logN: Int = PasswordHash.logN) throws(LedgerError) {
        var salt = [UInt8](repeating: 0, count: 16)
        var generator = SystemRandomNumberGenerator()
        for i in salt.indices { salt[i] = UInt8.random(in: 0...255, using: &generator) }
        var header = magic + [1, UInt8(logN), UInt8(PasswordHash.blockSize), UInt8(PasswordHash.parallelism)] + salt
        header += bigEndian(UInt32(chunkSize))
        let keys = try deriveKeys(passphrase, header: header)
        header += keys.check
        guard let input = FileHandle(forReadingAtPath: source) else { throw .storage("cannot read \(source)") }
        defer { try? input.close() }
        try BackupFiles.createPrivateFile(target)
        guard let output = FileHandle(forWritingAtPath: target) else { throw .storage("cannot write \(target)") }
        defer { try? output.close() }
        do {
            try output.write(contentsOf: header)
            var index: UInt64 = 0
            var block = try input.read(upToCount: chunkSize) ?? Data()
            while true {
                let next = block.count == chunkSize ? (try input.read(upToCount: chunkSize) ?? Data()) : Data()
                let isLast = next.isEmpty
                let box = try AES.GCM.seal(block, using: keys.aes, nonce: nonce(index),
                                           authenticating: additionalData(header, index, isLast))
                try output.write(contentsOf: bigEndian(UInt32(block.count)))
                try output.write(contentsOf: box.ciphertext)
                try output.write(contentsOf: box.tag)
                if isLast { break }
                block = next
                index += 1
            }
            try output.synchronize()
        } catch {
            throw .storage("encrypting to \(target) failed: \(error)")
        }
    }

    /// Decrypts `source` into `target` (created 0600), or checks it only when `target` is nil. Returns the
    /// plaintext's SHA-256 (hex).
    @discardableResult
    public static func decrypt(_ source: String, to target: String?, passphrase: String) throws(Failure) -> String {
        guard let input = FileHandle(forReadingAtPath: source) else { throw .io("cannot read \(source)") }
        defer { try? input.close() }
        guard let headerData = try? input.read(upToCount: headerSize), headerData.count == headerSize,
              Array(headerData.prefix(magic.count)) == magic else { throw .notEncrypted }
        let header = Array(headerData)
        guard header[12] == 1, (10...22).contains(Int(header[13])), header[14] > 0, header[15] > 0 else {
            throw .altered("unknown key derivation parameters in the header")
        }
        let size = Int(header[32]) << 24 | Int(header[33]) << 16 | Int(header[34]) << 8 | Int(header[35])
        guard size > 0, size <= 16 << 20 else { throw .altered("bad chunk size in the header") }
        let keys: Keys
        do {
            keys = try deriveKeys(passphrase, header: Array(header.prefix(36)), logN: Int(header[13]),
                                  r: Int(header[14]), p: Int(header[15]))
        } catch { throw .io("key derivation failed: \(error)") }
        guard constantTimeEqual(keys.check, Array(header[36..<52])) else { throw .wrongPassphrase }
        var output: FileHandle?
        if let target {
            do { try BackupFiles.createPrivateFile(target) } catch { throw .io(error.description) }
            output = FileHandle(forWritingAtPath: target)
            if output == nil { throw .io("cannot write \(target)") }
        }
        defer { try? output?.close() }
        var hasher = SHA256()
        var index: UInt64 = 0
        while true {
            guard let lengthData = try? input.read(upToCount: 4), lengthData.count == 4 else {
                throw .altered("chunk \(index) is missing (the file was truncated)")
            }
            let n = lengthData.reduce(0) { $0 << 8 | Int($1) }
            guard n <= size else { throw .altered("chunk \(index) has a bad length") }
            guard let body = try? input.read(upToCount: n + tagSize), body.count == n + tagSize else {
                throw .altered("chunk \(index) is cut short (the file was truncated)")
            }
            let isLast = ((try? input.read(upToCount: 1)) ?? Data()).isEmpty
            if !isLast, let offset = try? input.offset() { try? input.seek(toOffset: offset - 1) }
            let plain: Data
            do {
                let box = try AES.GCM.SealedBox(nonce: nonce(index), ciphertext: body.prefix(n),
                                                tag: body.suffix(tagSize))
                plain = try AES.GCM.open(box, using: keys.aes, authenticating: additionalData(header, index, isLast))
            } catch {
                throw .altered("chunk \(index) fails authentication")
            }
            hasher.update(data: plain)
            if let output {
                do { try output.write(contentsOf: plain) } catch {
                    throw .io("writing \(target ?? "") failed: \(error)")
                }
            }
            if isLast { break }
            index += 1
        }
        if let output { try? output.synchronize() }
        return Hex.encode(hasher.finalize())
    }

    struct Keys {
        var aes: SymmetricKey
        var check: [UInt8]
    }

    static func deriveKeys(_ passphrase: String, header: [UInt8], logN: Int = PasswordHash.logN,
                           r: Int = PasswordHash.blockSize,
                           p: Int = PasswordHash.parallelism) throws(LedgerError) -> Keys {
        let bytes: [UInt8]
        do {
            bytes = try PasswordHash.derive(passphrase, salt: Array(header[16..<32]), logN: logN, r: r, p: p, count: 64)
        } catch {
            throw .storage("key derivation failed: \(error)")
        }
        let mac = HMAC<SHA256>.authenticationCode(for: header.prefix(36), using: SymmetricKey(data: bytes[32..<64]))
        return Keys(aes: SymmetricKey(data: bytes[0..<32]), check: Array(Array(mac).prefix(16)))
    }

    static func nonce(_ index: UInt64) throws -> AES.GCM.Nonce {
        try AES.GCM.Nonce(data: [0, 0, 0, 0] + bigEndian(index))
    }

    static func additionalData(_ header: [UInt8], _ index: UInt64, _ isLast: Bool) -> [UInt8] {
        header + bigEndian(index) + [isLast ? 1 : 0]
    }

    static func bigEndian<T: FixedWidthInteger>(_ value: T) -> [UInt8] {
        withUnsafeBytes(of: value.bigEndian) { Array($0) }
    }

    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for (x, y) in zip(a, b) { difference |= x ^ y }
        return difference == 0
    }
}
