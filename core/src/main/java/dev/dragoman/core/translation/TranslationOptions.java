package dev.dragoman.core.translation;

import java.util.Locale;

/**
 * Options that change a translation's output, and so are part of its cache key. {@code context} is text that helps
 * the backend (the headline) but is not translated; {@code glossary} may be null. Immutable; variants via
 * {@code with*}.
 */
public record TranslationOptions(String context, Formality formality, Glossary glossary, TextFormat format) {

    public static final TranslationOptions DEFAULT =
            new TranslationOptions(null, Formality.DEFAULT, null, TextFormat.TEXT);

    public TranslationOptions {
        formality = formality == null ? Formality.DEFAULT : formality;
        format = format == null ? TextFormat.TEXT : format;
    }

    public TranslationOptions withContext(String newContext) {
        return new TranslationOptions(newContext, formality, glossary, format);
    }

    public TranslationOptions withFormality(Formality newFormality) {
        return new TranslationOptions(context, newFormality, glossary, format);
    }

    public TranslationOptions withGlossary(Glossary newGlossary) {
        return new TranslationOptions(context, formality, newGlossary, format);
    }

    public TranslationOptions withFormat(TextFormat newFormat) {
        return new TranslationOptions(context, formality, glossary, newFormat);
    }

    /** Register of the translation where the backend supports it (DeepL's {@code formality}). */
    public enum Formality {
        DEFAULT,
        MORE,
        LESS;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Whether segments are plain text or HTML fragments. */
    public enum TextFormat {
        TEXT,
        HTML
    }
}
