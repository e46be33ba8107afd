import Foundation
import Testing
@testable import RunConfiguration

/// The memory a config's run needs (`RunConfig.memoryEstimate`), the limit it is checked
/// against (`MemoryLimit`) and the refusal (issue 19, item 2). The parts are checked against a
/// built trainer's allocations in `RunExecutionTests`.
@Suite struct MemoryEstimateTests {
    static let limit16G = MemoryLimit(bytes: 16 << 30, source: .flag("16G"))

    func config(_ yaml: String) throws -> RunConfig { try RunConfig.load(yaml: yaml, file: "memory.yaml") }

    /// The paper's network, counted by hand: MT10 observations are 39 values plus the 10-task
    /// one-hot; each 3 x 400 trunk has 49*400+400 + 2*(400*400+400) = 340,800 parameters, the
    /// actor's ten heads 10*(400*8+8) (mean and state-dependent log-std of 4 actions) and the
    /// critic's 10*(400+1).
    @Test func thePaperNetworkHasItsHandCountedParameters() throws {
        let estimate = try config("{}").memoryEstimate
        #expect(estimate.parameterCount == 340_800 + 32_080 + 340_800 + 4_010)
        #expect(estimate.bytes(of: "networks (weights, gradients, Adam moments)") == 16 * estimate.parameterCount)
        // 10 slots x 10,000 steps; per transition 4 x (49 + 4 + 6) bytes of floats, two task ids, one index.
        #expect(estimate.bytes(of: "rollout buffer") == 100_000 * (4 * 59 + 4 + 4 + 8))
        // State-independent log-std: heads of 4, plus one 4-vector per task.
        let independent = try config("ppo: {logStdMode: stateIndependent, hiddenSizes: [8]}\n").memoryEstimate
        let trunk = 49 * 8 + 8
        #expect(independent.parameterCount == trunk + 10 * (8 * 4 + 4) + 10 * 4 + trunk + 10 * (8 + 1))
        // No hidden layer: the heads read the observation itself.
        let linear = try config("env: {suite: gridworld}\nppo: {hiddenSizes: [], logStdMode: stateIndependent}\n").memoryEstimate
        #expect(linear.parameterCount == 4 * (29 * 4 + 4) + 4 * 4 + 4 * (29 + 1))
    }

