package dev.dragoman.pipeline.batch;

import dev.dragoman.core.error.DragomanException;
import dev.dragoman.core.error.ErrorMapper;
import dev.dragoman.core.error.InvalidInputException;
import dev.dragoman.core.error.RateLimitedException;
import dev.dragoman.core.read.InputDecoder;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Fetches feeds and article pages over HTTP with OkHttp: connect/read/call timeouts, a clear User-Agent naming
 * Dragoman and its home page, redirects followed, bodies capped at {@value #MAX_BYTES} bytes, and at most
 * {@code perHost} requests in flight to any one host whatever the batch's {@code --jobs}. HTTP errors map to
 * Dragoman's kinds in one place: 429 rate limited (with Retry-After), 5xx unavailable, 408/timeouts timeout, other
 * 4xx invalid input (the URL is wrong or gone).
 */
public final class HttpFetcher implements Fetcher {

    public static final int MAX_BYTES = InputDecoder.MAX_INPUT_BYTES;
    static final String HOME = "https://github.com/dragoman-news/dragoman";

    private final OkHttpClient client;
    private final String userAgent;
    private final int perHost;
    private final Map<String, Semaphore> hosts = new ConcurrentHashMap<>();

    /** One client (connection pool and threads) for every fetcher a process builds with {@link #of}. */
    private static final class Shared {
        static final OkHttpClient CLIENT = new OkHttpClient();
    }

    /** A fetcher over the shared OkHttp client: 30 s timeout, two requests in flight per host. */
    public static HttpFetcher standard() {
        return of(null, Duration.ofSeconds(30), 2);
    }

    /** A fetcher over the process's shared OkHttp client, naming {@code version} in its User-Agent. */
    public static HttpFetcher of(String version, Duration timeout, int perHost) {
        return new HttpFetcher(Shared.CLIENT, version, timeout, perHost);
    }

    /**
     * @param shared the application's client; this fetcher derives its own with {@code newBuilder()}
     * @param version the version named in the User-Agent (null: "dev")
     */
    public HttpFetcher(OkHttpClient shared, String version, Duration timeout, int perHost) {
        if (perHost < 1) {
            throw new IllegalArgumentException("perHost must be at least 1");
        }
        this.client = shared.newBuilder()
                .connectTimeout(Duration.ofSeconds(Math.min(10, timeout.toSeconds())))
                .readTimeout(timeout)
                .callTimeout(timeout.multipliedBy(2))
                .followRedirects(true)
                .build();
        this.userAgent = userAgent(version);
        this.perHost = perHost;
    }

    static String userAgent(String version) {
        return "Dragoman/" + (version == null ? "dev" : version) + " (+" + HOME + ")";
    }

    @Override
    public Fetched fetch(String url) {
        HttpUrl parsed = HttpUrl.parse(url);
        if (parsed == null) {
            throw new InvalidInputException("not an http(s) URL: '" + url + "'");
        }
        Semaphore gate = hosts.computeIfAbsent(parsed.host(), h -> new Semaphore(perHost, true));
        try {
            gate.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DragomanException(DragomanException.Kind.TIMEOUT, "interrupted before fetching " + url, e);
        }
        try {
            Request request = new Request.Builder()
                    .url(parsed)
                    .header("User-Agent", userAgent)
                    .header(
                            "Accept",
                            "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/html;q=0.9, */*;q=0.5")
                    .build();
            try (Response response = client.newCall(request).execute()) {
                int code = response.code();
                if (code == 429) {
                    throw new RateLimitedException(
                            url + " answered 429 Too Many Requests",
                            ErrorMapper.retryAfter(response.header("Retry-After"), null, Clock.systemUTC()));
                }
                if (code == 408) {
                    throw new DragomanException(DragomanException.Kind.TIMEOUT, url + " answered 408 Request Timeout");
                }
                if (code >= 500) {
                    throw new DragomanException(
                            DragomanException.Kind.BACKEND_UNAVAILABLE,
                            url + " answered HTTP " + code + "; try again later");
                }
                if (!response.isSuccessful()) {
                    throw new InvalidInputException(url + " answered HTTP " + code + "; check the URL");
                }
                ResponseBody body = response.body();
                if (body.contentLength() > MAX_BYTES) {
                    throw new InvalidInputException(url + ": the page is larger than the " + MAX_BYTES
                            + "-byte limit for one input; refused without reading it");
                }
                byte[] bytes = InputDecoder.readBounded(body.byteStream(), url);
                String type = response.header("Content-Type");
                return new Fetched(bytes, type, response.request().url().toString());
            }
        } catch (InterruptedIOException e) {
            throw new DragomanException(DragomanException.Kind.TIMEOUT, "timed out fetching " + url, e);
        } catch (IOException e) {
            throw new DragomanException(
                    DragomanException.Kind.BACKEND_UNAVAILABLE, "cannot fetch " + url + ": " + e.getMessage(), e);
        } finally {
            gate.release();
        }
    }
}
