import LedgerCore

/// The classes of one dimension by code, read once per command, for showing names instead of codes in tables.
enum CLIClassNames {
    /// Code → class of `dimension` (`region`, `channel` …); empty when the ledger has no such dimension.
    static func nodes(_ store: any LedgerStore, _ dimension: String) throws -> [String: ClassNode] {
        var nodes: [String: ClassNode] = [:]
        for node in try store.classNodes(dimension: dimension) { nodes[node.code] = node }
        return nodes
    }
}
