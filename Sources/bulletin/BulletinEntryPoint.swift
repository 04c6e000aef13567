import BulletinCore
import Foundation
import SyncClient

/// The `bulletin` executable: runs the command line through ``BulletinEntry`` and prints what it returns.
@main
enum BulletinEntryPoint {
    static func main() async {
        // Fewer partly used heaps: a lower peak during a long pull (BENCHMARKS.md, "Issue 14: memory").
        ProcessMemory.limitMallocArenas()
        var progress: (@Sendable (String) -> Void)?
        if isatty(STDERR_FILENO) == 1 {
            progress = { FileHandle.standardError.write(Data($0.utf8)) }
        }
        let output = CommandOutput(write: { FileHandle.standardOutput.write(Data($0.utf8)) }, progress: progress)
        let result = await BulletinEntry.run(
            Array(CommandLine.arguments.dropFirst()), cli: BulletinCLI(context: .live),
            output: output)
        FileHandle.standardError.write(Data(result.standardError.utf8))
        exit(result.status)
    }
}
