// swift-tools-version: 6.1
// drats: a training daemon for multi-task reinforcement learning with DRATS task sampling.
//
// Layers, dependencies pointing down only. Each module is listed at its rank: one above the
// highest-ranked module it depends on (the graph of the targets below; test support excluded).
//   0  C interop: CSystemODE, CSystemBLAS, CSystemZlib, CNetworkKernels (the AVX-512
//      small-batch kernel); no dependencies: RandomStreams (seeded generators, FNV-1a),
//      WorkerThreads (persistent threads), JSONLines (our JSON reader and writer; every JSON we read, metrics.jsonl included), FileIO
//      (atomic files, appenders, line reading), TaskRewards (MetaWorld's reward shaping, pure
//      functions)
//   1  Physics (the only module importing CSystemODE), Networks (the only one importing
//      CSystemBLAS and CNetworkKernels), Samplers, GridWorld, SafeTensors (checkpoint files),
//      Daemon (the run store: state directory, run database and queue, run folders, the status
//      files and sweep folders of Slurm runs; SHA-256 from swift-crypto)
//   2  Manipulation (Sawyer arm, env contract, MetaWorld tasks), PPO, TensorBoardEvents
//   3  Trainer, PolicyServing (a checkpoint's policy for inference), RunConfiguration (YAML configs)
//   4  GridWorldTraining (grid-world training slots and the toy experiment), MetaWorldTraining (MT10 training slots),
//      Operations (what the CLI does to the store and to Slurm, with the one check that a
//      config file and its command-line overrides can be queued), Reporting (dratsd report; the only module
//      importing CSystemZlib, for the PNG encoder's deflate and checksums)
//   5  RunExecution (one run trained to its budget with logs, metrics and checkpoints)
//   6  Service (dratsd serve)
//   7  dratsd (command definitions only)
import PackageDescription

