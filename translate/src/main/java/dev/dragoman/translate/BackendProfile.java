package dev.dragoman.translate;

import java.util.Objects;

/**
 * What the article translator and the decorators need to know about a backend: its id and model (both part of
 * every cache key), the version of its prompt template (LLMs; empty for MT APIs), how much one request may carry,
 * whether it accepts a context text (DeepL's {@code context}) and whether its limits and bills count characters or
 * tokens. Immutable.
 *
 * @param id a stable backend id ("deepl", "google", "llm"); never contains secrets
 * @param model the model name ("" when the vendor has one model)
 * @param templateVersion prompt template version and digest ("" for MT APIs)
 * @param endpoint the server when it is not the vendor's default (a self-hosted LibreTranslate, an OpenAI-compatible
 *     server), part of every cache key so that two servers never share entries; "" at the default address. Scheme,
 *     host, port and path only: never credentials or a query
 */
public record BackendProfile(
        String id,
        String model,
        String templateVersion,
        BatchLimits limits,
        boolean supportsContext,
        Unit unit,
        String endpoint) {

    /** What the backend's rate limits and bills count. */
    public enum Unit {
        CHARACTERS,
        TOKENS
    }

    public BackendProfile {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("a backend id must not be blank");
        }
        model = model == null ? "" : model;
        templateVersion = templateVersion == null ? "" : templateVersion;
        limits = limits == null ? BatchLimits.UNLIMITED : limits;
        unit = unit == null ? Unit.CHARACTERS : unit;
        endpoint = endpoint == null ? "" : endpoint;
    }

    /** A profile at the vendor's default address. */
    public BackendProfile(
            String id, String model, String templateVersion, BatchLimits limits, boolean supportsContext, Unit unit) {
        this(id, model, templateVersion, limits, supportsContext, unit, "");
    }

    /** A machine-translation profile: no template, characters. */
    public static BackendProfile mt(String id, String model, BatchLimits limits, boolean supportsContext) {
        return new BackendProfile(id, model, "", limits, supportsContext, Unit.CHARACTERS);
    }

    public BackendProfile withLimits(BatchLimits newLimits) {
        return new BackendProfile(id, model, templateVersion, newLimits, supportsContext, unit, endpoint);
    }

    public BackendProfile withId(String newId) {
        return new BackendProfile(newId, model, templateVersion, limits, supportsContext, unit, endpoint);
    }

    /** A copy at {@code server} ("" for the vendor's default address). */
    public BackendProfile withEndpoint(String server) {
        return new BackendProfile(id, model, templateVersion, limits, supportsContext, unit, server);
    }
}
