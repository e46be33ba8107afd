import Foundation
@testable import TaskRewards

/// MetaWorld 3.1.1's own rewards at drawn states, produced by
/// `Fixtures/generate_reward_reference.py` (see its header for how it was run).
struct ReferenceFixture: Decodable {
    struct Inputs: Decodable {
        var hand, object, tcp, leftPad, rightPad, target, objectInit, tcpInit: [Double]
        var handInit, extra, action: [Double]
        var gripperOpening, jointPosition: Double
        var touchingObject: Bool
        /// Only in the records of tasks that read it.
        var objectQuaternion: [Double]?
        var secondObject: [Double]?
    }
    struct Record: Decodable {
        var task: String
        /// "drawn" (random states through `evaluate_state`) or "rollout" (read from MuJoCo
        /// while MetaWorld's scripted policy runs).
        var source: String
        var inputs: Inputs
        var reward, success, nearObject, graspSuccess: Double
        var graspReward, inPlaceReward, objectToTarget: Double
    }
    var metaworld: String
    var records: [Record]

    static func load() throws -> ReferenceFixture {
        guard let url = Bundle.module.url(forResource: "reward_reference", withExtension: "json") else {
            throw FixtureError.missing
        }
        return try JSONDecoder().decode(ReferenceFixture.self, from: Data(contentsOf: url))
    }

    enum FixtureError: Error, CustomStringConvertible {
        case missing
        case badVector(String, Int)
        var description: String {
            switch self {
            case .missing: "reward_reference.json is not in the test bundle; check Package.swift resources"
            case .badVector(let name, let count): "fixture field \(name) has \(count) numbers, expected 3 or 4"
            }
        }
    }
}

extension ReferenceFixture.Inputs {
    func quaternion() throws -> SIMD4<Double> {
        guard let q = objectQuaternion else { return .zero }
        guard q.count == 4 else { throw ReferenceFixture.FixtureError.badVector("objectQuaternion", q.count) }
        return SIMD4(q[0], q[1], q[2], q[3])
    }

    func rewardInputs() throws -> RewardInputs {
        func v3(_ a: [Double], _ name: String) throws -> SIMD3<Double> {
            guard a.count == 3 else { throw ReferenceFixture.FixtureError.badVector(name, a.count) }
            return SIMD3(a[0], a[1], a[2])
        }
        guard action.count == 4 else { throw ReferenceFixture.FixtureError.badVector("action", action.count) }
        return RewardInputs(
            hand: try v3(hand, "hand"), gripperOpening: gripperOpening, object: try v3(object, "object"),
            tcp: try v3(tcp, "tcp"), leftPad: try v3(leftPad, "leftPad"), rightPad: try v3(rightPad, "rightPad"),
            target: try v3(target, "target"), action: SIMD4(action[0], action[1], action[2], action[3]),
            objectInit: try v3(objectInit, "objectInit"), tcpInit: try v3(tcpInit, "tcpInit"),
            handInit: try v3(handInit, "handInit"), jointPosition: jointPosition, extra: try v3(extra, "extra"),
            touchingObject: touchingObject, objectQuaternion: try quaternion(),
            secondObject: try secondObject.map { try v3($0, "secondObject") } ?? .zero)
    }
}
