package dev.dragoman.translate;

import dev.dragoman.core.translation.TranslationRequest;
import dev.dragoman.core.translation.TranslationResult;
import dev.dragoman.core.usage.UsageMeter;
import java.util.Objects;

/** Adds every successful call's usage to a run's {@link UsageMeter}, under the backend id. Thread-safe. */
public final class MeteredTranslator implements TranslationBackend {

    private final TranslationBackend inner;
    private final UsageMeter meter;

    public MeteredTranslator(TranslationBackend inner, UsageMeter meter) {
        this.inner = Objects.requireNonNull(inner, "inner");
        this.meter = Objects.requireNonNull(meter, "meter");
    }

    @Override
    public BackendProfile profile() {
        return inner.profile();
    }

    @Override
    public TranslationResult translate(TranslationRequest request) {
        TranslationResult result = inner.translate(request);
        meter.record(inner.profile().id(), result.usage());
        return result;
    }

    @Override
    public String toString() {
        return "Metered(" + inner + ")";
    }
}
