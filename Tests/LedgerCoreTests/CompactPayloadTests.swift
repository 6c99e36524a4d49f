import Testing
@testable import LedgerCore

/// Issue 10: the hand-written payloads of the bulk commands are byte for byte what `CompactJSONEncoder` writes
/// from their `Encodable` conformance, for every member set or left at its default.
@Suite struct CompactPayloadTests {
    let date = CivilDate(iso: "2026-03-05")!

    func codable<C: Encodable>(_ command: C) -> String { CompactJSONEncoder().encode(command) ?? "{}" }

    @Test func postInvoiceMatchesTheEncoder() {
        var posts: [PostInvoice] = []
        let lines = [
            LineInput(productSKU: "P001", quantity: Quantity(3), discount: Rate(basisPoints: 500)),
            LineInput(description: "运费 \"freight\"\nline 2\t\\", quantity: Quantity(thousandths: -1500),
                      unitPrice: Money(minorUnits: 12_345, currency: .cny), taxRate: Rate(basisPoints: 0)),
            LineInput(productSKU: "", description: "", quantity: Quantity(0)),
        ]
        posts.append(PostInvoice(customerCode: "C0001", date: date, lines: [lines[0]]))
        posts.append(PostInvoice(customerCode: "客户\u{1}", date: date, lines: []))
        var full = PostInvoice(customerCode: "C0002", date: date, lines: lines)
        full.dueDate = CivilDate(iso: "2026-04-30")
        full.paymentTerms = .endOfMonthPlusDays(30)
        full.salespersonCode = "S01"
        full.channel = "DEALER"
        full.region = "CN-33-01"
        full.series = "INV"
        full.asDraft = true
        full.externalReference = "B-17"
        full.note = "note / 备注"
        full.creditOverrideReason = "sample data"
        full.replacesDraftID = 0
        posts.append(full)
        var empties = full
        empties.salespersonCode = ""
        empties.channel = ""
        empties.series = ""
        empties.replacesDraftID = 42
        empties.asDraft = false
        posts.append(empties)
        for post in posts {
            #expect(AuditJSON.payload(post) == codable(post))
        }
        #expect(AuditJSON.payload(posts[0]) == #"{"customerCode":"C0001","date":"2026-03-05","lines":"#
                + #"[{"discount":500,"productSKU":"P001","quantity":3000}],"series":"INV"}"#)
    }

    @Test func recordReceiptMatchesTheEncoder() {
        let amount = Money(minorUnits: 99_00, currency: .cny)
        var receipts: [RecordReceipt] = []
        for plan in [AllocationPlan.auto, .none, .manual([]),
                     .manual([ManualAllocation(invoiceNumber: "INV-2026-000001", amount: amount),
                              ManualAllocation(invoiceNumber: "", amount: Money(minorUnits: 0, currency: .usd))])] {
            for method in PaymentMethod.allCases {
                var receipt = RecordReceipt(customerCode: "C0003", date: date, amount: amount, allocation: plan)
                receipt.method = method
                receipts.append(receipt)
            }
        }
        var noted = receipts[3]
        noted.reference = "交易单号 4200"
        noted.note = "\"quoted\""
        noted.series = ""
        receipts.append(noted)
        for receipt in receipts {
            #expect(AuditJSON.payload(receipt) == codable(receipt))
        }
    }

    /// `CreateCustomer` (s32-import): every member set, each left at its default, every payment-terms form, a
    /// credit limit of 0 and of more, texts that need escapes.
    @Test func createCustomerMatchesTheEncoder() {
        var commands = [CreateCustomer(CustomerFields(code: "IMP-0001", name: "导入客户1"))]
        var full = CustomerFields(code: "C\"1", name: "Quote \"Co\" \\ 星河\n")
        full.contact = "王五"
        full.phone = "+86 10 1234"
        full.email = "a@b.cn"
        full.address = "北京\t路 1 号"
        full.region = "CN-11"
        full.channel = "DEALER"
        full.customerClass = "A"
        full.creditLimit = Money(minorUnits: 1_000_000, currency: .jpy)
        full.paymentTerms = .installments([.init(share: Rate(basisPoints: 5_000), days: 30),
                                           .init(share: Rate(basisPoints: 5_000), days: 60)])
        full.currency = .jpy
        full.notes = "别名：老三"
        commands.append(CreateCustomer(full))
        for terms in [PaymentTerms.net(days: 0), .netMonths(2), .endOfMonthPlusDays(30), .endOfMonthPlusMonths(1)] {
            var fields = full
            fields.paymentTerms = terms
            fields.creditLimit = Money(minorUnits: 0, currency: .cny)
            fields.email = ""
            fields.notes = ""
            commands.append(CreateCustomer(fields))
        }
        for text in [\CustomerFields.contact, \.phone, \.email, \.address, \.region, \.channel, \.customerClass,
                     \.notes, \.name, \.code] {
            var fields = full
            fields[keyPath: text] = ""
            fields.creditLimit = nil
            commands.append(CreateCustomer(fields))
        }
        for command in commands {
            #expect(command.compactPayload() == codable(command), "\(command.fields)")
            #expect(AuditJSON.payload(command) == codable(command))
        }
    }

    /// `quote` copies a text with nothing to escape at once (s32-import) and escapes the others byte by byte: the
    /// bytes of both ways are those of the byte-by-byte reading for every control byte, quote, backslash, DEL,
    /// non-ASCII text and an escape only at the end of a long text.
    @Test func quoteWritesTheBytesOfTheByteLoop() {
        func reference(_ s: String) -> [UInt8] {
            var out: [UInt8] = [34]
            let hex = Array("0123456789abcdef".utf8)
            for byte in s.utf8 {
                switch byte {
                case 34: out += [92, 34]
                case 92: out += [92, 92]
                case 10: out += [92, 110]
                case 13: out += [92, 114]
                case 9: out += [92, 116]
                case 0..<32: out += [92, 117, 48, 48, hex[Int(byte >> 4)], hex[Int(byte & 15)]]
                default: out.append(byte)
                }
            }
            return out + [34]
        }
        var texts = ["", "plain", "客户 星河", "\"", "\\", "a\r\nb", "\u{7f}", "e\u{301}\\\u{301}",
                     "𝄞 emoji 🇨🇳",
                     String(repeating: "长", count: 10_000) + "\t", String(repeating: "x", count: 4_096)]
        texts += (0..<32).map { "a" + String(UnicodeScalar(UInt8($0))) + "b" }
        for text in texts {
            var out: [UInt8] = [1, 2]
            CompactJSONEncoder.quote(text, into: &out)
            #expect(out == [1, 2] + reference(text), "\(text.debugDescription)")
        }
    }
}
