import RandomStreams
import Testing

/// FNV-1a's published 64-bit test vectors: every stored config hash and every derived seed
/// depends on these values staying the same.
@Suite struct FNV1aTests {
    @Test func publishedTestVectors() {
        #expect(FNV1a.hash("".utf8) == 0xCBF2_9CE4_8422_2325)
        #expect(FNV1a.hash("a".utf8) == 0xAF63_DC4C_8601_EC8C)
        #expect(FNV1a.hash("foobar".utf8) == 0x8594_4171_F739_67E8)
        #expect(FNV1a.hex("foobar".utf8) == "85944171f73967e8")
        #expect(SplitMix64.hash("foobar") == 0x8594_4171_F739_67E8)
    }

    @Test func combiningInPiecesEqualsHashingAtOnce() {
        var hasher = FNV1a()
        hasher.combine(bytes: "foo".utf8)
        hasher.combine(bytes: "bar".utf8)
        #expect(hasher.value == FNV1a.hash("foobar".utf8))
    }

    @Test func aWordIsMixedInOneStep() {
        var hasher = FNV1a()
        hasher.combine(word: 0x0123_4567_89AB_CDEF)
        #expect(hasher.value == (FNV1a.offsetBasis ^ 0x0123_4567_89AB_CDEF) &* FNV1a.prime)
    }
}
