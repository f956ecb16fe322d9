package dev.dragoman.translate;

import dev.dragoman.core.translation.TranslationRequest;
import dev.dragoman.core.translation.TranslationResult;
import dev.dragoman.core.translation.Translator;
import java.util.List;
import java.util.Objects;

/**
 * A {@link Translator} that can describe itself ({@link BackendProfile}): every backend in this module and every
 * decorator around one. The article translator needs the profile for cache keys and request packing.
 */
public interface TranslationBackend extends Translator {

    /** The backend's id, model, template version and limits. */
    BackendProfile profile();

    /**
     * The text this backend would send for {@code request}, without sending anything: what a bill counts, for cost
     * estimates and budgets. The default is the segments themselves (machine translation bills their characters);
     * a language model returns its whole prompt (system and user messages), whose tokens it is billed for.
     */
    default List<String> wireText(TranslationRequest request) {
        return request.segments();
    }

    /** Gives a plain {@link Translator} (a test double, a summarizer's helper) a profile. */
    static TranslationBackend of(BackendProfile profile, Translator translator) {
        return of(profile, translator, profile.id());
    }

    /** As {@link #of(BackendProfile, Translator)}, described as {@code description} in logs. */
    static TranslationBackend of(BackendProfile profile, Translator translator, String description) {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(translator, "translator");
        return new TranslationBackend() {
            @Override
            public BackendProfile profile() {
                return profile;
            }

            @Override
            public TranslationResult translate(TranslationRequest request) {
                return translator.translate(request);
            }

            @Override
            public List<String> wireText(TranslationRequest request) {
                return translator instanceof TranslationBackend b
                        ? b.wireText(request)
                        : TranslationBackend.super.wireText(request);
            }

            @Override
            public String toString() {
                return description;
            }
        };
    }
}
