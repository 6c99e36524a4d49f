/// Hand-written audit payloads of the commands a bulk load runs by the million (issue 10): the same bytes as
/// `CompactJSONEncoder` (sorted keys, defaults left out, `Money` as `"<minor> <code>"`, `Rate` and `Quantity` as
/// numbers), without the `Encodable` machinery, which was the largest single cost of a generated invoice after
/// SQLite. `CompactPayloadTests` compares both for many commands.
protocol CompactAuditPayload {
    /// The compact payload; members must be written in sorted key order.
    func compactPayload() -> String
}

/// One JSON object written member by member; every writer leaves out the default its value has in the compact
/// form (nil, false, "", an empty array or object).
struct CompactObjectWriter {
    private(set) var bytes: [UInt8] = [123]
    private var isEmpty = true

    /// A member's name: a literal that needs no escape, copied as it is (s32-import: quoting each name again
    /// for every record of a bulk load was a third of the payload's cost).
    private mutating func key(_ name: StaticString) {
        if !isEmpty { bytes.append(44) }
        isEmpty = false
        bytes.append(34)
        bytes.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
        bytes.append(34)
        bytes.append(58)
    }

    mutating func string(_ name: StaticString, _ value: String?) {
        guard let value, !value.isEmpty else { return }
        key(name)
        CompactJSONEncoder.quote(value, into: &bytes)
    }

    mutating func number<N: BinaryInteger>(_ name: StaticString, _ value: N?) {
        guard let value else { return }
        key(name)
        bytes.append(contentsOf: String(value).utf8)
    }

    mutating func bool(_ name: StaticString, _ value: Bool) {
        guard value else { return }
        key(name)
        bytes.append(contentsOf: "true".utf8)
    }

    mutating func money(_ name: StaticString, _ value: Money?) {
        string(name, value.map { "\($0.minorUnits) \($0.currency.code)" })
    }

    /// A nested object or array given as its written bytes (nil: left out).
    mutating func raw(_ name: StaticString, _ value: [UInt8]?) {
        guard let value else { return }
        key(name)
        bytes.append(contentsOf: value)
    }

    /// The object's bytes, or nil when every member was left out (the object itself is then a default).
    func finished() -> [UInt8]? { isEmpty ? nil : bytes + [125] }

    /// `[a,b,…]` of written elements, or nil for an empty array; an element that is nil is written as `{}`.
    static func array(_ elements: [[UInt8]?]) -> [UInt8]? {
        guard !elements.isEmpty else { return nil }
        var out: [UInt8] = [91]
        for (index, element) in elements.enumerated() {
            if index > 0 { out.append(44) }
            out.append(contentsOf: element ?? [123, 125])
        }
        out.append(93)
        return out
    }

    static func text(_ object: [UInt8]?) -> String { String(decoding: object ?? Array("{}".utf8), as: UTF8.self) }
}

extension LineInput {
    var compactObject: [UInt8]? {
        var w = CompactObjectWriter()
        w.string("description", description)
        w.number("discount", discount.basisPoints)
        w.string("productSKU", productSKU)
        w.number("quantity", quantity.thousandths)
        w.number("taxRate", taxRate?.basisPoints)
        w.money("unitPrice", unitPrice)
        return w.finished()
    }
}

extension PostInvoice: CompactAuditPayload {
    func compactPayload() -> String {
        var w = CompactObjectWriter()
        w.bool("asDraft", asDraft)
        w.string("channel", channel)
        w.string("creditOverrideReason", creditOverrideReason)
        w.string("customerCode", customerCode)
        w.string("date", date.description)
        w.string("dueDate", dueDate?.description)
        w.string("externalReference", externalReference)
        w.raw("lines", CompactObjectWriter.array(lines.map { $0.compactObject }))
        w.string("note", note)
        w.string("paymentTerms", paymentTerms?.code)
        w.string("region", region)
        w.number("replacesDraftID", replacesDraftID)
        w.string("salespersonCode", salespersonCode)
        w.string("series", series)
        return CompactObjectWriter.text(w.finished())
    }
}

extension CreateCustomer: CompactAuditPayload {
    /// (s32-import: an import of new customers wrote each one's payload through `Encodable`.)
    func compactPayload() -> String {
        var f = CompactObjectWriter()
        f.string("address", fields.address)
        f.string("channel", fields.channel)
        f.string("code", fields.code)
        f.string("contact", fields.contact)
        f.money("creditLimit", fields.creditLimit)
        f.string("currency", fields.currency.code)
        f.string("customerClass", fields.customerClass)
        f.string("email", fields.email)
        f.string("name", fields.name)
        f.string("notes", fields.notes)
        f.string("paymentTerms", fields.paymentTerms.code)
        f.string("phone", fields.phone)
        f.string("region", fields.region)
        var w = CompactObjectWriter()
        w.raw("fields", f.finished())
        return CompactObjectWriter.text(w.finished())
    }
}

extension RecordReceipt: CompactAuditPayload {
    func compactPayload() -> String {
        var w = CompactObjectWriter()
        if case .manual(let allocations) = allocation {
            let items = allocations.map { item -> [UInt8]? in
                var a = CompactObjectWriter()
                a.money("amount", item.amount)
                a.string("invoiceNumber", item.invoiceNumber)
                return a.finished()
            }
            var inner = CompactObjectWriter()
            inner.raw("_0", CompactObjectWriter.array(items))
            var plan = CompactObjectWriter()
            plan.raw("manual", inner.finished())
            w.raw("allocation", plan.finished())
        }
        w.money("amount", amount)
        w.string("customerCode", customerCode)
        w.string("date", date.description)
        w.string("method", method.rawValue)
        w.string("note", note)
        w.string("reference", reference)
        w.string("series", series)
        return CompactObjectWriter.text(w.finished())
    }
}
