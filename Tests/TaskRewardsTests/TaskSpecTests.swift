import Testing
@testable import TaskRewards
import RandomStreams

/// Every spec written so far: MT10's and the MT50 families landed.
private let specified: [TaskSpec] = MetaWorldTask.allCases.compactMap(TaskSpec.of)

/// The tasks whose `hand_low` is not (−0.5, 0.4, 0.05).
private let handLowExceptions: [MetaWorldTask: SIMD3<Double>] = [
    .pickOutOfHole: SIMD3(-0.5, 0.4, -0.05),  // 5 cm below the table top, into its hole
    .binPicking: SIMD3(-0.5, 0.4, 0.07),      // 2 cm higher, above the bins
    .stickPull: SIMD3(-0.5, 0.35, 0.05),      // 5 cm nearer the robot, to pull the thermos
    .leverPull: SIMD3(-0.5, 0.4, -0.15),      // 20 cm lower, to get under the lever
    .handInsert: SIMD3(-0.5, 0.4, -0.15),     // 20 cm lower, down into the table's hole
]

@Suite struct TaskSpecTests {
    @Test func everyTaskHasItsSpecWithMetaWorldsConstants() {
        #expect(MetaWorldTask.mt10.allSatisfy { TaskSpec.of($0) != nil })
        for task in MetaWorldTask.allCases {
            guard let spec = TaskSpec.of(task) else { continue }
            #expect(spec.task == task)
            // Same clip box for all of MT10 and most MT50 tasks; a few lower bounds differ.
            #expect(spec.handLow == (handLowExceptions[task] ?? SIMD3(-0.5, 0.4, 0.05)), "\(task)")
            #expect(spec.handHigh == SIMD3(0.5, 1, 0.5))
            #expect(spec.layoutLow.count == spec.layoutHigh.count)
            #expect([3, 6].contains(spec.layoutLow.count))
            for i in spec.layoutLow.indices { #expect(spec.layoutLow[i] <= spec.layoutHigh[i]) }
        }
        // The hand starts 0.4 m out for the buttons and the windows, 0.6 m for the rest.
        let nearStart: Set<MetaWorldTask> = [
            .buttonPressTopdown, .windowOpen, .windowClose, .buttonPress, .buttonPressWall, .buttonPressTopdownWall,
            .faucetOpen, .faucetClose, .coffeeButton, .coffeePull, .coffeePush, .hammer, .leverPull,
            .disassemble,
        ]
        let float32Hand: Set<MetaWorldTask> = [
            .doorClose, .dialTurn, .plateSlide, .plateSlideSide, .plateSlideBack, .plateSlideBackSide, .shelfPlace,
            .boxClose, .basketball, .leverPull, .handInsert, .assembly, .disassemble,
        ]
        for spec in specified where !float32Hand.contains(spec.task) {
            #expect(spec.handInit == SIMD3(0, nearStart.contains(spec.task) ? 0.4 : 0.6, 0.2))
        }
        // door-close starts the hand far left, at MetaWorld's float32 values.
        #expect(TaskSpec.doorClose.handInit == SIMD3(-0.5, 0.6000000238418579, 0.20000000298023224))
        for task in float32Hand where task != .doorClose {
            guard let spec = TaskSpec.of(task) else { continue }
            let y = nearStart.contains(task) ? 0.4000000059604645 : 0.6000000238418579
            #expect(spec.handInit == SIMD3(0, y, 0.20000000298023224), "\(task)")
        }
        #expect(TaskSpec.buttonPressWall.layoutLow == [-0.05, 0.85, 0.1149])
        #expect(TaskSpec.buttonPressWall.layoutHigh == [0.05, 0.9, 0.1151])
        #expect(TaskSpec.pegInsertSide.layoutLow == [0, 0.5, 0.02, -0.35, 0.4, -0.001])
        #expect(TaskSpec.pegInsertSide.layoutHigh == [0.2, 0.7, 0.02, -0.25, 0.7, 0.001])
        #expect(TaskSpec.doorOpen.layoutLow == [0, 0.85, 0.15] && TaskSpec.doorOpen.layoutHigh == [0.1, 0.95, 0.15])
        #expect(TaskSpec.maxPathLength == 500)
    }

    @Test func layoutsStayInTheirRangeAndKeepConstantComponents() {
        var rng = SplitMix64(seed: 7)
        for spec in specified {
            for _ in 0..<500 {
                let layout = spec.sampleLayout(using: &rng)
                #expect(layout.count == spec.layoutLow.count)
                for i in layout.indices {
                    if spec.layoutLow[i] == spec.layoutHigh[i] {
                        #expect(layout[i] == spec.layoutLow[i])
                    } else {
                        #expect(layout[i] >= spec.layoutLow[i] && layout[i] < spec.layoutHigh[i])
                    }
                }
            }
        }
    }

    @Test func puckAndGoalAreAtLeastFifteenCentimetresApart() {
        var rng = SplitMix64(seed: 11)
        for spec in [TaskSpec.reach, .push, .pickPlace] {
            var closest = Double.infinity
            for _ in 0..<2000 {
                let l = spec.sampleLayout(using: &rng)
                let dx = l[0] - l[3], dy = l[1] - l[4]
                closest = min(closest, (dx * dx + dy * dy).squareRoot())
            }
            #expect(closest >= 0.15)
            // The rule binds: the closest kept layout sits just past the limit.
            #expect(closest < 0.16)
        }
        #expect(TaskSpec.reach.rejects([0, 0.7, 0.02, 0, 0.8, 0.1]))       // 0.1 apart
        #expect(!TaskSpec.reach.rejects([0, 0.65, 0.02, 0, 0.8, 0.1]))     // 0.15 apart
        #expect(TaskSpec.pegInsertSide.rejects([0, 0.5, 0.02, -0.05, 0.55, 0]))
        #expect(!TaskSpec.doorOpen.rejects([0, 0.9, 0.15]))
    }

    @Test func sweepIntoKeepsTheCubeFromTheFixedHoleNotFromTheDrawnGoal() {
        // MetaWorld's reset_model compares the cube's x-y with its target, the hole centre
        // (0, 0.84), whatever the drawn goal components 3, 4 hold.
        let spec = TaskSpec.sweepInto
        #expect(spec.rejects([0, 0.7, 0.02, 0.5, 0.5, 0.02]))        // 14 cm from the hole, goal far
        #expect(!spec.rejects([0.1, 0.7, 0.02, 0.1, 0.7, 0.02]))     // 17.2 cm from the hole, goal on it
        #expect(spec.rejects([0.05, 0.7, 0.02, 0, 0.84, 0.02]))      // 14.9 cm
        #expect(!spec.rejects([0.06, 0.7, 0.02, 0, 0.84, 0.02]))     // 15.2 cm
        // The rule binds: no kept draw comes within 15 cm of the hole, some come close to it.
        var rng = SplitMix64(seed: 5)
        var closest = Double.infinity
        for _ in 0..<5000 {
            let l = spec.sampleLayout(using: &rng)
            closest = min(closest, ((l[0] * l[0]) + (l[1] - 0.84) * (l[1] - 0.84)).squareRoot())
        }
        #expect(closest >= 0.15 && closest < 0.152)
    }

    @Test func rejectionRedrawsTheWholeVector() {
        // Replaying the generator by hand: the sampler's result equals the first draw of six
        // uniforms that passes the rule, i.e. no component is kept from a rejected draw.
        var sampler = SplitMix64(seed: 3)
        var replay = SplitMix64(seed: 3)
        let spec = TaskSpec.reach
        for _ in 0..<200 {
            let layout = spec.sampleLayout(using: &sampler)
            var candidate = [Double](repeating: 0, count: 6)
            repeat {
                for i in 0..<6 {
                    let unit = Double(replay.next() >> 11) * 0x1p-53
                    let width = spec.layoutHigh[i] - spec.layoutLow[i]
                    candidate[i] = spec.layoutLow[i] + width * unit
                }
            } while spec.rejects(candidate)
            #expect(layout == candidate)
        }
    }

    @Test func sameSeedSameLayoutsDifferentSeedDifferentLayouts() {
        var a = SplitMix64(seed: 42), b = SplitMix64(seed: 42), c = SplitMix64(seed: 43)
        let first = (0..<50).map { _ in TaskSpec.pegInsertSide.sampleLayout(using: &a) }
        let again = (0..<50).map { _ in TaskSpec.pegInsertSide.sampleLayout(using: &b) }
        let other = (0..<50).map { _ in TaskSpec.pegInsertSide.sampleLayout(using: &c) }
        #expect(first == again)
        #expect(first != other)
    }

    @Test func suiteLayoutsAreDistinctAndReproducible() {
        for spec in specified {
            var a = SplitMix64(seed: 2026), b = SplitMix64(seed: 2026)
            let layouts = spec.sampleLayouts(count: 50, using: &a)
            #expect(layouts.count == 50)
            #expect(Set(layouts).count == 50, "\(spec.task)")
            #expect(layouts == spec.sampleLayouts(count: 50, using: &b))
            // The first suite layout is the first single draw from the same seed.
            var c = SplitMix64(seed: 2026)
            #expect(layouts[0] == spec.sampleLayout(using: &c))
        }
        var rng = SplitMix64(seed: 1)
        #expect(TaskSpec.reach.sampleLayouts(count: 0, using: &rng).isEmpty)
        #expect(TaskSpec.reach.sampleLayouts(count: -3, using: &rng).isEmpty)
    }
}
