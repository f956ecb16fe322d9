package dev.dragoman.translate;

import dev.dragoman.core.Article;
import dev.dragoman.core.Dateline;
import dev.dragoman.core.Language;
import dev.dragoman.core.Paragraph;
import dev.dragoman.core.cache.ResultCache;
import dev.dragoman.core.llm.TokenEstimate;
import dev.dragoman.core.text.Segmenter;
import dev.dragoman.core.translation.TranslatedSegment;
import dev.dragoman.core.translation.TranslationOptions;
import dev.dragoman.core.translation.TranslationRequest;
import dev.dragoman.core.translation.TranslationResult;
import dev.dragoman.core.usage.Usage;
import dev.dragoman.core.usage.UsageMeter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Translates an {@link Article} part by part and rebuilds it in the target language.
 *
 * <p>The parts (segments): the headline, the dateline's place and agency, each paragraph, the source line, and for
 * each "read also" story its own headline, dateline and paragraphs — a related story stays a separate article and
 * never joins the main body. The date line is kept as printed ({@code published.raw}); lines the reader could not
 * classify ({@code unclassified}) are kept untranslated, as they are not known to be text.
 *
 * <p>Each segment is looked up in the cache and only the misses are sent, packed into as few requests as the
 * backend allows ({@link CachingTranslator}). Where the backend takes a context ({@link
 * BackendProfile#supportsContext()}, DeepL), each story's headline travels as context for that story's segments —
 * so the main story and each related story form separate requests; otherwise every miss of the article shares one
 * packed request. Editing one paragraph re-sends only that paragraph. A part too large for one request is cut at
 * sentence boundaries and joined back after translation (its pieces show as {@code paragraph[3]#0}, {@code #1} in
 * the provenance).
 *
 * <p>An article already in the target language (same tag, from {@code source} or the article's own language) is
 * returned as it is, with no request and a provenance without parts.
 *
 * <p>Thread-safe if the backend and cache are; one instance serves a whole run.
 */
public final class ArticleTranslator {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ArticleTranslator.class);

    private final TranslationBackend translator;

    /**
     * @param backend the decorated backend (see {@link Translators}): retry, rate limit, guard …
     * @param cache where segment translations are kept ({@code MemoryResultCache}, SQLite, Redis)
     * @param meter records what the cache saved; may be null
     */
    public ArticleTranslator(TranslationBackend backend, ResultCache cache, UsageMeter meter, Clock clock) {
        this.translator = new CachingTranslator(backend, cache, meter, clock);
    }

    public ArticleTranslator(TranslationBackend backend, ResultCache cache) {
        this(backend, cache, null, null);
    }

    private ArticleTranslator(TranslationBackend cached) {
        this.translator = Objects.requireNonNull(cached, "cached");
    }

    /**
     * An article translator over a translator that already caches (or deliberately does not): a {@link
     * CachingTranslator} shared with other users — a batch's brief sentences go through the same one, so the cache,
     * its single flight per segment and the usage meter are one for the whole run.
     */
    public static ArticleTranslator over(TranslationBackend cached) {
        return new ArticleTranslator(cached);
    }

    public BackendProfile profile() {
        return translator.profile();
    }

    /** Translates {@code article} into {@code target} from its own language (or auto-detection when unknown). */
    public ArticleTranslation translate(Article article, Language target) {
        return translate(article, null, target, TranslationOptions.DEFAULT);
    }

    /**
     * Translates {@code article} into {@code target}.
     *
     * @param source the source language; null = the article's language, or detection by the backend when unknown
     * @param options formality, glossary, format; its {@code context} is replaced by each story's headline
     * @throws dev.dragoman.core.error.DragomanException when the backend fails; nothing partial is returned, but
     *     every batch that succeeded is already cached
     */
    public ArticleTranslation translate(Article article, Language source, Language target, TranslationOptions options) {
        Objects.requireNonNull(article, "article");
        Objects.requireNonNull(target, "target");
        TranslationOptions base = options == null ? TranslationOptions.DEFAULT : options;
        Language from = source != null ? source : known(article.language());
        if (from != null && from.sameLanguageAs(target) && from.tag().equals(target.tag())) {
            // already in the target language: nothing to send, and nothing is pretended to be a translation
            LOG.info("article {} is already in {}; not translated", article.id(), target);
            return new ArticleTranslation(
                    article,
                    new TranslationProvenance(
                            translator.profile().id(),
                            translator.profile().model(),
                            from,
                            target,
                            Usage.NONE,
                            List.of()));
        }
        boolean byStory = translator.profile().supportsContext();

        // collect the parts, grouped into requests (one group per story when the backend takes a context)
        Map<Integer, Group> groups = new LinkedHashMap<>();
        Splitter splitter = new Splitter(translator.profile().limits(), from);
        collect(article, "", 0, groups, splitter);
        for (int r = 0; r < article.related().size(); r++) {
            collect(article.related().get(r), "related[" + r + "].", byStory ? r + 1 : 0, groups, splitter);
        }

        Map<String, TranslatedSegment> done = new LinkedHashMap<>();
        Map<String, String> fallbacks = new HashMap<>(); // part → why a fallback backend translated it
        Usage usage = Usage.NONE;
        Language detected = null;
        String model = translator.profile().model();
        for (Group g : groups.values()) {
            if (g.texts.isEmpty()) {
                continue;
            }
            TranslationOptions o = byStory ? base.withContext(g.context) : base.withContext(null);
            TranslationResult result = translator.translate(new TranslationRequest(g.texts, from, target, o));
            usage = usage.plus(result.usage());
            detected = detected != null ? detected : result.detectedSource();
            for (int i = 0; i < g.paths.size(); i++) {
                done.put(g.paths.get(i), result.segments().get(i));
                if (result.fallback() != null) {
                    fallbacks.put(g.paths.get(i), result.fallback());
                }
            }
        }

        Map<String, String> joined = splitter.join(done);
        Article translated = rebuild(article, "", joined, target);
        List<Article> related = new ArrayList<>();
        for (int r = 0; r < article.related().size(); r++) {
            related.add(rebuild(article.related().get(r), "related[" + r + "].", joined, target));
        }
        translated = translated.toBuilder().related(related).build();

        List<TranslationProvenance.Part> parts = new ArrayList<>();
        done.forEach((path, seg) ->
                parts.add(new TranslationProvenance.Part(path, seg.fromCache(), seg.warnings(), fallbacks.get(path))));
        TranslationProvenance provenance = new TranslationProvenance(
                translator.profile().id(), model, from != null ? from : detected, target, usage, parts);
        return new ArticleTranslation(translated, provenance);
    }

    private static void collect(Article a, String prefix, int group, Map<Integer, Group> groups, Splitter splitter) {
        Group g = groups.computeIfAbsent(group, k -> new Group(a.headline()));
        splitter.add(g, prefix + "headline", a.headline());
        if (a.dateline() != null) {
            splitter.add(g, prefix + "dateline.place", a.dateline().place());
            splitter.add(g, prefix + "dateline.agency", a.dateline().agency());
        }
        for (int i = 0; i < a.paragraphs().size(); i++) {
            splitter.add(
                    g, prefix + "paragraph[" + i + "]", a.paragraphs().get(i).text());
        }
        splitter.add(g, prefix + "source", a.source());
    }

    /**
     * Adds parts to a group; a part too large for one request on its own (a page whose whole body came as one
     * paragraph) is cut at sentence boundaries into pieces that fit — {@code paragraph[3]#0}, {@code #1} … — and the
     * pieces' translations are joined back with the original separators. An LLM would otherwise truncate it.
     */
    private static final class Splitter {
        private final BatchLimits limits;
        private final Language language;
        private final Map<String, List<String>> pieces = new LinkedHashMap<>();
        private final Map<String, List<String>> separators = new LinkedHashMap<>();

        Splitter(BatchLimits limits, Language language) {
            this.limits = limits;
            this.language = language;
        }

        void add(Group g, String path, String text) {
            if (text == null || text.isBlank()) {
                return;
            }
            if (fits(text)) {
                g.paths.add(path);
                g.texts.add(text);
                return;
            }
            List<Segmenter.Span> spans = Segmenter.sentenceSpans(text, language);
            if (spans.size() < 2) {
                g.paths.add(path);
                g.texts.add(text);
                return;
            }
            List<String> sentences = spans.stream().map(Segmenter.Span::text).toList();
            List<String> names = new ArrayList<>();
            List<String> seps = new ArrayList<>();
            List<int[]> chunks = SegmentPacker.pack(sentences, limits.withMaxSegments(0));
            for (int c = 0; c < chunks.size(); c++) {
                int[] r = chunks.get(c);
                String piece = text.substring(
                        spans.get(r[0]).start(), spans.get(r[1] - 1).end());
                String name = path + "#" + c;
                names.add(name);
                g.paths.add(name);
                g.texts.add(piece);
                if (c > 0) {
                    int prevEnd = spans.get(chunks.get(c - 1)[1] - 1).end();
                    String sep = text.substring(prevEnd, spans.get(r[0]).start());
                    seps.add(sep.isEmpty() ? " " : sep);
                }
            }
            pieces.put(path, names);
            separators.put(path, seps);
        }

        private boolean fits(String text) {
            return (limits.maxCharacters() == 0 || text.length() <= limits.maxCharacters())
                    && (limits.maxBytes() == 0 || TokenEstimate.utf8Length(text) <= limits.maxBytes())
                    && (limits.maxTokens() == 0 || TokenEstimate.of(text) <= limits.maxTokens());
        }

        /** The translated text of every part, pieces joined back. */
        Map<String, String> join(Map<String, TranslatedSegment> done) {
            Map<String, String> out = new LinkedHashMap<>();
            done.forEach((path, seg) -> out.put(path, seg.text()));
            pieces.forEach((path, names) -> {
                StringBuilder sb = new StringBuilder();
                List<String> seps = separators.get(path);
                for (int i = 0; i < names.size(); i++) {
                    if (i > 0) {
                        sb.append(seps.get(i - 1));
                    }
                    sb.append(done.get(names.get(i)).text());
                }
                out.put(path, sb.toString());
            });
            return out;
        }
    }

    private static Article rebuild(Article a, String prefix, Map<String, String> done, Language target) {
        Article.Builder b = a.toBuilder()
                .id(null)
                .language(target)
                .headline(text(done, prefix + "headline", a.headline()))
                .source(text(done, prefix + "source", a.source()));
        if (a.dateline() != null) {
            b.dateline(Dateline.of(
                    text(done, prefix + "dateline.place", a.dateline().place()),
                    text(done, prefix + "dateline.agency", a.dateline().agency())));
        }
        List<Paragraph> paragraphs = new ArrayList<>();
        for (int i = 0; i < a.paragraphs().size(); i++) {
            paragraphs.add(Paragraph.of(text(
                    done, prefix + "paragraph[" + i + "]", a.paragraphs().get(i).text())));
        }
        b.paragraphs(paragraphs);
        if (a.id() != null) {
            b.putMetadata("translatedFrom", a.id());
        }
        return b.build();
    }

    /** The translation of a part, or the original when the part was blank (nothing to translate). */
    private static String text(Map<String, String> done, String path, String original) {
        String t = done.get(path);
        return t == null ? original : t;
    }

    private static Language known(Language l) {
        return l == null || "und".equals(l.tag()) ? null : l;
    }

    private static final class Group {
        final String context;
        final List<String> paths = new ArrayList<>();
        final List<String> texts = new ArrayList<>();

        Group(String context) {
            this.context = context;
        }
    }
}
