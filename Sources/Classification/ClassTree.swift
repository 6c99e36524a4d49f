import LedgerCore

/// A dimension's classes as a tree (region: country → province → city; category → sub-category).
///
/// Codes not in the tree (e.g. a region typed by hand that is no class) are treated as top-level leaves, so
/// roll-ups never drop an amount.
public struct ClassTree: Sendable {
    public let dimension: String
    public private(set) var nodes: [String: ClassNode] = [:]
    /// Codes in tree order: parents before children, siblings by sort order.
    public private(set) var ordered: [String] = []
    private var children: [String: [String]] = [:]

    /// Builds the tree from `nodes` (any order). A parent that is missing makes the class a root.
    public init(dimension: String, nodes list: [ClassNode]) {
        self.dimension = dimension
        for node in list { nodes[node.code] = node }
        for node in list.sorted(by: { ($0.sortOrder, $0.code) < ($1.sortOrder, $1.code) }) {
            let parent = nodes[node.parentCode] != nil ? node.parentCode : ""
            children[parent, default: []].append(node.code)
        }
        var seen = Set<String>()
        func visit(_ code: String) {
            for child in children[code] ?? [] where seen.insert(child).inserted {
                ordered.append(child)
                visit(child)
            }
        }
        visit("")
    }

    public func node(_ code: String) -> ClassNode? { nodes[code] }
    public func children(of code: String) -> [String] { children[code] ?? [] }

    /// The parent code, nil for a root or an unknown code.
    public func parent(of code: String) -> String? {
        guard let p = nodes[code]?.parentCode, !p.isEmpty, nodes[p] != nil else { return nil }
        return p
    }

    /// `code` and its ancestors, nearest first (`CN-33-01`, `CN-33`, `CN`). Stops on a cycle.
    public func path(of code: String) -> [String] {
        var out = [code]
        var seen: Set<String> = [code]
        var current = code
        while let p = parent(of: current), seen.insert(p).inserted {
            out.append(p)
            current = p
        }
        return out
    }

    /// Depth of a class: 0 for a root (and for unknown codes).
    public func depth(of code: String) -> Int { path(of: code).count - 1 }

    /// `code` and all classes below it.
    public func descendants(of code: String) -> [String] {
        var out: [String] = []
        var stack = [code]
        var seen = Set<String>()
        while let c = stack.popLast() {
            guard seen.insert(c).inserted else { continue }
            out.append(c)
            stack += children[c]?.reversed() ?? []
        }
        return out
    }

    /// The ancestor of `code` at `depth` (0 = root); the code itself when it is not that deep.
    public func ancestor(of code: String, atDepth depth: Int) -> String {
        let path = self.path(of: code)
        let index = path.count - 1 - depth
        return index >= 0 ? path[index] : code
    }

    /// Display name of a class in the UI language; the code itself when unknown.
    public func label(_ code: String, chinese: Bool) -> String { nodes[code]?.name(chinese: chinese) ?? code }
}
