package dev.dragoman.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A language as a BCP 47 tag ({@code ar}, {@code en}, {@code pt-BR}). Always normalized: the primary subtag is the
 * shortest ISO 639 code Java knows ({@code ara} becomes {@code ar}) and case follows BCP 47 conventions.
 *
 * <p>Serialized to JSON as the bare tag. Immutable and thread-safe.
 */
public record Language(String tag) {

    public static final Language ARABIC = new Language("ar");
    public static final Language ENGLISH = new Language("en");
    public static final Language FRENCH = new Language("fr");
    /** The "undetermined" tag, used when detection had nothing to go on. */
    public static final Language UNDETERMINED = new Language("und");

    private static final Set<String> RTL = Set.of("ar", "fa", "ur", "he", "ps", "sd", "ug", "yi", "dv", "ckb", "ku");

    public Language {
        Objects.requireNonNull(tag, "tag");
        String trimmed = tag.strip().replace('_', '-');
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("a language tag must not be empty");
        }
        Locale locale = Locale.forLanguageTag(trimmed);
        if (trimmed.equalsIgnoreCase("und")) {
            locale = null;
        } else if (locale.getLanguage().isEmpty()) {
            throw new IllegalArgumentException("not a BCP 47 language tag: '" + tag + "'");
        }
        tag = locale == null ? "und" : normalize(locale);
    }

    /** Parses a BCP 47 tag or an ISO 639-1/639-3 code; throws {@link IllegalArgumentException} when it is not one. */
    @JsonCreator
    public static Language of(String tag) {
        return new Language(tag);
    }

    /**
     * A language as a person types it: a BCP 47 tag whose primary subtag is an ISO 639 code ({@code en}, {@code
     * pt-BR}, {@code ara}, {@code zh-Hant}), or a language's English or own name in any case ({@code english},
     * {@code Arabic}, {@code français}, {@code العربية}). Stricter than {@link #of}, which accepts any well-formed
     * tag ({@code klingon} is one): a command line should refuse it at once rather than send it to a backend.
     *
     * @throws IllegalArgumentException naming the input, with a suggestion when a known name is close
     */
    public static Language parse(String input) {
        Objects.requireNonNull(input, "input");
        String s = input.strip();
        String byName = Names.INDEX.get(s.toLowerCase(Locale.ROOT));
        if (byName != null) {
            return new Language(byName);
        }
        Language tag;
        try {
            tag = new Language(s);
        } catch (IllegalArgumentException e) {
            tag = null;
        }
        if (tag != null && (tag.equals(UNDETERMINED) || Names.CODES.contains(tag.primary()))) {
            if (tag.equals(UNDETERMINED)) {
                throw new IllegalArgumentException("'und' (undetermined) is not a language to translate into");
            }
            return tag;
        }
        String near = Names.nearest(s.toLowerCase(Locale.ROOT));
        throw new IllegalArgumentException("'" + input + "' is not a language: give a BCP 47 tag (en, ar, pt-BR) or a "
                + "language's name (English, Arabic)" + (near == null ? "" : "; did you mean " + near + "?"));
    }

    /** The primary language subtag ({@code pt} for {@code pt-BR}). */
    public String primary() {
        return "und".equals(tag) ? tag : Locale.forLanguageTag(tag).getLanguage();
    }

    /** The ISO 639-2/T three-letter code ({@code ara}, {@code eng}, {@code spa}), or the primary subtag if Java has none. */
    public String iso3() {
        try {
            return Locale.forLanguageTag(tag).getISO3Language();
        } catch (java.util.MissingResourceException e) {
            return primary();
        }
    }

    /** True for languages written right to left (Arabic, Persian, Urdu, Hebrew, …). */
    public boolean isRightToLeft() {
        return RTL.contains(primary());
    }

    /** True if both name the same primary language ({@code en} and {@code en-GB}). */
    public boolean sameLanguageAs(Language other) {
        return other != null && primary().equals(other.primary());
    }

    /** English display name, e.g. "Arabic". */
    public String displayName() {
        return Locale.forLanguageTag(tag).getDisplayName(Locale.ENGLISH);
    }

    @JsonValue
    @Override
    public String tag() {
        return tag;
    }

    @Override
    public String toString() {
        return tag;
    }

    /** The ISO 639 codes Java knows and every language's English and own name, lower-cased, to its code. */
    private static final class Names {
        static final Set<String> CODES;
        static final java.util.Map<String, String> INDEX;

        static {
            Set<String> codes = new java.util.HashSet<>();
            java.util.Map<String, String> index = new java.util.HashMap<>();
            for (String code : Locale.getISOLanguages()) {
                codes.add(code);
                Locale l = Locale.forLanguageTag(code);
                try {
                    codes.add(l.getISO3Language());
                } catch (java.util.MissingResourceException ignored) {
                    // no three-letter form
                }
                for (String name : new String[] {l.getDisplayLanguage(Locale.ENGLISH), l.getDisplayLanguage(l)}) {
                    String key = name.toLowerCase(Locale.ROOT);
                    if (!name.isEmpty() && !key.equals(code)) {
                        index.putIfAbsent(key, code);
                    }
                }
            }
            CODES = Set.copyOf(codes);
            INDEX = java.util.Map.copyOf(index);
        }

        /** The English name of the language whose name is within two edits of {@code typed}, or null. */
        static String nearest(String typed) {
            String name = dev.dragoman.core.text.Suggestions.nearest(typed, INDEX.keySet(), 2);
            return name == null ? null : Locale.forLanguageTag(INDEX.get(name)).getDisplayLanguage(Locale.ENGLISH);
        }
    }

    private static String normalize(Locale locale) {
        String language = locale.getLanguage();
        // Locale keeps three-letter codes as given; fold them to the two-letter code where one exists.
        if (language.length() == 3) {
            for (String two : Locale.getISOLanguages()) {
                try {
                    if (new Locale(two).getISO3Language().equals(language)) {
                        language = two;
                        break;
                    }
                } catch (java.util.MissingResourceException ignored) {
                    // no three-letter form for this code
                }
            }
        }
        Locale folded =
                new Locale.Builder().setLocale(locale).setLanguage(language).build();
        return folded.toLanguageTag();
    }
}
