package dev.dragoman.serve;

import dev.dragoman.core.text.LanguageDetector;
import dev.dragoman.pipeline.batch.HttpFetcher;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.eclipse.jetty.server.ConnectionLimit;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.component.LifeCycle;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * {@code dragoman serve}: Jetty 12 core serving the LibreTranslate API, the DeepL API, Dragoman's {@code /api/v1}, the
 * web page and {@code /health}, {@code /ready}, {@code /metrics}. It holds no translation logic: every call goes to the
 * {@link ServeBackends} it is given (built from specs by the pipeline's {@code Backends}) and the pipeline's per-article
 * step.
 *
 * <p>Bounded everywhere: request bodies ({@link ServeOptions#maxBodyBytes}), requests in flight and waiting (admission
 * control answers 429 with Retry-After past them), the thread pool and its queue, idle connections. {@link #stop()}
 * (also run on SIGTERM when {@link #stopAtShutdown} is set) stops accepting, lets requests in flight finish for up to
 * {@link ServeOptions#stopTimeout}, then closes. Not restartable.
 */
public final class DragomanServer implements AutoCloseable {

    static final int MAX_CONNECTIONS = 4096;

    private final ServeOptions options;
    private final Server server;
    private final ServerConnector connector;
    private final Admission admission;
    private final Health health = new Health();
    private final AccessLog accessLog;

    private DragomanServer(
            ServeOptions options, ServeBackends backends, Clock clock, String version, AccessLog accessLog) {
        this.options = options;
        this.accessLog = accessLog;
        this.admission = new Admission(options.maxInFlight(), options.maxQueued(), options.queueWait());
        int maxThreads = options.maxInFlight() + options.maxQueued() + 16;
        QueuedThreadPool pool = new QueuedThreadPool(maxThreads, Math.min(8, maxThreads), 60_000);
        pool.setName("dragoman-serve");
        this.server = new Server(pool);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        this.connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(options.host());
        connector.setPort(options.port());
        connector.setIdleTimeout(options.idleTimeout().toMillis());
        server.addConnector(connector);
        // connections past this wait in the kernel's accept queue instead of costing memory here
        server.addBean(new ConnectionLimit(MAX_CONNECTIONS, server));

        Metrics metrics = new Metrics(accessLog);
        Languages languages = new Languages(options.languages());
        Translation translation = new Translation(backends, LanguageDetector.shared(), metrics);
        List<Route> routes = new ArrayList<>();
        routes.addAll(new LibreTranslateApi(options, languages, translation, version).routes());
        DeepLGlossaryApi glossaries = new DeepLGlossaryApi(
                languages, new ClientGlossaries(clock, options.maxGlossariesTotalBytes()), options.maxGlossaryBytes());
        routes.addAll(new DeepLApi(options, languages, translation, glossaries, backends.glossary()).routes());
        routes.addAll(glossaries.routes());
        routes.addAll(new DragomanApi(options, backends, languages, version, HttpFetcher.standard()).routes());
        routes.addAll(new WebPage().routes());
        routes.addAll(health.routes(admission, metrics, backends));
        Router router = new Router(routes, options, admission, new KeyLimits(clock), metrics, accessLog);
        // however the server stops (stop(), or Jetty's own SIGTERM hook), the queued access-log lines are written
        server.addEventListener(new LifeCycle.Listener() {
            @Override
            public void lifeCycleStopped(LifeCycle event) {
                accessLog.close();
            }
        });
        GracefulHandler graceful = new GracefulHandler(router);
        server.setHandler(graceful);
        server.setStopTimeout(options.stopTimeout().toMillis());
    }

    /**
     * Starts a server.
     *
     * @param version what {@code /spec} and the page report
     * @throws IllegalArgumentException when the options are unsafe (keyless on a non-loopback address)
     * @throws java.io.UncheckedIOException when the port cannot be bound
     */
    public static DragomanServer start(ServeOptions options, ServeBackends backends, String version) {
        return start(options, backends, version, new AccessLog());
    }

    /** As {@link #start(ServeOptions, ServeBackends, String)}, writing its access log to {@code accessLog}. */
    static DragomanServer start(ServeOptions options, ServeBackends backends, String version, AccessLog accessLog) {
        Objects.requireNonNull(options, "options").check();
        DragomanServer s = new DragomanServer(
                options,
                Objects.requireNonNull(backends, "backends"),
                Clock.systemUTC(),
                version,
                Objects.requireNonNull(accessLog, "accessLog"));
        try {
            s.server.start();
        } catch (java.io.IOException e) {
            s.accessLog.close();
            throw new java.io.UncheckedIOException(
                    "cannot listen on " + options.host() + ":" + options.port() + ": " + e.getMessage(), e);
        } catch (Exception e) {
            s.accessLog.close();
            throw new IllegalStateException("the server did not start: " + e.getMessage(), e);
        }
        s.health.ready(true);
        return s;
    }

    /** Stops gracefully on JVM shutdown (SIGTERM, SIGINT): in-flight requests finish first. */
    public DragomanServer stopAtShutdown() {
        server.setStopAtShutdown(true);
        return this;
    }

    /** The port it listens on (the one chosen when {@link ServeOptions#port()} was 0). */
    public int port() {
        return connector.getLocalPort();
    }

    /** {@code http://host:port} (no trailing slash). */
    public String url() {
        String host = options.host().contains(":") ? "[" + options.host() + "]" : options.host();
        return "http://" + host + ":" + port();
    }

    /** Blocks until the server has stopped. */
    public void join() throws InterruptedException {
        server.join();
    }

    /**
     * Stops accepting, marks itself not ready, waits up to the stop timeout for requests in flight, then closes.
     */
    public void stop() {
        health.ready(false);
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("the server did not stop cleanly: " + e.getMessage(), e);
        } finally {
            accessLog.close();
        }
    }

    @Override
    public void close() {
        if (!server.isStopped()) {
            stop();
        }
    }

    int inFlight() {
        return admission.inFlight();
    }

    /** The Jetty server, for tests that stop it as Jetty's own SIGTERM hook does (not through {@link #stop()}). */
    Server jetty() {
        return server;
    }
}
