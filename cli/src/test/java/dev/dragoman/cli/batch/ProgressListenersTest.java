package dev.dragoman.cli.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.core.usage.Usage;
import dev.dragoman.pipeline.batch.BatchListener;
import dev.dragoman.pipeline.batch.RunReport;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import org.junit.jupiter.api.Test;

/** The bar as progressbar draws it, its consumer pointed at a list of strings instead of the terminal. */
class ProgressListenersTest {

    private final List<String> drawn = new CopyOnWriteArrayList<>();
    private final StringWriter err = new StringWriter();

    private BatchListener bar(int columns) {
        return ProgressListeners.bar(new PrintWriter(err), new DelegatingProgressBarConsumer(drawn::add, columns));
    }

    private static RunReport report(int done, int failed, boolean stopped) {
        Instant t = Instant.parse("2024-06-26T07:00:00Z");
        return new RunReport(t, t.plusSeconds(3), done, 0, failed, 0, Usage.NONE, List.of(), List.of(), stopped);
    }

    @Test
    void should_draw_failures_with_a_space_within_a_narrow_terminal() {
        // given
        BatchListener bar = bar(50);
        bar.started(14);
        // when
        for (int i = 0; i < 6; i++) {
            bar.item(i < 5 ? BatchListener.Outcome.FAILED : BatchListener.Outcome.DONE, "k" + i, null);
        }
        bar.finished(report(1, 5, true));
        // then
        String last = drawn.get(drawn.size() - 1);
        assertThat(last).contains("6/14 items, 5 failed").hasSizeLessThanOrEqualTo(50);
        assertThat(drawn).allSatisfy(l -> assertThat(l).doesNotContain("sfailed"));
    }

    @Test
    void should_not_jump_to_one_hundred_percent_when_stopped() {
        // given
        BatchListener bar = bar(80);
        bar.started(1);
        bar.discovered(14);
        bar.item(BatchListener.Outcome.DONE, "a", null);
        bar.item(BatchListener.Outcome.DONE, "b", null);
        // when Ctrl-C stops the run
        bar.finished(report(2, 0, true));
        // then
        String last = drawn.get(drawn.size() - 1);
        assertThat(last).contains("2/14 items, stopped").doesNotContain("100%");
        assertThat(err.toString()).startsWith("batch stopped: 2 done");
    }

    @Test
    void should_end_at_one_hundred_percent_when_every_item_is_done() {
        // given
        BatchListener bar = bar(80);
        bar.started(2);
        bar.discovered(1);
        bar.discovered(1);
        bar.item(BatchListener.Outcome.DONE, "a", null);
        bar.item(BatchListener.Outcome.DONE, "b", null);
        // when
        bar.finished(report(2, 0, false));
        // then
        assertThat(drawn.get(drawn.size() - 1)).contains("100%").contains("2/2 items");
    }
}
