import JSONLines
import Testing

/// A metrics.jsonl line read by the one JSON reader.
@Suite struct MetricsRecordTests {
    @Test func aLineGivesItsKindIterationStepsAndNumbers() throws {
        let record = try #require(MetricsRecord(line: #"{"kind":"evaluation","iteration":20,"env_steps":100000,"eval/mean_success_rate":0.25,"eval/reach-v3/return":null,"note":"x","flag":true}"#))
        #expect(record.kind == "evaluation" && record.iteration == 20 && record.envSteps == 100_000)
        #expect(record.numbers == ["iteration": 20, "env_steps": 100_000, "eval/mean_success_rate": 0.25])
    }

    @Test func whatIsNotAnObjectIsNil() {
        for line in ["", "{\"kind\":", "[1,2]", "3", "{\"a\":1} trailing"] { #expect(MetricsRecord(line: line) == nil, "\(line)") }
        #expect(MetricsRecord(line: #"{"iteration":1.5}"#)?.iteration == nil)
        #expect(MetricsRecord(line: #"{"kind":3}"#)?.kind == nil)
    }
}
