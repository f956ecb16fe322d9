package dev.dragoman.translate.deepl;

import dev.dragoman.core.backend.BackendDefaults;
import dev.dragoman.core.backend.BackendSpec;
import dev.dragoman.translate.TranslationBackend;
import dev.dragoman.translate.TranslatorProvider;

/** Type {@code deepl}: DeepL API v2; the host (free or pro) follows the key unless a base URL is given. */
public final class DeepLTranslatorProvider implements TranslatorProvider {

    @Override
    public String type() {
        return DeepLTranslator.ID;
    }

    @Override
    public String description() {
        return "DeepL API v2";
    }

    @Override
    public BackendDefaults defaults() {
        return new BackendDefaults("DEEPL_AUTH_KEY", null, null, true);
    }

    /**
     * DeepL's published target languages (developers.deepl.com, "Supported languages", as of 2025), by primary
     * subtag; {@code en}, {@code pt} and {@code zh} go out with the variant {@link DeepLTranslator} picks.
     */
    private static final java.util.Set<String> TARGETS = java.util.Set.of(
            "ar", "bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "he", "hu", "id", "it", "ja", "ko", "lt",
            "lv", "nb", "nl", "pl", "pt", "ro", "ru", "sk", "sl", "sv", "th", "tr", "uk", "vi", "zh");

    @Override
    public java.util.Optional<java.util.Set<String>> targetLanguages(BackendSpec spec) {
        return java.util.Optional.of(TARGETS);
    }

    @Override
    public boolean keepsGlossaries() {
        return true;
    }

    @Override
    public java.util.Optional<dev.dragoman.translate.RemoteGlossaries> remoteGlossaries(
            BackendSpec spec, Context context) {
        return java.util.Optional.of(((DeepLTranslator) create(spec, context)).glossaries());
    }

    @Override
    public TranslationBackend create(BackendSpec spec, Context context) {
        DeepLTranslator.Builder builder = DeepLTranslator.builder(context.http(), context.apiKey());
        if (spec.timeout() != null) {
            builder.timeout(spec.timeout());
        }
        if (spec.baseUrl() != null) {
            builder.baseUrl(spec.baseUrl());
        }
        return builder.build();
    }
}
