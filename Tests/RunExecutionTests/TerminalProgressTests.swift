@testable import RunExecution
import Testing

@Suite struct TerminalProgressTests {
    final class Capture: @unchecked Sendable {
        var out = "", err = ""
    }

    func progress(terminal: Bool, _ capture: Capture) -> TerminalProgress {
        TerminalProgress(isTerminal: terminal, width: { 30 }, output: { capture.out += $0 }, errorOutput: { capture.err += $0 })
    }

    @Test func onATerminalIterationLinesShareOneLiveLineAndEventsScrollAboveIt() {
        let capture = Capture()
        let terminal = progress(terminal: true, capture)
        terminal.show("start: x")
        terminal.show("iter 1/2 | steps 10/20 | a very long tail that is cut")
        terminal.show("iter 2/2 | steps 20/20")
        terminal.show("completed: done")
        terminal.print("bye", toStandardError: true)
        #expect(capture.out == "start: x\n"
            + "\r\u{1B}[2Kiter 1/2 | steps 10/20 | a ve"
            + "\r\u{1B}[2Kiter 2/2 | steps 20/20"
            + "\r\u{1B}[2Kcompleted: done\n")
        #expect(capture.err == "bye\n")
    }

    @Test func otherwiseEveryLineIsPrintedAsItComes() {
        let capture = Capture()
        let plain = progress(terminal: false, capture)
        plain.show("iter 1/2 | steps 10/20 | a very long tail that is not cut")
        plain.show("iter 2/2")
        plain.print("r-1 /folder")
        #expect(capture.out == "iter 1/2 | steps 10/20 | a very long tail that is not cut\niter 2/2\nr-1 /folder\n")
    }

    @Test func aMessageAfterTheLiveLineStartsOnANewLine() {
        let capture = Capture()
        let terminal = progress(terminal: true, capture)
        terminal.show("iter 1/2")
        terminal.print("r-1 /folder")
        #expect(capture.out == "\r\u{1B}[2Kiter 1/2\nr-1 /folder\n")
    }
}
