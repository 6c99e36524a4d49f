// LedgerCore
