package org.chengxin.cli;

import java.util.concurrent.Callable;
import org.chengxin.cli.bench.Benchmarks;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * {@code chengxin}: the one command. The nightly pipeline is defined here ({@link NightlyPlan});
 * every other subcommand runs one module's main class in a JVM of its own ({@link ForwardedCommand}).
 * {@code generate-completion} prints a bash/zsh completion script, {@code gen-manpage} writes the
 * man pages (AsciiDoc, for {@code asciidoctor -b manpage}).
 */
@Command(name = "chengxin", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
    versionProvider = Chengxin.Version.class,
    description = "Chengxin (诚信): reputation and fraud-detection batch analytics for online marketplaces.",
    subcommands = {AutoComplete.GenerateCompletion.class, ManPageGenerator.class})
public final class Chengxin implements Callable<Integer> {
  @Spec private CommandSpec spec;

  /** The command tree with every subcommand, launching from {@code launcher}'s checkout. */
  static CommandLine commandLine(Launcher launcher) {
    CommandLine cli = new CommandLine(new Chengxin());
    cli.addSubcommand("nightly", new NightlyCommand(launcher));
    cli.addSubcommand("cluster", new ClusterCommand(launcher));
    cli.addSubcommand("kafka", new KafkaCommand(launcher));
    ForwardedCommand.registerAll(cli, launcher);
    Benchmarks.registerAll(cli, launcher);
    // Arguments are passed on as written: no @file expansion of the jobs' arguments.
    cli.setExpandAtFiles(false);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    return cli;
  }

  public static void main(String[] args) {
    System.exit(commandLine(Launcher.fromSystem()).execute(args));
  }

  /** Without a subcommand: the list of them. */
  @Override
  public Integer call() {
    spec.commandLine().usage(System.err);
    return CommandLine.ExitCode.USAGE;
  }

  /** The version the build recorded. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"chengxin " + Launcher.fromSystem().version()};
    }
  }
}
