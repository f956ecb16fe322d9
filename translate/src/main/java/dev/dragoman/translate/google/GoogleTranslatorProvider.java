package dev.dragoman.translate.google;

import dev.dragoman.core.backend.BackendDefaults;
import dev.dragoman.core.backend.BackendSpec;
import dev.dragoman.translate.TranslationBackend;
import dev.dragoman.translate.TranslatorProvider;

/** Type {@code google}: Google Cloud Translation v2 (Basic). */
public final class GoogleTranslatorProvider implements TranslatorProvider {

    @Override
    public String type() {
        return GoogleTranslator.ID;
    }

    @Override
    public String description() {
        return "Google Cloud Translation v2 (Basic)";
    }

    @Override
    public BackendDefaults defaults() {
        return new BackendDefaults("GOOGLE_API_KEY", "https://translation.googleapis.com", null, true);
    }

    @Override
    public TranslationBackend create(BackendSpec spec, Context context) {
        GoogleTranslator.Builder builder = GoogleTranslator.builder(context.http(), context.apiKey());
        if (spec.timeout() != null) {
            builder.timeout(spec.timeout());
        }
        if (spec.baseUrl() != null) {
            builder.baseUrl(spec.baseUrl());
        }
        return builder.build();
    }
}
