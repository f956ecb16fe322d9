package dev.dragoman.translate.azure;

import dev.dragoman.core.backend.BackendDefaults;
import dev.dragoman.core.backend.BackendSpec;
import dev.dragoman.translate.TranslationBackend;
import dev.dragoman.translate.TranslatorProvider;
import java.util.Map;

/**
 * Type {@code azure}: Azure AI Translator v3. Option {@code region} (else {@code AZURE_TRANSLATOR_REGION}) names a
 * regional resource's region.
 */
public final class AzureTranslatorProvider implements TranslatorProvider {

    /** The vendor option naming the resource's region. */
    public static final String REGION = "region";

    @Override
    public String type() {
        return AzureTranslator.ID;
    }

    @Override
    public String description() {
        return "Azure AI Translator v3";
    }

    @Override
    public BackendDefaults defaults() {
        return new BackendDefaults("AZURE_TRANSLATOR_KEY", "https://api.cognitive.microsofttranslator.com", null, true);
    }

    @Override
    public Map<String, String> optionVariables() {
        return Map.of(REGION, "AZURE_TRANSLATOR_REGION");
    }

    @Override
    public TranslationBackend create(BackendSpec spec, Context context) {
        AzureTranslator.Builder builder = AzureTranslator.builder(context.http(), context.apiKey());
        if (spec.timeout() != null) {
            builder.timeout(spec.timeout());
        }
        if (spec.option(REGION) != null) {
            builder.region(spec.option(REGION));
        }
        if (spec.baseUrl() != null) {
            builder.baseUrl(spec.baseUrl());
        }
        return builder.build();
    }
}
