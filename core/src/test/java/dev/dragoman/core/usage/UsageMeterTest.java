package dev.dragoman.core.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class UsageMeterTest {

    @Test
    void should_add_up_usage_per_backend_from_many_threads() throws Exception {
        // given
        UsageMeter meter = new UsageMeter();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        // when
        for (int i = 0; i < 1000; i++) {
            int n = i;
            done.add(pool.submit(() -> meter.record(
                    n % 2 == 0 ? "deepl" : "openai",
                    n % 2 == 0 ? Usage.ofCharacters(1, 10) : Usage.ofTokens(1, 3, 2))));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        meter.recordSaved("deepl", Usage.ofCharacters(0, 40));
        // then
        assertThat(meter.byBackend()).containsOnlyKeys("deepl", "openai");
        assertThat(meter.byBackend().get("deepl")).isEqualTo(Usage.ofCharacters(500, 5000));
        assertThat(meter.byBackend().get("openai")).isEqualTo(Usage.ofTokens(500, 1500, 1000));
        assertThat(meter.total()).isEqualTo(new Usage(1000, 5000, 1500, 1000));
        assertThat(meter.savedByBackend().get("deepl").characters()).isEqualTo(40);
    }

    @Test
    void should_tell_how_much_a_total_grew_since_an_earlier_reading() {
        // given
        UsageMeter meter = new UsageMeter();
        meter.record("deepl", Usage.ofCharacters(2, 100));
        Usage before = meter.total();

        // when
        meter.record("deepl", Usage.ofCharacters(1, 30));
        meter.record("openai", Usage.ofTokens(1, 7, 5));

        // then
        assertThat(meter.total().minus(before)).isEqualTo(new Usage(2, 30, 7, 5));
        assertThatThrownBy(() -> before.minus(meter.total())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void should_add_what_a_child_records_to_its_parent_too() {
        // given
        UsageMeter run = new UsageMeter();
        UsageMeter translations = run.child();

        // when
        translations.record("deepl", Usage.ofCharacters(1, 40));
        run.record("openai", Usage.ofTokens(1, 9, 4));
        translations.recordSaved("deepl", Usage.ofCharacters(1, 10));

        // then
        assertThat(translations.total()).isEqualTo(Usage.ofCharacters(1, 40));
        assertThat(run.total()).isEqualTo(new Usage(2, 40, 9, 4));
        assertThat(run.savedByBackend().get("deepl")).isEqualTo(Usage.ofCharacters(1, 10));
    }
}
