import Testing
@testable import Operations

/// The job-array script and the options that make it.
@Suite struct SlurmScriptTests {
    @Test func theScriptExecsDratsdOnTheTasksRunFolder() {
        let options = SlurmOptions(partition: "low", time: "04:00:00", cpusPerTask: 2, maxParallel: 3, signalSeconds: 90, extraArguments: ["--mem=4G"])
        let script = SlurmJobScript.render(sweepID: "s-20261202-abcdef", runFolders: ["/state/runs/r-1", "/state/it's/r-2"], options: options,
                                           logsPath: "/state/sweeps/s/logs", scriptPath: "/state/sweeps/s/job.sbatch", dratsdPath: "/usr/local/bin/dratsd")
        for line in ["#SBATCH --array=0-1%3", "#SBATCH --partition=low", "#SBATCH --time=04:00:00", "#SBATCH --cpus-per-task=2",
                     "#SBATCH --signal=B:USR1@90", "#SBATCH --requeue", "#SBATCH --mem=4G", "#SBATCH --output=/state/sweeps/s/logs/%A_%a.out",
                     "  '/state/it'\\''s/r-2'", "exec '/usr/local/bin/dratsd' train --run-folder \"$folder\""] {
            #expect(script.contains(line + "\n"), "missing \(line)")
        }
        #expect(script.hasPrefix("#!/bin/bash\n"))
        #expect(SlurmOptions().directives(runCount: 4, jobName: "j", logsPath: "/l").contains("--array=0-3"))
    }

    @Test(arguments: ["60", "04:00:00", "1-00:00:00", "2-12", "30:00"])
    func slurmTimesAreAccepted(time: String) { #expect(SlurmOptions(time: time).problems().isEmpty) }

    @Test func badOptionsNameTheOption() {
        #expect(SlurmOptions(time: "4h").problems().first?.contains("--time") == true)
        #expect(SlurmOptions(partition: "a b").problems().first?.contains("--partition") == true)
        #expect(SlurmOptions(cpusPerTask: 0).problems().first?.contains("--cpus-per-task") == true)
        #expect(SlurmOptions(maxParallel: 0).problems().first?.contains("--max-parallel") == true)
        #expect(SlurmOptions(extraArguments: ["mem=4G"]).problems().first?.contains("--sbatch-arg") == true)
        #expect(SlurmOptions(extraArguments: ["--x\n#SBATCH --y"]).problems().count == 1)
        #expect(SlurmOptions(extraArguments: ["--mem=4G --array=0-99"]).problems().count == 1)
        for managed in ["--array=0-9", "-o", "--output=/tmp/x", "--no-requeue", "--signal=USR2@5", "-J"] {
            #expect(SlurmOptions(extraArguments: [managed]).problems().first?.contains("sets itself") == true, "\(managed)")
        }
        #expect(SlurmOptions(signalSeconds: 0).problems().first?.contains("--signal-seconds") == true)
        #expect(SlurmOptions(time: "02:00", signalSeconds: 120).problems().first?.contains("--time 02:00") == true)
        #expect(SlurmOptions(time: "1-00", signalSeconds: 120).problems().isEmpty)
        #expect(SlurmOptions.seconds("1-02:03:04") == 93_784 && SlurmOptions.seconds("90") == 5_400 && SlurmOptions.seconds("2:30") == 150)
    }
}
