package dev.dragoman.pipeline.batch;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dragoman.core.Article;
import dev.dragoman.core.Language;
import dev.dragoman.core.Published;
import dev.dragoman.core.json.Json;
import dev.dragoman.core.read.RelativeDates;
import dev.dragoman.core.summary.Summary;
import dev.dragoman.core.summary.TimeAnchor;
import dev.dragoman.core.usage.Usage;
import dev.dragoman.pipeline.step.StepResult;
import java.time.Instant;
import java.util.List;

/**
 * A finished article as the journal keeps it: enough to skip it next time and to list it in a digest without reading
 * its outputs again. {@code headline}/{@code summary} are the digest's texts (translated when a target language is
 * set, else the original), in {@code displayLanguage}; {@code outputs} are paths relative to the output directory.
 * {@code anchors} are the relative day words of that text ("اليوم", "yesterday", "hier") with the dates they mean,
 * resolved against the article's date (empty when it is unknown): a digest is read days later. {@code fallback} is true
 * when a fallback backend did some of the work because the configured one had used up its quota
 * ({@link StepResult#byFallback()}): such an item is not taken as finished by a later run, which asks the configured
 * backend again.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DoneRecord(
        String id,
        String fingerprint,
        String input,
        String url,
        String originalHeadline,
        Language language,
        String headline,
        String summary,
        Language displayLanguage,
        Published published,
        String agency,
        List<String> outputs,
        Usage usage,
        boolean fromCache,
        Instant finished,
        List<String> warnings,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<TimeAnchor> anchors,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean fallback) {

    public DoneRecord {
        outputs = outputs == null ? List.of() : List.copyOf(outputs);
        anchors = anchors == null ? List.of() : List.copyOf(anchors);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        usage = usage == null ? Usage.NONE : usage;
    }

    /** A record of an item the configured backends did themselves. */
    public DoneRecord(
            String id,
            String fingerprint,
            String input,
            String url,
            String originalHeadline,
            Language language,
            String headline,
            String summary,
            Language displayLanguage,
            Published published,
            String agency,
            List<String> outputs,
            Usage usage,
            boolean fromCache,
            Instant finished,
            List<String> warnings,
            List<TimeAnchor> anchors) {
        this(
                id,
                fingerprint,
                input,
                url,
                originalHeadline,
                language,
                headline,
                summary,
                displayLanguage,
                published,
                agency,
                outputs,
                usage,
                fromCache,
                finished,
                warnings,
                anchors,
                false);
    }

    /**
     * The record of an article the step has just finished: the digest's headline and text (the brief, else the summary
     * when it is in the shown language, else the shown article's first paragraph), the agency (dateline, else source
     * or site), the outputs and usage. Every engine (the local one, a cluster job) records articles this way.
     *
     * @param id the article's content id
     * @param itemUrl the URL the item was found under (a feed item's link), used when the article has none; may be null
     * @param translateTo the batch's target language, or null
     * @param paths the article's outputs, relative to the output directory
     */
    public static DoneRecord of(
            String id,
            String fingerprint,
            String input,
            String itemUrl,
            StepResult result,
            Language translateTo,
            List<String> paths,
            Instant finished) {
        Article article = result.article();
        Article shown = result.shown();
        Summary summary = result.summary();
        String text;
        List<TimeAnchor> anchors;
        if (result.brief() != null) {
            text = result.brief().text();
            anchors = result.brief().anchors();
        } else if (summary != null
                && (result.translation() == null || translateTo.sameLanguageAs(summary.language()))) {
            text = summary.text();
            anchors = summary.anchors();
        } else {
            text = shown.paragraphs().isEmpty() ? "" : shown.paragraphs().get(0).text();
            anchors = RelativeDates.anchors(
                    text,
                    article.published() == null ? null : article.published().day());
        }
        String agency = article.dateline() != null && article.dateline().agency() != null
                ? article.dateline().agency()
                : firstNonNull(
                        article.source(),
                        article.metadata().get("site"),
                        article.metadata().get("feed"));
        return new DoneRecord(
                id,
                fingerprint,
                input,
                firstNonNull(article.url(), itemUrl),
                article.headline(),
                article.language(),
                shown.headline(),
                text.strip(),
                shown.language(),
                article.published(),
                agency,
                paths,
                result.usage(),
                result.fromCache(),
                finished,
                result.warnings(),
                anchors,
                result.byFallback());
    }

    private static String firstNonNull(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    /** The publication time if known (instant, else start of the day in UTC), else null. */
    public Instant time() {
        if (published == null) {
            return null;
        }
        if (published.instant() != null) {
            return published.instant();
        }
        return published.date() == null
                ? null
                : published.date().atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
    }

    ObjectNode toJson() {
        ObjectNode node = Json.mapper().valueToTree(this);
        node.put("type", "done");
        return node;
    }

    static DoneRecord from(JsonNode node) {
        try {
            return Json.mapper().treeToValue(node, DoneRecord.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable done record: " + e.getOriginalMessage(), e);
        }
    }
}
