package dev.dragoman.translate.markup;

import dev.dragoman.core.Language;
import dev.dragoman.core.translation.TranslatedSegment;
import dev.dragoman.core.translation.TranslationOptions;
import dev.dragoman.core.translation.TranslationRequest;
import dev.dragoman.core.translation.TranslationResult;
import dev.dragoman.core.translation.Translator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Comment;
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
 * <p>The unit of translation is a block: an element (or the fragment itself) that holds text and only inline
 * elements. A block without inline markup is one plain-text segment. A block with inline markup goes whole, as one
 * HTML segment ({@link TranslationOptions.TextFormat#HTML}), so that a sentence split by {@code <em>} or a link is
 * translated as one sentence (LibreTranslate issue 806); the answer is accepted only when it has exactly the same
 * elements, attributes and comments in the same order. When it has not (a backend without an HTML mode, or one that
 * moved or dropped a tag), that block's text runs are translated one by one as plain segments — the markup then
 * survives by construction — and the result carries a warning saying so. Blocks holding untranslated parts go run by
 * run from the start. All segments of all fragments of one kind travel in one {@link TranslationRequest}, so a
 * decorated backend caches, packs and guards them like any other segment; white space around a run is kept.
 *
 * <p>Not translated: {@code script}, {@code style}, {@code code}, {@code kbd}, {@code samp}, {@code var},
 * {@code textarea}, {@code template}, {@code svg}, {@code math}, elements with {@code translate="no"} or class
 * {@code notranslate}, and attribute values. Malformed markup is repaired the way browsers do (HTML5 parsing rules).
 * Stateless and thread-safe when the translator is.
 */
public final class FragmentTranslator {

    private static final Set<String> UNTRANSLATED =
            Set.of("script", "style", "code", "kbd", "samp", "var", "textarea", "template", "svg", "math");

    private final Translator translator;

    public FragmentTranslator(Translator translator) {
        this.translator = Objects.requireNonNull(translator, "translator");
    }

    /**
     * The fragments in {@code target}, in order; the backend's results for the requests made (none when the
     * fragments hold no text); and warnings (degraded segments, blocks translated run by run).
     */
    public record Result(List<String> html, List<TranslationResult> results, List<String> warnings) {
        public Result {
            html = List.copyOf(html);
            results = List.copyOf(results);
            warnings = List.copyOf(warnings);
        }

        /** Every segment the backend answered, in request order. */
        public List<TranslatedSegment> segments() {
            return results.stream().flatMap(r -> r.segments().stream()).toList();
        }

        /** The source language a backend reported, or null. */
        public Language detectedSource() {
            return results.stream()
                    .map(TranslationResult::detectedSource)
                    .filter(Objects::nonNull)
                    .findFirst()
                    .orElse(null);
        }
    }

    /** Text to translate: an element's inner HTML (a block with inline markup) or one text run. */
    private record Unit(Element block, TextNode run) {}

    /**
     * Translates every fragment.
     *
     * @param source the source language, null to let the backend detect it
     * @throws dev.dragoman.core.error.DragomanException when the backend fails (nothing partial is returned)
     */
    public Result translate(List<String> fragments, Language source, Language target, TranslationOptions options) {
        TranslationOptions base = options == null ? TranslationOptions.DEFAULT : options;
        List<Element> bodies = new ArrayList<>(fragments.size());
        List<Unit> units = new ArrayList<>();
        for (String fragment : fragments) {
            Document doc = Jsoup.parseBodyFragment(Objects.requireNonNull(fragment, "fragment"));
            doc.outputSettings()
                    .prettyPrint(false)
                    .escapeMode(Entities.EscapeMode.base)
                    .charset(StandardCharsets.UTF_8);
            bodies.add(doc.body());
            collect(doc.body(), units);
        }
        List<TranslationResult> results = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<TextNode> runs = new ArrayList<>();
        List<Element> blocks = new ArrayList<>();
        for (Unit u : units) {
            if (u.run() != null) {
                runs.add(u.run());
            } else {
                blocks.add(u.block());
            }
        }
        if (!blocks.isEmpty()) {
            List<String> html = blocks.stream().map(Element::html).toList();
            TranslationResult r = translator.translate(
                    new TranslationRequest(html, source, target, base.withFormat(TranslationOptions.TextFormat.HTML)));
            results.add(r);
            for (int i = 0; i < blocks.size(); i++) {
                Element block = blocks.get(i);
                TranslatedSegment t = r.segments().get(i);
                Element answer = Jsoup.parseBodyFragment(t.text()).body();
                if (skeleton(answer).equals(skeleton(block))) {
                    block.empty();
                    for (Node n : new ArrayList<>(answer.childNodes())) {
                        block.appendChild(n);
                    }
                    t.warnings().forEach(warnings::add);
                } else {
                    warnings.add("the backend changed the markup of \"" + abbreviate(block.text())
                            + "\"; its text runs were translated one by one");
                    collectRuns(block, runs);
                }
            }
        }
        if (!runs.isEmpty()) {
            List<String> segments =
                    runs.stream().map(t -> t.getWholeText().strip()).toList();
            TranslationResult r = translator.translate(new TranslationRequest(
                    segments, source, target, base.withFormat(TranslationOptions.TextFormat.TEXT)));
            results.add(r);
            for (int i = 0; i < runs.size(); i++) {
                TextNode run = runs.get(i);
                String whole = run.getWholeText();
                TranslatedSegment t = r.segments().get(i);
                run.text(leading(whole) + t.text() + trailing(whole));
                t.warnings().forEach(warnings::add);
            }
        }
        results.stream()
                .map(TranslationResult::fallback)
                .filter(java.util.Objects::nonNull)
                .distinct()
                .forEach(warnings::add); // a fallback's translation is degraded and says so
        return new Result(bodies.stream().map(Element::html).toList(), results, warnings);
    }

    /**
     * Splits {@code e} into units: itself when it holds text and only translatable inline elements, else its direct
     * text runs one by one and its children each in turn.
     */
    private static void collect(Element e, List<Unit> units) {
        if (!hasText(e)) {
            return;
        }
        if (inlineOnly(e)) {
            boolean markup = e.children().stream().findAny().isPresent();
            if (!markup) {
                for (Node child : e.childNodes()) {
                    if (child instanceof TextNode t && !t.isBlank()) {
                        units.add(new Unit(null, t));
                    }
                }
            } else {
                units.add(new Unit(e, null));
            }
            return;
        }
        for (Node child : e.childNodes()) {
            if (child instanceof TextNode t) {
                if (!t.isBlank()) {
                    units.add(new Unit(null, t));
                }
            } else if (child instanceof Element c && translatable(c)) {
                collect(c, units);
            }
        }
    }

    /** Every text run of {@code e} outside untranslated elements. */
    private static void collectRuns(Node node, List<TextNode> runs) {
        for (Node child : node.childNodes()) {
            if (child instanceof TextNode t) {
                if (!t.isBlank()) {
                    runs.add(t);
                }
            } else if (child instanceof Element c && translatable(c)) {
                collectRuns(c, runs);
            }
        }
    }

    /** True when every descendant element is inline and translated (no block, no code or translate="no"). */
    private static boolean inlineOnly(Element e) {
        for (Element c : e.children()) {
            if (c.isBlock() || !translatable(c) || !inlineOnly(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasText(Element e) {
        for (Node child : e.childNodes()) {
            if (child instanceof TextNode t && !t.isBlank()) {
                return true;
            }
            if (child instanceof Element c && translatable(c) && hasText(c)) {
                return true;
            }
        }
        return false;
    }

    /** The elements (name and attributes) and comments under {@code e}, in document order: what must survive. */
    private static List<String> skeleton(Element e) {
        List<String> out = new ArrayList<>();
        for (Element d : e.getAllElements()) {
            if (d != e) {
                out.add(d.normalName() + d.attributes().html());
            }
        }
        for (Node n : e.childNodes()) {
            comments(n, out);
        }
        return out;
    }

    private static void comments(Node n, List<String> out) {
        if (n instanceof Comment c) {
            out.add("<!--" + c.getData());
        }
        for (Node child : n.childNodes()) {
            comments(child, out);
        }
    }

    private static boolean translatable(Element e) {
        return !UNTRANSLATED.contains(e.normalName())
                && !"no".equals(e.attr("translate").toLowerCase(Locale.ROOT))
                && !e.hasClass("notranslate");
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
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
