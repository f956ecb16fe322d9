package dev.dragoman.cli.command;

import dev.dragoman.cli.Console;
import dev.dragoman.core.error.UsageException;
import dev.dragoman.core.write.DataTable;
import dev.dragoman.core.write.OutputFormat;
import picocli.CommandLine.Option;

/**
 * The one {@code -f/--format} option (a {@code @Mixin}) of every command that prints articles or data, with the
 * same values, default (flag &gt; {@code DRAGOMAN_FORMAT} &gt; file {@code format} &gt; text) and errors everywhere.
 */
public final class FormatOption {

    @Option(
            names = {"-f", "--format"},
            paramLabel = "FORMAT",
            description =
                    "text, json, jsonl, md or html (default: ${DEFAULT-VALUE}; env DRAGOMAN_FORMAT; file 'format').")
    String format;

    /** The chosen format; a bad value is a usage error (exit 2). */
    public OutputFormat get() {
        try {
            return OutputFormat.parse(format);
        } catch (IllegalArgumentException e) {
            throw new UsageException("Invalid value for --format: " + e.getMessage());
        }
    }

    /** Prints {@code table} in the chosen format on the console's standard output. */
    void print(Console console, DataTable table) {
        console.out().print(table.render(get()));
        console.out().flush();
    }
}
