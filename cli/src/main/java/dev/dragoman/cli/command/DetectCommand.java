package dev.dragoman.cli.command;

import dev.dragoman.cli.CliContext;
import dev.dragoman.core.write.DetectionWriter;
import dev.dragoman.core.write.OutputFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code dragoman detect}: the language of each input and the detector's confidence. */
@Command(
        name = "detect",
        mixinStandardHelpOptions = true,
        description = {
            "Detect the language of each input, with a confidence from 0 to 1: near 1 when the answer is far ahead of "
                    + "the runners-up (a whole sentence), low when another language is nearly as likely (a few words).",
            "Offline; needs no configuration. One line per article in text format."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  dragoman detect examples/sana-2024-06-25-lukashenko.ar.txt",
            "  echo 'The president said on Tuesday that his country would support Russia.' | dragoman detect -f json"
        })
public final class DetectCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Mixin
    IoOptions io;

    DetectCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        context.settings();
        OutputFormat format = io.format();
        if (DetectionWriter.tabular(format)) {
            // one table of every input: the rows are gathered as the inputs are read, then written once
            List<List<Object>> rows = new ArrayList<>();
            int code = io.run(context, OutputFormat.JSONL, true, "", (source, article) -> {
                rows.add(DetectionWriter.row(source.name(), article));
                return "";
            });
            io.writeWhole(context, DetectionWriter.table(rows, format));
            return code;
        }
        DetectionWriter writer = new DetectionWriter(format);
        return io.run(
                context,
                format,
                format != OutputFormat.JSON,
                "",
                (source, article) -> writer.write(source.name(), article));
    }
}
