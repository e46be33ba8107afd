// A second process for DaemonTests: it drives the real RunStore so tests can race separate
// processes against one database and SIGKILL a writer in the middle of a transaction.
//
//   DaemonTestWorker submit DB COUNT NAME   submit COUNT runs, print each id once committed
//   DaemonTestWorker claim DB MAX           claim runs as a fresh owner until none is left
//   DaemonTestWorker churn DB               submit forever, printing each committed id
//   DaemonTestWorker hold-write DB          insert a run inside an open transaction, print
//                                           "in-transaction", then wait to be killed
//   DaemonTestWorker sleep                  print the pid, then wait to be killed
import Daemon
import Foundation
import GRDB

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: DaemonTestWorker submit|claim|churn|hold-write|sleep ...\n".utf8))
    exit(2)
}

/// Writes a line straight to the pipe (no stdio buffering), so the test sees it at once.
func emit(_ line: CustomStringConvertible) {
    FileHandle.standardOutput.write(Data((line.description + "\n").utf8))
}

func submission(_ name: String) -> RunSubmission {
    RunSubmission(name: name, configText: "name: \(name)\n", samplerName: "uniform", seed: 7, totalEnvSteps: 1000)
}

do {
    switch arguments[1] {
    case "submit":
        let store = try RunStore(databasePath: arguments[2])
        for index in 0..<Int(arguments[3])! {
            emit(try store.submit(submission("\(arguments[4])-\(index)")).id)
        }
    case "claim":
        let store = try RunStore(databasePath: arguments[2])
        let owner = RunOwner.current()
        while let record = try store.claimNext(owner: owner, maxConcurrent: Int(arguments[3])!) {
            emit(record.id)
        }
    case "churn":
        let store = try RunStore(databasePath: arguments[2])
        var index = 0
        while true {
            emit(try store.submit(submission("churn-\(index)")).id)
            index += 1
        }
    case "hold-write":
        _ = try RunStore(databasePath: arguments[2])
        var configuration = Configuration()
        configuration.busyMode = .timeout(30)
        let pool = try DatabasePool(path: arguments[2], configuration: configuration)
        try pool.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN IMMEDIATE TRANSACTION")
            try db.execute(sql: """
                INSERT INTO run (id, name, configText, configSHA256, samplerName, seed, state, createdAt, updatedAt, totalEnvSteps)
                VALUES ('r-20000101-uncomm', 'uncommitted', '', '', 'uniform', 1, 'queued', 0, 0, 10)
                """)
            // A large update so the WAL holds uncommitted pages when the kill lands.
            try db.execute(sql: "UPDATE run SET configText = configText || zeroblob(100000)")
            emit("in-transaction")
            while true { sleep(60) }
        }
    case "sleep":
        emit(getpid())
        while true { sleep(60) }
    default:
        FileHandle.standardError.write(Data("unknown worker command \(arguments[1])\n".utf8))
        exit(2)
    }
} catch {
    FileHandle.standardError.write(Data("worker: \(error)\n".utf8))
    exit(1)
}
