package dev.dragoman.pipeline;

import static dev.dragoman.core.testing.ReadmeSnippets.block;
import static dev.dragoman.core.testing.ReadmeSnippets.dedent;
import static dev.dragoman.core.testing.ReadmeSnippets.javaBlockWith;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.core.Language;
import dev.dragoman.core.backend.BackendSpec;
import dev.dragoman.core.cache.sqlite.SqliteResultCache;
import dev.dragoman.pipeline.backend.Backends;
import dev.dragoman.pipeline.batch.BatchEngine;
import dev.dragoman.pipeline.batch.BatchListener;
import dev.dragoman.pipeline.batch.BatchOptions;
import dev.dragoman.pipeline.schedule.BatchJob;
import dev.dragoman.pipeline.schedule.Schedule;
import dev.dragoman.summarize.extractive.ExtractiveSummarizer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's scheduled daily digest in Java, copied verbatim between the markers below so that it compiles with the
 * build; the test fails as soon as the README and this copy drift apart.
 */
class ReadmeDigestExampleTest {

    private static final Path README = Path.of("..", "README.md");
    private static final Path SELF =
            Path.of("src", "test", "java", "dev", "dragoman", "pipeline", "ReadmeDigestExampleTest.java");

    /** Not run (it fetches a feed, calls DeepL and waits for 07:00); compiled on every build. */
    @SuppressWarnings("unused")
    static void readmeExample() throws Exception {
        // spotless:off
        // README-BEGIN
        Backends backends = Backends.load().withVariables(System.getenv()) // DEEPL_AUTH_KEY
                .withCache(SqliteResultCache.open(Path.of("dragoman-cache.db")));
        BatchEngine engine = BatchEngine.builder(BatchOptions
                        .of(List.of("https://www.sana.sy/?feed=rss2", "wire/"), Path.of("news"))
                        .withSummarize(true).withBrief(Language.ENGLISH))
                .translator(backends.cachedTranslator(BackendSpec.of("deepl")))
                .summarizer(new ExtractiveSummarizer())
                .build();
        BatchJob daily = BatchJob.once(engine).on(Schedule.cron("0 7 * * *", ZoneId.of("Europe/Berlin")));
        Runtime.getRuntime().addShutdownHook(new Thread(daily::stop)); // finish the items in flight
        daily.run(BatchListener.NONE, run ->
                System.out.println(run.report().summaryLine() + "\n" + run.digest().get(0)));
        // README-END
        // spotless:on
    }

    @Test
    void should_hold_the_readme_digest_snippet_verbatim() throws Exception {
        // given
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        String self = Files.readString(SELF, StandardCharsets.UTF_8);
        // when
        String inReadme = javaBlockWith(readme, "BatchJob");
        String copy = block(self, "// README-BEGIN\n", "        // README-END");
        // then
        assertThat(dedent(copy)).isEqualTo(dedent(inReadme));
        assertThat(inReadme.lines().count()).isBetween(8L, 16L);
    }
}
