package dev.dragoman.core.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a server's answer says about its request budget: how many requests remain and when the budget is whole again.
 * Read from the headers the providers send (first match wins):
 *
 * <ul>
 *   <li>OpenAI and compatible servers (Groq, Together, OpenRouter…): {@code x-ratelimit-remaining-requests} and
 *       {@code x-ratelimit-reset-requests} as a Go duration ({@code 1s}, {@code 6m0s}, {@code 59.5ms});
 *   <li>Anthropic: {@code anthropic-ratelimit-requests-remaining} and {@code anthropic-ratelimit-requests-reset}
 *       (an RFC 3339 time);
 *   <li>the IETF draft ({@code RateLimit-Remaining}, {@code RateLimit-Reset} in seconds) and the common
 *       {@code X-RateLimit-Remaining}, {@code X-RateLimit-Reset} (seconds, or a Unix time when it is past 10⁹).
 * </ul>
 *
 * DeepL, Google and Azure send none of these: for them the limiter learns from 429s alone.
 *
 * @param remaining requests the server will still accept before {@code reset}
 * @param reset how long until the budget is whole again (not negative)
 */
public record RateLimitHeaders(long remaining, Duration reset) {

    private static final Pattern GO_DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(h|ms|m|s|us|µs|ns)");

    public RateLimitHeaders {
        if (remaining < 0) {
            throw new IllegalArgumentException("remaining must not be negative");
        }
        if (reset == null || reset.isNegative()) {
            throw new IllegalArgumentException("reset must be a duration, not negative");
        }
    }

    /**
     * The budget stated by an answer's headers, or empty when it states none (or states it unreadably: a hint, never
     * a failure).
     *
     * @param header the answer's header of a (case-insensitive) name, or null when absent
     */
    public static Optional<RateLimitHeaders> from(Function<String, String> header, Clock clock) {
        Long remaining = count(header.apply("x-ratelimit-remaining-requests"));
        if (remaining != null) {
            Duration reset = goDuration(header.apply("x-ratelimit-reset-requests"));
            return of(remaining, reset);
        }
        remaining = count(header.apply("anthropic-ratelimit-requests-remaining"));
        if (remaining != null) {
            return of(remaining, instant(header.apply("anthropic-ratelimit-requests-reset"), clock));
        }
        for (String prefix : new String[] {"ratelimit-", "x-ratelimit-"}) {
            remaining = count(header.apply(prefix + "remaining"));
            if (remaining != null) {
                return of(remaining, seconds(header.apply(prefix + "reset"), clock));
            }
        }
        return Optional.empty();
    }

    private static Optional<RateLimitHeaders> of(long remaining, Duration reset) {
        return reset == null ? Optional.empty() : Optional.of(new RateLimitHeaders(remaining, reset));
    }

    private static Long count(String v) {
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            long n = Long.parseLong(v.strip());
            return n < 0 ? null : n;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A Go duration as OpenAI writes it ({@code 1m30.5s}, {@code 120ms}); null when unreadable. */
    static Duration goDuration(String v) {
        if (v == null || v.isBlank()) {
            return null;
        }
        String s = v.strip().toLowerCase(Locale.ROOT);
        Matcher m = GO_DURATION.matcher(s);
        double nanos = 0;
        int at = 0;
        while (m.find()) {
            if (m.start() != at) {
                return null;
            }
            double n = Double.parseDouble(m.group(1));
            nanos += n
                    * switch (m.group(2)) {
                        case "h" -> 3600e9;
                        case "m" -> 60e9;
                        case "s" -> 1e9;
                        case "ms" -> 1e6;
                        case "us", "µs" -> 1e3;
                        default -> 1;
                    };
            at = m.end();
        }
        if (at == 0 || at != s.length() || nanos > 1e18) {
            return null;
        }
        return Duration.ofNanos((long) Math.ceil(nanos));
    }

    /** Delta-seconds, or a Unix time (past 10⁹); null when unreadable. */
    private static Duration seconds(String v, Clock clock) {
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            double n = Double.parseDouble(v.strip());
            if (n < 0 || n > 1e12) {
                return null;
            }
            if (n >= 1e9) {
                Duration d = Duration.between(clock.instant(), Instant.ofEpochMilli((long) (n * 1000)));
                return d.isNegative() ? Duration.ZERO : d;
            }
            return Duration.ofMillis((long) Math.ceil(n * 1000));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Duration instant(String v, Clock clock) {
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            Duration d = Duration.between(clock.instant(), Instant.parse(v.strip()));
            return d.isNegative() ? Duration.ZERO : d;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
