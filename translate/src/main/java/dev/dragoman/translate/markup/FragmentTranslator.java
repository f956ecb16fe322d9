package dev.dragoman.translate.markup;

import dev.dragoman.core.Language;
import dev.dragoman.core.translation.TranslatedSegment;
import dev.dragoman.core.translation.TranslationOptions;
import dev.dragoman.core.translation.TranslationRequest;
import dev.dragoman.core.translation.TranslationResult;
import dev.dragoman.core.translation.Translator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Translates HTML fragments ({@code <p>Hello <b>big <i>wide</i></b> world</p>}) through any {@link Translator} so that
 * every element, attribute, comment and entity comes back as it went in and only the text changes — the contract of
 * LibreTranslate's {@code format=html} and DeepL's {@code tag_handling=html}.
 *
 * <p>Each run of text between tags is one plain-text segment; all segments of all fragments travel in one
 * {@link TranslationRequest} (so a decorated backend caches, packs and guards them like any other segment). Markup
 * therefore survives whatever the backend does with it, including backends that have no HTML mode (Apertium, LLMs,
 * the simulator); the price is that a sentence split by an inline tag is translated in pieces. The white space around
 * a run is kept as it was. Not translated: {@code script}, {@code style}, {@code code}, {@code kbd}, {@code samp},
 * {@code var}, {@code textarea}, elements with {@code translate="no"} or class {@code notranslate}, and attribute
 * values. Malformed markup is repaired the way browsers do (HTML5 parsing rules). Stateless and thread-safe when the
 * translator is.
 */
public final class FragmentTranslator {

    private static final Set<String> UNTRANSLATED =
            Set.of("script", "style", "code", "kbd", "samp", "var", "textarea", "template", "svg", "math");

    private final Translator translator;

    public FragmentTranslator(Translator translator) {
        this.translator = Objects.requireNonNull(translator, "translator");
    }

    /**
     * The fragments in {@code target}, in order, and the backend's result for their text runs.
     *
     * @param result the result of the one request made, or null when the fragments hold no text to translate
     */
    public record Result(List<String> html, TranslationResult result) {
        public Result {
            html = List.copyOf(html);
        }

        /** Warnings of the text runs (a degraded translation), in order. */
        public List<String> warnings() {
            return result == null
                    ? List.of()
                    : result.segments().stream()
                            .flatMap(s -> s.warnings().stream())
                            .toList();
        }
    }

    /**
     * Translates every fragment.
     *
     * @param source the source language, null to let the backend detect it
     * @throws dev.dragoman.core.error.DragomanException when the backend fails (nothing partial is returned)
     */
    public Result translate(List<String> fragments, Language source, Language target, TranslationOptions options) {
        List<Element> bodies = new ArrayList<>(fragments.size());
        List<TextNode> runs = new ArrayList<>();
        for (String fragment : fragments) {
            Document doc = Jsoup.parseBodyFragment(Objects.requireNonNull(fragment, "fragment"));
            doc.outputSettings()
                    .prettyPrint(false)
                    .escapeMode(Entities.EscapeMode.base)
                    .charset(java.nio.charset.StandardCharsets.UTF_8);
            bodies.add(doc.body());
            collect(doc.body(), runs);
        }
        TranslationResult result = null;
        if (!runs.isEmpty()) {
            List<String> segments =
                    runs.stream().map(t -> t.getWholeText().strip()).toList();
            TranslationOptions textOptions = (options == null ? TranslationOptions.DEFAULT : options)
                    .withFormat(TranslationOptions.TextFormat.TEXT);
            result = translator.translate(new TranslationRequest(segments, source, target, textOptions));
            for (int i = 0; i < runs.size(); i++) {
                TextNode run = runs.get(i);
                String whole = run.getWholeText();
                TranslatedSegment t = result.segments().get(i);
                run.text(leading(whole) + t.text() + trailing(whole));
            }
        }
        return new Result(bodies.stream().map(Element::html).toList(), result);
    }

    private static void collect(Node node, List<TextNode> runs) {
        for (Node child : node.childNodes()) {
            if (child instanceof TextNode text) {
                if (!text.isBlank()) {
                    runs.add(text);
                }
            } else if (child instanceof Element e && translatable(e)) {
                collect(e, runs);
            }
        }
    }

    private static boolean translatable(Element e) {
        return !UNTRANSLATED.contains(e.normalName())
                && !"no".equals(e.attr("translate").toLowerCase(Locale.ROOT))
                && !e.hasClass("notranslate");
    }

    private static String leading(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return s.substring(0, i);
    }

    private static String trailing(String s) {
        int i = s.length();
        while (i > 0 && Character.isWhitespace(s.charAt(i - 1))) {
            i--;
        }
        return s.substring(i);
    }
}
