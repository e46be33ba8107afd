import Foundation
import RandomStreams
import Testing

@Suite struct Xoshiro256Tests {
    /// Reference words computed independently (Python, from the published SplitMix64 and
    /// xoshiro256** definitions) for seed 0.
    @Test func matchesReferenceStreamForSeedZero() {
        var random = Xoshiro256(seed: 0)
        #expect(random.state == [0xE220_A839_7B1D_CDAF, 0x6E78_9E6A_A1B9_65F4, 0x06C4_5D18_8009_454F, 0xF88B_B8A8_724C_81EC])
        #expect(random.next() == 0x99EC_5F36_CB75_F2B4)
        #expect(random.next() == 0xBF6E_1F78_4956_452A)
        #expect(random.next() == 0x1A5F_849D_4933_E6E0)
    }

    @Test func unitIntervalDrawsStayInHalfOpenRangeWithMeanNearHalf() {
        var random = Xoshiro256(seed: 42)
        var sum = 0.0
        for _ in 0..<100_000 {
            let u = random.nextUnitInterval()
            #expect(u >= 0 && u < 1)
            sum += u
        }
        #expect(abs(sum / 100_000 - 0.5) < 0.005)
    }

    @Test func jsonRoundTripContinuesTheSameStream() throws {
        var random = Xoshiro256(seed: 7)
        for _ in 0..<5 { _ = random.next() }
        var restored = try JSONDecoder().decode(Xoshiro256.self, from: JSONEncoder().encode(random))
        #expect(restored == random)
        for _ in 0..<100 { #expect(restored.next() == random.next()) }
    }

    @Test func rejectsAllZeroAndMalformedState() {
        #expect(Xoshiro256(state: [0, 0, 0, 0]) == nil)
        #expect(Xoshiro256(state: [1, 2, 3]) == nil)
        let bad = Data(#"["0","0","0","0"]"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Xoshiro256.self, from: bad) }
        let notHex = Data(#"["1","2","3","zz"]"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Xoshiro256.self, from: notHex) }
    }
}

@Suite struct SplitMix64Tests {
    /// Reference words for seed 0 (the published SplitMix64 definition; the first four seed
    /// xoshiro above).
    @Test func matchesReferenceStreamForSeedZero() {
        var random = SplitMix64(seed: 0)
        #expect([random.next(), random.next(), random.next(), random.next()]
            == [0xE220_A839_7B1D_CDAF, 0x6E78_9E6A_A1B9_65F4, 0x06C4_5D18_8009_454F, 0xF88B_B8A8_724C_81EC])
    }

    @Test func uniformStaysInItsRangeAndHashIsFNV1a() {
        var random = SplitMix64(seed: 9)
        for _ in 0..<10_000 {
            let value = random.uniform(-0.1, 0.3)
            #expect(value >= -0.1 && value < 0.3)
        }
        // FNV-1a 64 reference values.
        #expect(SplitMix64.hash("") == 0xCBF2_9CE4_8422_2325)
        #expect(SplitMix64.hash("a") == 0xAF63_DC4C_8601_EC8C)
    }
}
