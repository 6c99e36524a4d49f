import LedgerCore

/// Class files: the generic CSV layout `dimension,code,parent,name_en,name_zh` (header required, any column order;
/// `dimension` may be left out when a default is given), and China's statistical division table (cn-regions).
/// Both turn into `ClassImportRow`s that `ImportClasses` validates and writes all or nothing.
public enum ClassFile {
    /// Rows of a generic class file from a CSV header and records (record `i` is file line `i + 2`).
    /// - Throws: `LedgerError.validation` when a required column is missing, two columns give one field (`line 1`:
    ///   `columns 2 (code) and 3 (code) both give the code`) or a line has too few fields.
    public static func rows(header: [String], records: [[String]],
                            defaultDimension: String? = nil) throws(LedgerError) -> [ClassImportRow] {
        let columns = header.map { $0.trimmedClassText().lowercased() }
        func index(_ name: String) -> Int? { columns.firstIndex(of: name) }
        var issues = IssueCollector()
        // Two columns of one field are refused, as every import refuses them (s33-fix: the first was taken).
        let read: Set<String> = ["dimension", "code", "parent", "name_en", "name_zh"]
        let fields = columns.map { name -> String? in name == "name" ? "name_en" : read.contains(name) ? name : nil }
        if let repeated = RepeatedColumns.find(header, fields: fields, words: { field in
            ["name_en": "English name", "name_zh": "Chinese name", "parent": "parent code"][field] ?? field
        }) {
            issues.add("line 1", repeated.description)
            try issues.throwIfAny()
        }
        let dimension = index("dimension")
        if dimension == nil && defaultDimension == nil { issues.add("line 1",
                                                                    "missing column 'dimension' "
                                                                        + "(or pass a dimension)") }
        guard let code = index("code") else {
            issues.add("line 1", "missing column 'code'")
            try issues.throwIfAny()
            return []
        }
        let parent = index("parent"), nameEN = index("name_en") ?? index("name"), nameZH = index("name_zh")
        if nameEN == nil && nameZH == nil { issues.add("line 1", "missing column 'name_en' or 'name_zh'") }
        try issues.throwIfAny()
        var out: [ClassImportRow] = []
        for (i, record) in records.enumerated() {
            let line = i + 2
            if record.allSatisfy({ $0.trimmedClassText().isEmpty }) { continue }
            if record.count < columns.count {
                issues.add("line \(line)", "has \(record.count) fields, the header has \(columns.count)")
                continue
            }
            func field(_ j: Int?) -> String { j.map { record[$0].trimmedClassText() } ?? "" }
            out.append(ClassImportRow(line: line,
                                      dimension: dimension.map { record[$0].trimmedClassText() }
                                          ?? defaultDimension ?? "",
                                      code: field(code), parentCode: field(parent), nameEN: field(nameEN),
                                      nameZH: field(nameZH)))
        }
        try issues.throwIfAny()
        return out
    }

    /// China's provinces and prefecture-level cities (统计用区划代码, cn-regions `provinces.csv` `code,name` and
    /// `cities.csv` `code,name,provinceCode`) as region classes `CN` → `CN-33` → `CN-33-01`.
    ///
    /// A city named `市辖区` (municipal districts) or `县` takes its province's name (`北京市`, `重庆市
    /// 县`).
    /// Rows carry their file (`provinces.csv`, `cities.csv`) and line, so errors name both.
    /// - Throws: `LedgerError.validation` for a missing column, a non-numeric code, or a city whose province code
    ///   does not start its own code.
    public static func chinaRegions(provinceHeader: [String], provinces: [[String]], cityHeader: [String],
                                    cities: [[String]],
                                    dimension: String = BuiltInDimension.region.rawValue)
        throws(LedgerError) -> [ClassImportRow] {
        var issues = IssueCollector()
        func col(_ header: [String], _ name: String, _ file: String) -> Int? {
            let i = header.firstIndex { $0.trimmedClassText() == name }
            if i == nil { issues.add("\(file) line 1", "missing column '\(name)'") }
            return i
        }
        let pCode = col(provinceHeader, "code", "provinces.csv"), pName = col(provinceHeader, "name", "provinces.csv")
        let cCode = col(cityHeader, "code", "cities.csv"), cName = col(cityHeader, "name", "cities.csv")
        let cProvince = col(cityHeader, "provinceCode", "cities.csv")
        try issues.throwIfAny()
        guard let pCode, let pName, let cCode, let cName, let cProvince else { return [] }
        var rows = [ClassImportRow(line: 1, dimension: dimension, code: "CN", nameEN: "China", nameZH: "中国",
                                   file: "provinces.csv")]
        var provinceNames: [String: String] = [:]
        let isDigits: (String) -> Bool = { !$0.isEmpty && $0.allSatisfy { ("0"..."9").contains($0) } }
        for (i, r) in provinces.enumerated() {
            guard r.count > max(pCode, pName), isDigits(r[pCode]) else {
                issues.add("provinces.csv line \(i + 2)", "expected a numeric code and a name")
                continue
            }
            provinceNames[r[pCode]] = r[pName]
            rows.append(ClassImportRow(line: i + 2, dimension: dimension, code: "CN-" + r[pCode], parentCode: "CN",
                                       nameEN: "", nameZH: r[pName], file: "provinces.csv"))
        }
        for (i, r) in cities.enumerated() {
            let at = "cities.csv line \(i + 2)"
            guard r.count > max(cCode, cName, cProvince), isDigits(r[cCode]), r[cCode].count == 4,
            r[cCode].hasPrefix(r[cProvince]) else {
                issues.add(at, "expected a 4-digit code starting with its provinceCode")
                continue
            }
            let code = r[cCode]
            let province = provinceNames[r[cProvince]] ?? ""
            var name = r[cName]
            if name == "市辖区" { name = province } else if name == "县" { name = province + " 县" }
            rows.append(ClassImportRow(line: i + 2, dimension: dimension,
                                       code: "CN-\(code.prefix(2))-\(code.suffix(2))",
                                       parentCode: "CN-" + r[cProvince], nameEN: "", nameZH: name, file: "cities.csv"))
        }
        try issues.throwIfAny()
        return rows
    }
}

extension String {
    /// Without leading and trailing white space (including full-width spaces and newlines).
    func trimmedClassText() -> String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
