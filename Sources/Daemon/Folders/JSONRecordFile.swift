import FileIO
import Foundation

/// The one way a folder record (`status.json`, `sweep.json`) is written and read: the value's
/// Codable JSON (sorted keys, dates as Unix seconds, the same fields `dratsd list --json`
/// prints), replaced atomically, and decoded back with the same settings. Foundation's coder is
/// used because these are whole Codable records; the metrics lines and line protocols, read many
/// times per second, go through JSONLines' reader.
enum JSONRecordFile {
    /// Writes `value` to `path` atomically (temporary file, fsync, rename, fsync of the folder).
    static func write(_ value: some Encodable, to path: String) throws(DaemonError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .secondsSince1970
        let data: Data
        do { data = try encoder.encode(value) } catch {
            throw .invalidField(field: path, value: "\(error)", allowed: "a record with finite numbers")
        }
        try DaemonError.mapping { () throws(FileIOError) in try AtomicFile.write(Array(data) + [0x0A], to: path) }
    }

    /// The record at `path`, nil when the file does not exist; a file that does not decode is
    /// `invalidField` naming the path and `what` it should be.
    static func read<T: Decodable>(_ type: T.Type, from path: String, what: String) throws(DaemonError) -> T? {
        guard let bytes = try DaemonError.mapping({ () throws(FileIOError) in try FileContents.read(path) }) else { return nil }
        do {
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .secondsSince1970
            return try decoder.decode(T.self, from: Data(bytes))
        } catch {
            throw .invalidField(field: path, value: "not \(what) (\(error))", allowed: "the file dratsd wrote")
        }
    }
}
