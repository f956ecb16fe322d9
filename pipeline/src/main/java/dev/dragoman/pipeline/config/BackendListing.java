package dev.dragoman.pipeline.config;

import dev.dragoman.core.backend.BackendSpec;
import dev.dragoman.core.cache.MeteredResultCache;
import dev.dragoman.core.usage.Usage;
import dev.dragoman.core.write.DataTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The configured backends as a table — type, model, base URL, limits, whether a key is present (never the key) and
 * which command uses each by default — and the same list checked with one real call each ({@link BackendCheck}).
 * What {@code dragoman backends} prints; any front end can show the same. Stateless.
 */
public final class BackendListing {

    private static final String EXTRACTIVE = "extractive";

    /** A checked listing: the table and how many backends failed. */
    public record Checked(DataTable table, int failures, int total) {}

    private BackendListing() {}

    /** The backends the file defines, then the embedded extractive summarizer unless one of them is it. */
    public static List<BackendConfig> backends(Settings settings) {
        List<BackendConfig> backends = new ArrayList<>(settings.configuredBackends());
        if (backends.stream().noneMatch(b -> b.type().equals(EXTRACTIVE))
                && BackendTypes.registry().knows(EXTRACTIVE)) {
            backends.add(settings.backend(EXTRACTIVE));
        }
        return backends;
    }

    /** NAME, TYPE, MODEL, BASE URL, LIMITS, KEY, DEFAULT FOR: one row per backend. */
    public static DataTable table(Settings settings) {
        String translateDefault = settings.resolve(Setting.TRANSLATE_BACKEND).value();
        String summarizeDefault = settings.resolve(Setting.SUMMARIZE_BACKEND).value();
        List<List<Object>> rows = new ArrayList<>();
        for (BackendConfig b : backends(settings)) {
            List<String> uses = new ArrayList<>();
            if (b.name().equals(translateDefault)) {
                uses.add("translate");
            }
            if (b.name().equals(summarizeDefault)) {
                uses.add("summarize");
            }
            rows.add(java.util.Arrays.asList(
                    b.name(),
                    b.type(),
                    b.spec().model() == null ? "-" : b.spec().model(),
                    baseUrl(b),
                    limits(b),
                    keyStatus(b, settings.env()),
                    uses.isEmpty() ? "-" : String.join(", ", uses)));
        }
        return new DataTable(
                "Backends", List.of("name", "type", "model", "baseUrl", "limits", "key", "defaultFor"), rows);
    }

    /** NAME, TYPE, STATUS, LATENCY, DETAIL: one real call per backend (network; may take the backends' timeouts). */
    public static Checked check(Settings settings) {
        List<BackendConfig> backends = backends(settings);
        List<List<Object>> rows = new ArrayList<>();
        int failures = 0;
        for (BackendConfig b : backends) {
            BackendCheck.Result r = BackendCheck.run(b, settings.backends(b));
            if (!r.ok()) {
                failures++;
            }
            rows.add(java.util.Arrays.asList(
                    b.name(),
                    b.type(),
                    r.ok() ? "ok" : "FAILED",
                    r.latencyMillis() < 0 ? "-" : r.latencyMillis() + " ms",
                    r.detail()));
        }
        return new Checked(
                new DataTable("Backend check", List.of("name", "type", "status", "latency", "detail"), rows),
                failures,
                backends.size());
    }

    /** "gpt (openai): 1 request, 949 input + 595 output tokens; cache: 15 hits, 15 misses": what a run spent. */
    public static String usageLine(BackendConfig b, Usage spent, MeteredResultCache.Counters c) {
        String cost = spent.totalTokens() > 0 || BackendTypes.registry().languageModel(b.type())
                ? spent.inputTokens() + " input + " + spent.outputTokens() + " output tokens"
                : spent.characters() + " characters";
        return b.name() + " (" + b.type() + "): " + spent.requests()
                + (spent.requests() == 1 ? " request, " : " requests, ")
                + cost + "; cache: " + c.hits() + (c.hits() == 1 ? " hit, " : " hits, ") + c.misses()
                + (c.misses() == 1 ? " miss" : " misses");
    }

    /** The base URL, "(by key)" for a keyed service that picks its host by the key (DeepL), or "-". */
    static String baseUrl(BackendConfig b) {
        if (b.spec().baseUrl() != null) {
            return b.spec().baseUrl();
        }
        return BackendTypes.registry().keyRequired(b.spec()) ? "(by key)" : "-";
    }

    /** "60 req/min, 100000 chars/min, timeout 120s, 5 attempts", or "-". */
    static String limits(BackendConfig b) {
        List<String> parts = new ArrayList<>();
        BackendSpec s = b.spec();
        if (s.limits().requestsPerMinute() > 0) {
            parts.add(s.limits().requestsPerMinute() + " req/min");
        }
        if (s.limits().charactersPerMinute() > 0) {
            parts.add(s.limits().charactersPerMinute() + " chars/min");
        }
        if (s.limits().tokensPerMinute() > 0) {
            parts.add(s.limits().tokensPerMinute() + " tokens/min");
        }
        if (s.timeout() != null) {
            parts.add("timeout " + s.timeout().toSeconds() + "s");
        }
        if (s.attempts() > 0) {
            parts.add(s.attempts() + " attempts");
        }
        return parts.isEmpty() ? "-" : String.join(", ", parts);
    }

    /**
     * "key: yes (OPENAI_API_KEY)", "key: no (set DEEPL_AUTH_KEY)", "key: not needed", "key: yes (written in the file:
     * [REDACTED])". Never the key.
     */
    public static String keyStatus(BackendConfig b, Map<String, String> env) {
        if (b.literalKey() != null) {
            return "key: yes (written in the file: [REDACTED])";
        }
        String variable = b.spec().keyVariable();
        boolean present = b.apiKey(env).isPresent();
        if (variable == null) {
            return "key: not needed";
        }
        if (present) {
            return "key: yes (" + variable + ")";
        }
        return BackendTypes.registry().keyRequired(b.spec())
                ? "key: no (set " + variable + ")"
                : "key: not needed (" + variable + " unset)";
    }
}
