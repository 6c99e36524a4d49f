import LedgerInterop
import LedgerReports
import LedgerStore
import Testing

@testable import LedgerCore

/// Training mode (issue 16): the checker explains mistakes and passes the correct state, results go to the real
/// ledger's training log through the command layer, quizzes are scored, the report needs a manager.
struct TrainingTests {
    /// A practice ledger (marked) with the sample's codes the lessons name, and a real ledger for the scores.
    static func session(today: String = "2026-11-29") throws -> (TrainingSession, TestLedger, TestLedger) {
        let practice = try TestLedger(today: today)
        for code in ["C0001", "C0002", "C0003", "C0004", "C0005", "C0006"] { try practice.customer(code, "客户\(code)") }
        for (sku, price, rate) in [
            ("P001", 10_000, 1300), ("P002", 5_000, 1300), ("P003", 800, 1300), ("P005", 2_000, 1300),
            ("P012", 3_500, 900),
        ] {
            try practice.service.run(
                CreateProduct(
                    sku: sku, name: "商品\(sku)", unitPrice: Money(minorUnits: Int64(price), currency: .cny),
                    taxRate: Rate(basisPoints: Int64(rate))))
        }
        try practice.service.run(MarkPracticeLedger(language: "zh"))
        let real = try TestLedger(today: today)
        let session = TrainingSession(
            practice: practice.service, practiceQueries: practice.store, real: real.service,
            chinese: true)
        return (session, practice, real)
    }

    static func sale(_ ledger: TestLedger, _ customer: String, _ lines: [(String, Int)]) throws {
        var post = PostInvoice(
            customerCode: customer, date: ledger.service.clock.today(),
            lines: lines.map { LineInput(productSKU: $0.0, quantity: Quantity($0.1)) })
        post.creditOverrideReason = "test"
        try ledger.service.run(post)
    }

