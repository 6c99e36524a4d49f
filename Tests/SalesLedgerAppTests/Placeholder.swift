import Testing

@Test func placeholder_SalesLedgerAppTests() { #expect(1 + 1 == 2) }
