package dev.dragoman.core.translation;

import dev.dragoman.core.Language;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * Terms that must be translated a fixed way ("سانا" → "SANA"), and terms that must not be translated at all
 * ("Reuters" stays "Reuters": an entry whose target is its source, {@link Entry#keep()}). Each entry may be limited
 * to a language pair. Where terms are found in a text is {@link TermMatcher}'s job. {@link #version()} is a digest of
 * the content, used in cache keys so that editing the glossary never serves a translation made with the old one.
 * Immutable.
 */
public record Glossary(List<Entry> entries) {

    public Glossary {
        entries = List.copyOf(Objects.requireNonNull(entries, "entries"));
    }

    /** One term; {@code sourceLanguage}/{@code targetLanguage} null means "any". */
    public record Entry(String source, String target, Language sourceLanguage, Language targetLanguage) {
        /** @throws IllegalArgumentException for a blank term or one with a tab or line break */
        public Entry {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(target, "target");
            if (source.isBlank() || target.isBlank()) {
                throw new IllegalArgumentException("a glossary term must not be empty");
            }
            if (source.matches("(?s).*[\\t\\r\\n].*") || target.matches("(?s).*[\\t\\r\\n].*")) {
                throw new IllegalArgumentException("a glossary term must not contain a tab or a line break");
            }
        }

        /** A term to leave as it is, whatever the language pair. */
        public static Entry keep(String term) {
            return new Entry(term, term, null, null);
        }

        /** True for a do-not-translate term: its target is its source. */
        public boolean keep() {
            return source.equals(target);
        }

        public boolean appliesTo(Language from, Language to) {
            return (sourceLanguage == null || from == null || sourceLanguage.sameLanguageAs(from))
                    && (targetLanguage == null || targetLanguage.sameLanguageAs(to));
        }
    }

    /** True when the glossary has no entry at all. */
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /**
     * The entries that apply to a language pair ({@code from} null = unknown source, every entry may apply), one per
     * source term: an entry limited to the pair wins over one for any pair, so "سانا,SANA news,ar,en" beats
     * "سانا,SANA" from Arabic into English.
     */
    public List<Entry> entriesFor(Language from, Language to) {
        java.util.Map<String, Entry> bySource = new java.util.LinkedHashMap<>();
        for (Entry e : entries) {
            if (e.appliesTo(from, to)) {
                bySource.merge(e.source(), e, (a, b) -> specificity(b) > specificity(a) ? b : a);
            }
        }
        return List.copyOf(bySource.values());
    }

    private static int specificity(Entry e) {
        return (e.sourceLanguage() == null ? 0 : 1) + (e.targetLanguage() == null ? 0 : 1);
    }

    /**
     * This glossary's entries ahead of {@code base}'s: where both hold a term for the same pair, equally specific,
     * this one's target wins ({@link #entriesFor} keeps the first). A client's glossary over a server's house terms.
     *
     * @param base may be null or empty (this glossary is returned)
     */
    public Glossary over(Glossary base) {
        if (base == null || base.isEmpty()) {
            return this;
        }
        List<Entry> all = new java.util.ArrayList<>(entries);
        all.addAll(base.entries);
        return new Glossary(all);
    }

    /**
     * A language model's prompt section for this glossary: the entries for {@code from} → {@code to} whose source
     * terms occur in {@code texts} ({@link TermMatcher}) — "term =&gt; translation" lines to translate a fixed way and a
     * list to leave untranslated; "" when none occurs. A glossary of a thousand terms costs only the lines the texts
     * need. One rendering for LLM translations and LLM summaries in another language.
     */
    public String promptRules(Language from, Language to, java.util.Collection<String> texts) {
        if (isEmpty()) {
            return "";
        }
        List<Entry> forPair = entriesFor(from, to);
        java.util.Set<Entry> used = new java.util.LinkedHashSet<>();
        for (String text : texts) {
            TermMatcher.find(text, forPair).forEach(hit -> used.add(hit.entry()));
        }
        StringBuilder translate = new StringBuilder();
        StringBuilder keep = new StringBuilder();
        for (Entry e : used) {
            if (e.keep()) {
                keep.append("  ").append(e.source()).append('\n');
            } else {
                translate
                        .append("  ")
                        .append(e.source())
                        .append(" => ")
                        .append(e.target())
                        .append('\n');
            }
        }
        StringBuilder sb = new StringBuilder();
        if (translate.length() > 0) {
            sb.append("- Always translate these terms exactly as given (term => translation):\n")
                    .append(translate);
        }
        if (keep.length() > 0) {
            sb.append("- Leave these terms exactly as they are, untranslated:\n")
                    .append(keep);
        }
        return sb.toString();
    }

    /** A stable digest of the glossary's content (first 12 hex chars of SHA-256). */
    public String version() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Entry e : entries) {
                String line =
                        e.source() + '\t' + e.target() + '\t' + e.sourceLanguage() + '\t' + e.targetLanguage() + '\n';
                sha.update(line.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
