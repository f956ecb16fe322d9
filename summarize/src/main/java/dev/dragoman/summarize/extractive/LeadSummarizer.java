package dev.dragoman.summarize.extractive;

import dev.dragoman.core.Article;
import dev.dragoman.core.error.InvalidInputException;
import dev.dragoman.core.summary.Summarizer;
import dev.dragoman.core.summary.Summary;
import dev.dragoman.core.summary.SummaryLength;
import dev.dragoman.core.summary.SummaryOptions;
import dev.dragoman.core.usage.Usage;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The Lead baseline: the first sentences of the main story ({@link MainStory}). N sentences; a ratio of the
 * story's sentences; or a word budget filled from the top while a sentence brings the total closer to it (the
 * same rule as {@link ExtractiveSummarizer}, so both compare at the same length). Styles as the extractive
 * summarizer (the headline style is the first sentence, cut the same way). Thread-safe.
 */
public final class LeadSummarizer implements Summarizer {

    public static final String BACKEND = "lead";

    private final Clock clock;

    public LeadSummarizer() {
        this(Clock.systemUTC());
    }

    public LeadSummarizer(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Summary summarize(Article article, SummaryOptions options) {
        List<MainStory.Sentence> all = MainStory.sentences(article);
        if (all.isEmpty()) {
            throw new InvalidInputException(
                    "the article" + (article.headline() == null ? "" : " \"" + article.headline() + "\"")
                            + " has no body text to summarize");
        }
        List<String> sentences = new ArrayList<>();
        if (options.style() == SummaryOptions.Style.HEADLINE) {
            int max = options.length().unit() == SummaryLength.Unit.WORDS
                    ? (int) options.length().value()
                    : 20;
            sentences.add(ExtractiveSummarizer.headline(all.get(0).text(), Math.max(1, max)));
        } else {
            for (MainStory.Sentence s : lead(all, options.length())) {
                sentences.add(s.text());
            }
        }
        String text = options.style() == SummaryOptions.Style.BULLETS
                ? String.join("\n", sentences.stream().map(s -> "- " + s).toList())
                : String.join(" ", sentences);
        return new Summary(
                text, sentences, article.language(), BACKEND, "lead", Usage.NONE, clock.instant(), false, List.of());
    }

    static List<MainStory.Sentence> lead(List<MainStory.Sentence> all, SummaryLength length) {
        int n = all.size();
        return switch (length.unit()) {
            case SENTENCES -> all.subList(0, (int) Math.min(n, Math.max(1, Math.round(length.value()))));
            case RATIO -> all.subList(0, (int) Math.min(n, Math.max(1, Math.round(length.value() * n))));
            case WORDS -> {
                int words = 0;
                int k = 0;
                while (k < n) {
                    int w = all.get(k).words();
                    if (k > 0 && Math.abs(words + w - length.value()) >= Math.abs(words - length.value())) {
                        break;
                    }
                    words += w;
                    k++;
                    if (words >= length.value()) {
                        break;
                    }
                }
                yield all.subList(0, k);
            }
        };
    }
}
