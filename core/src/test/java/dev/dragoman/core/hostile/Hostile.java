package dev.dragoman.core.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.dragoman.core.error.InvalidInputException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The contract every reader owes hostile input: a correct result or a clear {@link InvalidInputException}, never
 * another exception and never a hang. The timeout is only a hang guard (generous, not a speed assertion).
 */
final class Hostile {

    static final Duration HANG_GUARD = Duration.ofSeconds(60);

    private Hostile() {}

    /**
     * Runs {@code action}; a result must pass {@code check}; an {@link InvalidInputException} must carry a message
     * that names the input ({@code inputName}, when not null). Returns the result, or empty when the input was refused.
     */
    static <T> Optional<T> correctOrClearError(String inputName, Supplier<T> action, Consumer<T> check) {
        return assertTimeoutPreemptively(HANG_GUARD, () -> {
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
