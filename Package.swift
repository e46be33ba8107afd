// swift-tools-version: 6.1
// drats: a training daemon for multi-task reinforcement learning with DRATS task sampling.
//
// Layers, dependencies pointing down only:
//   CSystemODE, CSystemBLAS (C interop)
//   -> Physics (the only module importing CSystemODE), Networks (the only one importing CSystemBLAS)
//   -> Manipulation (Sawyer arm, env contract, MetaWorld tasks)
//   -> PPO, Samplers -> Trainer -> Daemon -> dratsd (command definitions only)
import PackageDescription

let package = Package(
    name: "drats",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "dratsd", targets: ["dratsd"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
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

        // MARK: Task samplers (pure Swift, no I/O)
        .target(name: "Samplers"),
        .testTarget(name: "SamplersTests", dependencies: ["Samplers"]),

        // MARK: Checkpoint format
        .target(name: "SafeTensors"),

        // MARK: Toy suite
        .target(name: "GridWorld"),
        // MARK: Learning core (issue 4)
        .target(name: "Networks", dependencies: ["CSystemBLAS"]),
        .target(name: "PPO", dependencies: ["Networks"]),

        // MARK: Training loop and experiments (issue 5)
        .target(name: "Trainer", dependencies: ["PPO", "Networks", "Samplers"]),
        .target(name: "Experiments", dependencies: ["Trainer", "GridWorld", "Samplers", "PPO"]),

        // MARK: The executable
        .executableTarget(
            name: "dratsd",
            dependencies: [
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                "PPO",
                "Experiments",
            ]
        ),

        // MARK: Tests
        .testTarget(name: "DratsdTests", dependencies: ["dratsd"]),
        .testTarget(name: "SafeTensorsTests", dependencies: ["SafeTensors"], exclude: ["golden.safetensors"]),
        .testTarget(name: "GridWorldTests", dependencies: ["GridWorld"]),
        .target(name: "MallocCounter", path: "Tests/Support/MallocCounter"),
        .target(name: "NetworkReference", dependencies: ["Networks"], path: "Tests/Support/NetworkReference"),
        .testTarget(name: "NetworksTests", dependencies: ["Networks", "NetworkReference", "MallocCounter"]),
        .testTarget(name: "TrainerTests", dependencies: ["Trainer", "Experiments", "Samplers", "PPO", "MallocCounter"]),
        .testTarget(name: "ExperimentsTests", dependencies: ["Experiments", "Trainer", "Samplers", "GridWorld"]),
        .testTarget(name: "PPOTests", dependencies: ["PPO", "Networks", "NetworkReference", "MallocCounter"]),
    ]
)
