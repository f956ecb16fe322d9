package dev.dragoman.serve;

import dev.dragoman.core.usage.Usage;
import dev.dragoman.core.usage.UsageMeter;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * The server's counters in the Prometheus text format ({@code /metrics}): requests by route and status, latency
 * histograms by route, requests in flight and waiting, refusals by reason (429s), translated segments by where they
 * came from (cache or backend), and backend usage and cache savings from the {@link UsageMeter}. Routes are path
 * templates, so label cardinality stays bounded. Thread-safe.
 */
final class Metrics {

    private static final double[] BUCKETS = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    /** By route: its latency histogram and its requests by status (a route's counters are found with one get). */
    private final ConcurrentHashMap<String, Histogram> latency = new ConcurrentHashMap<>();

    private final ConcurrentHashMap<String, LongAdder> refused = new ConcurrentHashMap<>();
    private final LongAdder cachedSegments = new LongAdder();
    private final LongAdder sentSegments = new LongAdder();
    private final AccessLog accessLog;

    Metrics(AccessLog accessLog) {
        this.accessLog = accessLog;
    }

    private static final class Histogram {
        final AtomicLongArray counts = new AtomicLongArray(BUCKETS.length + 1);
        final LongAdder sumMicros = new LongAdder();
        /** Requests by status 100..599 (index status − 100). */
        final AtomicLongArray statuses = new AtomicLongArray(500);

        void observe(double seconds) {
            int i = 0;
            while (i < BUCKETS.length && seconds > BUCKETS[i]) {
                i++;
            }
            counts.incrementAndGet(i);
            sumMicros.add(Math.round(seconds * 1e6));
        }
    }

    void request(String route, int status, long nanos) {
        Histogram h = latency.get(route);
        if (h == null) {
            h = latency.computeIfAbsent(route, k -> new Histogram());
        }
        h.statuses.incrementAndGet(Math.max(0, Math.min(499, status - 100)));
        h.observe(nanos / 1e9);
    }

    /** A request refused: "overload" (admission), "key-limit", "body-too-large", "unauthorized". */
    void refused(String reason) {
        refused.computeIfAbsent(reason, k -> new LongAdder()).increment();
    }

    void segments(long fromCache, long fromBackend) {
        cachedSegments.add(fromCache);
        sentSegments.add(fromBackend);
    }

    String render(Admission admission, UsageMeter meter) {
        StringBuilder out = new StringBuilder(4096);
        out.append("# HELP dragoman_http_requests_total HTTP requests by route and status.\n");
        out.append("# TYPE dragoman_http_requests_total counter\n");
        new TreeMap<>(latency).forEach((route, h) -> {
            for (int i = 0; i < h.statuses.length(); i++) {
                long n = h.statuses.get(i);
                if (n > 0) {
                    out.append("dragoman_http_requests_total{route=\"")
                            .append(escape(route))
                            .append("\",status=\"")
                            .append(i + 100)
                            .append("\"} ")
                            .append(n)
                            .append('\n');
                }
            }
        });
        out.append("# HELP dragoman_http_request_duration_seconds Time from request to response, by route.\n");
        out.append("# TYPE dragoman_http_request_duration_seconds histogram\n");
        new TreeMap<>(latency).forEach((route, h) -> {
            String r = escape(route);
            long cumulative = 0;
            for (int i = 0; i <= BUCKETS.length; i++) {
                cumulative += h.counts.get(i);
                String le = i < BUCKETS.length ? number(BUCKETS[i]) : "+Inf";
                out.append("dragoman_http_request_duration_seconds_bucket{route=\"")
                        .append(r)
                        .append("\",le=\"")
                        .append(le)
                        .append("\"} ")
                        .append(cumulative)
                        .append('\n');
            }
            out.append("dragoman_http_request_duration_seconds_sum{route=\"")
                    .append(r)
                    .append("\"} ")
                    .append(number(h.sumMicros.sum() / 1e6))
                    .append('\n');
            out.append("dragoman_http_request_duration_seconds_count{route=\"")
                    .append(r)
                    .append("\"} ")
                    .append(cumulative)
                    .append('\n');
        });
        gauge(out, "dragoman_http_requests_in_flight", "Backend-calling requests running now.", admission.inFlight());
        gauge(out, "dragoman_http_requests_waiting", "Requests waiting for a slot now.", admission.waiting());
        out.append(
                "# HELP dragoman_access_log_dropped_total Access-log lines dropped because the writer was behind.\n");
        out.append("# TYPE dragoman_access_log_dropped_total counter\n");
        out.append("dragoman_access_log_dropped_total ")
                .append(accessLog.dropped())
                .append('\n');
        out.append("# HELP dragoman_http_refused_total Requests refused before any work, by reason.\n");
        out.append("# TYPE dragoman_http_refused_total counter\n");
        new TreeMap<>(refused)
                .forEach((k, v) -> out.append("dragoman_http_refused_total{reason=\"")
                        .append(escape(k))
                        .append("\"} ")
                        .append(v.sum())
                        .append('\n'));
        out.append("# HELP dragoman_translation_segments_total Translated segments by where the answer came from.\n");
        out.append("# TYPE dragoman_translation_segments_total counter\n");
        out.append("dragoman_translation_segments_total{source=\"cache\"} ")
                .append(cachedSegments.sum())
                .append('\n');
        out.append("dragoman_translation_segments_total{source=\"backend\"} ")
                .append(sentSegments.sum())
                .append('\n');
        usage(out, "dragoman_backend", "Backend usage since start", meter.byBackend());
        usage(out, "dragoman_cache_saved", "Backend usage the cache saved since start", meter.savedByBackend());
        return out.toString();
    }

    private static void usage(StringBuilder out, String prefix, String help, Map<String, Usage> byBackend) {
        String[][] series = {
            {"requests", "requests"}, {"characters", "source characters"}, {"tokens", "tokens (input and output)"}
        };
        for (String[] s : series) {
            String name = prefix + "_" + s[0] + "_total";
            out.append("# HELP ")
                    .append(name)
                    .append(' ')
                    .append(help)
                    .append(": ")
                    .append(s[1])
                    .append(".\n");
            out.append("# TYPE ").append(name).append(" counter\n");
            new TreeMap<>(byBackend).forEach((backend, u) -> {
                long v = switch (s[0]) {
                    case "requests" -> u.requests();
                    case "characters" -> u.characters();
                    default -> u.totalTokens();
                };
                out.append(name)
                        .append("{backend=\"")
                        .append(escape(backend))
                        .append("\"} ")
                        .append(v)
                        .append('\n');
            });
        }
    }

    private static void gauge(StringBuilder out, String name, String help, long value) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(" gauge\n");
        out.append(name).append(' ').append(value).append('\n');
    }

    private static String number(double d) {
        return String.format(Locale.ROOT, "%s", d);
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
