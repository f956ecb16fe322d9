package dev.dragoman.core.error;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dragoman.core.json.Json;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * What a vendor's error answers mean, for {@link ErrorMapper#fromStatus}: its display name, where the user sets its key
 * and URL (named in messages), and how to read its error body (the vendor's message, and whether it signals a quota,
 * a rate limit or a bad key beyond what the status says). Immutable.
 *
 * @param name display name used in every message ("DeepL")
 * @param keyHint what to check when the key is rejected ("DEEPL_AUTH_KEY")
 * @param urlHint what to check when the URL is wrong ("the DeepL base URL")
 * @param quotaHint what to do when the quota is exhausted
 */
public record VendorErrors(
        String name, String keyHint, String urlHint, String quotaHint, BiFunction<Integer, String, Detail> reader) {

    /** What one error answer says. */
    public record Detail(String message, boolean quota, boolean rateLimited, boolean badKey) {
        public Detail {
            message = message == null ? "" : message;
        }

        public static Detail of(String message) {
            return new Detail(message, false, false, false);
        }
    }

    public VendorErrors {
        Objects.requireNonNull(name, "name");
        keyHint = keyHint == null ? "the backend's API key" : keyHint;
        urlHint = urlHint == null ? "the backend's URL" : urlHint;
        quotaHint = quotaHint == null ? "wait for the quota to renew or raise it with the vendor" : quotaHint;
        reader = reader == null ? (status, body) -> Detail.of(messageField(body)) : reader;
    }

    Detail detail(int status, String body) {
        return reader.apply(status, body);
    }

    /**
     * The vendor's message from common error bodies: {@code {"message": …}}, {@code {"error": "…"}},
     * {@code {"error": {"message": …}}}; or the body itself when it is short text; "" otherwise.
     */
    public static String messageField(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        try {
            JsonNode n = Json.mapper().readTree(body);
            if (n != null && n.isObject()) {
                if (n.path("message").isTextual()) {
                    return n.path("message").asText();
                }
                JsonNode error = n.path("error");
                if (error.isTextual()) {
                    return error.asText();
                }
                if (error.path("message").isTextual()) {
                    return error.path("message").asText();
                }
                if (n.path("explanation").isTextual()) {
                    return n.path("explanation").asText();
                }
            }
            return "";
        } catch (java.io.IOException | RuntimeException notJson) {
            String t = body.strip();
            return t.startsWith("<") || t.length() > 200 ? "" : t;
        }
    }
}
