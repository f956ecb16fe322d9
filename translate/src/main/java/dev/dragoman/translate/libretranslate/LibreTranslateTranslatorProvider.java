package dev.dragoman.translate.libretranslate;

import dev.dragoman.core.backend.BackendDefaults;
import dev.dragoman.core.backend.BackendSpec;
import dev.dragoman.translate.TranslationBackend;
import dev.dragoman.translate.TranslatorProvider;

/** Type {@code libretranslate}: a LibreTranslate server; its key is optional (self-hosted servers need none). */
public final class LibreTranslateTranslatorProvider implements TranslatorProvider {

    @Override
    public String type() {
        return LibreTranslateTranslator.ID;
    }

    @Override
    public String description() {
        return "LibreTranslate server";
    }

    @Override
    public BackendDefaults defaults() {
        return new BackendDefaults("LIBRETRANSLATE_API_KEY", "http://localhost:5000", null, false);
    }

    @Override
    public TranslationBackend create(BackendSpec spec, Context context) {
        LibreTranslateTranslator.Builder builder = LibreTranslateTranslator.builder(
                context.http(), withDefaults(spec).baseUrl());
        if (spec.timeout() != null) {
            builder.timeout(spec.timeout());
        }
        if (context.apiKey() != null) {
            builder.apiKey(context.apiKey());
        }
        return builder.build();
    }
}
