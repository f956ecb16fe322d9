package dev.dragoman.cli.command;

import dev.dragoman.core.write.OutputFormat;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Inputs, {@code -o} and {@code --format}: the options of every command that reads articles (a {@code @Mixin}). */
public final class IoOptions {

    @Parameters(
            paramLabel = "INPUT",
            arity = "0..*",
            description = "Files, directories, globs, or - for standard input (the default when piped).")
    List<String> inputs = new ArrayList<>();

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FILE|DIR",
            description = "Write to FILE, or one file per input into DIR (default: standard output).")
    String output;

    @Option(
            names = {"-f", "--format"},
            paramLabel = "FORMAT",
            description =
                    "text, json, jsonl, md or html (default: ${DEFAULT-VALUE}; env DRAGOMAN_FORMAT; file 'format').")
    String format;

    /** The chosen format; a bad flag value is a usage error. */
    OutputFormat format(CommandSpec spec) {
        try {
            return OutputFormat.parse(format);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "Invalid value for --format: " + e.getMessage());
        }
    }
}
