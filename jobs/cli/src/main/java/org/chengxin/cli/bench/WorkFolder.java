package org.chengxin.cli.bench;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --work}: the scratch folder of a benchmark that keeps its inputs for the next run. */
final class WorkFolder {
  @Option(names = "--work", paramLabel = "DIR",
      description = "scratch folder, one sub-folder a size; what a size finds built there is reused (default: ${DEFAULT-VALUE})")
  private Path folder;

  /** The option with {@code defaultFolder} as its default. */
  WorkFolder(String defaultFolder) {
    this.folder = Path.of(defaultFolder);
  }

  Path path() {
    return folder;
  }

  /** The sub-folder of one size or market. */
  Path of(Object name) {
    return folder.resolve(name.toString());
  }
}
