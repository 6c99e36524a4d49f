@testable import Classification
import LedgerCore
import Testing

@Suite struct ClassificationRuleTests {
    @Test func rfmQuintilesShareScoresOnTiesAndMapToSegments() {
        #expect(RFMAnalysis.quintiles([10, 20, 30, 40, 50]) == [1, 2, 3, 4, 5])
        #expect(RFMAnalysis.quintiles([5, 5, 5, 9, 9]) == [1, 1, 1, 4, 4])
        #expect(RFMAnalysis.quintiles([7]) == [1])
        let s = { (r: Int, f: Int, m: Int) in RFMAnalysis.segment(.init(recency: r, frequency: f, monetary: m)) }
        #expect(s(5, 5, 4) == "champions")
        #expect(s(3, 3, 4) == "loyal")
        #expect(s(5, 1, 2) == "promising")
        #expect(s(3, 1, 1) == "needs_attention")
        #expect(s(1, 5, 5) == "at_risk")
        #expect(s(2, 1, 2) == "hibernating")
        #expect(s(1, 1, 1) == "lost")
    }

    @Test func abcBoundaryItemStaysInTheUpperClass() {
        let items = [("X", 50), ("Y", 35), ("Z", 10), ("W", 5), ("V", 0)].enumerated().map {
            ABCAnalysis.Item(id: Int64($0.offset), code: $0.element.0, currency: .cny, revenue: Int64($0.element.1))
        }
        let classes = ABCAnalysis.classify(items).map(\.classCode)
        // X: 0 % before → A; Y: 50 % before → A; Z: 85 % → B; W: 95 % → C; V no revenue → C.
        #expect(classes == ["A", "A", "B", "C", "C"])
        let strict = ABCAnalysis.classify(items, thresholds: ABCThresholds(aShareBP: 5000, bShareBP: 4000)).map(\.classCode)
        #expect(strict == ["A", "B", "B", "C", "C"])
    }

    @Test func paymentRiskThresholds() {
        let t = PaymentRiskThresholds()
        #expect(PaymentRisk.riskClass(invoices: 4, lateInvoices: 0, totalDaysLate: 0, thresholds: t) == "low")
        #expect(PaymentRisk.riskClass(invoices: 4, lateInvoices: 1, totalDaysLate: 3, thresholds: t) == "medium")
        #expect(PaymentRisk.riskClass(invoices: 4, lateInvoices: 2, totalDaysLate: 4, thresholds: t) == "high")
        #expect(PaymentRisk.riskClass(invoices: 10, lateInvoices: 1, totalDaysLate: 150, thresholds: t) == "high")
        #expect(PaymentRisk.riskClass(invoices: 10, lateInvoices: 1, totalDaysLate: 49, thresholds: t) == "low")
    }
}
