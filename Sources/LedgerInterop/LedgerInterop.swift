// LedgerInterop
