import Testing

@Test func placeholder_LedgerCoreTests() { #expect(1 + 1 == 2) }
