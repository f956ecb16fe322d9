package dev.dragoman.pipeline.batch;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.Semaphore;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Response;

/**
 * A batch's {@code --jobs}: at most that many backend requests in flight at once, with a permit held only while a
 * request is on the wire — from sending it until its answer's headers are in — and never while a worker reads,
 * detects, looks the cache up, waits for the SQLite lock or the rate limiter, backs off before a retry or writes. So
 * the backend has {@code jobs} requests whenever there is work for it, however slow the local work around them is.
 *
 * <p>It is an OkHttp application interceptor on the backends' client ({@link #around}); give the same gate to
 * {@link BatchEngine.Builder#gate}, which then does not gate the translator and the summarizer as a whole. Fair
 * (first come, first served). Thread-safe.
 */
public final class JobsGate implements Interceptor {

    private final int jobs;
    private final Semaphore permits;

    private JobsGate(int jobs) {
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be at least 1, not " + jobs);
        }
        this.jobs = jobs;
        this.permits = new Semaphore(jobs, true);
    }

    /** A gate letting {@code jobs} requests through at once. */
    public static JobsGate of(int jobs) {
        return new JobsGate(jobs);
    }

    /** How many requests it lets through at once. */
    public int jobs() {
        return jobs;
    }

    /** How many requests are waiting for a permit now (an estimate, as {@link Semaphore#getQueueLength}). */
    public int waiting() {
        return permits.getQueueLength();
    }

    /** {@code client} with this gate in front of every request it sends (a new client sharing its pools). */
    public OkHttpClient around(OkHttpClient client) {
        return client.newBuilder().addInterceptor(this).build();
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for one of the " + jobs + " jobs");
        }
        try {
            return chain.proceed(chain.request());
        } finally {
            permits.release();
        }
    }
}
