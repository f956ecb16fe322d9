package dev.dragoman.pipeline.backend;

import dev.dragoman.core.error.ErrorMapper;
import dev.dragoman.core.llm.LlmHttpException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The HTTP client the LangChain4j providers (OpenAI, Anthropic, Ollama, Gemini) send through: the run's shared
 * {@link OkHttpClient} ({@code newBuilder()} with the provider's timeouts), and — what LangChain4j's own clients drop
 * — a non-2xx answer keeps the server's wait: {@code Retry-After} (seconds or HTTP date) and {@code retry-after-ms}
 * travel in an {@link LlmHttpException}, so the retry waits as long as the server asked, for language models as for
 * the vendor MT backends ({@code BackendHttp}). Deferred mode's batch calls ({@code BatchHttp}) go through it too,
 * including the one multipart request (a batch input file). Thread-safe.
 */
public final class LlmHttpClient implements HttpClient {

    private final OkHttpClient http;
    private final Clock clock;

    private LlmHttpClient(OkHttpClient http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    /** A builder for the providers' {@code httpClientBuilder(...)}, over the run's shared client. */
    public static Builder builder(OkHttpClient shared, Clock clock) {
        return new Builder(shared, clock);
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        try (Response response = http.newCall(okRequest(request)).execute()) {
            ResponseBody body = response.body();
            String text = body == null ? "" : body.string();
            if (!response.isSuccessful()) {
                throw failure(response, text);
            }
            return SuccessfulHttpResponse.builder()
                    .statusCode(response.code())
                    .headers(headers(response))
                    .body(text)
                    .build();
        } catch (InterruptedIOException e) {
            // OkHttp's timeouts (SocketTimeoutException, a call timeout) are InterruptedIOExceptions
            throw new TimeoutException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        // Dragoman does not stream; this serves a provider that does, on the calling thread
        try (Response response = http.newCall(okRequest(request)).execute()) {
            ResponseBody body = response.body();
            if (!response.isSuccessful()) {
                listener.onError(failure(response, body == null ? "" : body.string()));
                return;
            }
            listener.onOpen(SuccessfulHttpResponse.builder()
                    .statusCode(response.code())
                    .headers(headers(response))
                    .build());
            try (InputStream in = body == null ? InputStream.nullInputStream() : body.byteStream()) {
                parser.parse(in, listener);
            }
            listener.onClose();
        } catch (IOException | RuntimeException e) {
            listener.onError(e instanceof InterruptedIOException ? new TimeoutException(e) : e);
        }
    }

    private LlmHttpException failure(Response response, String body) {
        return new LlmHttpException(
                response.code(),
                body,
                ErrorMapper.retryAfter(response.header("Retry-After"), response.header("retry-after-ms"), clock));
    }

    private static Request okRequest(HttpRequest request) {
        Request.Builder b = new Request.Builder().url(request.url());
        if (request.headers() != null) {
            request.headers().forEach((name, values) -> {
                for (String v : values) {
                    b.addHeader(name, v);
                }
            });
        }
        if (request.formDataFields() != null && !request.formDataFields().isEmpty()
                || request.formDataFiles() != null && !request.formDataFiles().isEmpty()) {
            // a file upload (OpenAI's batch input file): multipart/form-data, POST only
            MultipartBody.Builder form = new MultipartBody.Builder().setType(MultipartBody.FORM);
            if (request.formDataFields() != null) {
                request.formDataFields().forEach(form::addFormDataPart);
            }
            if (request.formDataFiles() != null) {
                request.formDataFiles()
                        .forEach((name, file) -> form.addFormDataPart(
                                name,
                                file.fileName(),
                                RequestBody.create(file.content(), MediaType.parse(file.contentType()))));
            }
            return b.post(form.build()).build();
        }
        String contentType = request.headers() == null
                ? null
                : request.headers().entrySet().stream()
                        .filter(e -> e.getKey().equalsIgnoreCase("Content-Type")
                                && !e.getValue().isEmpty())
                        .map(e -> e.getValue().get(0))
                        .findFirst()
                        .orElse(null);
        RequestBody body = request.body() == null
                ? null
                : RequestBody.create(
                        request.body(),
                        MediaType.parse(contentType == null ? "application/json; charset=utf-8" : contentType));
        switch (request.method()) {
            case GET -> b.get();
            case DELETE -> b.delete(body);
            case POST -> b.post(body == null ? RequestBody.create(new byte[0]) : body);
        }
        return b.build();
    }

    private static Map<String, List<String>> headers(Response response) {
        Map<String, List<String>> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String name : response.headers().names()) {
            out.put(name, response.headers(name));
        }
        return out;
    }

    /** LangChain4j's builder SPI: the provider sets its timeouts, then builds. Not thread-safe. */
    public static final class Builder implements HttpClientBuilder {
        private final OkHttpClient shared;
        private final Clock clock;
        private Duration connectTimeout;
        private Duration readTimeout;

        private Builder(OkHttpClient shared, Clock clock) {
            this.shared = Objects.requireNonNull(shared, "shared");
            this.clock = Objects.requireNonNull(clock, "clock");
        }

        @Override
        public Duration connectTimeout() {
            return connectTimeout;
        }

        @Override
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        @Override
        public Duration readTimeout() {
            return readTimeout;
        }

        @Override
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = timeout;
            return this;
        }

        @Override
        public LlmHttpClient build() {
            OkHttpClient.Builder b = shared.newBuilder();
            if (connectTimeout != null) {
                b.connectTimeout(connectTimeout);
            }
            if (readTimeout != null) {
                b.readTimeout(readTimeout);
                b.writeTimeout(readTimeout);
            }
            return new LlmHttpClient(b.build(), clock);
        }
    }
}
