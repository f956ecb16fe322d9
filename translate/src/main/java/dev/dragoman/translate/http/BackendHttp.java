package dev.dragoman.translate.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dragoman.core.error.DragomanException;
import dev.dragoman.core.error.DragomanException.Kind;
import dev.dragoman.core.error.RateLimitedException;
import dev.dragoman.core.error.Secrets;
import dev.dragoman.core.json.Json;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The HTTP plumbing every vendor backend shares: runs one call on the backend's {@link OkHttpClient}, turns HTTP
 * statuses and I/O failures into {@link DragomanException}s — in exactly one place, {@link #failure} — and parses
 * JSON answers. Every message names the backend and what to do, and has the backend's secrets removed
 * (vendors sometimes echo a key back; OkHttp messages may carry URLs).
 *
 * <p>Thread-safe; one instance per backend.
 */
public final class BackendHttp {

    private static final ObjectMapper MAPPER = Json.mapper();
    private static final int MAX_VENDOR_MESSAGE = 300;

    private final OkHttpClient client;
    private final VendorErrors vendor;
    private final List<String> secrets;
    private final Clock clock;

    /**
     * @param client the backend's client (already configured with its timeouts)
     * @param secrets values that must never appear in a message (API keys); nulls and blanks are ignored
     */
    public BackendHttp(OkHttpClient client, VendorErrors vendor, Clock clock, String... secrets) {
        this.client = client;
        this.vendor = Objects.requireNonNull(vendor, "vendor");
        this.clock = clock == null ? Clock.systemUTC() : clock;
        List<String> s = new ArrayList<>();
        for (String secret : secrets) {
            if (secret != null && !secret.isBlank()) {
                s.add(secret);
            }
        }
        this.secrets = List.copyOf(s);
    }

    /** For backends that make no HTTP calls themselves (LLMs) but map HTTP statuses their library reports. */
    public static BackendHttp errorsOnly(VendorErrors vendor, String... secrets) {
        return new BackendHttp(null, vendor, null, secrets);
    }

    public VendorErrors vendor() {
        return vendor;
    }

    /**
     * Executes {@code request} and returns the body of a 2xx answer as a string.
     *
     * @throws DragomanException mapped by {@link #failure} for any other status, by kind for I/O failures
     */
    public String execute(Request request) {
        if (client == null) {
            throw new IllegalStateException("this BackendHttp only maps errors");
        }
        Call call = client.newCall(request);
        try (Response response = call.execute()) {
            ResponseBody body = response.body();
            String text = body.string();
            if (!response.isSuccessful()) {
                DragomanException e = failure(response.code(), response.header("Retry-After"), text);
                Duration finer = parseRetryAfterMillis(response.header("retry-after-ms"));
                if (finer != null && e instanceof RateLimitedException rl) {
                    e = new RateLimitedException(rl.getMessage(), finer);
                }
                throw e;
            }
            // a server that echoes the key in an answer must not get it into a translation, the cache or an output
            return redact(text);
        } catch (IOException e) {
            throw ioFailure(e, request.url().encodedPath());
        }
    }

    /** Parses a JSON answer; malformed or truncated JSON is a retriable backend failure, never a crash. */
    public JsonNode parse(String body) {
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw malformed("an empty answer");
            }
            return node;
        } catch (IOException e) {
            throw malformed("malformed JSON (" + firstLine(e.getMessage()) + ")");
        }
    }

    /** A retriable "the backend answered nonsense" error. */
    public DragomanException malformed(String what) {
        return new DragomanException(
                Kind.BACKEND_UNAVAILABLE,
                redact(vendor.name() + " answered " + what + "; this is usually temporary, try again later"));
    }

    /**
     * THE mapping from an HTTP error status to an exception, for every vendor backend (and LLM HTTP errors).
     * Retriable: 408, 429 (with Retry-After), 5xx. Not retriable: 400, 401/403 (key), quota statuses (DeepL 456,
     * Azure 403 quota codes, Google quota reasons), 404 (wrong URL), 413 and the other 4xx.
     */
    public DragomanException failure(int status, String retryAfter, String body) {
        VendorErrors.Detail detail = vendor.detail(status, body == null ? "" : body);
        String said = detail.message().isBlank() ? "" : ": " + truncate(detail.message());
        String name = vendor.name();
        DragomanException e;
        if (detail.quota()) {
            e = new DragomanException(
                    Kind.QUOTA_EXCEEDED, name + " quota exceeded (HTTP " + status + said + "): " + vendor.quotaHint());
        } else if (status == 429 || detail.rateLimited()) {
            e = new RateLimitedException(
                    name + " is rate limiting requests (HTTP " + status + said + ")", parseRetryAfter(retryAfter));
        } else if (status == 401 || status == 403 || detail.badKey()) {
            e = new DragomanException(
                    Kind.AUTHENTICATION_FAILED,
                    name + " rejected the key (HTTP " + status + said + "): check " + vendor.keyHint());
        } else if (status == 404) {
            e = new DragomanException(
                    Kind.CONFIGURATION,
                    name + " has no such endpoint (HTTP 404" + said + "): check " + vendor.urlHint());
        } else if (status == 408) {
            e = new DragomanException(Kind.TIMEOUT, name + " timed out the request (HTTP 408" + said + ")");
        } else if (status == 413 || status == 414) {
            e = new DragomanException(
                    Kind.BAD_REQUEST,
                    name + " refused the request as too large (HTTP " + status + said
                            + "): lower the backend's batch limits");
        } else if (status >= 500) {
            e = new DragomanException(
                    Kind.BACKEND_UNAVAILABLE,
                    name + " failed (HTTP " + status + said + "); this is usually temporary, try again later");
        } else {
            e = new DragomanException(Kind.BAD_REQUEST, name + " rejected the request (HTTP " + status + said + ")");
        }
        return redacted(e);
    }

    /** Maps an I/O failure (timeout, refused, reset, unknown host) to a retriable or configuration error. */
    public DragomanException ioFailure(IOException e, String path) {
        String name = vendor.name();
        DragomanException mapped;
        if (e instanceof SocketTimeoutException
                || (e instanceof InterruptedIOException
                        && String.valueOf(e.getMessage())
                                .toLowerCase(Locale.ROOT)
                                .contains("timeout"))) {
            mapped = new DragomanException(
                    Kind.TIMEOUT,
                    name + " did not answer in time (" + firstLine(e.getMessage())
                            + "); try again later or raise its timeout",
                    e);
        } else if (e instanceof UnknownHostException) {
            mapped = new DragomanException(
                    Kind.CONFIGURATION,
                    name + " host not found (" + firstLine(e.getMessage()) + "): check " + vendor.urlHint(),
                    e);
        } else if (e instanceof ConnectException) {
            mapped = new DragomanException(
                    Kind.BACKEND_UNAVAILABLE,
                    "cannot connect to " + name + " (" + firstLine(e.getMessage()) + "): is it running? check "
                            + vendor.urlHint(),
                    e);
        } else {
            mapped = new DragomanException(
                    Kind.BACKEND_UNAVAILABLE,
                    name + " connection failed on " + path + " (" + e.getClass().getSimpleName() + ": "
                            + firstLine(e.getMessage()) + "); try again later",
                    e);
        }
        return redacted(mapped);
    }

    /** Removes every secret from {@code text}. */
    public String redact(String text) {
        String out = Secrets.redact(text);
        for (String s : secrets) {
            out = out.replace(s, "***");
        }
        return out;
    }

    private DragomanException redacted(DragomanException e) {
        String clean = redact(e.getMessage());
        if (clean.equals(e.getMessage())) {
            return e;
        }
        if (e instanceof RateLimitedException rl) {
            return new RateLimitedException(clean, rl.retryAfter().orElse(null));
        }
        return new DragomanException(e.kind(), clean, e.getCause());
    }

    /**
     * {@code retry-after-ms} (OpenAI, Azure OpenAI): the wait in milliseconds, finer than Retry-After's whole seconds
     * (a server limiting per second would otherwise hold every caller a whole second); null when absent or unreadable.
     */
    static Duration parseRetryAfterMillis(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            double ms = Double.parseDouble(value.strip());
            return ms >= 0 && ms < 86_400_000 ? Duration.ofNanos((long) (ms * 1_000_000)) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Retry-After as delta-seconds or an HTTP date; null when absent or unreadable. */
    Duration parseRetryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            long seconds = Long.parseLong(v);
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
                Duration d = Duration.between(clock.instant(), at);
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }

    private static String truncate(String s) {
        String one = s.strip().replaceAll("\\s+", " ");
        return one.length() <= MAX_VENDOR_MESSAGE ? one : one.substring(0, MAX_VENDOR_MESSAGE) + "…";
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "no detail";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
