package dev.dragoman.core.backend;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Everything needed to build one backend, in a form any process can hold, log and send: the command line, the HTTP
 * server and a cluster worker build the same decorated backend from the same spec. It never holds a secret: the API
 * key is named by {@link #keyVariable() the environment variable} that holds it, and each process looks that name up
 * itself. Serializes to JSON and back with Jackson. Immutable; variants come from the {@code with*} methods.
 *
 * @param type the provider's type name ({@code deepl}, {@code openai}, …), lower case; a provider must exist for it
 *     when the backend is built, not when the spec is made
 * @param name what the user calls this backend ({@code gpt}); the type when not given
 * @param baseUrl the server to call, or null for the provider's default
 * @param model the model name, or null for the provider's default (or none)
 * @param keyVariable the NAME of the environment variable holding the API key ({@code DEEPL_AUTH_KEY}), or null for
 *     the provider's usual one; never the key itself (a value that is not a variable name is refused)
 * @param limits client-side rate limits; {@link Limits#NONE} when not set
 * @param timeout the whole-call and read timeout, or null for the provider's default
 * @param attempts how many times one call is tried in all (0 = the default retry budget)
 * @param options a few vendor settings that have no field of their own ({@code region} for Azure); sorted. Option
 *     names that suggest a secret (key, secret, password, token) are refused: secrets never travel in a spec
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BackendSpec(
        String type,
        String name,
        String baseUrl,
        String model,
        String keyVariable,
        Limits limits,
        @JsonFormat(shape = JsonFormat.Shape.STRING) Duration timeout,
        int attempts,
        Map<String, String> options) {

    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern TYPE = Pattern.compile("[a-z0-9][a-z0-9._-]*");
    private static final Pattern SECRET_OPTION = Pattern.compile("(?i).*(key|secret|password|token|credential).*");

    /**
     * Client-side rate limits per minute; 0 means no limit of that kind.
     *
     * @param requestsPerMinute calls per minute
     * @param charactersPerMinute source characters per minute (machine translation)
     * @param tokensPerMinute estimated tokens per minute (language models)
     */
    public record Limits(int requestsPerMinute, int charactersPerMinute, int tokensPerMinute) {

        /** No client-side limit. */
        public static final Limits NONE = new Limits(0, 0, 0);

        public Limits {
            if (requestsPerMinute < 0 || charactersPerMinute < 0 || tokensPerMinute < 0) {
                throw new IllegalArgumentException("rate limits are 0 (none) or positive");
            }
        }

        /** True when at least one limit is set. */
        public boolean limited() {
            return requestsPerMinute > 0 || charactersPerMinute > 0 || tokensPerMinute > 0;
        }
    }

    public BackendSpec {
        Objects.requireNonNull(type, "type");
        type = type.strip().toLowerCase(Locale.ROOT);
        if (!TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("a backend type is a lower-case word such as deepl, not '" + type + "'");
        }
        name = blankToNull(name) == null ? type : name.strip();
        baseUrl = blankToNull(baseUrl);
        if (baseUrl != null) {
            String problem = baseUrlProblem(baseUrl);
            if (problem != null) {
                throw new IllegalArgumentException("the base-url of backend '" + name + "' " + problem);
            }
        }
        model = blankToNull(model);
        if (model != null && !model.matches("\\S+")) {
            throw new IllegalArgumentException(
                    "the model of backend '" + name + "' is '" + model + "'; a model name has no spaces");
        }
        keyVariable = blankToNull(keyVariable);
        if (keyVariable != null && !VARIABLE.matcher(keyVariable).matches()) {
            // most likely a key pasted where its variable's name belongs: never echo it
            throw new IllegalArgumentException("keyVariable of backend '" + name
                    + "' must be the NAME of an environment variable (like DEEPL_AUTH_KEY), not a key");
        }
        limits = limits == null ? Limits.NONE : limits;
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new IllegalArgumentException("the timeout of backend '" + name + "' must be positive");
        }
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts of backend '" + name + "' is 0 (default) or positive");
        }
        TreeMap<String, String> sorted = new TreeMap<>();
        if (options != null) {
            for (Map.Entry<String, String> e : options.entrySet()) {
                String k = Objects.requireNonNull(e.getKey(), "option name").strip();
                if (SECRET_OPTION.matcher(k).matches()) {
                    throw new IllegalArgumentException("option '" + k + "' of backend '" + name
                            + "' looks like a secret: a spec names the key's variable (keyVariable), never a secret");
                }
                if (e.getValue() != null && !e.getValue().isBlank()) {
                    sorted.put(k, e.getValue().strip());
                }
            }
        }
        options = Collections.unmodifiableMap(sorted);
    }

    /**
     * What is wrong with a backend's base URL, or null when it can be called: an absolute URL with a host — for the
     * HTTP backends {@code http://} or {@code https://} ({@code https://api.example.com/v1},
     * {@code http://127.0.0.1:11434}); a provider of its own may use another scheme ({@code grpc://host:50051}), but a
     * misspelt HTTP scheme ({@code htp://}, {@code ftp://}) or a bare {@code host:port} is refused.
     */
    public static String baseUrlProblem(String url) {
        java.net.URI uri;
        try {
            uri = new java.net.URI(url.strip());
        } catch (java.net.URISyntaxException e) {
            return "is not a URL ('" + url.strip() + "': " + e.getReason() + ")";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean http = scheme.equals("http") || scheme.equals("https");
        boolean misspelt = !http && (scheme.contains("tp") || scheme.startsWith("ht"));
        if (scheme.isEmpty() || uri.isOpaque() || misspelt || (!http && uri.getHost() == null)) {
            return "must start with http:// or https://, not '" + url.strip() + "'";
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return "has no host name: '" + url.strip() + "'";
        }
        return null;
    }

    /** A spec of {@code type} with every default. */
    public static BackendSpec of(String type) {
        return new BackendSpec(type, null, null, null, null, Limits.NONE, null, 0, Map.of());
    }

    public BackendSpec withName(String newName) {
        return new BackendSpec(type, newName, baseUrl, model, keyVariable, limits, timeout, attempts, options);
    }

    public BackendSpec withBaseUrl(String url) {
        return new BackendSpec(type, name, url, model, keyVariable, limits, timeout, attempts, options);
    }

    public BackendSpec withModel(String newModel) {
        return new BackendSpec(type, name, baseUrl, newModel, keyVariable, limits, timeout, attempts, options);
    }

    public BackendSpec withKeyVariable(String variable) {
        return new BackendSpec(type, name, baseUrl, model, variable, limits, timeout, attempts, options);
    }

    public BackendSpec withLimits(Limits newLimits) {
        return new BackendSpec(type, name, baseUrl, model, keyVariable, newLimits, timeout, attempts, options);
    }

    public BackendSpec withTimeout(Duration newTimeout) {
        return new BackendSpec(type, name, baseUrl, model, keyVariable, limits, newTimeout, attempts, options);
    }

    public BackendSpec withAttempts(int newAttempts) {
        return new BackendSpec(type, name, baseUrl, model, keyVariable, limits, timeout, newAttempts, options);
    }

    /** This spec with option {@code key} set to {@code value} (a null or blank value removes it). */
    public BackendSpec withOption(String key, String value) {
        TreeMap<String, String> copy = new TreeMap<>(options);
        if (value == null || value.isBlank()) {
            copy.remove(key);
        } else {
            copy.put(key, value);
        }
        return new BackendSpec(type, name, baseUrl, model, keyVariable, limits, timeout, attempts, copy);
    }

    /** The vendor option {@code key}, or null. */
    public String option(String key) {
        return options.get(key);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
