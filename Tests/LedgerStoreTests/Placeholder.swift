import Testing

@Test func placeholder_LedgerStoreTests() { #expect(1 + 1 == 2) }
