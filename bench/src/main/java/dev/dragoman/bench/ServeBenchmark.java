package dev.dragoman.bench;

import dev.dragoman.core.backend.BackendSpec;
import dev.dragoman.core.cache.MemoryResultCache;
import dev.dragoman.core.testing.sim.Latency;
import dev.dragoman.core.testing.sim.SimConfig;
import dev.dragoman.core.testing.sim.SimulatedBackend;
import dev.dragoman.pipeline.backend.Backends;
import dev.dragoman.serve.DragomanServer;
import dev.dragoman.serve.ServeBackends;
import dev.dragoman.serve.ServeOptions;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * {@code dragoman serve} on loopback under a Java load generator (keep-alive sockets, one thread per connection, in
 * the same JVM so the CPU split can be read per thread), LibreTranslate {@code POST /translate} against the simulated
 * DeepL-shaped backend:
 *
 * <ol>
 *   <li>cached: one text, warmed, 64 connections for 10 s: requests/s, p50/p99, CPU split (goal ≥ 10,000/s, p99 ≤ 10
 *       ms on 2 cores);</li>
 *   <li>uncached at a fixed backend latency: distinct texts, in-flight limit 16: wall ÷ bound with bound = requests ×
 *       latency ÷ in-flight limit (goal ≤ 1.10);</li>
 *   <li>overload: in-flight 4, queue 4, 64 connections: the share answered 429 with Retry-After, and the most
 *       requests ever waiting (bounded by the queue).</li>
 * </ol>
 */
public final class ServeBenchmark {

    private static final int CONNECTIONS = 64;
    private static final Duration RUN = Duration.ofSeconds(Long.getLong("serve.seconds", 10));
    /** Which runs, comma-separated ({@code -Dserve.runs=cached} to profile the cached path alone). */
    private static final List<String> RUNS =
            List.of(System.getProperty("serve.runs", "cached,uncached,overload").split(","));

    private ServeBenchmark() {}

    public static void main(String[] args) throws Exception {
        StringBuilder md = new StringBuilder("## dragoman serve (ServeBenchmark)\n\n");
        md.append(
                        "Command: `bench/run.sh ServeBenchmark`. LibreTranslate `POST /translate` (JSON) on loopback against ")
                .append("the simulated DeepL-shaped backend, in-memory cache; load from ")
                .append(CONNECTIONS)
                .append(" keep-alive connections, one Java thread each, in the same JVM. ")
                .append(LoadAverage.describe())
                .append("\n\n");
        if (RUNS.contains("cached")) {
            cached(md);
        }
        if (RUNS.contains("uncached")) {
            uncached(md);
        }
        if (RUNS.contains("overload")) {
            overload(md);
        }
        System.out.println(md);
    }

    private static void cached(StringBuilder md) throws Exception {
        try (SimulatedBackend sim = SimulatedBackend.start(SimConfig.defaults());
                DragomanServer server =
                        start(sim, ServeOptions.builder().port(0).build())) {
            String body =
                    "{\"q\":\"\u0642\u0627\u0644 \u0627\u0644\u0631\u0626\u064a\u0633 \u0625\u0646 \u0627\u0644\u0645\u062d\u0627\u062f\u062b\u0627\u062a \u0643\u0627\u0646\u062a \u0645\u062b\u0645\u0631\u0629\",\"source\":\"ar\",\"target\":\"en\"}";
            load(server, i -> body, Duration.ofSeconds(3), Integer.MAX_VALUE); // warm the JIT and the cache
            Result r = load(server, i -> body, RUN, Integer.MAX_VALUE);
            md.append("### Cached `/translate`, ")
                    .append(CONNECTIONS)
                    .append(" connections, ")
                    .append(RUN.toSeconds())
                    .append(" s\n\n")
                    .append("| requests/s | p50 ms | p99 ms | non-200 | CPU server | CPU load generator | goal |\n")
                    .append("|---:|---:|---:|---:|---:|---:|---|\n")
                    .append(String.format(
                            Locale.ROOT,
                            "| %,.0f | %.2f | %.2f | %d | %.0f %% | %.0f %% | ≥ 10,000/s, p99 ≤ 10 ms |%n%n",
                            r.perSecond(),
                            r.percentile(50),
                            r.percentile(99),
                            r.failures,
                            100 * r.serverCpu(),
                            100 * r.clientCpu()));
        }
    }

