package dev.dragoman.pipeline.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

class JobsGateTest {

    @StartStop
    final MockWebServer server = new MockWebServer();

    @Test
    void should_let_at_most_jobs_requests_reach_the_server_at_once() throws Exception {
        // given a server that holds every request until released, and 6 callers through a gate of 2 jobs
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                try {
                    release.await(10, TimeUnit.SECONDS);
                    return new MockResponse.Builder().code(200).body("ok").build();
                } finally {
                    inside.decrementAndGet();
                }
            }
        });
        JobsGate gate = JobsGate.of(2);
        OkHttpClient client = gate.around(new OkHttpClient());
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                answers.add(pool.submit(() -> {
                    try (Response r = client.newCall(new Request.Builder()
                                    .url(server.url("/translate"))
                                    .build())
                            .execute()) {
                        return r.body().string();
                    }
                }));
            }
            // when two requests are at the server and the four others wait at the gate
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while ((inside.get() < 2 || gate.waiting() < 4) && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            // then no third one got through, and once released every caller has its answer
            assertThat(inside.get()).isEqualTo(2);
            assertThat(gate.waiting()).isEqualTo(4);
            release.countDown();
            for (Future<String> a : answers) {
                assertThat(a.get(10, TimeUnit.SECONDS)).isEqualTo("ok");
            }
            assertThat(most.get()).isEqualTo(2);
            assertThat(gate.waiting()).isZero();
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void should_refuse_fewer_than_one_job() {
        assertThatThrownBy(() -> JobsGate.of(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
