package dev.dragoman.core.llm;

import dev.dragoman.core.error.DragomanException;
import dev.dragoman.core.error.DragomanException.Kind;
import dev.dragoman.core.error.ErrorMapper;
import dev.dragoman.core.error.RateLimitedException;
import dev.dragoman.core.error.Reasons;
import dev.dragoman.core.error.VendorErrors;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.ContentFilteredException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.NonRetriableException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.exception.UnsupportedFeatureException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.Locale;
import java.util.Objects;

/**
 * THE mapping from what a LangChain4j {@link dev.langchain4j.model.chat.ChatModel} throws to Dragoman's exceptions,
 * for LLM translation and LLM summaries alike (LangChain4j's own {@code internal/ExceptionMapper} is the model). The
 * order is fixed here; a provider's quirks are a small subclass that looks at the failure first
 * ({@link #provider}) — OpenAI's {@code insufficient_quota} 429 is a used-up quota, not a rate limit; Anthropic's
 * "credit balance is too low" 400 likewise; Ollama's missing model says {@code ollama pull NAME}. An HTTP status
 * LangChain4j reports as it is goes through {@link ErrorMapper#fromStatus}, the one status mapping.
 *
 * <p>Nothing a retry cannot fix is retriable: a client-side refusal ({@code UnsupportedFeatureException}, e.g. a
 * response format the provider's client does not support) is a bad request, never "backend unavailable".
 *
 * <p>Immutable and thread-safe.
 */
public class LlmErrorMapper {

    private final ErrorMapper http;
    private final String model;

    /**
     * @param http the backend's name, hints, secrets and status mapping
     * @param model the model name, for messages
     */
    protected LlmErrorMapper(ErrorMapper http, String model) {
        this.http = Objects.requireNonNull(http, "http");
        this.model = model == null ? "" : model;
    }

    /**
     * The mapper for a provider ("openai", "anthropic", "ollama"; anything else gets the common mapping).
     *
     * @param backendId the configured backend id, which names the provider
     * @param keyHint named when the key is rejected ("OPENAI_API_KEY"); may be null
     * @param urlHint named when the server cannot be reached; may be null
     */
    public static LlmErrorMapper forProvider(
            String backendId, String model, String keyHint, String urlHint, String... secrets) {
        String provider = backendId == null ? "" : backendId.toLowerCase(Locale.ROOT);
        String name = "LLM backend '" + backendId + "'" + (model == null || model.isBlank() ? "" : " (" + model + ")");
        VendorErrors vendor = new VendorErrors(
                name,
                keyHint == null ? "the LLM API key" : keyHint,
                urlHint == null ? "the LLM base URL" : urlHint,
                "add credit or raise the limit with the provider, or use another backend",
                (status, body) -> VendorErrors.Detail.of(VendorErrors.messageField(body)));
        ErrorMapper http = new ErrorMapper(vendor, secrets);
        return switch (provider) {
            case "openai" -> new OpenAiErrorMapper(http, model);
            case "anthropic" -> new AnthropicErrorMapper(http, model);
            case "ollama" -> new OllamaErrorMapper(http, model);
            default -> new LlmErrorMapper(http, model);
        };
    }

    /** The backend's display name for messages ("LLM backend 'openai' (gpt-4o-mini)"). */
    public final String name() {
        return http.vendor().name();
    }

    public final String model() {
        return model;
    }

    /** Removes the backend's secrets from {@code text}. */
    public final String redact(String text) {
        return http.redact(text);
    }

    /** The Dragoman exception for a failed chat call; a {@link DragomanException} passes through unchanged. */
    public final DragomanException map(RuntimeException e) {
        if (e instanceof DragomanException d) {
            return d;
        }
        DragomanException special = provider(e);
        if (special != null) {
            return http.redacted(special);
        }
        return http.redacted(common(e));
    }

    /** A provider's quirk, looked at before the common mapping; null when the common mapping applies. */
    protected DragomanException provider(RuntimeException e) {
        return null;
    }