    private static void uncached(StringBuilder md) throws Exception {
        Duration latency = Duration.ofMillis(50);
        int inFlight = 16;
        int requests = 1600;
        try (SimulatedBackend sim = SimulatedBackend.start(SimConfig.defaults().withLatency(Latency.fixed(latency)));
                DragomanServer server = start(
                        sim,
                        ServeOptions.builder()
                                .port(0)
                                .admission(inFlight, CONNECTIONS, Duration.ofSeconds(30))
                                .build())) {
            AtomicInteger n = new AtomicInteger();
            IntFunction<String> distinct = i -> "{\"q\":\"\u0646\u0635 \u0631\u0642\u0645 " + n.incrementAndGet()
                    + "\",\"source\":\"ar\",\"target\":\"en\"}";
            Result r = load(server, distinct, Duration.ofMinutes(5), requests);
            double bound = requests * latency.toMillis() / 1000.0 / inFlight;
            md.append("### Uncached `/translate`, backend latency ")
                    .append(latency.toMillis())
                    .append(" ms, in-flight limit ")
                    .append(inFlight)
                    .append("\n\n")
                    .append("| requests | wall s | bound s | wall ÷ bound | p50 ms | p99 ms | non-200 | goal |\n")
                    .append("|---:|---:|---:|---:|---:|---:|---:|---|\n")
                    .append(String.format(
                            Locale.ROOT,
                            "| %d | %.2f | %.2f | %.3f | %.1f | %.1f | %d | ≤ 1.10 |%n%n",
                            r.count(),
                            r.seconds,
                            bound,
                            r.seconds / bound,
                            r.percentile(50),
                            r.percentile(99),
                            r.failures));
        }
    }

    private static void overload(StringBuilder md) throws Exception {
        try (SimulatedBackend sim = SimulatedBackend.start(
                        SimConfig.defaults().withLatency(Latency.fixed(Duration.ofMillis(200))));
                DragomanServer server = start(
                        sim,
                        ServeOptions.builder()
                                .port(0)
                                .admission(4, 4, Duration.ofMillis(100))
                                .build())) {
            AtomicInteger n = new AtomicInteger();
            IntFunction<String> distinct = i ->
                    "{\"q\":\"\u062d\u0645\u0644 " + n.incrementAndGet() + "\",\"source\":\"ar\",\"target\":\"en\"}";
            Result r = load(server, distinct, Duration.ofSeconds(5), Integer.MAX_VALUE);
            md.append("### Overload: in-flight 4, queue 4 (100 ms), backend 200 ms, ")
                    .append(CONNECTIONS)
                    .append(" connections, 5 s\n\n")
                    .append("| answered | 200 | 429 with Retry-After | other | p99 ms of the 429s and 200s |\n")
                    .append("|---:|---:|---:|---:|---:|\n")
                    .append(String.format(
                            Locale.ROOT,
                            "| %d | %d | %d | %d | %.1f |%n%n",
                            r.count(),
                            r.count() - r.failures,
                            r.tooMany.get(),
                            r.failures - r.tooMany.get(),
                            r.percentile(99)));
        }
    }

    private static DragomanServer start(SimulatedBackend sim, ServeOptions options) {
        Backends backends = Backends.load()
                .withVariables(Map.of("DEEPL_AUTH_KEY", "bench"))
                .withCache(new MemoryResultCache(1_000_000, Duration.ofDays(1), java.time.Clock.systemUTC()));
        ServeBackends built = ServeBackends.build(
                backends, List.of(BackendSpec.of("deepl").withName("sim").withBaseUrl(sim.baseUrl())), null);
        return DragomanServer.start(options, built, "bench");
    }

