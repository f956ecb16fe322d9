package dev.dragoman.flink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.core.testing.sim.WireCorpus;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged job jar ({@code target/dragoman-flink-job.jar}, built by {@code package}; this test runs in the
 * {@code integration-test} phase), as {@code flink run} would take it: its manifest names the entry point, it holds
 * Dragoman with every backend provider and leaves Flink out, and its entry point, started in a fresh JVM with only the
 * jar and the class path a Flink installation provides, runs a sample batch to its digest on Flink's local executor.
 */
class JobJarTest {

    private static final Path JAR = Path.of("target", "dragoman-flink-job.jar");
    private static final Path FLINK_CLASS_PATH = Path.of("target", "flink-provided.classpath");

    @TempDir
    Path dir;

    @Test
    void should_name_the_job_entry_point_and_hold_dragoman_without_flink() throws IOException {
        // given
        try (JarFile jar = new JarFile(JAR.toFile())) {
            // when
            String main = jar.getManifest().getMainAttributes().getValue("Main-Class");
            List<String> names = jar.stream().map(e -> e.getName()).toList();

            // then
            assertThat(main).isEqualTo(FlinkJob.class.getName());
            assertThat(names)
                    .contains("dev/dragoman/flink/FlinkJob.class", "dev/dragoman/pipeline/step/ArticleStep.class")
                    .noneMatch(n -> n.startsWith("org/apache/flink/"))
                    .noneMatch(n -> n.startsWith("org/slf4j/"));
            // the providers of every module, merged: one file per service would keep only the last module's
            String summarizers = new String(
                    jar.getInputStream(jar.getEntry("META-INF/services/dev.dragoman.summarize.SummarizerProvider"))
                            .readAllBytes(),
                    StandardCharsets.UTF_8);
            String stores = new String(
                    jar.getInputStream(
                                    jar.getEntry("META-INF/services/dev.dragoman.core.cache.store.CacheStoreProvider"))
                            .readAllBytes(),
                    StandardCharsets.UTF_8);
            assertThat(summarizers).contains("extractive");
            assertThat(stores).contains("redis", "sqlite");
        }
    }

    @Test
    void should_run_a_sample_batch_through_the_jars_entry_point() throws Exception {
        // given: the seed story and generated wire copy, summarized by the embedded extractive summarizer (no key)
        Path in = dir.resolve("in");
        List<WireCorpus.Item> stories = WireCorpus.generate(12, 5);
        WireCorpus.writeWire(stories, in);
        Files.copy(Path.of("..", "examples", "sana-2024-06-25-lukashenko.ar.txt"), in.resolve("seed.ar.txt"));
        Path out = dir.resolve("out");
        FlinkBatchSpec spec = FlinkBatchSpec.of(List.of(in.toString()), out)
                .withSummary(true, null)
                .withCheckpointInterval(java.time.Duration.ofMillis(200));
        Path specFile = dir.resolve("job.json");
        Files.writeString(specFile, spec.toJson(), StandardCharsets.UTF_8);
        String main;
        try (JarFile jar = new JarFile(JAR.toFile())) {
            main = jar.getManifest().getMainAttributes().getValue("Main-Class");
        }

        // when
        Process p = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                        "-cp",
                        classPath(),
                        main,
                        "--spec",
                        specFile.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("job.log").toFile())
                .start();
        boolean ended = p.waitFor(3, TimeUnit.MINUTES);
        if (!ended) {
            p.destroyForcibly();
        }

        // then
        String log = Files.readString(dir.resolve("job.log"), StandardCharsets.UTF_8);
        assertThat(ended).as(log).isTrue();
        assertThat(p.exitValue()).as(log).isZero();
        int articles = stories.size() + 1;
        assertThat(log).contains("batch finished: " + articles + " done");
        assertThat(FlinkBatchTest.results(out))
                .hasSize(articles)
                .allSatisfy((id, doc) ->
                        assertThat(doc.path("summary").path("text").asText()).isNotBlank());
        try (Stream<Path> digests = Files.list(out.resolve("digests"))) {
            assertThat(digests.map(Path::toString)).anyMatch(name -> name.endsWith(".md"));
        }
    }

    @Test
    void should_submit_the_batch_with_the_job_jar_to_a_cluster_at_its_rest_address() throws Exception {
        // given: a running cluster reachable only through its REST endpoint
        Path in = dir.resolve("in");
        WireCorpus.writeWire(WireCorpus.generate(6, 9), in);
        FlinkBatchSpec spec = FlinkBatchSpec.of(List.of(in.toString()), dir.resolve("out"))
                .withSummary(true, null)
                .withCheckpointInterval(java.time.Duration.ofMillis(200));
        org.apache.flink.configuration.Configuration conf = new org.apache.flink.configuration.Configuration();
        conf.set(org.apache.flink.configuration.CoreOptions.CLASSLOADER_RESOLVE_ORDER, "parent-first");
        try (LocalFlink cluster = LocalFlink.start(1, 2, conf)) {
            java.net.URI rest = cluster.miniCluster().getRestAddress().get();

            // when
            var run = FlinkRunner.run(spec, 2, rest.getHost() + ":" + rest.getPort(), JAR);

            // then
            assertThat(run.report().done()).isEqualTo(6);
            assertThat(FlinkBatchTest.results(dir.resolve("out"))).hasSize(6);
        }
    }

    /** The job jar, then what a Flink installation's lib/ holds: Flink with its dependencies, and SLF4J. */
    private static String classPath() throws IOException {
        List<String> entries = new ArrayList<>();
        entries.add(JAR.toAbsolutePath().toString());
        entries.addAll(Arrays.asList(Files.readString(FLINK_CLASS_PATH, StandardCharsets.UTF_8)
                .strip()
                .split(File.pathSeparator)));
        Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> e.contains("slf4j"))
                .forEach(entries::add);
        return String.join(File.pathSeparator, entries);
    }
}
