import Foundation
import GRDB

/// Column mapping of `RunRecord` to the `run` table. Dates are stored as Unix seconds (REAL) and
/// the seed as its Int64 bit pattern, since SQLite integers are signed 64-bit.
extension RunRecord: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "run"

    enum RunColumns {
        static let id = Column("id"), state = Column("state"), createdAt = Column("createdAt")
        static let ownerToken = Column("ownerLeaseToken"), sweepID = Column("sweepID")
    }

    public init(row: Row) throws {
        let stateText: String = row["state"]
        guard let state = RunState(rawValue: stateText) else {
            throw DaemonError.invalidField(field: "run.state", value: stateText,
                                           allowed: RunState.allCases.map(\.rawValue).joined(separator: ", "))
        }
        id = row["id"]
        name = row["name"]
        configText = row["configText"]
        configSHA256 = row["configSHA256"]
        samplerName = row["samplerName"]
        seed = UInt64(bitPattern: row["seed"] as Int64)
        self.state = state
        createdAt = Date(timeIntervalSince1970: row["createdAt"])
        startedAt = (row["startedAt"] as Double?).map(Date.init(timeIntervalSince1970:))
        updatedAt = Date(timeIntervalSince1970: row["updatedAt"])
        finishedAt = (row["finishedAt"] as Double?).map(Date.init(timeIntervalSince1970:))
        envSteps = row["envSteps"]
        totalEnvSteps = row["totalEnvSteps"]
        stepsPerSecond = row["stepsPerSecond"]
        lastCheckpointPath = row["lastCheckpointPath"]
        failureReason = row["failureReason"]
        faultCount = row["faultCount"]
        attemptCount = row["attemptCount"]
        lostAttempts = row["lostAttempts"]
        cancelRequested = row["cancelRequested"]
        if let token: String = row["ownerLeaseToken"] {
            owner = RunOwner(pid: row["ownerPID"], bootID: row["ownerBootID"], leaseToken: token)
        } else {
            owner = nil
        }
        ownerHeartbeatAt = (row["ownerHeartbeatAt"] as Double?).map(Date.init(timeIntervalSince1970:))
        sweepID = row["sweepID"]
    }

    public func encode(to container: inout PersistenceContainer) throws {
        container["id"] = id
        container["name"] = name
        container["configText"] = configText
        container["configSHA256"] = configSHA256
        container["samplerName"] = samplerName
        container["seed"] = Int64(bitPattern: seed)
        container["state"] = state.rawValue
        container["createdAt"] = createdAt.timeIntervalSince1970
        container["startedAt"] = startedAt?.timeIntervalSince1970
        container["updatedAt"] = updatedAt.timeIntervalSince1970
        container["finishedAt"] = finishedAt?.timeIntervalSince1970
        container["envSteps"] = envSteps
        container["totalEnvSteps"] = totalEnvSteps
        container["stepsPerSecond"] = stepsPerSecond
        container["lastCheckpointPath"] = lastCheckpointPath
        container["failureReason"] = failureReason
        container["faultCount"] = faultCount
        container["attemptCount"] = attemptCount
        container["lostAttempts"] = lostAttempts
        container["cancelRequested"] = cancelRequested
        container["ownerPID"] = owner?.pid
        container["ownerBootID"] = owner?.bootID
        container["ownerLeaseToken"] = owner?.leaseToken
        container["ownerHeartbeatAt"] = ownerHeartbeatAt?.timeIntervalSince1970
        container["sweepID"] = sweepID
    }
}
