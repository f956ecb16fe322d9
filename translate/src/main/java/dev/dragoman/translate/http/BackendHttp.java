package dev.dragoman.translate.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dragoman.core.error.DragomanException;
import dev.dragoman.core.error.DragomanException.Kind;
import dev.dragoman.core.error.ErrorMapper;
import dev.dragoman.core.error.Reasons;
import dev.dragoman.core.error.VendorErrors;
import dev.dragoman.core.json.Json;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The HTTP plumbing every vendor backend shares: runs one call on the backend's {@link OkHttpClient}, turns HTTP
 * statuses ({@link ErrorMapper}, the one mapping) and I/O failures into {@link DragomanException}s, and parses
 * JSON answers. Every message names the backend and what to do, and has the backend's secrets removed
 * (vendors sometimes echo a key back; OkHttp messages may carry URLs).
 *
 * <p>Thread-safe; one instance per backend.
 */
public final class BackendHttp {

    private static final ObjectMapper MAPPER = Json.mapper();

    private final OkHttpClient client;
    private final ErrorMapper errors;
    private final Clock clock;

    /**
     * @param client the backend's client (already configured with its timeouts)
     * @param secrets values that must never appear in a message (API keys); nulls and blanks are ignored
     */
    public BackendHttp(OkHttpClient client, VendorErrors vendor, Clock clock, String... secrets) {
        this.client = client;
        this.errors = new ErrorMapper(Objects.requireNonNull(vendor, "vendor"), secrets);
        this.clock = clock == null ? Clock.systemUTC() : clock;
    }

    public VendorErrors vendor() {
        return errors.vendor();
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
                throw errors.fromStatus(
                        response.code(),
                        ErrorMapper.retryAfter(
                                response.header("Retry-After"), response.header("retry-after-ms"), clock),
                        text);
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
                redact(errors.vendor().name() + " answered " + what + "; this is usually temporary, try again later"));
    }

    /** The exception for an HTTP error answer: {@link ErrorMapper#fromStatus}, the one mapping. */
    public DragomanException failure(int status, String retryAfter, String body) {
        return errors.fromStatus(status, ErrorMapper.retryAfter(retryAfter, null, clock), body);
    }

    /** Maps an I/O failure (timeout, refused, reset, unknown host) to a retriable or configuration error. */
    public DragomanException ioFailure(IOException e, String path) {
        String name = errors.vendor().name();
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
                    name + " host not found (" + firstLine(e.getMessage()) + "): check "
                            + errors.vendor().urlHint(),
                    e);
        } else if (e instanceof ConnectException) {
            mapped = new DragomanException(
                    Kind.BACKEND_UNAVAILABLE,
                    "cannot connect to " + name + " (" + firstLine(e.getMessage()) + "): is it running? check "
                            + errors.vendor().urlHint(),
                    e);
        } else {
            mapped = new DragomanException(
                    Kind.BACKEND_UNAVAILABLE,
                    name + " connection failed on " + path + " (" + Reasons.of(e) + "); try again later",
                    e);
        }
        return redacted(mapped);
    }

    /** Removes every secret from {@code text}. */
    public String redact(String text) {
        return errors.redact(text);
    }

    private DragomanException redacted(DragomanException e) {
        return errors.redacted(e);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "no detail";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
