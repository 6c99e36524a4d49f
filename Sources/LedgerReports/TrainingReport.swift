import LedgerCore

/// The training assessment (培训评估) for managers: every logged lesson check and quiz, newest first, from the
/// real ledger's training log. One table for `train report` (table/CSV/JSON) and any screen.
public enum TrainingReport {
    /// Rows: date, user, kind, lesson number and key, passed, score (0–100), attempts, time taken (seconds).
    /// No total row (scores do not add up); notes give the count and average score of passed lessons.
    public static func table(_ results: [TrainingResult], chinese: Bool = false) -> ReportTable {
        let rows: [[ReportCell]] = results.map { r in
            let kind = r.kind == .lesson ? (chinese ? "课程" : "lesson") : (chinese ? "测验" : "quiz")
            let title = TrainingLessons.lesson(r.lesson).map { $0.title.text(zh: chinese) } ?? r.lesson
            return [
                .date(r.date), .text(r.user), .text(kind), .count(TrainingLessons.number(of: r.lesson)),
                .text(r.lesson), .text(title),
                .text(r.passed ? (chinese ? "通过" : "yes") : (chinese ? "未通过" : "no")),
                .count(r.score), .count(r.attempts), .count(Int(r.seconds)),
            ]
        }
        let passed = results.filter { $0.passed && $0.kind == .lesson }
        let average = passed.isEmpty ? 0 : (passed.reduce(0) { $0 + $1.score } * 2 + passed.count) / (passed.count * 2)
        let note =
            chinese
            ? "已通过课程 \(passed.count) 次，平均得分 \(average)"
            : "lessons passed: \(passed.count), average score \(average)"
        return ReportTable(
            name: "training",
            columns: [
                ReportColumn("date", .date, en: "Date", zh: "日期"),
                ReportColumn("user", .text, en: "User", zh: "用户"),
                ReportColumn("kind", .text, en: "Kind", zh: "类型"),
                ReportColumn("no", .count, en: "No.", zh: "序号"),
                ReportColumn("lesson", .text, en: "Lesson", zh: "课程"),
                ReportColumn("title", .text, en: "Title", zh: "名称"),
                ReportColumn("passed", .text, en: "Passed", zh: "结果"),
                ReportColumn("score", .count, en: "Score", zh: "得分"),
                ReportColumn("attempts", .count, en: "Attempts", zh: "次数"),
                ReportColumn("seconds", .count, en: "Seconds", zh: "用时(秒)"),
            ],
            rows: rows, totalRule: .none, notes: [note])
    }
}
