import LedgerCore
import LedgerInterop

/// The set-up wizard's optional CSV files: products and customers imported with the `import products|customers`
/// engine (`DataImport`: English or Chinese headers, any of the encodings and separators, every row checked).
/// Both files are checked with a dry run first; only when neither has a rejected row are they imported (products
/// first), so a bad customers file never leaves the products half-done and the wizard can be saved again. Rows of
/// codes already in the ledger update them (`--update`), so a file saved again reports them unchanged.
enum SetupImport {
    /// One file to import: kind and path (empty paths are skipped).
    struct File {
        var kind: ImportKind
        var path: String
    }

    /// Imports `files` in order; returns what was imported with the CLI's figures (`ImportCounts`: "products 3
    /// imported, 1 unchanged, 0 rejected; customers …") or throws a message naming the file, the rows rejected
    /// and the row and column of the first problems.
    static func run(_ files: [File], currency: Currency, context: AppContext) throws(SetupImportError) -> String {
        let s = context.strings
        var settings = ImportSettings()
        settings.currency = currency
        settings.today = context.today
        settings.update = true
        var plans: [(File, DataImport)] = []
        for file in files where !file.path.trimmingCharacters(in: .whitespaces).isEmpty {
            let path = file.path.trimmingCharacters(in: .whitespaces)
            do {
                let delimited = try DelimitedFile.read(path: path)
                plans.append((file, try DataImport(file: delimited, kind: file.kind, settings: settings)))
            } catch {
                throw SetupImportError(message: "\(path): \(s.core(String(describing: error)))")
            }
        }
        // Dry runs first: ledger checks included, nothing written.
        for (file, plan) in plans {
            do {
                let result = try plan.run(service: context.service, dryRun: true)
                if !result.rejected.isEmpty {
                    let counts = ImportCounts(plan, result)
                    let problems = result.rejected.problems(limit: 3).prefix(3).map { s.core($0.description) }
                    // The problems first: a long path leaves the status line little room.
                    throw SetupImportError(message: s.t("\(file.path): nothing imported; ", "\(file.path)：未导入；")
                                           + problems.joined(separator: s.t("; ", "；"))
                                           + s.t(" (\(counts.rejected) of \(counts.checked) row(s) rejected)",
                                                 "（\(counts.checked) 行中 \(counts.rejected) 行被拒绝）"))
                }
            } catch let error as SetupImportError {
                throw error
            } catch {
                throw SetupImportError(message: "\(file.path): \(s.core(String(describing: error)))")
            }
        }
        var done: [String] = []
        for (file, plan) in plans {
            do {
                let result = try plan.run(service: context.service, dryRun: false)
                context.dataChanged()
                done.append(describe(ImportCounts(plan, result), kind: file.kind, s))
            } catch {
                throw SetupImportError(message: "\(file.path): \(s.core(String(describing: error)))")
            }
        }
        return done.joined(separator: s.t("; ", "；"))
    }

    /// One file's figures (`ImportCounts`, as the CLI counts them): `products 3 imported, 1 unchanged, 0 rejected`
    /// (imported: created or updated).
    static func describe(_ counts: ImportCounts, kind: ImportKind, _ s: Strings) -> String {
        let what = kind == .products ? s.t("products", "商品") : s.t("customers", "客户")
        let imported = counts.created + counts.updated
        return s.t("\(what) \(imported) imported, \(counts.unchanged) unchanged, \(counts.rejected) rejected",
                   "\(what) 导入 \(imported) 条，未变 \(counts.unchanged) 条，拒绝 \(counts.rejected) 条")
    }
}

/// Why the wizard's import did not happen, worded for the status line.
struct SetupImportError: Error, Equatable {
    var message: String
}
