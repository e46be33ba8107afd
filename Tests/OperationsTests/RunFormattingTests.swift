import Daemon
import Foundation
import Testing
@testable import Operations

@Suite struct RunFormattingTests {
    @Test func alignPadsEveryColumnButTheLast() {
        #expect(RunFormatting.align([["a", "bb", "c"], ["ccc", "d", "e"]]) == "a    bb  c\nccc  d   e")
        #expect(RunFormatting.align([]) == "")
    }

    @Test func emptyListSaysSo() {
        #expect(RunFormatting.table([]) == "no runs")
    }
}