let package = Package(
    name: "drats",
    // Linux only (Debian): the code calls Glibc, uses SOCK_CLOEXEC, O_TMPFILE, /proc and
    // systemd's notify socket, and links ODE, OpenBLAS and zlib from apt. No other platform is
    // claimed.
    products: [
        .executable(name: "dratsd", targets: ["dratsd"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
    ],
    targets: [
        // MARK: C interop
        .systemLibrary(
            name: "CSystemODE",
            path: "CSystemODE",
            pkgConfig: "ode",
            providers: [.apt(["libode-dev"])]
        ),
        .systemLibrary(
            name: "CSystemBLAS",
            path: "CSystemBLAS",
            providers: [.apt(["libblas-dev", "liblapacke-dev", "libopenblas-dev"])]
        ),
        .systemLibrary(
            name: "CSystemZlib",
            path: "CSystemZlib",
            providers: [.apt(["zlib1g-dev"])]
        ),

        // MARK: Simulation
        .target(name: "Physics", dependencies: ["CSystemODE"]),
        .target(name: "Manipulation", dependencies: ["RandomStreams", "Physics", "TaskRewards", "JSONLines"]),

        // MARK: Seeded random number generators (no dependencies)
        .target(name: "RandomStreams"),
        .testTarget(name: "RandomStreamsTests", dependencies: ["RandomStreams"]),

        // MARK: JSON for the line protocols (no dependencies)
        .target(name: "JSONLines"),
        .testTarget(name: "JSONLinesTests", dependencies: ["JSONLines"]),

        // MARK: Files: atomic replacement, whole-file reads, line appending and reading (no dependencies)
        .target(name: "FileIO"),
        .testTarget(name: "FileIOTests", dependencies: ["FileIO", "TestScratch"]),

        // MARK: Persistent worker threads with cheap hand-off (no dependencies)
        .target(name: "WorkerThreads"),
        .testTarget(name: "WorkerThreadsTests", dependencies: ["WorkerThreads"]),

        // MARK: Learning core (issue 4)
        .target(name: "CNetworkKernels"),
        .target(name: "Networks", dependencies: ["RandomStreams", "CSystemBLAS", "CNetworkKernels"]),
        .target(name: "PPO", dependencies: ["RandomStreams", "Networks", "SafeTensors", "WorkerThreads"]),
        .target(name: "PolicyServing", dependencies: ["RandomStreams", "PPO", "Networks", "SafeTensors", "JSONLines"]),

        // MARK: Training loop and experiments (issue 5)
        .target(name: "Trainer", dependencies: ["RandomStreams", "PPO", "Networks", "Samplers", "SafeTensors", "WorkerThreads"]),
        .target(name: "GridWorldTraining", dependencies: ["RandomStreams", "Trainer", "GridWorld", "Samplers", "PPO", "Networks"]),
        .target(name: "MetaWorldTraining", dependencies: ["RandomStreams", "Trainer", "Manipulation", "TaskRewards", "PPO", "Samplers", "Networks"]),
        .testTarget(name: "MetaWorldTrainingTests", dependencies: ["RandomStreams", "MetaWorldTraining", "Trainer", "Manipulation", "TaskRewards", "PPO", "Samplers", "MallocCounter", "SafeTensors", "ChildProcess", "Networks", "Physics", "WorkerThreads"]),

        // MARK: Task samplers (pure Swift, no I/O)
        .target(name: "Samplers", dependencies: ["RandomStreams"]),
        .testTarget(name: "SamplersTests", dependencies: ["RandomStreams", "Samplers"]),

        // MARK: Checkpoint format
        .target(name: "SafeTensors", dependencies: ["FileIO"]),

        // MARK: TensorBoard event files (record framing and the Event protobuf; CRC-32C from SafeTensors)
        .target(name: "TensorBoardEvents", dependencies: ["SafeTensors"]),
        .testTarget(name: "TensorBoardEventsTests", dependencies: ["TensorBoardEvents"]),

        // MARK: Toy suite
        .target(name: "GridWorld", dependencies: ["RandomStreams"]),

        // MARK: Rewards (pure Swift, no dependencies)
        .target(name: "TaskRewards"),

        // MARK: The daemon: state directory, run store and queue, run folders, systemd notify
        .target(
            name: "Daemon",
            dependencies: [
                "RandomStreams",
                "FileIO",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),

        // MARK: Run configs (YAML) and the operations behind the CLI
        // RunConfiguration also imports CYaml, the libyaml that Yams bundles (a target, not a
        // product: its module map reaches every target that depends on Yams), to count a
        // config's nodes on libyaml's events before Yams composes it (YAMLPreflight.swift).
        .target(
            name: "RunConfiguration",
            dependencies: ["PPO", "Networks", "Samplers", "TaskRewards", "GridWorld", "JSONLines", .product(name: "Yams", package: "Yams")]
        ),
        .target(name: "Operations", dependencies: ["Daemon", "FileIO", "RunConfiguration", "Samplers", "JSONLines"]),

        // MARK: Run execution: one run trained to its budget with logs, metrics and checkpoints
        .target(
            name: "RunExecution",
            dependencies: ["Daemon", "FileIO", "RunConfiguration", "Operations", "Trainer", "MetaWorldTraining", "GridWorldTraining", "SafeTensors",
                           "Manipulation", "GridWorld", "PPO", "Samplers", "Networks", "JSONLines", "TensorBoardEvents"]
        ),
        .testTarget(
            name: "RunExecutionTests",
            dependencies: ["RunExecution", "Daemon", "RunConfiguration", "Trainer", "SafeTensors", "MallocCounter", "TensorBoardEvents", "TestScratch", "PPO", "Samplers"]
        ),

        // MARK: Reports: sampler comparison tables and plots (SVG and PNG) from run folders
        .target(name: "Reporting", dependencies: ["RandomStreams", "Daemon", "FileIO", "RunConfiguration", "Networks", "Samplers", "JSONLines", "CSystemZlib"]),
        .testTarget(name: "ReportingTests", dependencies: ["RandomStreams", "Reporting", "Daemon", "ChildProcess", "Networks"]),

        // MARK: The long-running service (`dratsd serve`): queue polling, run threads, systemd
        .target(name: "Service", dependencies: ["Daemon", "FileIO", "RunConfiguration", "RunExecution", "JSONLines"]),
        .testTarget(name: "ServiceTests", dependencies: ["Service", "Daemon"]),

        // MARK: The executable
        .executableTarget(
            name: "dratsd",
            dependencies: [
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                "Manipulation",
                "TaskRewards",
                "PPO",
                "PolicyServing",
                "GridWorldTraining",
                "MetaWorldTraining",
                "Operations",
                "RunConfiguration",
                "Daemon",
                "FileIO",
                "RunExecution",
                "Reporting",
                "Samplers",
                "Service",
            ]
        ),

        // MARK: Tests
        .testTarget(name: "DratsdTests", dependencies: ["dratsd", "ChildProcess", "TestScratch"]),
        .testTarget(name: "RunConfigurationTests", dependencies: ["RunConfiguration", "TaskRewards", "PPO", "Samplers", "TestScratch", "Networks"]),
        .testTarget(name: "OperationsTests", dependencies: ["Operations", "Daemon", "RunConfiguration", "PPO", "Samplers"]),
        .target(name: "MallocCounter", path: "Tests/Support/MallocCounter"),
        .target(name: "NetworkReference", dependencies: ["Networks"], path: "Tests/Support/NetworkReference"),
        .target(name: "ChildProcess", path: "Tests/Support/ChildProcess"),
        .target(name: "TestScratch", path: "Tests/Support/TestScratch"),
        .testTarget(name: "NetworksTests", dependencies: ["RandomStreams", "Networks", "NetworkReference", "MallocCounter"]),
        .testTarget(name: "PolicyServingTests", dependencies: ["RandomStreams", "PolicyServing", "PPO", "Networks", "SafeTensors", "MallocCounter", "ChildProcess", "TestScratch"]),
        .testTarget(name: "PPOTests", dependencies: ["RandomStreams", "PPO", "Networks", "NetworkReference", "MallocCounter", "SafeTensors", "ChildProcess"]),
        .testTarget(name: "PhysicsTests", dependencies: ["Physics"]),
        .testTarget(name: "ManipulationTests", dependencies: ["RandomStreams", "Manipulation", "MallocCounter", "Physics", "TaskRewards"]),
        .testTarget(name: "SafeTensorsTests", dependencies: ["RandomStreams", "SafeTensors", "FileIO", "ChildProcess", "TestScratch"], exclude: ["golden.safetensors"]),
        .testTarget(name: "GridWorldTests", dependencies: ["RandomStreams", "GridWorld"]),
        .testTarget(name: "TrainerTests", dependencies: ["Trainer", "GridWorldTraining", "GridWorld", "Samplers", "PPO", "MallocCounter", "SafeTensors", "Networks", "WorkerThreads"]),
        .testTarget(name: "GridWorldTrainingTests", dependencies: ["GridWorldTraining", "Trainer", "Samplers", "GridWorld"]),
        .testTarget(
            name: "TaskRewardsTests",
            dependencies: ["RandomStreams", "TaskRewards"],
            exclude: ["Fixtures/generate_reward_reference.py"],
            resources: [.copy("Fixtures/reward_reference.json")]
        ),
        // A separate process that drives the real RunStore, so tests can race processes and SIGKILL writers.
        .executableTarget(
            name: "DaemonTestWorker",
            dependencies: ["Daemon", .product(name: "GRDB", package: "GRDB.swift")],
            path: "Tests/DaemonTestWorker"
        ),
        .testTarget(
            name: "DaemonTests",
            dependencies: ["Daemon", "FileIO", "TestScratch", "DaemonTestWorker", .product(name: "GRDB", package: "GRDB.swift")]
        ),
    ]
)

// Every Swift target sees only the members of modules it imports itself (Swift's upcoming
// MemberImportVisibility), so what a file uses is what it imports, and the declared
// dependencies above can be checked against the imports.
for target in package.targets where target.type != .system {
    target.swiftSettings = (target.swiftSettings ?? []) + [.enableUpcomingFeature("MemberImportVisibility")]
}
