package dev.dragoman.pipeline.cost;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.core.usage.Usage;
import java.util.List;
import org.junit.jupiter.api.Test;

class EstimateTest {

    @Test
    void should_note_inputs_it_could_not_plan_and_a_backend_without_a_price() {
        // given: DeepL priced, a local model without a price, two inputs unreadable
        Estimate.Line priced = new Estimate.Line(
                "translate", "dl", "deepl", null, Usage.ofCharacters(1, 1000), null, new Cost(0.02, 0.02));
        Estimate.Line unpriced = new Estimate.Line(
                "summarize", "local", "ollama", "llama3", Usage.ofTokens(1, 500, 80), "estimate", new Cost(null, null));
        Estimate both = new Estimate(3, 2, 10, 4, List.of(priced, unpriced));
        Estimate clean = new Estimate(3, 0, 10, 4, List.of(priced));

        // when / then
        assertThat(both.notes())
                .containsExactly(
                        "2 inputs or articles could not be read or planned; a run would fail them.",
                        "Warning: no price for some backend: its cost is shown as -; give one under 'prices:' in the"
                                + " configuration (LiteLLM's field names, dollars per token or character).");
        assertThat(clean.notes()).isEmpty();
    }
}
