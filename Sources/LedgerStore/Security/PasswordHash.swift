import Crypto
import Foundation
import _CryptoExtras

/// Salted, slow password hashes: scrypt (RFC 7914) from swift-crypto's `_CryptoExtras` (BoringSSL).
///
/// Parameters: N = 2^15 (cost), r = 8 (block size), p = 1 (parallelism) — 32 MiB of memory and about 0.1 s per
/// guess on one core; salt 16 random bytes; 32-byte output. Stored as `scrypt$15$8$1$<salt hex>$<hash hex>`,
/// so the cost can be raised later without breaking stored hashes. The same KDF derives backup encryption keys.
public enum PasswordHash {
    public static let logN = 15
    public static let blockSize = 8
    public static let parallelism = 1

    /// A new salted hash of `password`.
    public static func make(_ password: String) throws -> String {
        var salt = [UInt8](repeating: 0, count: 16)
        var generator = SystemRandomNumberGenerator()
        for i in salt.indices { salt[i] = UInt8.random(in: 0...255, using: &generator) }
        let key = try derive(password, salt: salt, logN: logN, r: blockSize, p: parallelism, count: 32)
        return "scrypt$\(logN)$\(blockSize)$\(parallelism)$\(Hex.encode(salt))$\(Hex.encode(key))"
    }

    /// Whether `password` matches `stored` (constant-time comparison of the derived bytes).
    public static func verify(_ password: String, against stored: String) -> Bool {
        let parts = stored.split(separator: "$").map(String.init)
        guard parts.count == 6, parts[0] == "scrypt", let n = Int(parts[1]), let r = Int(parts[2]),
        let p = Int(parts[3]),
              (10...20).contains(n), let salt = Hex.decode(parts[4]), let expected = Hex.decode(parts[5]),
              let actual = try? derive(password, salt: salt, logN: n, r: r, p: p, count: expected.count)
        else { return false }
        var difference: UInt8 = 0
        for (a, b) in zip(actual, expected) { difference |= a ^ b }
        return difference == 0 && actual.count == expected.count
    }

    /// scrypt of `password` (UTF-8) with the given parameters.
    public static func derive(_ password: String, salt: [UInt8], logN: Int, r: Int, p: Int,
                              count: Int) throws -> [UInt8] {
        let key = try KDF.Scrypt.deriveKey(from: Array(password.utf8), salt: salt, outputByteCount: count,
                                           rounds: 1 << logN, blockSize: r, parallelism: p)
        return key.withUnsafeBytes { Array($0) }
    }
}
