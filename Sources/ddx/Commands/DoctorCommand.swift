import ArgumentParser
import Explorer

/// `ddx doctor`: what the machine offers ddx and what is missing, with the command that fixes it.
struct DoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Report what this machine offers ddx (Graphviz plugins, libxml2, OpenBLAS core) and how to fix what is missing.",
        discussion: "Exits 0 when everything is usable and 1 when something needs fixing.")

    func run() throws {
        let report = MachineReport.inspect()
        print(report.text, terminator: "")
        if !report.healthy { throw ExitCode(1) }
    }
}
