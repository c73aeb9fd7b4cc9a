import ArgumentParser
import Explorer

@main
struct DDx: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ddx",
        abstract: "Explore the reasoning paths of medical reasoning models.",
        version: DDxVersion.current)
}
