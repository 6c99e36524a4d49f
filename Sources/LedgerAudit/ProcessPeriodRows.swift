import LedgerCore

extension ProcessMetrics {
    /// Record ids in ascending order, found by binary search (issue 10): 8 bytes an id, where a `Set<Int64>` of a
    /// quarter's ~170k ids at 1M invoices took several times that. Positions (`index(of:)`) key parallel arrays.
    struct SortedIDs {
        private(set) var ids: [Int64]

        /// `ids` in any order; repeats are dropped.
        init(_ ids: [Int64] = []) {
            var sorted = ids
            if !Self.isAscending(sorted) { sorted.sort() }
            var unique: [Int64] = []
            unique.reserveCapacity(sorted.count)
            for id in sorted where unique.last != id { unique.append(id) }
            self.ids = unique
        }

        var isEmpty: Bool { ids.isEmpty }
        var count: Int { ids.count }

        /// The position of `id`, or nil when it is not one of the ids.
        func index(of id: Int64) -> Int? {
            var low = 0
            var high = ids.count
            while low < high {
                let mid = (low + high) / 2
                if ids[mid] < id { low = mid + 1 } else { high = mid }
            }
            return low < ids.count && ids[low] == id ? low : nil
        }

        /// `ids` already ascending, repeats kept (rows that parallel arrays describe one by one).
        init(ascending ids: [Int64]) { self.ids = ids }

        func contains(_ id: Int64) -> Bool { index(of: id) != nil }

        static func isAscending(_ ids: [Int64]) -> Bool {
            zip(ids, ids.dropFirst()).allSatisfy { $0 <= $1 }
        }
    }

    /// Who did something to the records of a `SortedIDs`, one byte each: unknown, the filtered user, someone else.
    struct ActorMarks {
        enum Mark: UInt8 { case unknown = 0, user, other }
        private var marks: [UInt8]

        init(count: Int) { marks = Array(repeating: Mark.unknown.rawValue, count: count) }

        subscript(_ index: Int) -> Mark { Mark(rawValue: marks[index]) ?? .unknown }

        mutating func set(_ index: Int, actor: String, user: String?) {
            marks[index] = (actor == user ? Mark.user : Mark.other).rawValue
        }
    }

    /// The allocations of a period's receipts, kept compact (issue 10): id, receipt day, own day (days since the
    /// epoch), and the receipt id only with a user filter — 16 or 24 bytes each instead of a `ProcessAllocation`'s
    /// 64, so a quarter at 1M invoices (~150k allocations) takes ~2.4 MB.
    struct PeriodAllocations {
        private(set) var ids = SortedIDs()
        private var pendingIDs: [Int64] = []
        private var receiptDays: [Int32] = []
        private var ownDays: [Int32] = []
        private(set) var receiptIDs: [Int64] = []
        let keepsReceipts: Bool

        init(keepsReceipts: Bool) { self.keepsReceipts = keepsReceipts }

        var count: Int { ids.count }

        /// Adds an allocation as its row streams; `seal()` once all are in.
        mutating func append(_ a: ProcessAllocation) {
            pendingIDs.append(a.id)
            receiptDays.append(Int32(truncatingIfNeeded: a.receiptDate.daysSinceEpoch))
            ownDays.append(Int32(truncatingIfNeeded: a.date.daysSinceEpoch))
            if keepsReceipts { receiptIDs.append(a.receiptID) }
        }

        /// Orders the rows by id (the store sends them so; other orders are sorted here) and indexes them.
        mutating func seal() {
            if !SortedIDs.isAscending(pendingIDs) {
                let order = pendingIDs.indices.sorted { (pendingIDs[$0], $0) < (pendingIDs[$1], $1) }
                pendingIDs = order.map { pendingIDs[$0] }
                receiptDays = order.map { receiptDays[$0] }
                ownDays = order.map { ownDays[$0] }
                if keepsReceipts { receiptIDs = order.map { receiptIDs[$0] } }
            }
            ids = SortedIDs(ascending: pendingIDs)
            pendingIDs = []
        }

        /// The allocation at `index` (in id order): its receipt's day, its own day, its receipt id (0 without).
        func row(_ index: Int) -> (receiptDay: Int, ownDay: Int, receiptID: Int64) {
            (Int(receiptDays[index]), Int(ownDays[index]), keepsReceipts ? receiptIDs[index] : 0)
        }
    }
}
