package dev.dragoman.summarize.extractive;

import dev.dragoman.core.backend.BackendDefaults;
import dev.dragoman.core.backend.BackendSpec;
import dev.dragoman.core.summary.Summarizer;
import dev.dragoman.summarize.SummarizerProvider;

/** Type {@code extractive}: the embedded, offline summarizer; needs no key, address or model. */
public final class ExtractiveSummarizerProvider implements SummarizerProvider {

    @Override
    public String type() {
        return "extractive";
    }

    @Override
    public String description() {
        return "embedded extractive summarizer (offline)";
    }

    @Override
    public BackendDefaults defaults() {
        return BackendDefaults.NONE;
    }

    @Override
    public Summarizer create(BackendSpec spec, Context context) {
        return new ExtractiveSummarizer();
    }

    @Override
    public String model(BackendSpec spec) {
        return ExtractiveSummarizer.ALGORITHM;
    }
}
