package dev.dragoman.pipeline.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.dragoman.core.Language;
import dev.dragoman.core.backend.BackendSpec;
import dev.dragoman.core.cache.MemoryResultCache;
import dev.dragoman.core.error.DragomanException;
import dev.dragoman.core.testing.sim.SimConfig;
import dev.dragoman.core.testing.sim.SimulatedBackend;
import dev.dragoman.core.testing.sim.WireCorpus;
import dev.dragoman.core.usage.UsageMeter;
import dev.dragoman.pipeline.backend.Backends;
import dev.dragoman.pipeline.batch.BatchEngine;
import dev.dragoman.pipeline.batch.BatchListener;
import dev.dragoman.pipeline.batch.BatchOptions;
import dev.dragoman.pipeline.batch.Fetcher;
import dev.dragoman.pipeline.batch.RunReport;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BudgetTest {

    private static final Fetcher NO_NETWORK = url -> {
        throw new AssertionError("no fetch expected: " + url);
    };
    private static final double DEEPL_PER_CHARACTER = 25e-6;

    private final SimulatedBackend sim = SimulatedBackend.start(SimConfig.defaults());
    private final MemoryResultCache cache = new MemoryResultCache();

    @StartStop
    final MockWebServer openai = new MockWebServer();

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        sim.close();
    }

    private BatchOptions sampleBatch() throws Exception {
        Path wire = Files.createDirectories(dir.resolve("wire"));
        Files.copy(CostEstimatorTest.SEED, wire.resolve("sana.txt"));
        WireCorpus.writeWire(WireCorpus.generate(12, 7), wire);
        return BatchOptions.of(List.of(wire.toString()), dir.resolve("out")).withTranslateTo(Language.ENGLISH);
    }

    private RunReport run(BatchOptions options, BackendSpec deepl, Budget budget, UsageMeter meter) {
        Backends live = Backends.load()
                .withVariables(Map.of("DEEPL_AUTH_KEY", "k:fx"))
                .withCache(cache)
                .withMeter(meter)
                .withBudget(budget);
        return BatchEngine.builder(options)
                .translator(live.cachedTranslator(deepl))
                .fetcher(NO_NETWORK)
                .build()
                .run(BatchListener.NONE, false);
    }

    @Test
    void should_stop_a_batch_below_its_estimate_with_nothing_over_budget_and_finish_on_a_rerun() throws Exception {
        // given a budget of half what the batch is estimated to cost
        BatchOptions options = sampleBatch();
        BackendSpec deepl = BackendSpec.of("deepl").withBaseUrl(sim.baseUrl());
        double estimate = new CostEstimator(Backends.load().withCache(cache), PriceTable.standard(), deepl, null)
                .estimate(options, NO_NETWORK)
                .total()
                .live();
        Budget half = Budget.of(estimate / 2, PriceTable.standard());
        UsageMeter firstMeter = new UsageMeter();

        // when
        RunReport first = run(options, deepl, half, firstMeter);

        // then it stopped before the cap: what DeepL billed is within it, and the items left were not attempted
        double billed = firstMeter.total().characters() * DEEPL_PER_CHARACTER;
        assertThat(billed).isPositive().isLessThanOrEqualTo(half.max());
        assertThat(half.spent()).isCloseTo(billed, within(1e-9));
        assertThat(first.exitCode()).isEqualTo(4);
        assertThat(first.done()).isPositive();
        assertThat(first.failedItems()).isNotEmpty();
        assertThat(first.failedItems())
                .allSatisfy(f -> assertThat(f.reason()).contains("budget"))
                .anySatisfy(f -> assertThat(f.reason()).startsWith("not attempted: the batch stopped after"));
        assertThat(first.done() + first.failed()).isEqualTo(13);

        // when run again with room for the rest
        UsageMeter secondMeter = new UsageMeter();
        RunReport second = run(options, deepl, Budget.of(estimate * 2, PriceTable.standard()), secondMeter);

        // then only what was left is sent, and together the runs cost what the estimate said
        assertThat(second.exitCode()).isZero();
        assertThat(second.failed()).isZero();
        double total = (firstMeter.total().characters() + secondMeter.total().characters()) * DEEPL_PER_CHARACTER;
        assertThat(total).isCloseTo(estimate, within(estimate * 0.01));
    }

    private void answer(int promptTokens, int completionTokens) {
        openai.enqueue(new MockResponse.Builder()
                .code(200)
                .addHeader("Content-Type", "application/json")
                .body("{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"gpt-4o-mini\","
                        + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"Hello.\"},"
                        + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":" + promptTokens
                        + ",\"completion_tokens\":" + completionTokens + ",\"total_tokens\":"
                        + (promptTokens + completionTokens) + "}}")
                .build());
    }

    private ChatModel model(Budget budget) {
        BackendSpec gpt = BackendSpec.of("openai")
                .withName("gpt")
                .withModel("gpt-4o-mini")
                .withBaseUrl(openai.url("/v1").toString());
        return Backends.load()
                .withVariables(Map.of("OPENAI_API_KEY", "sk-budget-test"))
                .withBudget(budget)
                .chatModel(gpt);
    }

    @Test
    void should_count_what_a_language_model_billed_and_refuse_a_call_that_could_cross_the_cap() {
        // given room for one call (its answer room: 1,024 tokens at $0.60 per million) but not for two
        Budget budget = Budget.of(0.001, PriceTable.standard());
        ChatModel gpt = model(budget);
        answer(900, 20);
        ChatRequest request =
                ChatRequest.builder().messages(UserMessage.from("Say hello.")).build();

        // when
        gpt.chat(request);

        // then what the answer says it billed is spent
        assertThat(budget.spent()).isCloseTo(900 * 1.5e-7 + 20 * 6e-7, within(1e-12));
        assertThat(openai.getRequestCount()).isEqualTo(1);

        // when the next call's most could cross the cap
        Budget tight = Budget.of(0.0005, PriceTable.standard());
        ChatModel capped = model(tight);

        // then it is refused before anything is sent
        assertThatThrownBy(() -> capped.chat(request))
                .isInstanceOfSatisfying(
                        DragomanException.class,
                        e -> assertThat(e.kind()).isEqualTo(DragomanException.Kind.BUDGET_EXCEEDED))
                .hasMessageContaining("stopped at the budget of $0.0005")
                .hasMessageContaining("'gpt'")
                .hasMessageContaining("nothing over the budget was sent");
        assertThat(openai.getRequestCount()).isEqualTo(1);
        assertThat(tight.spent()).isZero();
    }

    @Test
    void should_refuse_a_budget_for_a_backend_the_price_table_does_not_price() {
        // given
        Budget budget = Budget.of(1, PriceTable.of(Map.of()));
        BackendSpec unknown = BackendSpec.of("openai")
                .withName("house")
                .withModel("house-model")
                .withBaseUrl(openai.url("/v1").toString());

        // when / then
        assertThatThrownBy(() -> Backends.load()
                        .withVariables(Map.of("OPENAI_API_KEY", "sk-budget-test"))
                        .withBudget(budget)
                        .chatModel(unknown))
                .hasMessageContaining("needs a price for backend 'house'")
                .hasMessageContaining("'prices:'");
    }
}
