package dev.dragoman.pipeline.batch;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dragoman.core.Language;
import dev.dragoman.core.Published;
import dev.dragoman.core.json.Json;
import dev.dragoman.core.usage.Usage;
import java.time.Instant;
import java.util.List;

/**
 * A finished article as the journal keeps it: enough to skip it next time and to list it in a digest without reading
 * its outputs again. {@code headline}/{@code summary} are the digest's texts (translated when a target language is
 * set, else the original), in {@code displayLanguage}; {@code outputs} are paths relative to the output directory.
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
        List<String> warnings) {

    public DoneRecord {
        outputs = outputs == null ? List.of() : List.copyOf(outputs);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        usage = usage == null ? Usage.NONE : usage;
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
