package dev.dragoman.cli.command;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dragoman.cli.CliContext;
import dev.dragoman.core.Article;
import dev.dragoman.core.Language;
import dev.dragoman.core.json.Json;
import dev.dragoman.core.write.OutputFormat;
import java.util.Locale;
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
        if (format == OutputFormat.MD || format == OutputFormat.HTML) {
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(), "detect writes text, json or jsonl, not " + format.extension());
        }
        return io.run(
                context,
                format,
                format != OutputFormat.JSON,
                "",
                (source, article) -> render(source.name(), article, format));
    }

    private static String render(String input, Article article, OutputFormat format) {
        Language language = article.language() == null ? Language.UNDETERMINED : article.language();
        double confidence = article.languageConfidence() == null ? 0 : article.languageConfidence();
        if (format == OutputFormat.TEXT) {
            return String.format(
                    Locale.ROOT,
                    "%s\t%s\t%.2f\t%s%n",
                    input,
                    language.tag(),
                    confidence,
                    language.equals(Language.UNDETERMINED) ? "undetermined" : language.displayName());
        }
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("input", input);
        node.put("language", language.tag());
        node.put("confidence", confidence);
        node.put("name", language.displayName());
        try {
            return (format == OutputFormat.JSON
                            ? Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(node)
                            : Json.mapper().writeValueAsString(node))
                    + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
