import ChildProcess
import Foundation
import Testing

/// The one signal path's escalation: a second SIGINT or SIGTERM during the graceful stop does
/// not wait for the checkpoint. The run keeps its newest checkpoint and is recovered later.
@Suite struct SecondSignalTests {
    /// An MT10 iteration of a few seconds (20,000 steps of one slot), so both signals arrive
    /// while the first iteration is under way.
    static let slowConfig = """
        run: {name: slow, seed: 1, totalEnvSteps: 2_000_000}
        env: {tasks: [reach-v3], envSlots: 1}
        ppo: {numSteps: 20000, updateEpochs: 1, numMinibatches: 1, hiddenSizes: [16]}
        sampler: {kind: uniform}
        """

    @Test(arguments: [SIGINT, SIGTERM])
    func trainExitsAtOnceOnASecondSignal(signal: Int32) throws {
        let scratch = try RunCommandsTests.Scratch()
        let config = try scratch.config("slow.yaml", Self.slowConfig)
        let train = try DratsdProcess(["train", config, "--state-dir", scratch.stateDir])
        try #require(waitUntil(timeout: 60) { train.stdout.contains("run r-") }, "train did not start: \(train.stderr)")
        train.send(signal)
        try #require(waitUntil(timeout: 30) { train.stderr.contains("stopping after the current iteration") }, "\(train.stderr)")
        let sent = Date()
        train.send(signal)
        let status = train.waitForExit(timeout: 30)
        #expect(status == 128 + signal, "\(train.stderr)")
        #expect(train.stderr.contains("again: exiting now without waiting for the checkpoint"), "\(train.stderr)")
        #expect(Date().timeIntervalSince(sent) < 10)
        // The run is left running under a process that is gone: `list` says so, and the next
        // service requeues it.
        let listed = try scratch.dratsd(["list"])
        #expect(listed.stdout.contains("orphaned"), "\(listed.stdout)")
    }
}
