import Daemon
import FileIO
import Foundation
import Testing
import TestScratch

@Suite struct CheckpointCatalogTests {
    private func makeCatalog(_ temp: TestScratch, steps: [Int64]) throws -> CheckpointCatalog {
        let catalog = CheckpointCatalog(directoryPath: temp.path)
        for step in steps { try AtomicFile.write([UInt8(step % 251)], to: catalog.path(forEnvSteps: step)) }
        return catalog
    }

    @Test func namesSortAndListNewestFirst() throws {
        let temp = try TestScratch("daemon")
        defer { temp.remove() }
        let catalog = try makeCatalog(temp, steps: [2_000, 500, 1_000_000_000_000_000, 0])
        #expect(catalog.path(forEnvSteps: 2_000) == temp.path + "/step-000000002000.safetensors")
        #expect(catalog.path(forEnvSteps: 1_000_000_000_000_000).hasSuffix("/step-1000000000000000.safetensors"))
        // Things that are not finished checkpoints are ignored.
        for stray in [".step-000000003000.safetensors.tmp-1-1", "step-.safetensors", "step-12a.safetensors",
                      "step-+1.safetensors", "notes.txt", "step-000000004000.safetensors.partial"] {
            _ = FileManager.default.createFile(atPath: temp.path + "/" + stray, contents: Data())
        }
        #expect(try catalog.entries().map(\.envSteps) == [1_000_000_000_000_000, 2_000, 500, 0])
        #expect(throws: DaemonError.self) { try CheckpointCatalog(directoryPath: temp.path + "/missing").entries() }
    }

    @Test func pruneKeepsTheNewestAndTheProtected() throws {
        let temp = try TestScratch("daemon")
        defer { temp.remove() }
        let catalog = try makeCatalog(temp, steps: [100, 200, 300, 400, 500, 600])
        let removed = try catalog.prune(keepNewest: 2, protectedSteps: [200])
        #expect(removed.map(\.envSteps) == [400, 300, 100])
        #expect(try catalog.entries().map(\.envSteps) == [600, 500, 200])
        #expect(try FileContents.read(catalog.path(forEnvSteps: 200)) == [200])
        // Pruning again changes nothing; keeping more than exist keeps all.
        #expect(try catalog.prune(keepNewest: 2, protectedSteps: [200]).isEmpty)
        #expect(try catalog.prune(keepNewest: 10).isEmpty)
        #expect(throws: DaemonError.self) { try catalog.prune(keepNewest: 0) }
        #expect(try catalog.entries().count == 3)
    }

    @Test func anEmptyFolderHasNothingToPrune() throws {
        let temp = try TestScratch("daemon")
        defer { temp.remove() }
        let catalog = CheckpointCatalog(directoryPath: temp.path)
        #expect(try catalog.entries().isEmpty)
        #expect(try catalog.prune(keepNewest: 1).isEmpty)
    }

    @Test func theCatalogOfARunFolder() throws {
        let temp = try TestScratch("daemon")
        defer { temp.remove() }
        let state = try StateDirectory.prepare(flag: temp.path, environment: [:], userID: 1000)
        let folder = try RunFolder(stateDirectory: state, runID: "r-20261125-k3x9qa")
        try folder.create(configText: "x: 1\n")
        let catalog = CheckpointCatalog(folder: folder)
        #expect(catalog.path(forEnvSteps: 7) == folder.checkpointsPath + "/step-000000000007.safetensors")
        #expect(try catalog.entries().isEmpty)
    }
}
