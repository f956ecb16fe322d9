package dev.dragoman.core.testing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.opentest4j.TestAbortedException;

class RedisServerExtensionTest {

    private static final String MISSING = "redis-server-that-is-not-installed";

    @Test
    void should_fail_rather_than_skip_in_ci_when_redis_server_is_missing() {
        withCiProperty(
                "true",
                () -> assertThatThrownBy(() -> new RedisServerExtension()
                                .withExecutable(MISSING)
                                .beforeAll(null))
                        .isInstanceOf(ExtensionConfigurationException.class)
                        .hasMessageContaining("must run, not skip"));
    }

    @Test
    void should_skip_with_a_message_outside_ci_when_redis_server_is_missing() {
        withCiProperty(
                "",
                () -> assertThatThrownBy(() -> new RedisServerExtension()
                                .withExecutable(MISSING)
                                .beforeAll(null))
                        .isInstanceOf(TestAbortedException.class)
                        .hasMessageContaining("apt-get install -y redis-server"));
    }

    private static void withCiProperty(String value, Runnable test) {
        String before = System.getProperty("dragoman.ci");
        System.setProperty("dragoman.ci", value);
        try {
            test.run();
        } finally {
            if (before == null) {
                System.clearProperty("dragoman.ci");
            } else {
                System.setProperty("dragoman.ci", before);
            }
        }
    }
}
