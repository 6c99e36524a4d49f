import LedgerCore

extension DataImport {
    /// The customer columns that are fapiao details.
    static let taxKeys: Set<String> = ["tax_id", "invoice_title", "address_phone", "bank_account"]

    /// A customer row's fapiao details when the file has any tax column: 纳税人识别号 checked per GB 32100-2015 (check
    /// character of the 18-character code; 15 and 20 characters for form only), the texts at most 100 characters.
    /// Problems name the column. Nil when the file has no tax column.
    func checkTaxColumns(_ cells: [String], problem: (String, String) -> Void) -> CustomerTaxDetails? {
        guard !DataImport.taxKeys.isDisjoint(with: columns.keys) else { return nil }
        var details = CustomerTaxDetails(invoiceTitle: cell(cells, "invoice_title"),
                                         addressPhone: cell(cells, "address_phone"),
                                         bankAccount: cell(cells, "bank_account"))
        let raw = cell(cells, "tax_id")
        if !raw.isEmpty {
            do { details.taxID = try TaxpayerID(parsing: raw).text } catch { problem("tax_id", error.english) }
        }
        for key in ["invoice_title", "address_phone", "bank_account"] where cell(cells, key).count > 100 {
            problem(key, "is longer than 100 characters")
        }
        return details
    }
}