    @Test func theShippedConfigsFitWhatTheyWereRunOn() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        for name in ["configs/quickstart-mt10.yaml", "configs/paper-mt10.yaml", "configs/gridworld.yaml", "configs/compare-mt10-10m/drats.yaml"] {
            let loaded = try RunConfig.load(file: root.appendingPathComponent(name).path)
            let estimate = loaded.memoryEstimate
            print("memory estimate of \(name): \(ByteCount.text(estimate.totalBytes)) = "
                  + estimate.parts.map { "\($0.name) \(ByteCount.text($0.bytes))" }.joined(separator: ", "))
            #expect(estimate.totalBytes < 2 << 30, "\(name): \(estimate)")
            #expect(throws: Never.self) { try loaded.checkMemory(limit: Self.limit16G, file: name) }
        }
    }

    /// The configs of the issue: a network at the width bound and a rollout at the step and slot
    /// bounds validate, but their estimates are far beyond any machine, and computing them
    /// cannot overflow.
    @Test(arguments: [
        // Resuming holds four copies of the weights and moments, more than training does.
        ("ppo: {hiddenSizes: [65536, 65536]}\n", "checkpoints (4 copies)", 500 << 30),
        ("env: {envSlots: 4096}\nppo: {numSteps: 10_000_000, hiddenSizes: [64, 64], numMinibatches: 4096}\nrun: {totalEnvSteps: 1_000_000_000_000}\n",
         "rollout buffer", 8 << 40),
        ("ppo: {hiddenSizes: [" + Array(repeating: "65536", count: 64).joined(separator: ", ") + "], numSteps: 10_000_000, numMinibatches: 1}\n"
            + "env: {envSlots: 4096}\nrun: {totalEnvSteps: 1_000_000_000_000}\n", "minibatch activations and gradients", 1 << 60),
    ])
    func hugeConfigsAreRefusedWithTheFigures(yaml: String, biggest: String, atLeast: Int) throws {
        let loaded = try config(yaml)
        let estimate = loaded.memoryEstimate
        #expect(estimate.biggestFirst.first?.name == biggest, "\(estimate)")
        #expect(estimate.totalBytes >= atLeast)
        do {
            try loaded.checkMemory(limit: Self.limit16G, file: "memory.yaml")
            Issue.record("accepted \(estimate)")
        } catch {
            guard case let .exceedsMemory(file, refused, limit) = error else { Issue.record("\(error)"); return }
            #expect(file == "memory.yaml" && refused == estimate && limit == Self.limit16G)
            let text = error.description
            #expect(text.hasPrefix("memory.yaml: a run of this config needs about \(ByteCount.text(estimate.totalBytes)) of memory"), "\(text)")
            #expect(text.contains("more than the limit of 16.0 GiB (--memory-limit 16G)") && text.contains(biggest), "\(text)")
            if estimate.totalBytes < 1 << 50 {
                let enough = ByteCount.roundedUp(estimate.totalBytes)
                #expect(text.hasSuffix("raise --memory-limit or DRATSD_MEMORY_LIMIT to at least \(enough) (e.g. DRATSD_MEMORY_LIMIT=\(enough))."), "\(text)")
                #expect(ByteCount.parse(enough).map { $0 >= estimate.totalBytes } == true)
            } else {
                #expect(text.hasSuffix("; no machine has that much memory."), "\(text)")
            }
        }
    }

    @Test func byteCountsReadAndPrintInBinaryUnits() {
        #expect(ByteCount.parse("68719476736") == 64 << 30)
        #expect(ByteCount.parse("64G") == 64 << 30 && ByteCount.parse("64g") == 64 << 30 && ByteCount.parse("64GiB") == 64 << 30)
        #expect(ByteCount.parse("512M") == 512 << 20 && ByteCount.parse("512MB") == 512 << 20 && ByteCount.parse(" 4096B ") == 4096)
        #expect(ByteCount.parse("1.5T") == 3 << 39 && ByteCount.parse("100K") == 102_400)
        for bad in ["", "0", "-1G", "G", "1.5", "1..5G", ".5G", "5.G", "64X", "64 G", "lots", "1e3G", "9223372036854775808", "9000000T"] {
            #expect(ByteCount.parse(bad) == nil, "\(bad)")
        }
        #expect(ByteCount.text(512) == "512 B" && ByteCount.text(1536) == "1.5 KiB" && ByteCount.text(64 << 30) == "64.0 GiB")
        #expect(ByteCount.text(300 << 20) == "300 MiB" && ByteCount.text(Int.max) == "8.0 EiB")
        #expect(ByteCount.roundedUp(1) == "1M" && ByteCount.roundedUp(98 << 20) == "98M" && ByteCount.roundedUp((98 << 20) + 1) == "99M")
        #expect(ByteCount.roundedUp(1 << 30) == "1G" && ByteCount.roundedUp((521 << 30) + 5) == "522G" && ByteCount.roundedUp(9 << 40) == "9T")
    }

    /// `--memory-limit` over `DRATSD_MEMORY_LIMIT` over 90% of the machine's; a bad value names
    /// its setting.
    @Test func theLimitComesFromTheFlagTheEnvironmentOrTheMachine() throws {
        let machine = MachineMemory(totalBytes: 10 << 30)
        let environment = ["DRATSD_MEMORY_LIMIT": "2G"]
        #expect(try MemoryLimit.resolve(flag: "1G", environment: environment, machine: { machine }) == MemoryLimit(bytes: 1 << 30, source: .flag("1G")))
        #expect(try MemoryLimit.resolve(flag: nil, environment: environment, machine: { machine }) == MemoryLimit(bytes: 2 << 30, source: .environment("2G")))
        let byMachine = try MemoryLimit.resolve(flag: nil, environment: [:], machine: { machine })
        #expect(byMachine.bytes == 9 << 30 && byMachine.source == .machine(machine))
        #expect(byMachine.description == "9.0 GiB (90% of this machine's 10.0 GiB, MemTotal in /proc/meminfo)")
        #expect(try MemoryLimit.resolve(flag: nil, environment: [:], machine: { nil }).bytes == Int.max)
        #expect(throws: RunConfigError.memoryLimit(setting: "DRATSD_MEMORY_LIMIT", value: "lots")) {
            try MemoryLimit.resolve(flag: nil, environment: ["DRATSD_MEMORY_LIMIT": "lots"], machine: { machine })
        }
        #expect(throws: RunConfigError.memoryLimit(setting: "--memory-limit", value: "0")) {
            try MemoryLimit.resolve(flag: "0", environment: environment, machine: { machine })
        }
        #expect(RunConfigError.memoryLimit(setting: "--memory-limit", value: "0").description
            == "--memory-limit is '0'; give the most memory a run may use in bytes or with a binary suffix K, M, G or T, e.g. 64G, 512M or 1.5T")
    }

    /// MemTotal, lowered by the process's cgroup limit (v2 or v1) when that is set and smaller.
    @Test func theMachinesMemoryIsMemTotalOrTheCgroupLimit() {
        let meminfo = "MemTotal:       24683584 kB\nMemFree:        20787504 kB\nMemAvailable:   24033492 kB\n"
        func machine(_ files: [String: String]) -> MachineMemory? { MachineMemory.current { files[$0] } }
        #expect(machine(["/proc/meminfo": meminfo]) == MachineMemory(totalBytes: 24_683_584 * 1024))
        #expect(machine([:]) == nil && machine(["/proc/meminfo": "MemFree: 3 kB\n"]) == nil)
        let v2 = ["/proc/meminfo": meminfo, "/proc/self/cgroup": "0::/system.slice/dratsd.service\n",
                  "/sys/fs/cgroup/system.slice/dratsd.service/memory.max": "4294967296\n"]
        #expect(machine(v2)?.bytes == 4 << 30)
        #expect(machine(v2.merging(["/sys/fs/cgroup/system.slice/dratsd.service/memory.max": "max\n"]) { $1 })?.cgroupBytes == nil)
        let v1 = ["/proc/meminfo": meminfo, "/proc/self/cgroup": "5:cpu,cpuacct:/\n4:memory:/process_api/abc\n0::/\n",
                  "/sys/fs/cgroup/memory/memory.limit_in_bytes": "9223372036854771712\n",
                  "/sys/fs/cgroup/memory/process_api/abc/memory.limit_in_bytes": "2147483648\n"]
        #expect(machine(v1)?.bytes == 2 << 30)
        // A limit above MemTotal is no limit.
        #expect(machine(v1.merging(["/sys/fs/cgroup/memory/process_api/abc/memory.limit_in_bytes": "\(1 << 50)"]) { $1 })?.cgroupBytes == nil)
        #expect(MachineMemory(totalBytes: 8 << 30, cgroupBytes: 2 << 30).description
            == "2.0 GiB, its cgroup's memory limit (MemTotal is 8.0 GiB)")
    }
}