    @Test func aWrongQuantityIsExplainedAndTheCorrectSalePasses() throws {
        let (session, practice, real) = try Self.session()
        try session.start(TrainingLessons.lesson("1")!)
        try Self.sale(practice, "C0002", [("P001", 3), ("P002", 2)])  // another customer: not the lesson's
        try Self.sale(practice, "C0001", [("P001", 3), ("P002", 1)])
        let first = try session.check()
        #expect(!first.passed && first.score == 0 && first.attempts == 1)
        #expect(first.differences == [LocalText("Line 2: quantity is 1, expected 2.", "第2行：数量为 1，应为 2。")])
        try Self.sale(practice, "C0001", [("P001", 3), ("P002", 2)])
        let second = try session.check()
        #expect(second.passed && second.score == 80 && second.attempts == 2 && second.differences.isEmpty)
        // Both checks are in the REAL ledger's log, newest first, each with an audit entry; none in the practice one.
        let log = try real.store.trainingLog(user: nil)
        #expect(log.map(\.passed) == [true, false])
        #expect(log.map(\.score) == [80, 0])
        #expect(log.map(\.attempts) == [2, 1])
        #expect(
            log.allSatisfy {
                $0.user == "tester" && $0.lesson == "sale-two-lines" && $0.kind == .lesson && $0.language == "zh"
            })
        #expect(try real.store.auditLog(filter: AuditLogFilter(command: "training.result")).count == 2)
        #expect(try practice.store.trainingLog(user: nil).isEmpty)
        // A passed lesson is not logged again.
        #expect(try session.check().logged == nil)
        #expect(try real.store.trainingLog(user: nil).count == 2)
    }

    @Test func aCreditNoteAtTheWrongLineExplainsTheVATRate() throws {
        let (session, practice, _) = try Self.session()
        let state = try session.start(TrainingLessons.lesson("credit-one-line")!)
        let target = try #require(state.refs["target"])
        #expect(session.steps(TrainingLessons.lesson("3")!, state: state)[0].contains(target))
        try practice.service.run(
            IssueLineCreditNote(
                invoiceNumber: target, date: practice.service.clock.today(),
                lines: [CreditLineRequest(line: 1, quantity: Quantity(2))], reason: "退货"))
        let wrong = try session.check()
        #expect(!wrong.passed)
        #expect(
            wrong.differences.map(\.en) == [
                "Line 1 reverses line 1, but the returned goods were line 2.",
                "Line 1: product is P001, expected P012.",
                "Line 1: quantity is 2, expected 5.",
                "Line 1: the credit note reverses 13 % VAT but the returned line was at 9 %.",
            ])
        #expect(wrong.differences[3].zh == "第1行：红字冲销冲回 13 % 的增值税，但退货的那一行税率为 9 %。")
        try practice.service.run(
            IssueLineCreditNote(
                invoiceNumber: target, date: practice.service.clock.today(),
                lines: [CreditLineRequest(line: 2, quantity: Quantity(5))], reason: "退货"))
        let right = try session.check()
        #expect(right.passed && right.score == 80)
    }

    @Test func aDraftMustBeSavedAndReopened() throws {
        let (session, practice, _) = try Self.session()
        try session.start(TrainingLessons.lesson("draft-reopen")!)
        try Self.sale(practice, "C0002", [("P003", 4)])
        #expect(try session.check().differences.map(\.en) == ["No draft was saved (^D)."])
        let today = practice.service.clock.today()
        var draft = PostInvoice(
            customerCode: "C0002", date: today, lines: [LineInput(productSKU: "P003", quantity: Quantity(1))])
        draft.asDraft = true
        let saved = try practice.service.run(draft)
        #expect(try session.check().differences.map(\.zh) == ["草稿没有从草稿列表（^O）重新打开并过账。"])
        var post = PostInvoice(
            customerCode: "C0002", date: today, lines: [LineInput(productSKU: "P003", quantity: Quantity(4))])
        post.replacesDraftID = saved.id
        post.creditOverrideReason = "test"
        try practice.service.run(post)
        let outcome = try session.check()
        #expect(outcome.passed && outcome.attempts == 3 && outcome.score == 60)
    }

    @Test func receiptCheckerExplainsAmountAndAllocation() {
        let lesson = TrainingLessons.lesson("receipt-allocation")!
        let state = TrainingLessonState(
            lessonID: lesson.id, baseline: TrainingBaseline(),
            refs: ["target": "INV-2026-000010", "target.total.minor": "113000"], startedAt: 0)
        var facts = TrainingFacts()
        facts.receipts = [
            TrainingFacts.Receipt(
                id: 1, number: "RCT-2026-000001", customerCode: "C0004", amount: 100_000,
                allocations: ["INV-2026-000003": 100_000])
        ]
        let today = CivilDate(iso: "2026-11-29")!
        let wrong = TrainingChecker.differences(lesson, state: state, facts: facts, today: today)
        #expect(
            wrong.map(\.en) == [
                "RCT-2026-000001 is 1,000.00; the customer paid 1,130.00.",
                "0.00 of RCT-2026-000001 is allocated to INV-2026-000010; it should settle all 1,130.00.",
                "1,000.00 went to INV-2026-000003, which the customer did not pay.",
            ])
        facts.receipts = [
            TrainingFacts.Receipt(
                id: 2, number: "RCT-2026-000002", customerCode: "C0004", amount: 113_000,
                allocations: ["INV-2026-000010": 113_000])
        ]
        #expect(TrainingChecker.differences(lesson, state: state, facts: facts, today: today).isEmpty)
    }

    @Test func overdueCallNeedsAnOverdueCustomerAndAPromise() {
        let lesson = TrainingLessons.lesson("overdue-call")!
        let state = TrainingLessonState(lessonID: lesson.id, baseline: TrainingBaseline(), refs: [:], startedAt: 0)
        let today = CivilDate(iso: "2026-11-29")!
        var facts = TrainingFacts()
        facts.overdueCustomers = ["C0009"]
        #expect(
            TrainingChecker.differences(lesson, state: state, facts: facts, today: today).map(\.zh)
                == ["没有记录联系（F5，按 l）。"])
        facts.contacts = [TrainingFacts.Contact(customerCode: "C0001", promisedDate: nil)]
        #expect(
            TrainingChecker.differences(lesson, state: state, facts: facts, today: today).map(\.en) == [
                "C0001 has nothing overdue today; call an overdue customer.", "The call has no promised payment date.",
            ])
        facts.contacts.append(TrainingFacts.Contact(customerCode: "C0009", promisedDate: CivilDate(iso: "2026-12-05")))
        #expect(TrainingChecker.differences(lesson, state: state, facts: facts, today: today).isEmpty)
    }

    @Test func findingTheInvoiceByPinyinIsAPickAmongNumbers() throws {
        let (session, _, _) = try Self.session()
        let lesson = TrainingLessons.lesson("pinyin-search")!
        let state = try session.start(lesson)
        let target = try #require(state.refs["target"])
        let choices = session.answerChoices(lesson, state: state)
        #expect(choices.contains(target) && Set(choices).count == choices.count)
        #expect(!(state.refs["target.initials"] ?? "").isEmpty && state.refs["target.name"] == "客户C0006")
        let wrong = try session.check(answer: choices.first { $0 != target })
        #expect(!wrong.passed)
        #expect(try session.check(answer: target).passed)
    }

    @Test func quizIsScoredAndLogged() throws {
        let (session, _, real) = try Self.session()
        let lesson = TrainingLessons.lesson("overdue-call")!
        let outcome = try session.scoreQuiz(lesson, answers: [0, 2, 1], seconds: 30)
        #expect(outcome.correct == 2 && outcome.total == 3 && outcome.score == 67 && outcome.passed)
        #expect(outcome.corrections == ["2. 什么情况下可以做坏账核销？ → 主管、对已过账且有余额的销售单、注明原因"])
        let log = try real.store.trainingLog(user: "tester")
        #expect(log.count == 1 && log[0].kind == .quiz && log[0].score == 67 && log[0].seconds == 30)
        let failed = try session.scoreQuiz(lesson, answers: [1, 0, 0], seconds: 5)
        #expect(failed.score == 0 && !failed.passed && failed.corrections.count == 3)
    }

    @Test func resultsAreRefusedInAPracticeLedgerAndOutOfRange() throws {
        let (_, practice, real) = try Self.session()
        let result = TrainingResult(
            user: "x", kind: .lesson, lesson: "sale-two-lines", date: CivilDate(iso: "2026-11-29")!,
            passed: true, score: 100, attempts: 1, seconds: 10, language: "en")
        #expect(
            throws: LedgerError.validation([FieldIssue("ledger", "is a practice ledger; results go to the real ledger")]
            )
        ) {
            try practice.service.run(RecordTrainingResult(result: result))
        }
        var bad = result
        bad.score = 101
        bad.lesson = "nope"
        #expect(
            throws: LedgerError.validation([
                FieldIssue("score", "must be 0…100"), FieldIssue("lesson", "unknown lesson nope"),
            ])
        ) {
            try real.service.run(RecordTrainingResult(result: bad))
        }
        #expect(
            throws: LedgerError.validation([FieldIssue("ledger", "is not a practice ledger; lessons run only in one")])
        ) {
            try real.service.run(
                SaveTrainingLessonState(
                    state: TrainingLessonState(
                        lessonID: "x", baseline: TrainingBaseline(),
                        refs: [:], startedAt: 0)))
        }
    }

    @Test func theReportNeedsAManagerAndShowsEachResult() throws {
        let (session, practice, real) = try Self.session()
        try session.start(TrainingLessons.lesson("1")!)
        try Self.sale(practice, "C0001", [("P001", 3), ("P002", 2)])
        #expect(try session.check().score == 100)
        for role in [UserRole.clerk, .auditor] {
            let service = LedgerService(store: real.store, clock: real.service.clock, actor: "t", role: role)
            #expect(throws: LedgerError.self) { try service.authorize(.trainingReport) }
        }
        for role in [UserRole.manager, .admin] {
            try LedgerService(store: real.store, clock: real.service.clock, actor: "t", role: role).authorize(
                .trainingReport)
        }
        let table = TrainingReport.table(try real.store.trainingLog(user: nil))
        #expect(
            ReportRenderer.csv(table, style: .raw) == """
                date,user,kind,no,lesson,title,passed,score,attempts,seconds
                2026-11-29,tester,lesson,1,sale-two-lines,Enter a sale with two lines,yes,100,1,\
                \(table.rows[0][9].count!)

                """)
    }

    @Test func lessonsAreCompleteInBothLanguages() {
        #expect(TrainingLessons.all.count == 8)
        #expect(Set(TrainingLessons.all.map(\.id)).count == 8)
        for lesson in TrainingLessons.all {
            let texts = [lesson.title] + lesson.steps + lesson.quiz.flatMap { [$0.question] + $0.choices }
            #expect(texts.allSatisfy { !$0.en.isEmpty && !$0.zh.isEmpty }, "\(lesson.id)")
            #expect(!lesson.expectations.isEmpty && !lesson.quiz.isEmpty, "\(lesson.id)")
            #expect(lesson.quiz.allSatisfy { $0.choices.indices.contains($0.answer) }, "\(lesson.id)")
        }
        #expect(TrainingSession.score(passed: true, attempts: 1) == 100)
        #expect(TrainingSession.score(passed: true, attempts: 5) == 40)
        #expect(TrainingSession.score(passed: true, attempts: 9) == 40)
        #expect(TrainingSession.score(passed: false, attempts: 1) == 0)
        #expect(PracticeLedger.path(forRealLedger: "/a/b/ledger.sqlite") == "/a/b/ledger.practice.sqlite")
        #expect(PracticeLedger.path(forRealLedger: "/a/books.db") == "/a/books.db.practice.sqlite")
    }
}
