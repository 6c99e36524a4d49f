extension Strings {
    /// The messages of a class file (`class import`: `ClassFile`, `ImportClasses`) in Chinese; their paths
    /// (`line 1`, `cities.csv line 3, column parent`) are `fieldPathZH`'s (s34-fix: both stayed English).
    static let classFilePatterns: [(String, String)] = [
        (#"^has (\d+) fields, the header has (\d+)$"#, "只有 $1 个字段，表头有 $2 个"),
        (#"^missing column 'dimension' \(or pass a dimension\)$"#, "缺少列 'dimension'（或用 --dimension 指定分类维度）"),
        (#"^missing column '(.*)' or '(.*)'$"#, "缺少列 '$1' 或 '$2'"),
        (#"^missing column '(.*)'$"#, "缺少列 '$1'"),
        (#"^expected a numeric code and a name$"#, "应为数字代码和名称"),
        (#"^expected a 4-digit code starting with its provinceCode$"#, "应为以所属省份代码开头的 4 位数字代码"),
        (#"^is required$"#, "不能为空"),
        (#"^unknown dimension '(.*)' \(define it first\)$"#, "未知分类维度 '$1'（请先定义）"),
        (#"^'(.*)' must be 1–64 characters without spaces$"#, "'$1' 须为 1–64 个字符，不含空格"),
        (#"^a name \(name_en or name_zh\) is required$"#, "须填写名称（name_en 或 name_zh）"),
        (#"^class '(.*)' is already on line (\d+)$"#, "分类 '$1' 已在第 $2 行出现"),
        (#"^class '(.*)' is already on ([\w.-]+) line (\d+)$"#, "分类 '$1' 已在 $2 第 $3 行出现"),
        (#"^class '(.*)' cannot be its own parent$"#, "分类 '$1' 不能是自己的上级"),
        (#"^parent '(.*)' is neither in the file nor a class of '(.*)'$"#, "上级 '$1' 既不在文件中，也不是分类维度 '$2' 的分类"),
        (#"^parent chain of '(.*)' loops back to '(.*)'$"#, "'$1' 的上级链又回到了 '$2'"),
        (#"^has no classes$"#, "没有分类"),
        // A region that is no class of the region dimension (`RegionCheck`).
        (#"^unknown region '(.*)': known: (.*) \+(\d+) more$"#, "未知区域 '$1'：已有区域 $2 等，另有 $3 个"),
        (#"^unknown region '(.*)': known: (.*)$"#, "未知区域 '$1'：已有区域 $2"),
        (#"^unknown region '(.*)': the region dimension has no classes yet \(class import FILE --dimension region\)$"#,
         "未知区域 '$1'：区域维度中还没有分类（用 class import 文件 --dimension region 导入）"),
    ] + repeatedColumnFields.map { field, zh in
        // `line 1: columns 2 (code) and 3 (code) both give the code`: the path is translated on its own.
        let escaped = field.replacingOccurrences(of: "(", with: #"\("#).replacingOccurrences(of: ")", with: #"\)"#)
        return (#"^columns (\d+) \((.*)\) and (\d+) \((.*)\) both give the "# + escaped + "$",
                "第 $1 列（$2）和第 $3 列（$4）都是\(zh)，无法确定用哪一列；请删去其中一列")
    }
}
