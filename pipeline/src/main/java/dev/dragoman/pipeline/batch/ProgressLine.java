package dev.dragoman.pipeline.batch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One line of batch progress for a terminal of a given width: {@code batch  43% [=====>      ] 6/14 items, 1
 * failed, 2.1 items/s, ETA 0:00:04}. When the width is short, the ETA, then the rate, then the bar are left out, so
 * the counts and failures always show; the line never exceeds the width. A stopped run (Ctrl-C) says so and keeps its
 * real counts. A pure function: front ends print it.
 */
public final class ProgressLine {

    private static final int MIN_BAR = 6;

    private ProgressLine() {}

    /**
     * @param done items finished so far (done, cached, skipped or failed)
     * @param total items known so far; 0 or less when not yet known
     * @param failed items failed so far
     * @param elapsed time since the run started
     * @param stopped true when the run was stopped before it finished
     * @param width the terminal's columns (at least 1)
     */
    public static String render(long done, long total, long failed, Duration elapsed, boolean stopped, int width) {
        boolean known = total > 0 && total >= done;
        String counts = (known ? done + "/" + total : String.valueOf(done)) + " items"
                + (failed > 0 ? ", " + failed + " failed" : "")
                + (stopped ? ", stopped" : "");
        String percent = known ? String.format(Locale.ROOT, "%3d%%", done * 100 / total) : "";
        long millis = Math.max(0, elapsed.toMillis());
        String rate = millis > 0 && done > 0 ? String.format(Locale.ROOT, "%.1f items/s", done * 1000.0 / millis) : "";
        String eta =
                known && done > 0 && done < total && !stopped ? "ETA " + clock(millis * (total - done) / done) : "";
        List<String> tails = new ArrayList<>();
        tails.add(join(counts, rate, eta));
        tails.add(join(counts, rate));
        tails.add(counts);
        for (String tail : tails) {
            String head = "batch " + percent + " [";
            int bar = width - head.length() - "] ".length() - tail.length();
            if (known && bar >= MIN_BAR) {
                return head + bar(done, total, Math.min(bar, 40)) + "] " + tail;
            }
        }
        String plain = "batch " + (percent.isEmpty() ? "" : percent.strip() + " ") + counts;
        return plain.length() <= width ? plain : counts.length() <= width ? counts : counts.substring(0, width);
    }

    private static String join(String... parts) {
        StringBuilder b = new StringBuilder();
        for (String p : parts) {
            if (!p.isEmpty()) {
                b.append(b.length() == 0 ? "" : ", ").append(p);
            }
        }
        return b.toString();
    }

    private static String bar(long done, long total, int width) {
        int filled = (int) (width * done / total);
        StringBuilder b = new StringBuilder(width);
        for (int i = 0; i < width; i++) {
            b.append(i < filled ? '=' : i == filled && done < total ? '>' : ' ');
        }
        return b.toString();
    }

    private static String clock(long millis) {
        long s = millis / 1000;
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }
}
