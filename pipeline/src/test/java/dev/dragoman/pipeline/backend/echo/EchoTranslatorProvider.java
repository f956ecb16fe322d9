package dev.dragoman.pipeline.backend.echo;

import dev.dragoman.core.backend.BackendDefaults;
import dev.dragoman.core.backend.BackendSpec;
import dev.dragoman.core.translation.TranslatedSegment;
import dev.dragoman.core.translation.TranslationResult;
import dev.dragoman.translate.BackendProfile;
import dev.dragoman.translate.TranslationBackend;
import dev.dragoman.translate.TranslatorProvider;
import java.util.Locale;

/**
 * A backend that exists only on the test class path: this class and one line in the test resources'
 * {@code META-INF/services/dev.dragoman.translate.TranslatorProvider}, with no edit to any other file. It "translates"
 * by upper-casing, and says which key it was given.
 */
public final class EchoTranslatorProvider implements TranslatorProvider {

    @Override
    public String type() {
        return "echo";
    }

    @Override
    public BackendDefaults defaults() {
        return new BackendDefaults("ECHO_KEY", "echo://nowhere", "upper", true);
    }

    @Override
    public TranslationBackend create(BackendSpec spec, Context context) {
        String key = context.apiKey();
        BackendProfile profile = BackendProfile.mt("echo", spec.model(), null, false);
        return TranslationBackend.of(
                profile,
                request -> new TranslationResult(
                        request.segments().stream()
                                .map(t -> TranslatedSegment.of(
                                        t.toUpperCase(Locale.ROOT) + " [key of " + key.length() + " chars]"))
                                .toList(),
                        null,
                        "echo",
                        spec.model(),
                        null));
    }
}
