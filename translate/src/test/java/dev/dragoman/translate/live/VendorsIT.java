package dev.dragoman.translate.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.core.Language;
import dev.dragoman.core.translation.TranslationRequest;
import dev.dragoman.core.translation.TranslationResult;
import dev.dragoman.translate.TranslationBackend;
import dev.dragoman.translate.azure.AzureTranslator;
import dev.dragoman.translate.deepl.DeepLTranslator;
import dev.dragoman.translate.google.GoogleTranslator;
import dev.dragoman.translate.libretranslate.LibreTranslateTranslator;
import java.util.List;
import java.util.Locale;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Against the real vendors, one short Arabic headline each; every test runs only when its key (or URL) is set in
 * the environment, so CI without keys runs none of them and spends nothing.
 */
class VendorsIT {

    private static final OkHttpClient CLIENT = new OkHttpClient();
    private static final TranslationRequest HEADLINE = TranslationRequest.of(
            List.of("لوكاشينكو يؤكد دعم بلاده لروسيا في المنابر الدولية", "موسكو"), Language.ARABIC, Language.ENGLISH);

    private static void check(TranslationBackend backend) {
        TranslationResult result = backend.translate(HEADLINE);
        assertThat(result.texts()).hasSize(2);
        assertThat(result.texts().get(0).toLowerCase(Locale.ROOT)).contains("lukashenko");
        assertThat(result.texts().get(1)).containsIgnoringCase("moscow");
        assertThat(result.usage().requests()).isEqualTo(1);
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "DEEPL_AUTH_KEY", matches = ".+")
    void deepl_translates_an_arabic_headline() {
        DeepLTranslator deepl =
                DeepLTranslator.builder(CLIENT, System.getenv("DEEPL_AUTH_KEY")).build();
        check(deepl);
        assertThat(deepl.usage().characterLimit()).isPositive();
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "GOOGLE_API_KEY", matches = ".+")
    void google_translates_an_arabic_headline() {
        check(GoogleTranslator.builder(CLIENT, System.getenv("GOOGLE_API_KEY")).build());
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "AZURE_TRANSLATOR_KEY", matches = ".+")
    void azure_translates_an_arabic_headline() {
        check(AzureTranslator.builder(CLIENT, System.getenv("AZURE_TRANSLATOR_KEY"))
                .region(System.getenv("AZURE_TRANSLATOR_REGION"))
                .build());
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "LIBRETRANSLATE_URL", matches = ".+")
    void libretranslate_translates_an_arabic_headline() {
        check(LibreTranslateTranslator.builder(CLIENT, System.getenv("LIBRETRANSLATE_URL"))
                .apiKey(System.getenv("LIBRETRANSLATE_API_KEY"))
                .build());
    }
}
