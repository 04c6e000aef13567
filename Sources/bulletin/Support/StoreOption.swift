import ArgumentParser

/// `--store PATH`, shared by every command.
struct StoreOption: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The store file (default: $BULLETIN_STORE, else $XDG_DATA_HOME/bulletin/store.sqlite, "
                + "else ~/.local/share/bulletin/store.sqlite); may also come before the command.", valueName: "path"))
    var store: String?

    /// `arguments` with a `--store PATH` (or `--store=PATH`) written before the command moved after the command's
    /// name(s), where its parser reads it: `bulletin --store s.sqlite conflicts show ID` means
    /// `bulletin conflicts show --store s.sqlite ID`.
    static func movedAfterCommand(_ arguments: [String]) -> [String] {
        var leading: [String] = []
        var rest = arguments[...]
        while let first = rest.first, first.hasPrefix("--store") {
            if first == "--store", rest.count >= 2 {
                leading += rest.prefix(2)
                rest = rest.dropFirst(2)
            } else if first.hasPrefix("--store=") {
                leading.append(first)
                rest = rest.dropFirst()
            } else {
                break
            }
        }
        guard !leading.isEmpty else { return arguments }
        var names: [String] = []
        var command: any ParsableCommand.Type = Bulletin.self
        while let name = rest.first,
            let next = command.configuration.subcommands.first(where: {
                $0.configuration.commandName == name
            })
        {
            names.append(name)
            rest = rest.dropFirst()
            command = next
        }
        // A group without its subcommand (`conflicts`) runs its default one, which then takes the option.
        if let fallback = command.configuration.defaultSubcommand, !rest.contains(where: { !$0.hasPrefix("-") }) {
            names.append(fallback.configuration.commandName ?? "")
        }
        return names + leading + rest
    }
}
