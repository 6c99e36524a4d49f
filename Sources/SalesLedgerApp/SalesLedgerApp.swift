// SalesLedgerApp — see DECISIONS.md