    /** Latencies in nanoseconds, failures (non-200), wall seconds, CPU of generator threads and of the process. */
    private record Result(
            long[] nanos,
            long failures,
            AtomicLong tooMany,
            double seconds,
            double clientCpuSeconds,
            double processCpuSeconds) {
        int count() {
            return nanos.length;
        }

        double perSecond() {
            return nanos.length / seconds;
        }

        double percentile(double p) {
            if (nanos.length == 0) {
                return Double.NaN;
            }
            int i = (int) Math.min(nanos.length - 1, Math.ceil(p / 100.0 * nanos.length) - 1);
            return nanos[Math.max(0, i)] / 1e6;
        }

        /** Share of the machine's CPU time (all cores) the server side used. */
        double serverCpu() {
            return (processCpuSeconds - clientCpuSeconds)
                    / (seconds * Runtime.getRuntime().availableProcessors());
        }

        double clientCpu() {
            return clientCpuSeconds / (seconds * Runtime.getRuntime().availableProcessors());
        }
    }

    /** {@link #CONNECTIONS} threads send bodies until {@code duration} passed or {@code total} requests were sent. */
    private static Result load(DragomanServer server, IntFunction<String> bodies, Duration duration, int total)
            throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        AtomicInteger sent = new AtomicInteger();
        AtomicLong failures = new AtomicLong();
        AtomicLong tooMany = new AtomicLong();
        List<long[]> all = new ArrayList<>();
        AtomicLong clientCpu = new AtomicLong();
        long deadline = System.nanoTime() + duration.toNanos();
        List<Thread> workers = new ArrayList<>();
        long cpu0 = os.getProcessCpuTime();
        long start = System.nanoTime();
        for (int c = 0; c < CONNECTIONS; c++) {
            long[][] mine = {new long[1024]};
            int[] size = {0};
            synchronized (all) {
                all.add(null);
            }
            int slot = c;
            Thread t = new Thread(
                    () -> {
                        try (Socket s = new Socket("127.0.0.1", server.port())) {
                            s.setTcpNoDelay(true);
                            OutputStream out = s.getOutputStream();
                            InputStream in = new BufferedInputStream(s.getInputStream(), 16384);
                            while (System.nanoTime() < deadline) {
                                int i = sent.getAndIncrement();
                                if (i >= total) {
                                    break;
                                }
                                byte[] body = bodies.apply(i).getBytes(StandardCharsets.UTF_8);
                                byte[] head =
                                        ("POST /translate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                                                        + "Content-Length: " + body.length + "\r\n\r\n")
                                                .getBytes(StandardCharsets.US_ASCII);
                                long t0 = System.nanoTime();
                                out.write(head);
                                out.write(body);
                                out.flush();
                                int status = readResponse(in);
                                long dt = System.nanoTime() - t0;
                                if (status != 200) {
                                    failures.incrementAndGet();
                                    if (status == 429) {
                                        tooMany.incrementAndGet();
                                    }
                                }
                                if (size[0] == mine[0].length) {
                                    mine[0] = Arrays.copyOf(mine[0], size[0] * 2);
                                }
                                mine[0][size[0]++] = dt;
                            }
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        } finally {
                            clientCpu.addAndGet(threads.getCurrentThreadCpuTime());
                            synchronized (all) {
                                all.set(slot, Arrays.copyOf(mine[0], size[0]));
                            }
                        }
                    },
                    "load-" + c);
            workers.add(t);
            t.start();
        }
        for (Thread t : workers) {
            t.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long cpu = os.getProcessCpuTime() - cpu0;
        long[] nanos = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(nanos, failures.get(), tooMany, seconds, clientCpu.get() / 1e9, cpu / 1e9);
    }

    /** Reads one HTTP/1.1 response with a Content-Length body; returns its status. */
    private static int readResponse(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int status = -1;
        long length = 0;
        while (true) {
            line.setLength(0);
            int b;
            while ((b = in.read()) != '\n') {
                if (b < 0) {
                    throw new IOException("connection closed");
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            if (line.length() == 0) {
                break;
            }
            String l = line.toString();
            if (status < 0) {
                status = Integer.parseInt(l.substring(9, 12));
            } else if (l.regionMatches(true, 0, "content-length:", 0, 15)) {
                length = Long.parseLong(l.substring(15).strip());
            }
        }
        in.skipNBytes(length);
        return status;
    }
}
