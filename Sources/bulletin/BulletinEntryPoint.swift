import Foundation
import SyncClient

/// The `bulletin` executable: runs the command line through ``BulletinEntry`` and prints what it returns.
@main
enum BulletinEntryPoint {
    static func main() {
        let result = BulletinEntry.run(Array(CommandLine.arguments.dropFirst()), cli: BulletinCLI(context: .live))
        FileHandle.standardOutput.write(Data(result.standardOutput.utf8))
        FileHandle.standardError.write(Data(result.standardError.utf8))
        exit(result.status)
    }
}
