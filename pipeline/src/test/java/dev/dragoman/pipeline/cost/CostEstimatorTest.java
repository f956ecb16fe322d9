package dev.dragoman.pipeline.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.dragoman.core.Language;
import dev.dragoman.core.backend.BackendSpec;
import dev.dragoman.core.cache.MemoryResultCache;
import dev.dragoman.core.testing.sim.SimConfig;
import dev.dragoman.core.testing.sim.SimulatedBackend;
import dev.dragoman.core.testing.sim.WireCorpus;
import dev.dragoman.core.usage.Usage;
import dev.dragoman.core.usage.UsageMeter;
import dev.dragoman.pipeline.backend.Backends;
import dev.dragoman.pipeline.batch.BatchEngine;
import dev.dragoman.pipeline.batch.BatchListener;
import dev.dragoman.pipeline.batch.BatchOptions;
import dev.dragoman.pipeline.batch.Fetcher;
import dev.dragoman.pipeline.batch.RunReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CostEstimatorTest {

    static final Path SEED = Path.of("..", "examples", "sana-2024-06-25-lukashenko.ar.txt");
    private static final Fetcher NO_NETWORK = url -> {
        throw new AssertionError("no fetch expected: " + url);
    };

    private final SimulatedBackend sim = SimulatedBackend.start(SimConfig.defaults());
    private final MemoryResultCache cache = new MemoryResultCache();

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        sim.close();
    }

    /** The sample batch: the seed story and twelve generated wire stories, into English with gpt-4o-mini. */
    private BatchOptions sampleBatch() throws Exception {
        Path wire = Files.createDirectories(dir.resolve("wire"));
        Files.copy(SEED, wire.resolve("sana.txt"));
        WireCorpus.writeWire(WireCorpus.generate(12, 7), wire);
        return BatchOptions.of(List.of(wire.toString()), dir.resolve("out"))
                .withTranslateTo(Language.ENGLISH)
                .withSummarize(true);
    }

    private BackendSpec gpt() {
        return BackendSpec.of("openai").withName("gpt").withModel("gpt-4o-mini").withBaseUrl(sim.openAiBaseUrl());
    }

    private Backends backends() {
        return Backends.load()
                .withVariables(Map.of("OPENAI_API_KEY", "sk-estimate-test"))
                .withCache(cache);
    }

    @Test
    void should_estimate_the_prompts_of_the_sample_batch_as_the_vendor_then_bills_them() throws Exception {
        // given
        BatchOptions options = sampleBatch();
        CostEstimator estimator =
                new CostEstimator(backends(), PriceTable.standard(), gpt(), BackendSpec.of("extractive"));

        // when
        Estimate estimate = estimator.estimate(options, NO_NETWORK);
        int requestsBefore = sim.stats().requests();
        UsageMeter meter = new UsageMeter();
        Backends live = backends().withMeter(meter);
        RunReport report = BatchEngine.builder(options)
                .translator(live.cachedTranslator(gpt()))
                .summarizer(live.summarizer(BackendSpec.of("extractive")))
                .fetcher(NO_NETWORK)
                .build()
                .run(BatchListener.NONE, false);

        // then the estimate sent nothing, and matches what the simulated vendor billed
        assertThat(requestsBefore).isZero();
        assertThat(report.failed()).isZero();
        assertThat(estimate.articles()).isEqualTo(13);
        Usage spent = meter.total();
        Usage estimated = estimate.usage();
        assertThat(estimated.requests()).isEqualTo(spent.requests());
        assertThat((double) estimated.inputTokens()).isCloseTo(spent.inputTokens(), within(0.02 * spent.inputTokens()));
        // answers are approximated (as long in tokens as their segments): the simulator answers in transliterated
        // Latin letters, which tokenize far denser than a real English translation, so only the order is checked here
        assertThat(estimated.outputTokens()).isBetween(spent.outputTokens() / 2, spent.outputTokens() * 2);
        ModelPrice price = PriceTable.standard().find("openai", "gpt-4o-mini").orElseThrow();
        assertThat(estimate.total().live()).isCloseTo(price.live(estimated), within(1e-12));
        assertThat(estimate.total().deferred()).isCloseTo(estimate.total().live() / 2, within(1e-9));
    }

    @Test
    void should_estimate_nothing_to_pay_once_the_cache_holds_the_batch() throws Exception {
        // given a batch already run
        BatchOptions options = sampleBatch();
        Backends live = backends();
        BatchEngine.builder(options)
                .translator(live.cachedTranslator(gpt()))
                .summarizer(live.summarizer(BackendSpec.of("extractive")))
                .fetcher(NO_NETWORK)
                .build()
                .run(BatchListener.NONE, false);
        int requests = sim.stats().requests();

        // when
        Estimate estimate = new CostEstimator(backends(), PriceTable.standard(), gpt(), BackendSpec.of("extractive"))
                .estimate(options, NO_NETWORK);

        // then
        assertThat(sim.stats().requests()).isEqualTo(requests);
        assertThat(estimate.segments()).isPositive();
        assertThat(estimate.segmentsFromCache()).isEqualTo(estimate.segments());
        assertThat(estimate.usage()).isEqualTo(Usage.NONE);
        assertThat(estimate.total().live()).isZero();
    }

    @Test
    void should_price_machine_translation_by_the_characters_the_cache_would_not_answer() throws Exception {
        // given DeepL, no key set (an estimate needs none)
        BatchOptions options = sampleBatch().withSummarize(false);
        BackendSpec deepl = BackendSpec.of("deepl").withBaseUrl(sim.baseUrl());
        Backends noKeys = Backends.load().withCache(cache);

        // when
        Estimate estimate = new CostEstimator(noKeys, PriceTable.standard(), deepl, null).estimate(options, NO_NETWORK);

        // then what the live run bills, exactly
        UsageMeter meter = new UsageMeter();
        Backends live = Backends.load()
                .withVariables(Map.of("DEEPL_AUTH_KEY", "k:fx"))
                .withCache(new MemoryResultCache())
                .withMeter(meter);
        BatchEngine.builder(options)
                .translator(live.cachedTranslator(deepl))
                .fetcher(NO_NETWORK)
                .build()
                .run(BatchListener.NONE, false);
        assertThat(estimate.usage().characters())
                .isEqualTo(meter.total().characters())
                .isPositive();
        assertThat(estimate.usage().requests()).isEqualTo(meter.total().requests());
        assertThat(estimate.total().live()).isCloseTo(meter.total().characters() * 25e-6, within(1e-9));
        assertThat(estimate.lines().get(0).tokenizer()).isNull();
    }

    @Test
    void should_price_what_a_fallback_would_bill_beside_the_total_not_in_it() throws Exception {
        // given DeepL with gpt as its fallback (its translations) and gpt with the extractive summarizer as its own
        BatchOptions options = sampleBatch().withSummarize(false);
        BackendSpec deepl = BackendSpec.of("deepl").withName("dl").withBaseUrl(sim.baseUrl());
        Backends chain = Backends.load()
                .withCache(cache)
                .withFallbacks(List.of(
                        new Backends.Fallback(gpt(), name -> null),
                        new Backends.Fallback(BackendSpec.of("extractive"), name -> null)));

        // when
        Estimate estimate = new CostEstimator(chain, PriceTable.standard(), deepl, null).estimate(options, NO_NETWORK);
        Estimate deeplAlone = new CostEstimator(Backends.load().withCache(cache), PriceTable.standard(), deepl, null)
                .estimate(options, NO_NETWORK);
        Estimate gptAlone = new CostEstimator(Backends.load().withCache(cache), PriceTable.standard(), gpt(), null)
                .estimate(options, NO_NETWORK);

        // then DeepL's line and the total are those of DeepL alone; gpt's line is what gpt alone would bill
        assertThat(estimate.lines()).hasSize(2);
        Estimate.Line fallback = estimate.lines().get(1);
        assertThat(fallback.fallback()).isTrue();
        assertThat(fallback.backend()).isEqualTo("gpt");
        assertThat(fallback.usage()).isEqualTo(gptAlone.usage());
        assertThat(fallback.usage().outputTokens()).isPositive();
        assertThat(estimate.usage()).isEqualTo(deeplAlone.usage());
        assertThat(estimate.total().live()).isEqualTo(deeplAlone.total().live());
        // and the table shows it after the total, as the fallback's
        assertThat(estimate.table().rows().get(2).get(0)).isEqualTo("translate if fallback");
        assertThat(sim.stats().requests()).isZero();
    }
}