    private DragomanException common(RuntimeException e) {
        String name = name();
        if (e instanceof HttpException h) {
            return http.fromStatus(h.statusCode(), retryAfter(e), h.getMessage());
        }
        if (e instanceof RateLimitException) {
            return new RateLimitedException(name + " is rate limiting requests: " + said(e), retryAfter(e));
        }
        if (e instanceof AuthenticationException) {
            return new DragomanException(
                    Kind.AUTHENTICATION_FAILED,
                    name + " rejected the key: check " + http.vendor().keyHint(),
                    e);
        }
        if (e instanceof ModelNotFoundException) {
            return modelNotFound(e);
        }
        if (e instanceof TimeoutException
                || hasCause(e, SocketTimeoutException.class)
                || hasCause(e, HttpTimeoutException.class)
                || hasCause(e, java.util.concurrent.TimeoutException.class)) {
            return new DragomanException(
                    Kind.TIMEOUT,
                    name + " did not answer in time; raise its timeout (local models need minutes) or try later",
                    e);
        }
        if (e instanceof InternalServerException) {
            return new DragomanException(
                    Kind.BACKEND_UNAVAILABLE, name + " failed: " + said(e) + "; try again later", e);
        }
        if (e instanceof ContentFilteredException) {
            return new DragomanException(Kind.BAD_REQUEST, name + " refused the text (content filter): " + brief(e), e);
        }
        if (e instanceof InvalidRequestException) {
            return new DragomanException(Kind.BAD_REQUEST, name + " rejected the request: " + said(e), e);
        }
        if (e instanceof UnsupportedFeatureException) {
            return new DragomanException(
                    Kind.BAD_REQUEST,
                    name + " cannot make this request (" + brief(e)
                            + "); no retry can fix that: use another backend for it",
                    e);
        }
        if (e instanceof NonRetriableException) {
            return new DragomanException(Kind.BAD_REQUEST, name + " rejected the request: " + said(e), e);
        }
        if (hasCause(e, com.fasterxml.jackson.core.JsonProcessingException.class)) {
            // the server answered, but the body is not the JSON its API promises (cut off, or not JSON at all)
            return new DragomanException(
                    Kind.BACKEND_UNAVAILABLE,
                    name + " answered with a body that could not be read (cut off or malformed: " + brief(e)
                            + "); try again later",
                    e);
        }
        if (hasCause(e, IOException.class) && !unreachable(e)) {
            // connected, then the exchange broke (reset, end of stream): the server is there
            return new DragomanException(
                    Kind.BACKEND_UNAVAILABLE,
                    "the connection to " + name + " broke during the exchange (" + brief(e) + "); try again later",
                    e);
        }
        if (hasCause(e, IOException.class)) {
            return new DragomanException(
                    Kind.BACKEND_UNAVAILABLE,
                    "cannot reach " + name + ": " + brief(e) + "; is it running? check "
                            + http.vendor().urlHint(),
                    e);
        }
        return new DragomanException(Kind.BACKEND_UNAVAILABLE, name + " failed: " + brief(e), e);
    }

    /** The model does not exist on the server: a configuration error. */
    protected DragomanException modelNotFound(RuntimeException e) {
        return new DragomanException(
                Kind.CONFIGURATION, name() + ": the model was not found (" + said(e) + "); check the model name", e);
    }

    /** A used-up quota or credit: not retriable. */
    protected final DragomanException quota(RuntimeException e) {
        return new DragomanException(
                Kind.QUOTA_EXCEEDED,
                name() + " quota exceeded: " + said(e) + "; " + http.vendor().quotaHint(),
                e);
    }

    /** The provider's own message when the exception carries its JSON error body, else the exception message. */
    protected static String said(Throwable e) {
        String field = VendorErrors.messageField(e.getMessage());
        return field.isBlank() ? brief(e) : ErrorMapper.truncate(field);
    }

    /** The exception's message on one line, at most 300 characters. */
    protected static String brief(Throwable e) {
        return Reasons.of(e);
    }

    /** The failure's message (and its causes'), lower-cased, for provider signals. */
    protected static String text(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null && sb.length() < 10_000; t = t.getCause()) {
            if (t.getMessage() != null) {
                sb.append(t.getMessage()).append('\n');
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    /**
     * The server's wait ({@code Retry-After}, {@code retry-after-ms}) when the HTTP client kept it
     * ({@link LlmHttpException} in the cause chain); null otherwise.
     */
    protected static java.time.Duration retryAfter(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof LlmHttpException h) {
                return h.retryAfter().orElse(null);
            }
        }
        return null;
    }

    /** No connection was made: no such host, nothing listening, no route. */
    protected static boolean unreachable(Throwable e) {
        return hasCause(e, java.net.ConnectException.class)
                || hasCause(e, java.net.UnknownHostException.class)
                || hasCause(e, java.net.NoRouteToHostException.class)
                || text(e).contains("connection refused");
    }

    protected static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + name() + "]";
    }
}
