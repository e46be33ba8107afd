import Foundation
import GRDB

/// One row of the sweep table: a set of runs made from one config file by `dratsd sweep`, one
/// per combination of the values given for some keys. The runs point at it (`RunRecord.sweepID`).
public struct SweepRecord: Sendable, Equatable, Codable {
    /// Short unique id, e.g. `s-20261202-k3x9qa` (`RunIDGenerator`, kind `.sweep`).
    public var id: String
    /// Human name (`--name`, default the config's run name).
    public var name: String
    /// The config file the runs were made from, as given on the command line.
    public var configPath: String
    /// The swept keys and their values as given, one `key=values` per line (what `dratsd list
    /// --sweep` shows; each run's config.yaml holds its resolved values).
    public var axesText: String
    /// Number of runs queued for it.
    public var runCount: Int
    /// When it was submitted.
    public var createdAt: Date

    public init(id: String, name: String, configPath: String, axesText: String, runCount: Int, createdAt: Date) {
        self.id = id
        self.name = name
        self.configPath = configPath
        self.axesText = axesText
        self.runCount = runCount
        self.createdAt = createdAt
    }
}

extension SweepRecord: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "sweep"

    public init(row: Row) throws {
        id = row["id"]
        name = row["name"]
        configPath = row["configPath"]
        axesText = row["axesText"]
        runCount = row["runCount"]
        createdAt = Date(timeIntervalSince1970: row["createdAt"])
    }

    public func encode(to container: inout PersistenceContainer) throws {
        container["id"] = id
        container["name"] = name
        container["configPath"] = configPath
        container["axesText"] = axesText
        container["runCount"] = runCount
        container["createdAt"] = createdAt.timeIntervalSince1970
    }
}
