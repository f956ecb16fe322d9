package dev.dragoman.serve;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-key request and character limits over fixed one-minute windows (what {@link ApiKey} allows; 0 = no limit). A
 * request over a limit is refused at once with 429 and the seconds left in the window; nothing waits. Keyless
 * servers count under one anonymous entry with no limits. Thread-safe.
 */
final class KeyLimits {

    private static final String ANONYMOUS = "";

    private final Clock clock;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    KeyLimits(Clock clock) {
        this.clock = clock;
    }

    /** One key's counts in the current minute. */
    private static final class Window {
        long minute = -1;
        long requests;
        long characters;

        void roll(long now) {
            if (now != minute) {
                minute = now;
                requests = 0;
                characters = 0;
            }
        }
    }

    /** Books one request for {@code key} (null: keyless). */
    void chargeRequest(ApiKey key) {
        long now = minute();
        Window w = windows.computeIfAbsent(name(key), k -> new Window());
        synchronized (w) {
            w.roll(now);
            if (key != null && key.requestsPerMinute() > 0 && w.requests >= key.requestsPerMinute()) {
                throw refused("requests", key.requestsPerMinute());
            }
            w.requests++;
        }
    }

    /** Books {@code n} characters for {@code key} (null: keyless). */
    void chargeCharacters(ApiKey key, long n) {
        long now = minute();
        Window w = windows.computeIfAbsent(name(key), k -> new Window());
        synchronized (w) {
            w.roll(now);
            if (key != null && key.charactersPerMinute() > 0 && w.characters + n > key.charactersPerMinute()) {
                throw refused("characters", key.charactersPerMinute());
            }
            w.characters += n;
        }
    }

    long charactersThisMinute(ApiKey key) {
        Window w = windows.get(name(key));
        if (w == null) {
            return 0;
        }
        synchronized (w) {
            w.roll(minute());
            return w.characters;
        }
    }

    private ApiError refused(String what, int limit) {
        long millis = clock.millis();
        long left = 60 - (millis / 1000) % 60;
        return new ApiError(
                429,
                "this key's limit of " + limit + " " + what + " per minute is used up",
                Duration.ofSeconds(left),
                "key-limit");
    }

    private long minute() {
        return clock.millis() / 60_000;
    }

    private static String name(ApiKey key) {
        return key == null ? ANONYMOUS : key.name();
    }
}
