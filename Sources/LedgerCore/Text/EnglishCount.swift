/// An English count with its noun in the right number: `counted(1, "finding")` → `1 finding`, `counted(2,
/// "entry", plural: "entries")` → `2 entries`. Messages say this rather than `1 findings` or `finding(s)`.
public func counted(_ n: Int, _ noun: String, plural: String? = nil) -> String {
    "\(n) " + (n == 1 ? noun : plural ?? noun + "s")
}
