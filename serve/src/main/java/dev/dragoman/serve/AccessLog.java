package dev.dragoman.serve;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The structured access log: one JSON line per request on the {@code dev.dragoman.serve.access} logger, never the
 * query string (LibreTranslate clients put {@code api_key} there) or a body. A request thread only formats its line
 * and hands it over; one background thread writes them, so that requests never queue behind the log's lock and
 * write (the CLI's stderr takes one lock and one write per line). When the writer falls {@value #CAPACITY} lines
 * behind, further lines are dropped and counted ({@code dragoman_access_log_dropped_total}), never waited for.
 * {@link #close()} writes what is queued. Thread-safe.
 */
final class AccessLog implements AutoCloseable {

    static final int CAPACITY = 8192;
    private static final Logger ACCESS = LoggerFactory.getLogger("dev.dragoman.serve.access");

    private final boolean enabled;
    private final Consumer<String> sink;
    private final ArrayBlockingQueue<String> lines = new ArrayBlockingQueue<>(CAPACITY);
    private final LongAdder dropped = new LongAdder();
    private final Thread writer;
    private volatile boolean closed;

    /** The {@code dev.dragoman.serve.access} logger's lines, when it logs INFO. */
    AccessLog() {
        this(ACCESS.isInfoEnabled(), ACCESS::info);
    }

    AccessLog(boolean enabled, Consumer<String> sink) {
        this.enabled = enabled;
        this.sink = sink;
        writer = enabled ? new Thread(this::write, "dragoman-access-log") : null;
        if (writer != null) {
            writer.setDaemon(true);
            writer.start();
        }
    }

    /** False when the access logger is off: the caller skips formatting. */
    boolean enabled() {
        return enabled;
    }

    /**
     * Queues one request's line.
     *
     * @param key the client key's name, null when keyless
     * @param agent the User-Agent header, null when absent (cut to 120 characters)
     */
    void add(
            String remote,
            String method,
            String path,
            int status,
            long nanos,
            long in,
            long out,
            String key,
            String agent) {
        if (!enabled || closed) {
            return;
        }
        StringBuilder line = new StringBuilder(160);
        line.append("{\"time\":\"").append(Instant.now()).append('"');
        text(line, "remote", remote);
        text(line, "method", method);
        text(line, "path", path);
        line.append(",\"status\":").append(status);
        line.append(",\"ms\":").append(Math.round(nanos / 1e4) / 100.0);
        line.append(",\"in\":").append(in);
        line.append(",\"out\":").append(out);
        if (key != null) {
            text(line, "key", key);
        }
        if (agent != null) {
            text(line, "agent", agent.length() > 120 ? agent.substring(0, 120) : agent);
        }
        line.append('}');
        if (!lines.offer(line.toString())) {
            dropped.increment();
        }
    }

    private static void text(StringBuilder line, String name, String value) {
        line.append(",\"").append(name).append("\":\"");
        JsonStringEncoder.getInstance().quoteAsString(value == null ? "" : value, line);
        line.append('"');
    }

    /** Lines not written because the writer was {@value #CAPACITY} lines behind. */
    long dropped() {
        return dropped.sum();
    }

    private void write() {
        List<String> batch = new ArrayList<>(256);
        while (!closed || !lines.isEmpty()) {
            try {
                String first = lines.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                sink.accept(first);
                lines.drainTo(batch, 255);
                batch.forEach(sink);
                batch.clear();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Stops taking lines and waits (up to 5 s) until the queued ones are written. */
    @Override
    public void close() {
        closed = true;
        if (writer != null) {
            try {
                writer.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
