package dev.dragoman.core;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.dragoman.core.text.TextNormalizer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A news article as Dragoman understands it. Every reader (wire text, JSON, HTML, feeds) produces one, and every
 * backend consumes one, so everything downstream is shared.
 *
 * <p>JSON field names are stable (see docs/DESIGN.md): {@code id, language, languageConfidence, headline,
 * published {raw, date|instant, zone}, dateline {place, agency}, paragraphs [{text}], source, related [Article],
 * url, unclassified [..], metadata {..}}. Null fields and empty collections are omitted.
 *
 * <p>{@code id} is a content hash ({@link #contentId}) of the normalized headline and body, so the same story read
 * twice — from a file, a feed or a page — has the same id. {@code related} holds the "read also" stories, each an
 * article of its own that never belongs to this one's body. {@code unclassified} keeps lines a reader could not
 * place, so nothing is ever dropped silently. Text is kept in logical order. Immutable and thread-safe.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({
    "id",
    "language",
    "languageConfidence",
    "headline",
    "published",
    "dateline",
    "paragraphs",
    "source",
    "related",
    "url",
    "unclassified",
    "metadata"
})
public record Article(
        String id,
        Language language,
        Double languageConfidence,
        String headline,
        Published published,
        Dateline dateline,
        List<Paragraph> paragraphs,
        String source,
        List<Article> related,
        String url,
        List<String> unclassified,
        Map<String, String> metadata) {

    public Article {
        paragraphs = paragraphs == null ? List.of() : List.copyOf(paragraphs);
        related = related == null ? List.of() : List.copyOf(related);
        unclassified = unclassified == null ? List.of() : List.copyOf(unclassified);
        metadata = metadata == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        if (dateline != null && dateline.isEmpty()) {
            dateline = null;
        }
        if (id == null || id.isBlank()) {
            id = contentId(headline, paragraphs);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder()
                .id(id)
                .language(language, languageConfidence)
                .headline(headline)
                .published(published)
                .dateline(dateline)
                .paragraphs(paragraphs)
                .source(source)
                .related(related)
                .url(url)
                .unclassified(unclassified)
                .metadata(metadata);
    }

    /** The body as plain text, one paragraph per line. */
    @JsonIgnore
    public String bodyText() {
        StringBuilder sb = new StringBuilder();
        for (Paragraph p : paragraphs) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(p.text());
        }
        return sb.toString();
    }

    /** Paragraph texts in order. */
    @JsonIgnore
    public List<String> paragraphTexts() {
        List<String> texts = new ArrayList<>(paragraphs.size());
        for (Paragraph p : paragraphs) {
            texts.add(p.text());
        }
        return texts;
    }

    /**
     * The stable content id: the first 16 bytes of SHA-256 over the {@link TextNormalizer normalized} headline and
     * paragraphs, hex encoded. Stable across runs, machines and JVMs; insensitive to diacritics, tatweel, white space
     * and digit script.
     */
    public static String contentId(String headline, List<Paragraph> paragraphs) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(TextNormalizer.normalize(headline).getBytes(StandardCharsets.UTF_8));
            for (Paragraph p : paragraphs == null ? List.<Paragraph>of() : paragraphs) {
                sha.update((byte) '\n');
                sha.update(TextNormalizer.normalize(p.text()).getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** Builds an {@link Article}; {@code id} is computed from the content when not set. Not thread-safe. */
    public static final class Builder {
        private String id;
        private Language language;
        private Double languageConfidence;
        private String headline;
        private Published published;
        private Dateline dateline;
        private List<Paragraph> paragraphs = new ArrayList<>();
        private String source;
        private List<Article> related = new ArrayList<>();
        private String url;
        private List<String> unclassified = new ArrayList<>();
        private Map<String, String> metadata = new LinkedHashMap<>();

        private Builder() {}

        public Builder id(String id) {
            this.id = id;
            return this;
        }

        public Builder language(Language language, Double confidence) {
            this.language = language;
            this.languageConfidence = confidence;
            return this;
        }

        public Builder language(Language language) {
            return language(language, null);
        }

        public Builder headline(String headline) {
            this.headline = headline;
            return this;
        }

        public Builder published(Published published) {
            this.published = published;
            return this;
        }

        public Builder dateline(Dateline dateline) {
            this.dateline = dateline;
            return this;
        }

        public Builder paragraphs(List<Paragraph> paragraphs) {
            this.paragraphs = new ArrayList<>(Objects.requireNonNull(paragraphs));
            return this;
        }

        public Builder paragraph(String text) {
            this.paragraphs.add(new Paragraph(text));
            return this;
        }

        public Builder source(String source) {
            this.source = source;
            return this;
        }

        public Builder related(List<Article> related) {
            this.related = new ArrayList<>(related);
            return this;
        }

        public Builder addRelated(Article article) {
            this.related.add(article);
            return this;
        }

        public Builder url(String url) {
            this.url = url;
            return this;
        }

        public Builder unclassified(List<String> lines) {
            this.unclassified = new ArrayList<>(lines);
            return this;
        }

        public Builder addUnclassified(String line) {
            this.unclassified.add(line);
            return this;
        }

        public Builder metadata(Map<String, String> metadata) {
            this.metadata = new LinkedHashMap<>(metadata);
            return this;
        }

        public Builder putMetadata(String key, String value) {
            this.metadata.put(key, value);
            return this;
        }

        public Article build() {
            return new Article(
                    id,
                    language,
                    languageConfidence,
                    headline,
                    published,
                    dateline,
                    paragraphs,
                    source,
                    related,
                    url,
                    unclassified,
                    metadata);
        }
    }
}
