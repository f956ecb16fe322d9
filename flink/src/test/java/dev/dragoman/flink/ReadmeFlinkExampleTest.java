package dev.dragoman.flink;

import static dev.dragoman.core.testing.ReadmeSnippets.block;
import static dev.dragoman.core.testing.ReadmeSnippets.dedent;
import static dev.dragoman.core.testing.ReadmeSnippets.javaBlockWith;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.core.Language;
import dev.dragoman.core.backend.BackendSpec;
import dev.dragoman.core.cache.store.CacheStoreSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's Flink example in Java, copied verbatim between the markers below so that it compiles with the build;
 * the test fails as soon as the README and this copy drift apart.
 */
class ReadmeFlinkExampleTest {

    private static final Path README = Path.of("..", "README.md");
    private static final Path SELF =
            Path.of("src", "test", "java", "dev", "dragoman", "flink", "ReadmeFlinkExampleTest.java");

    /** Not run (it needs a shared mount, Redis and a DeepL key); compiled on every build. */
    @SuppressWarnings("unused")
    static void readmeExample() {
        // spotless:off
        // README-BEGIN
        FlinkBatchSpec spec = FlinkBatchSpec.of(List.of("/shared/wire"), Path.of("/shared/news"))   // a mount every worker sees
                .withTranslation(Language.ENGLISH, BackendSpec.of("deepl").withLimits(new BackendSpec.Limits(0, 100_000, 0)))
                .withCache(CacheStoreSpec.of("redis").withUrl("redis://redis:6379/0"))             // no password in the URL
                .withRateLimit("redis://redis:6379/1");
        try (LocalFlink flink = LocalFlink.start(1, 4)) {   // an embedded MiniCluster: 1 task manager, 4 slots
            System.out.println(flink.run(spec, 4).report().summaryLine());
        }
        // README-END
        // spotless:on
    }

    @Test
    void should_hold_the_readme_flink_snippet_verbatim() throws Exception {
        // given
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        String self = Files.readString(SELF, StandardCharsets.UTF_8);
        // when
        String inReadme = javaBlockWith(readme, "FlinkBatchSpec");
        String copy = block(self, "// README-BEGIN\n", "        // README-END");
        // then
        assertThat(dedent(copy)).isEqualTo(dedent(inReadme));
    }

    @Test
    void should_read_the_readme_job_spec() throws Exception {
        // given
        String json = block(Files.readString(README, StandardCharsets.UTF_8), "```json\n", "```");
        // when
        FlinkBatchSpec spec = FlinkBatchSpec.fromJson(json);
        // then
        assertThat(spec.translatorIfNeeded().type()).isEqualTo("deepl");
        assertThat(spec.translate().limits().charactersPerMinute()).isEqualTo(100_000);
        assertThat(spec.translateTo()).isEqualTo(Language.ENGLISH);
        assertThat(spec.cache().type()).isEqualTo("redis");
        assertThat(spec.rateLimitUrl()).isEqualTo("redis://redis:6379/1");
        assertThat(spec.inFlight()).isEqualTo(8);
    }
}
