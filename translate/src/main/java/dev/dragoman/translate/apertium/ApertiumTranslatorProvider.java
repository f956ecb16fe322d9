package dev.dragoman.translate.apertium;

import dev.dragoman.core.backend.BackendDefaults;
import dev.dragoman.core.backend.BackendSpec;
import dev.dragoman.translate.TranslationBackend;
import dev.dragoman.translate.TranslatorProvider;

/** Type {@code apertium}: an Apertium APY server (rule-based, offline, no key). */
public final class ApertiumTranslatorProvider implements TranslatorProvider {

    @Override
    public String type() {
        return ApertiumTranslator.ID;
    }

    @Override
    public String description() {
        return "Apertium APY server";
    }

    @Override
    public BackendDefaults defaults() {
        return new BackendDefaults(null, "http://localhost:2737", null, false);
    }

    @Override
    public TranslationBackend create(BackendSpec spec, Context context) {
        ApertiumTranslator.Builder builder =
                ApertiumTranslator.builder(context.http(), withDefaults(spec).baseUrl());
        if (spec.timeout() != null) {
            builder.timeout(spec.timeout());
        }
        return builder.build();
    }
}
