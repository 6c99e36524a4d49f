import Foundation
import LedgerAudit
import LedgerCore
import LedgerInterop
import LedgerStore
import Testing

/// s35-fix: `control.over-limit` said "pass" while customers were over their credit limit from bulk-loaded history
/// (their invoices passed credit control by the loader's override, so they were only counted in a note; a limit set
/// after the load made it plain). Each such customer is now an observation (info): the check says so, a generated
/// ledger stays free of findings, and a customer over its limit from live invoices is still a warning beside them.
@Suite struct OverLimitHistoryTests {
    @Test(arguments: [AuditLanguage.en, .zh]) func bulkLoadedCustomersOverTheirLimitAreObservations(
        language: AuditLanguage) throws {
        let l = try AuditTestLedger()
        let today = CivilDate(iso: "2026-11-27")!
        let generator = SampleGenerator(language: .zh, customers: 20, invoices: 300, seed: 5, today: today, cities: [])
        _ = try l.service("2026-11-27", actor: "loader").runBatch { try generator.load(into: $0) }
        let (from, to) = AuditParameters.defaultPeriod(today: today)
        let balances = try l.store.auditCustomerBalances(asOf: to)
        // The generated history already puts some customers over their limit (the loader overrides credit control).
        let over = balances.filter { row in
            row.customer.creditLimit.map { $0.currency == row.currency && row.balance > $0.minorUnits } ?? false
        }.map(\.customer.code)
        try #require(!over.isEmpty, "the generated ledger has customers over their limit from its history")
        let owing = balances.filter { $0.balance > 100 && $0.currency == .cny && !over.contains($0.customer.code) }
            .prefix(2).map(\.customer)
        try #require(owing.count == 2)
        var run = try l.audit(from: from.description, to: to.description, language: language)
        var check = try #require(run.checks.first { $0.id == "control.over-limit" })
        #expect(check.findings.map(\.customer) == over)
        #expect(check.status(language) == language.t("\(over.count) observation" + (over.count == 1 ? "" : "s"),
                                                     "\(over.count) 项观察"))
        #expect(check.headline(language).hasPrefix("[\(AuditSeverity.info.label(language))]"))
        // The first customer's limit is set below its bulk-loaded balance.
        var fields = CustomerFields(code: owing[0].code, name: owing[0].name)
        fields.creditLimit = Money(minorUnits: 100, currency: .cny)
        try l.service("2026-11-27", actor: "manager").run(UpdateCustomer(id: owing[0].id, fields: fields))
        run = try l.audit(from: from.description, to: to.description, language: language)
        check = try #require(run.checks.first { $0.id == "control.over-limit" })
        let mine = try #require(check.findings.first { $0.customer == owing[0].code })
        #expect(check.findings.count == over.count + 1 && mine.severity == .info)
        #expect(mine.message.hasSuffix(language.t(" (bulk-loaded history only)", "（仅因批量导入的历史数据）")))
        #expect(run.findings.isEmpty, "\(run.findings.map(\.message))")
        // A live invoice over the second customer's limit: a warning beside the observation.
        fields = CustomerFields(code: owing[1].code, name: owing[1].name)
        fields.creditLimit = Money(minorUnits: 100, currency: .cny)
        try l.service("2026-11-27", actor: "manager").run(UpdateCustomer(id: owing[1].id, fields: fields))
        try l.invoice(owing[1].code, to.description, "5.00", override: "test")
        run = try l.audit(from: from.description, to: to.description, language: language)
        check = try #require(run.checks.first { $0.id == "control.over-limit" })
        #expect(check.findings.filter { $0.severity == .warning }.map(\.customer) == [owing[1].code])
        let seen = over.count + 1
        #expect(check.status(language) == language.t("1 finding, \(seen) observations", "1 项发现，\(seen) 项观察"))
        #expect(run.findings.filter { $0.check == "control.over-limit" }.map(\.customer) == [owing[1].code])
    }
}
