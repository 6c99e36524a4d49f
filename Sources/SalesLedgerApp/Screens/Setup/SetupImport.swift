import LedgerCore
import LedgerInterop

/// The set-up wizard's optional CSV files: products and customers imported with the `import products|customers`
/// engine (`DataImport`: English or Chinese headers, any of the encodings and separators, every row checked).
/// Both files are checked with a dry run first; only when neither has a rejected row are they imported (products
/// first), so a bad customers file never leaves the products half-done and the wizard can be saved again.
enum SetupImport {
    /// One file to import: kind and path (empty paths are skipped).
    struct File {
        var kind: ImportKind
        var path: String
    }

    /// Imports `files` in order; returns "3 products, 2 customers imported" or throws a message naming the file,
    /// row and column of the first problems.
    static func run(_ files: [File], currency: Currency, context: AppContext) throws(SetupImportError) -> String {
        let s = context.strings
        var settings = ImportSettings()
        settings.currency = currency
        settings.today = context.today
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
                    let problems = result.rejected.problems(limit: 3).prefix(3).map { s.core($0.description) }
                    throw SetupImportError(message: s.t("\(file.path): nothing imported; ", "\(file.path)：未导入；")
                                           + problems.joined(separator: "; "))
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
                let count = result.outcome.created + result.outcome.updated
                done.append(file.kind == .products ? s.t(counted(count, "product"), "\(count) 个商品")
                                                   : s.t(counted(count, "customer"), "\(count) 个客户"))
            } catch {
                throw SetupImportError(message: "\(file.path): \(s.core(String(describing: error)))")
            }
        }
        return done.isEmpty ? "" : s.t("imported ", "已导入 ") + done.joined(separator: s.t(", ", "，"))
    }
}

/// Why the wizard's import did not happen, worded for the status line.
struct SetupImportError: Error, Equatable {
    var message: String
}
