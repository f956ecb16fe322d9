package dev.dragoman.core.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.core.error.InvalidInputException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The contract every reader owes hostile input: a correct result or a clear {@link InvalidInputException}, never
 * another exception and never a hang. The hang guard is generous and is not a speed assertion: it counts the CPU time
 * of the thread doing the work, so a machine loaded by other builds (which stretches wall time, not the work's CPU
 * time) cannot fail it, while a loop that spins does; a much longer wall-clock limit catches a thread that blocks.
 */
final class Hostile {

    /** CPU time the work may take before it counts as a hang. */
    static final Duration HANG_GUARD = Duration.ofSeconds(60);
    /** Wall time before work that makes no progress on the CPU (a deadlock, a blocked read) counts as a hang. */
    static final Duration BLOCKED_GUARD = Duration.ofMinutes(10);

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private Hostile() {}

    /**
     * Runs {@code action} on its own thread and returns its result; fails when it takes more than {@link #HANG_GUARD}
     * of CPU time or {@link #BLOCKED_GUARD} of wall time. What it throws is rethrown.
     */
    static <T> T withinHangGuard(Supplier<T> action) {
        FutureTask<T> task = new FutureTask<>(action::get);
        Thread worker = new Thread(task, "hostile-input");
        worker.setDaemon(true);
        worker.start();
        boolean cpuTimed = THREADS.isThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled();
        long started = System.nanoTime();
        while (true) {
            try {
                return task.get(100, TimeUnit.MILLISECONDS);
            } catch (TimeoutException stillRunning) {
                long cpu = cpuTimed ? THREADS.getThreadCpuTime(worker.getId()) : System.nanoTime() - started;
                long wall = System.nanoTime() - started;
                if (cpu > HANG_GUARD.toNanos() || wall > BLOCKED_GUARD.toNanos()) {
                    task.cancel(true);
                    throw new AssertionError(String.format(
                            "hang: still running after %.0f s of CPU time and %.0f s of wall time",
                            cpu / 1e9, wall / 1e9));
                }
            } catch (InterruptedException e) {
                task.cancel(true);
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for the work", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException r) {
                    throw r;
                }
                if (cause instanceof Error err) {
                    throw err;
                }
                throw new AssertionError(cause);
            }
        }
    }

    /**
     * Runs {@code action}; a result must pass {@code check}; an {@link InvalidInputException} must carry a message
     * that names the input ({@code inputName}, when not null). Returns the result, or empty when the input was refused.
     */
    static <T> Optional<T> correctOrClearError(String inputName, Supplier<T> action, Consumer<T> check) {
        return withinHangGuard(() -> {
            T result;
            try {
                result = action.get();
            } catch (InvalidInputException e) {
                assertThat(e.getMessage())
                        .isNotBlank()
                        .doesNotContain("Exception:")
                        .doesNotContain("\tat ");
                if (inputName != null) {
                    assertThat(e.getMessage()).contains(inputName);
                }
                return Optional.empty();
            }
            check.accept(result);
            return Optional.of(result);
        });
    }

    /** Collapses whitespace runs so that texts can be compared across line-wrapping and extraction. */
    static String squash(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }
}
