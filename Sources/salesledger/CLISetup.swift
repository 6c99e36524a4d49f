import Foundation
import LedgerStore

/// Process-wide CLI settings made before a command runs: the language, and where a writer that waits for another
/// program's lock says so (stderr).
enum CLISetup {
    static func install(arguments: [String]) {
        CLIChinese.isOn = CLIChinese.detect(arguments: arguments, environment: ProcessInfo.processInfo.environment)
        StoreAccess.waitReporter = { message in
            FileHandle.standardError.write(Data(("salesledger: " + CLIChinese.message(message) + "\n").utf8))
        }
    }
}
