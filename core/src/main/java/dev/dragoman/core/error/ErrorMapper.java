package dev.dragoman.core.error;

import dev.dragoman.core.error.DragomanException.Kind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * THE mapping from an HTTP error status to a {@link DragomanException}, for every backend: the vendor HTTP backends
 * (through their {@code BackendHttp}) and the LLM backends (through {@code LlmErrorMapper}, for the statuses
 * LangChain4j reports as they are). Every message names the backend and what to do, with the backend's secrets
 * removed (vendors sometimes echo a key back).
 *
 * <p>Retriable: 408, 429 (with its wait), 5xx. Not retriable: quota signals (DeepL 456, Azure 403 quota codes, Google
 * quota reasons, OpenAI {@code insufficient_quota}), 401/403 (key), 404 (wrong URL), 413/414 and the other 4xx.
 *
 * <p>Immutable and thread-safe.
 */
public final class ErrorMapper {

    private static final int MAX_VENDOR_MESSAGE = 300;

    private final VendorErrors vendor;
    private final List<String> secrets;

    /** @param secrets values that must never appear in a message (API keys); nulls and blanks are ignored */
    public ErrorMapper(VendorErrors vendor, String... secrets) {
        this.vendor = Objects.requireNonNull(vendor, "vendor");
        List<String> s = new ArrayList<>();
        for (String secret : secrets) {
            if (secret != null && !secret.isBlank()) {
                s.add(secret);
            }
        }
        this.secrets = List.copyOf(s);
    }

    public VendorErrors vendor() {
        return vendor;
    }

    /**
     * The exception for an HTTP error answer.
     *
     * @param retryAfter the server's wait from {@link #retryAfter}; null when it gave none
     * @param body the answer's body; may be null
     */
    public DragomanException fromStatus(int status, Duration retryAfter, String body) {
        VendorErrors.Detail detail = vendor.detail(status, body == null ? "" : body);
        String said = detail.message().isBlank() ? "" : ": " + truncate(detail.message());
        String name = vendor.name();
        DragomanException e;
        if (detail.quota()) {
            e = new DragomanException(
                    Kind.QUOTA_EXCEEDED, name + " quota exceeded (HTTP " + status + said + "): " + vendor.quotaHint());
        } else if (status == 429 || detail.rateLimited()) {
            e = new RateLimitedException(name + " is rate limiting requests (HTTP " + status + said + ")", retryAfter);
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

    /** Removes every secret from {@code text}: the registered keys ({@link Secrets}) and this backend's own. */
    public String redact(String text) {
        String out = Secrets.redact(text);
        for (String s : secrets) {
            out = out.replace(s, "***");
        }
        return out;
    }

    /** {@code e} with every secret removed from its message (the same instance when there was none). */
    public DragomanException redacted(DragomanException e) {
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
     * The wait a server asked for: {@code retry-after-ms} (OpenAI, Anthropic) when present, else {@code Retry-After}
     * as delta-seconds or an HTTP date; null when both are absent or unreadable. A date in the past is zero.
     */
    public static Duration retryAfter(String retryAfter, String retryAfterMs, Clock clock) {
        if (retryAfterMs != null && !retryAfterMs.isBlank()) {
            try {
                double ms = Double.parseDouble(retryAfterMs.strip());
                if (ms >= 0 && ms < Long.MAX_VALUE) {
                    return Duration.ofMillis((long) Math.ceil(ms));
                }
            } catch (NumberFormatException ignored) {
                // fall back to Retry-After
            }
        }
        if (retryAfter == null || retryAfter.isBlank()) {
            return null;
        }
        String v = retryAfter.strip();
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

    /** One line of at most 300 characters. */
    public static String truncate(String s) {
        String one = s.strip().replaceAll("\\s+", " ");
        return one.length() <= MAX_VENDOR_MESSAGE ? one : one.substring(0, MAX_VENDOR_MESSAGE) + "…";
    }
}
