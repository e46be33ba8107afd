internal import CSystemODE

/// Layout of one body's saved state in `World.bodyStates`: position, quaternion, linear and
/// angular velocity, and the force and torque accumulated for the coming step.
enum BodyStateSnapshot {
    static let doublesPerBody = 19
}

extension World {
    /// Copies every body's state into `bodyStates` (preallocated as bodies are added). Kinematic
    /// bodies too: skipping them broke the recovery (the window tasks then dropped contacts and
    /// corrupted memory after a redone step), so a failed exact step does disturb them.
    func saveBodyStates() {
        bodyStates.withUnsafeMutableBufferPointer { saved in
            for (index, body) in bodies.enumerated() {
                let base = index * BodyStateSnapshot.doublesPerBody
                let p = dBodyGetPosition(body)!, q = dBodyGetQuaternion(body)!
                let v = dBodyGetLinearVel(body)!, w = dBodyGetAngularVel(body)!
                let f = dBodyGetForce(body)!, t = dBodyGetTorque(body)!
                for i in 0..<3 {
                    saved[base + i] = p[i]
                    saved[base + 7 + i] = v[i]
                    saved[base + 10 + i] = w[i]
                    saved[base + 13 + i] = f[i]
                    saved[base + 16 + i] = t[i]
                }
                for i in 0..<4 { saved[base + 3 + i] = q[i] }
            }
        }
    }

    /// Puts every body back into the state `saveBodyStates` recorded.
    func restoreBodyStates() {
        bodyStates.withUnsafeBufferPointer { saved in
            for (index, body) in bodies.enumerated() {
                let s = index * BodyStateSnapshot.doublesPerBody
                dBodySetPosition(body, saved[s], saved[s + 1], saved[s + 2])
                var q: dQuaternion = (saved[s + 3], saved[s + 4], saved[s + 5], saved[s + 6])
                withUnsafePointer(to: &q) { $0.withMemoryRebound(to: Double.self, capacity: 4) { dBodySetQuaternion(body, $0) } }
                dBodySetLinearVel(body, saved[s + 7], saved[s + 8], saved[s + 9])
                dBodySetAngularVel(body, saved[s + 10], saved[s + 11], saved[s + 12])
                dBodySetForce(body, saved[s + 13], saved[s + 14], saved[s + 15])
                dBodySetTorque(body, saved[s + 16], saved[s + 17], saved[s + 18])
            }
        }
    }
}
