import Daemon
import Foundation
import Testing

@Suite struct RunIDGeneratorTests {
    @Test func idsCarryTheUTCDayAndSixAlphabetCharacters() {
        var generator = RunIDGenerator(seed: 1)
        // 2026-11-25 23:59:59 UTC: the UTC day, whatever the machine's time zone.
        let id = generator.next(at: Date(timeIntervalSince1970: 1_795_651_199))
        #expect(id.hasPrefix("r-20261125-"))
        #expect(id.count == "r-20261125-".count + 6)
        #expect(RunIDGenerator.isWellFormed(id))
    }

    @Test func sameSeedSameIDsDifferentSeedsDiffer() {
        var a = RunIDGenerator(seed: 42), b = RunIDGenerator(seed: 42), c = RunIDGenerator(seed: 43)
        let date = Date(timeIntervalSince1970: 0)
        let fromA = (0..<20).map { _ in a.next(at: date) }
        #expect(fromA == (0..<20).map { _ in b.next(at: date) })
        #expect(fromA != (0..<20).map { _ in c.next(at: date) })
        #expect(Set(fromA).count == 20)
        #expect(fromA[0].hasPrefix("r-19700101-"))
    }

    @Test(arguments: ["", "r-2026112-abcdef", "r-20261125-abcdeu", "r-20261125-abcde", "x-20261125-abcdef",
                      "r-20261125-abcdef/..", "../r-20261125-abcdef", "r-20261125-ABCDEF"])
    func malformedIDsAreRecognised(text: String) {
        #expect(!RunIDGenerator.isWellFormed(text))
    }
}
