import Testing

@Test func placeholder_TerminalUITests() { #expect(1 + 1 == 2) }
