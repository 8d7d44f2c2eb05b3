package dev.simplij.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code simplij completion}: the bash and zsh completion script that picocli generates from every command's options. */
@Command(name = "completion", header = "print a bash/zsh completion script of every command and option",
        mixinStandardHelpOptions = true, versionProvider = Main.Version.class, usageHelpAutoWidth = true,
        description = {"Prints a bash script (zsh reads it too, after 'autoload -U +X bashcompinit && bashcompinit') that "
                + "completes command names, options and the values of options with a fixed list. It completes "
                + "'simplij' and, by the name after the last slash, './simplij'.",
                "In the current shell: source <(./simplij completion)",
                "For every new shell: ./simplij completion > ~/.simplij-completion.bash, and a line "
                        + "'source ~/.simplij-completion.bash' in ~/.bashrc."},
        exitCodeListHeading = "%nExit status:%n", exitCodeList = {"0:printed", "2:bad usage"})
final class CompletionCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    private final PrintStream out;

    CompletionCommand(Streams streams) {
        this.out = streams.out();
    }

    @Override
    public Integer call() {
        out.print(AutoComplete.bash("simplij", spec.root().commandLine()));
        return 0;
    }
}
