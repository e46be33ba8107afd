import Foundation
@testable import SafeTensors
import RandomStreams

extension SplitMix64 {
    mutating func bytes(_ count: Int) -> [UInt8] { (0..<count).map { _ in UInt8(truncatingIfNeeded: next()) } }
}

/// File bytes around a hand-written header, padded like the reference, followed by `data`.
func fileBytes(header: String, data: [UInt8] = []) -> [UInt8] {
    var json = Array(header.utf8)
    json.append(contentsOf: repeatElement(0x20, count: (8 - json.count % 8) % 8))
    return withUnsafeBytes(of: UInt64(json.count).littleEndian) { Array($0) } + json + data
}

/// The SafeTensorsError `body` throws, or nil.
func safeTensorsError(_ body: () throws -> Void) -> SafeTensorsError? {
    do {
        try body()
        return nil
    } catch let error as SafeTensorsError {
        return error
    } catch {
        return nil
    }
}
