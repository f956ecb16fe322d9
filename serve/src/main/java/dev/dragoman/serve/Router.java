package dev.dragoman.serve;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dragoman.core.error.DragomanException;
import dev.dragoman.core.error.RateLimitedException;
import dev.dragoman.core.error.Secrets;
import dev.dragoman.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one Jetty handler: reads the body (refusing past the size limit, after reading and dropping up to
 * {@link #DRAIN_LIMIT} of it so that the client reads the 413),
 * finds the route, checks the client key and its limits, takes an admission slot for routes that may call a backend,
 * runs the handler, maps failures to their API's status and error body, and writes one access-log line and the
 * metrics. Handlers block; Jetty runs them on its bounded thread pool.
 */
final class Router extends Handler.Abstract {

    private static final Logger LOG = LoggerFactory.getLogger(Router.class);
    // every answer carries these; built once, written pre-encoded
    private static final HttpField JSON = new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, Reply.JSON);
    // LibreTranslate answers every call with these; browser extensions and web pages elsewhere rely on them
    private static final HttpField ALLOW_ORIGIN = new PreEncodedHttpField("Access-Control-Allow-Origin", "*");
    private static final HttpField ALLOW_HEADERS =
            new PreEncodedHttpField("Access-Control-Allow-Headers", "Authorization, Content-Type, X-Api-Key");
    private static final HttpField ALLOW_METHODS =
            new PreEncodedHttpField("Access-Control-Allow-Methods", "GET, POST, DELETE");
    /** DeepL's documented limit on the size of a text translation request. */
    static final long DEEPL_MAX_BODY = 128 * 1024;
    /** The most of a refused (413) body read and dropped so that the client sees the 413 rather than a reset. */
    static final long DRAIN_LIMIT = 8L << 20;

    /** The routes of one path template by method, and their labels (built once, not per request). */
    private record Template(String path, Map<String, Route> byMethod, Map<String, String> labels) {}

    private final Map<String, Template> routes = new HashMap<>();
    private final ServeOptions options;
    private final Admission admission;
    private final KeyLimits limits;
    private final Metrics metrics;
    private final AccessLog accessLog;

    Router(
            List<Route> all,
            ServeOptions options,
            Admission admission,
            KeyLimits limits,
            Metrics metrics,
            AccessLog accessLog) {
        for (Route r : all) {
            Template t = routes.computeIfAbsent(r.path(), p -> new Template(p, new HashMap<>(), new HashMap<>()));
            t.byMethod().put(r.method(), r);
            t.labels().put(r.method(), r.name());
        }
        this.options = options;
        this.admission = admission;
        this.limits = limits;
        this.metrics = metrics;
        this.accessLog = accessLog;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        long start = System.nanoTime();
        String method = request.getMethod();
        String path = Request.getPathInContext(request);
        Template template = find(path);
        Map<String, Route> byMethod = template == null ? null : template.byMethod();
        Route route = byMethod == null ? null : byMethod.get("HEAD".equals(method) ? "GET" : method);
        Route.Api api = route != null ? route.api() : path.startsWith("/v2/") ? Route.Api.DEEPL : Route.Api.LIBRE;
        // path templates only, so that the metrics' labels stay bounded whatever clients send
        String label = route != null
                ? template.labels().get(route.method())
                : template == null ? "unknown" : "* " + template.path();
        Exchange exchange = null;
        Reply reply;
        boolean admitted = false;
        try {
            if ("OPTIONS".equals(method) && byMethod != null) {
                reply = new Reply(204, null, new byte[0]);
            } else if (byMethod == null) {
                throw new ApiError(404, "Not Found");
            } else if (route == null) {
                throw new ApiError(405, "Method Not Allowed");
            } else {
                long max = route.maxBody() > 0
                        ? route.maxBody()
                        : api == Route.Api.DEEPL
                                ? Math.min(DEEPL_MAX_BODY, options.maxBodyBytes())
                                : options.maxBodyBytes();
                byte[] body = readBody(request, max);
                exchange = new Exchange(
                        method, path, request.getHeaders(), Request.extractQueryParameters(request), body, max, limits);
                if (route.keyed()) {
                    authenticate(exchange, api);
                    limits.chargeRequest(exchange.key());
                }
                if (route.admitted()) {
                    if (!admission.enter()) {
                        throw new ApiError(
                                429, "too many requests in progress; retry shortly", Duration.ofSeconds(1), "overload");
                    }
                    admitted = true;
                }
                reply = route.handler().handle(exchange);
            }
        } catch (ApiError e) {
            if (e.refusal() != null) {
                metrics.refused(e.refusal());
            }
            reply = error(api, e.status(), e.getMessage(), e.retryAfter());
        } catch (DragomanException e) {
            reply = backendError(api, e);
        } catch (Exception e) {
            LOG.error("{} {} failed", method, path, Secrets.redact(e));
            reply = error(api, 500, "internal error; the server log has the details", null);
        } finally {
            if (admitted) {
                admission.leave();
            }
        }
        write(response, callback, reply, method);
        long nanos = System.nanoTime() - start;
        metrics.request(label, reply.status(), nanos);
        if (accessLog.enabled()) {
            String agent = request.getHeaders().get(HttpHeader.USER_AGENT);
            accessLog.add(
                    Request.getRemoteAddr(request),
                    method,
                    path,
                    reply.status(),
                    nanos,
                    exchange == null ? 0 : exchange.body().length,
                    reply.body().length,
                    exchange != null && exchange.key() != null ? exchange.key().name() : null,
                    agent);
        }
        return true;
    }

    /**
     * The routes of {@code path}: its own, else a template with {@code *} for its last segment
     * ({@code /v2/glossaries/*}), else for the one before ({@code /v2/glossaries/*}{@code /entries}).
     */
    private Template find(String path) {
        Template found = routes.get(path);
        int last = path.lastIndexOf('/');
        if (found == null && last > 0 && last < path.length() - 1) {
            found = routes.get(path.substring(0, last + 1) + "*");
            int before = path.lastIndexOf('/', last - 1);
            if (found == null && before > 0 && before < last - 1) {
                found = routes.get(path.substring(0, before + 1) + "*" + path.substring(last));
            }
        }
        return found;
    }

    private static byte[] readBody(Request request, long max) throws IOException {
        long declared = request.getLength();
        if (declared > max) {
            if (declared <= DRAIN_LIMIT && !expectsContinue(request)) {
                try (InputStream in = Request.asInputStream(request)) {
                    drain(in, declared);
                }
            }
            throw tooLarge(max);
        }
        if (declared == 0) {
            return new byte[0];
        }
        try (InputStream in = Request.asInputStream(request)) {
            if (declared > 0) {
                // Jetty holds the body to its declared length: read exactly that, in one buffer
                byte[] body = new byte[(int) declared];
                int n = in.readNBytes(body, 0, body.length);
                return n == body.length ? body : java.util.Arrays.copyOf(body, n);
            }
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            if (body.length > max) {
                drain(in, DRAIN_LIMIT - body.length);
                throw tooLarge(max);
            }
            return body;
        }
    }

    /**
     * Reads and drops up to {@code limit} bytes of a refused body. A client still sending when the server closes gets a
     * reset, which on Linux discards the 413 already in its receive buffer ("header parser received no bytes"); read to
     * the end, the body costs nothing more and the answer arrives (on a connection that stays open). Past the limit
     * Jetty closes the connection as before, so a huge upload cannot hold a thread for long.
     */
    private static void drain(InputStream in, long limit) throws IOException {
        byte[] scratch = new byte[16 * 1024];
        for (long left = limit; left > 0; ) {
            int n = in.read(scratch, 0, (int) Math.min(scratch.length, left));
            if (n < 0) {
                return;
            }
            left -= n;
        }
    }

    /** A client that waits for "100 Continue" sends no body when refused first: nothing to drain. */
    private static boolean expectsContinue(Request request) {
        return request.getHeaders().contains(HttpHeader.EXPECT, "100-continue");
    }

    private static ApiError tooLarge(long max) {
        return new ApiError(
                413, "Request Entity Too Large: the body may hold at most " + max + " bytes", null, "body-too-large");
    }

    /** Finds the client key where this API's clients send it; keyless servers accept any request. */
    private void authenticate(Exchange exchange, Route.Api api) {
        if (!options.keyed()) {
            return;
        }
        String key = switch (api) {
            case LIBRE -> {
                String k = exchange.params().string("api_key");
                yield k != null && !k.isEmpty() ? k : exchange.params().string("apiKey");
            }
            case DEEPL -> scheme(exchange.header("Authorization"), "DeepL-Auth-Key");
            case DRAGOMAN -> {
                String bearer = scheme(exchange.header("Authorization"), "Bearer");
                yield bearer != null ? bearer : exchange.header("X-Api-Key");
            }
        };
        if (key == null || key.isBlank()) {
            throw switch (api) {
                case LIBRE ->
                    new ApiError(400, "Please contact the server operator to get an API key", null, "unauthorized");
                case DEEPL ->
                    new ApiError(
                            403,
                            "Authorization failure: send Authorization: DeepL-Auth-Key <key>",
                            null,
                            "unauthorized");
                case DRAGOMAN ->
                    new ApiError(401, "an API key is required: send Authorization: Bearer <key>", null, "unauthorized");
            };
        }
        for (ApiKey k : options.keys()) {
            if (k.matches(key)) {
                exchange.key(k);
                return;
            }
        }
        throw new ApiError(
                403,
                api == Route.Api.DEEPL ? "Authorization failure: wrong key" : "Invalid API key",
                null,
                "unauthorized");
    }

    private static String scheme(String header, String scheme) {
        if (header == null) {
            return null;
        }
        String h = header.strip();
        if (h.regionMatches(true, 0, scheme + " ", 0, scheme.length() + 1)) {
            return h.substring(scheme.length() + 1).strip();
        }
        return null;
    }

    /** A backend's failure, in the client's API: never the backend's key or a stack trace. */
    private static Reply backendError(Route.Api api, DragomanException e) {
        String message = Secrets.redact(e.getMessage() == null ? e.kind().name() : e.getMessage());
        Duration retryAfter = e instanceof RateLimitedException r
                ? r.retryAfter().orElse(Duration.ofSeconds(1))
                : e.isRetriable() ? Duration.ofSeconds(1) : null;
        int status = switch (e.kind()) {
            case INVALID_INPUT, BAD_REQUEST -> 400;
            case RATE_LIMITED -> 429;
            case QUOTA_EXCEEDED, BUDGET_EXCEEDED -> api == Route.Api.DEEPL ? 456 : 503;
            case BACKEND_UNAVAILABLE, BUSY, DEFERRED -> 503;
            case TIMEOUT -> 504;
            case AUTHENTICATION_FAILED, CONFIGURATION, QUALITY, UNUSABLE_ANSWER -> 502;
            case INTERNAL, CANNOT_WRITE -> 500;
        };
        LOG.warn("backend failure ({}): {}", e.kind(), message);
        if (e.kind() == DragomanException.Kind.AUTHENTICATION_FAILED) {
            // the operator's log has the vendor's words; the client learns only that it is not its fault
            message = "the translation backend rejected this server's credentials; the operator must fix them";
        }
        return error(api, status, message, retryAfter);
    }

    static Reply error(Route.Api api, int status, String message, Duration retryAfter) {
        ObjectNode body = Json.mapper().createObjectNode();
        if (api == Route.Api.DEEPL) {
            body.put("message", message);
        } else {
            body.put("error", status == 429 && api == Route.Api.LIBRE ? "Slowdown: " + message : message);
        }
        Reply reply = Reply.json(status, body);
        if (retryAfter != null) {
            reply.header("Retry-After", Long.toString(Math.max(1, (retryAfter.toMillis() + 999) / 1000)));
        }
        return reply;
    }

    private static void write(Response response, Callback callback, Reply reply, String method) {
        response.setStatus(reply.status());
        var headers = response.getHeaders();
        if (Reply.JSON.equals(reply.contentType())) {
            headers.add(JSON);
        } else if (reply.contentType() != null) {
            headers.put(HttpHeader.CONTENT_TYPE, reply.contentType());
        }
        reply.headers().forEach(headers::put);
        headers.add(ALLOW_ORIGIN);
        headers.add(ALLOW_HEADERS);
        headers.add(ALLOW_METHODS);
        byte[] body = "HEAD".equals(method) ? new byte[0] : reply.body();
        headers.put(HttpHeader.CONTENT_LENGTH, reply.body().length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
