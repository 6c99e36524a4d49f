import Testing
@testable import LedgerCore

/// 统一社会信用代码 check characters per GB 32100-2015, on published codes and corrupted copies.
struct TaxpayerIDTests {
    /// Published codes: the standard's own example and well-known companies' business licences.
    static let knownGood = ["91350100M000100Y43", "91110000802100433B", "9144030071526726XG", "91110108551385082Q"]

    @Test(arguments: knownGood)
    func acceptsPublishedCodes(_ code: String) throws {
        let id = try TaxpayerID(parsing: code)
        #expect(id.text == code)
        #expect(id.isUnifiedCode)
        #expect(TaxpayerID.checkCharacter(for: Array(code).prefix(17)) == Array(code)[17])
    }

    @Test func normalisesSpacesFullWidthAndCase() throws {
        #expect(try TaxpayerID(parsing: " 9144 0300 7152 6726xg ").text == "9144030071526726XG")
        #expect(try TaxpayerID(parsing: "９１３５０１００Ｍ０００１００Ｙ４３").text == "91350100M000100Y43")
    }

    @Test func refusesAWrongCheckCharacterNamingTheExpectedOne() {
        #expect(throws: TaxpayerIDProblem.checkCharacter(found: "4", expected: "3")) {
            try TaxpayerID(parsing: "91350100M000100Y44")
        }
        // One digit changed in the body changes the check character: the corrupted code is refused.
        #expect(throws: TaxpayerIDProblem.checkCharacter(found: "B", expected: "E")) {
            try TaxpayerID(parsing: "91110000802100434B")
        }
        // Two adjacent characters swapped (a typical typing slip).
        #expect(throws: TaxpayerIDProblem.self) { try TaxpayerID(parsing: "91110108515385082Q") }
    }

    @Test func refusesLettersOutsideTheAlphabet() {
        // I, O, S, V and Z are not used by GB 32100-2015.
        #expect(throws: TaxpayerIDProblem.character("O", position: 9)) { try TaxpayerID(parsing: "91350100O000100Y43") }
        #expect(throws: TaxpayerIDProblem.character("*", position: 2)) { try TaxpayerID(parsing: "9*350100M000100Y43") }
    }

    @Test func acceptsLegacyLengthsAndRefusesOthers() throws {
        #expect(try TaxpayerID(parsing: "110108551385082").text.count == 15)
        #expect(try TaxpayerID(parsing: "11010519491231002X01").text.count == 20)
        #expect(throws: TaxpayerIDProblem.length(17)) { try TaxpayerID(parsing: "91350100M000100Y4") }
        // Hyphens are separators and dropped; other punctuation in a legacy number is refused.
        #expect(throws: TaxpayerIDProblem.character("/", position: 5)) { try TaxpayerID(parsing: "1101/8551385082") }
    }

    @Test func messagesInBothLanguages() {
        let problem = TaxpayerIDProblem.checkCharacter(found: "4", expected: "3")
        #expect(problem.english.contains("should be '3'"))
        #expect(problem.chinese == "纳税人识别号校验位为 '4'，按 GB 32100-2015 应为 '3'，请检查是否输错")
        #expect(TradeText.chinese(problem.english) == problem.chinese)
        #expect(TradeText.chinese(FieldIssue("taxID", TaxpayerIDProblem.length(12).english))
                == "纳税人识别号: 纳税人识别号为 12 位，应为 18 位统一社会信用代码（或旧的 15 位、20 位税号）")
    }
}
