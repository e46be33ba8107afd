import Foundation
@testable import SafeTensors
import RandomStreams

/// A fresh, empty directory for one test, removed by `cleanUp()`.
struct ScratchDirectory {
    let url: URL

    init(_ name: String) throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("drats-safetensors-\(getpid())-\(name)")
        try? FileManager.default.removeItem(at: url)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> URL { url.appendingPathComponent(name) }

    var contents: [String] { (try? FileManager.default.contentsOfDirectory(atPath: url.path).sorted()) ?? [] }

    func cleanUp() { try? FileManager.default.removeItem(at: url) }
}

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
