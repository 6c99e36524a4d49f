import Foundation
import LedgerCore
import LedgerInterop
import LedgerStore

/// The practice ledger's file: made from the generated sample (30 customers, 300 invoices, seed 16: small and quick),
/// marked as practice in the same transaction, replaced in one step by `reset`.
enum TrainingFiles {
    static let customers = 30
    static let invoices = 300
    static let seed: UInt64 = 16

    /// `global` pointed at the practice ledger of its real ledger.
    static func practiceOptions(_ global: GlobalOptions) throws -> GlobalOptions {
        guard !global.practice else {
            throw UserError("train: --practice is implied (give --db the REAL ledger; the practice one is beside it)")
        }
        var options = global
        options.practice = true
        return options
    }

    /// Makes the practice ledger when it is missing; refuses a file there that is not a practice ledger.
    /// - Returns: its path.
    @discardableResult
    static func ensure(_ global: GlobalOptions, language: SampleGenerator.Language) throws -> String {
        let path = PracticeLedger.path(forRealLedger: global.realDatabasePath)
        guard path != global.realDatabasePath else {
            throw UserError("\(path): the practice ledger cannot be the real ledger")
        }
        if FileManager.default.fileExists(atPath: path) {
            guard try SQLiteLedgerStore.practiceMarker(inFile: path) != nil else {
                throw UserError("\(path) exists and is not a practice ledger: nothing was changed (move it away first)")
            }
            return path
        }
        FileHandle.standardError.write(Data("salesledger: preparing the practice ledger \(path)…\n".utf8))
        do {
            let store = try SQLiteLedgerStore(path: path)
            let service = LedgerService(store: store, clock: try global.clock(), actor: global.actor, role: .admin)
            let cities = try SampleGenerator.loadCities(directory: try TUILauncher.sampleFolder("cn-regions"))
            let generator = SampleGenerator(
                language: language, customers: customers, invoices: invoices, seed: seed,
                today: service.clock.today(), cities: cities)
            _ = try service.runBatch { runner -> LoadReport in
                if language == .zh { try SampleClasses.importChinaRegions(runner) }
                let report = try generator.load(into: runner)
                try runner.run(MarkPracticeLedger(language: language.rawValue))
                return report
            }
        } catch {
            removeFiles(path)
            throw error
        }
        return path
    }

    /// Replaces the practice ledger by a fresh one in one step; refuses unless the file is marked as practice.
    static func reset(_ global: GlobalOptions, language: SampleGenerator.Language) throws -> String {
        let path = PracticeLedger.path(forRealLedger: global.realDatabasePath)
        if FileManager.default.fileExists(atPath: path) {
            guard try SQLiteLedgerStore.practiceMarker(inFile: path) != nil else {
                throw UserError("\(path) is not a practice ledger: it is never reset")
            }
            removeFiles(path)
        }
        return try ensure(global, language: language)
    }

    /// The file and its sidecars (`-wal`, `-shm`, `.audit-head`, drafts, locks).
    static func removeFiles(_ path: String) {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        let name = url.lastPathComponent
        let sidecars = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        for entry in sidecars where entry == name || entry.hasPrefix(name + ".") || entry.hasPrefix(name + "-") {
            try? FileManager.default.removeItem(atPath: folder + "/" + entry)
        }
    }

    /// The sample language: `--sample`, else the UI language.
    static func language(_ option: String?, global: GlobalOptions) throws -> SampleGenerator.Language {
        if let option {
            guard let language = SampleGenerator.Language(rawValue: option.lowercased()) else {
                throw UserError("--sample: zh or en, not '\(option)'")
            }
            return language
        }
        return global.isChinese ? .zh : .en
    }

    /// A training session: the practice ledger (made when missing) and the real ledger for the scores.
    static func session(_ global: GlobalOptions, sample: String? = nil) throws -> TrainingSession {
        let practiceGlobal = try practiceOptions(global)
        let (_, realService) = try global.openLedger()
        try ensure(global, language: try language(sample, global: global))
        let (store, service) = try practiceGlobal.openLedger()
        service.actor = realService.actor
        return TrainingSession(practice: service, practiceQueries: store, real: realService, chinese: global.isChinese)
    }
}
