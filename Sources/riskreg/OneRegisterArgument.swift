import ArgumentParser
import Foundation
import RegisterLoader

extension CommandFailure {
    /// Refuses a folder where a command takes one register file (`report`, `diff`, `export`),
    /// saying so and naming the registers in it, instead of "could not be read" followed by
    /// "the register has errors".
    static func refuseFolder(_ path: String, command: String) throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else { return }
        let (files, _) = RegisterFile.expand([path])
        let example = files.first.map { "`riskreg \(command) \($0)`" } ?? "`riskreg \(command) \(path.hasSuffix("/") ? path : path + "/")REGISTER.yaml`"
        let also = command == "report" ? "; `riskreg score \(path)` scores every register in it" : ""
        let listed = files.isEmpty ? "it holds no `.yaml` files"
            : "it holds \(files.prefix(5).joined(separator: ", "))\(files.count > 5 ? " and \(files.count - 5) more" : "")"
        throw error(path, "\(path) is a folder; `riskreg \(command)` takes one register file (\(listed))",
                    hint: "name one register, such as \(example)\(also)")
    }
}
