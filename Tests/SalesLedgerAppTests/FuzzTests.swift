import Foundation
import Testing
import LedgerCore
import LedgerStore
import TerminalUI
@testable import SalesLedgerApp

/// Deterministic PRNG (SplitMix64), so a failure reproduces from its seed.
struct FuzzRandom: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Issue 12: every screen and form gets random keys, pasted text (huge numbers, control characters, CJK, emoji)
/// and random sizes from 20×6 to 250×70, drawn through the real runtime's frame logic after every event.
/// A trap anywhere ends the test process, so passing means no traps.
@Suite struct FuzzTests {
    static let pastes = [
        "99999999999999", "6222021234567890123", "92233720368547758.07", "-9223372036854775808", "1e308", "0.0001",
        "\u{1B}]0;owned\u{07}", "\u{1B}[2J\u{1B}[H", "a\rb\nc\td", "\u{202E}evil\u{202C}", "x\u{200B}y", "\u{0}\u{7F}\u{85}",
        "北京星河科技有限公司", "上海明远五金有限公司 ｜ 全角１２３", "👨‍👩‍👧‍👦🇨🇳😀", "é̀́̂", String(repeating: "9", count: 400),
        String(repeating: "长", count: 300), "C9001", "P004", "2026-02-30", "+30", "今天", "EOM+1M", "NET60", "13%",
    ]
    static let keys: [Key] = [
        .up, .down, .left, .right, .home, .end, .pageUp, .pageDown, .tab, .backTab, .enter, .escape, .backspace,
        .delete, .function(1), .function(2), .function(3), .function(4), .function(5), .function(6), .function(7),
        .function(8), .function(9), .function(11),
        .ctrl("s"), .ctrl("n"), .ctrl("x"), .ctrl("d"), .ctrl("l"), .ctrl("a"), .ctrl("e"), .ctrl("k"), .ctrl("u"),
    ] + "0123456789.,-+%/ ?abcdefsSpdtlrzncveyq北京¥￥😀".map { Key.char($0) }

    @Test(arguments: [3, 4, 5, 6, 7, 8, 9, 11])
    func randomInputOnEveryScreenNeverTraps(screen: Int) throws {
        var random = FuzzRandom(state: UInt64(screen) * 7919)
        for language in [Language.zh, .en] {
            var h = try AppHarness(language: language, seedLedger: seedGenerated)
            let backend = InMemoryBackend(size: Size(width: 80, height: 24))
            let runtime = Runtime(backend: backend)
            h.press(.function(screen))
            for step in 0..<1000 {
                let roll = Int.random(in: 0..<100, using: &random)
                let event: Event
                if roll < 4 {
                    let size = Size(width: Int.random(in: 20...250, using: &random), height: Int.random(in: 6...70, using: &random))
                    backend.resize(to: size)
                    event = .resize(size)
                } else if roll < 14 {
                    event = .paste(Self.pastes.randomElement(using: &random)!)
                } else if roll < 16 {
                    event = .key(.function(screen))   // come back to the screen under test
                } else {
                    event = .key(Self.keys.randomElement(using: &random)!)
                }
                if case .quit = h.send(event) {
                    h.app = LedgerApp(context: h.context)   // confirmed quit: start again, as a user would
                    h.press(.function(screen))
                }
                if step % 3 == 0 || roll < 16 { runtime.renderFrame(h.app) }
            }
            runtime.renderFrame(h.app)
        }
    }

    @Test func everyScreenDrawsAtEveryEdgeSize() throws {
        for language in [Language.zh, .en] {
            var h = try AppHarness(language: language, seedLedger: seedGenerated)
            for screen in [3, 4, 5, 6, 7, 8, 9, 11] {
                h.press(.function(screen))
                for size in [Size(width: 20, height: 6), Size(width: 79, height: 23), Size(width: 80, height: 24),
                             Size(width: 81, height: 25), Size(width: 120, height: 40), Size(width: 250, height: 70)] {
                    let backend = InMemoryBackend(size: size)
                    Runtime(backend: backend).renderFrame(h.app)
                    #expect(backend.screen.size == size)
                }
            }
        }
    }
}
