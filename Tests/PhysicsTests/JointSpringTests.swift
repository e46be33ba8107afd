import Testing
@testable import Physics

/// `JointDefinition.spring`: MuJoCo's joint stiffness / springref on a slider.
@Suite struct JointSpringTests {
    /// A 10 g slider along z with limits [-0.09, 0], damping 1 N·s/m, built at z = 0 and
    /// started pressed down on its lower stop.
    func pressedButton(spring: (stiffness: Double, reference: Double)?) throws -> (World, BodyID, JointID) {
        let world = try World()
        var definition = BodyDefinition(name: "button")
        definition.massKilograms = 0.01
        let button = try world.addBody(definition)
        var joint = JointDefinition(name: "slide", kind: .slider(axis: SIMD3(0, 0, 1)), first: button, second: nil)
        joint.lowerLimit = -0.09
        joint.upperLimit = 0
        joint.damping = 1
        joint.spring = spring
        let id = try world.addJoint(joint)
        world.setPose(Transform(position: SIMD3(0, 0, -0.09)), of: button)
        return (world, button, id)
    }

    @Test func springLiftsASliderOffItsStop() throws {
        // 0.5 N/m toward 0.5 m pushes up with ~0.27 N against the 0.098 N weight.
        let (world, _, slide) = try pressedButton(spring: (0.5, 0.5))
        for _ in 0..<800 { #expect(world.step() == nil) }
        #expect(abs(world.jointPosition(slide)) < 0.002)
    }

    @Test func withoutSpringTheSliderStaysOnItsStop() throws {
        let (world, _, slide) = try pressedButton(spring: nil)
        for _ in 0..<800 { #expect(world.step() == nil) }
        #expect(abs(world.jointPosition(slide) + 0.09) < 0.002)
    }

    @Test func freeSpringSettlesAtItsReference() throws {
        let world = try World()
        var definition = BodyDefinition(name: "mass")
        definition.massKilograms = 0.1
        definition.gravity = false
        let body = try world.addBody(definition)
        var joint = JointDefinition(name: "slide", kind: .slider(axis: SIMD3(1, 0, 0)), first: body, second: nil)
        joint.damping = 1
        joint.spring = (10, 0.05)
        let slide = try world.addJoint(joint)
        for _ in 0..<2000 { world.step() }
        #expect(abs(world.jointPosition(slide) - 0.05) < 1e-3)
    }
}
