import Testing
@testable import RunConfiguration

@Suite struct ClosestKeyTests {
    @Test func distances() {
        #expect(ClosestKey.editDistance(Array("kitten"), Array("sitting")) == 3)
        #expect(ClosestKey.editDistance([], Array("abc")) == 3)
        #expect(ClosestKey.editDistance(Array("same"), Array("same")) == 0)
    }

    @Test func suggestsTyposButNotStrangers() {
        #expect(ClosestKey.suggestion(for: "learningrate", among: ["learningRate", "gamma"]) == "learningRate")
        #expect(ClosestKey.suggestion(for: "gama", among: ["learningRate", "gamma"]) == "gamma")
        #expect(ClosestKey.suggestion(for: "zzzzzz", among: ["learningRate", "gamma"]) == nil)
        #expect(ClosestKey.suggestion(for: "x", among: []) == nil)
    }
}
