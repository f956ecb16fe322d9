package dev.dragoman.core.text;

import dev.dragoman.core.Language;
import dev.dragoman.core.error.DragomanException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * Detects the language of a text from its script where the script decides it, and otherwise with Apache OpenNLP's
 * language detector and its published model ({@code langdetect-183.bin}, 103 languages, ISO 639-3 codes mapped here
 * to BCP 47 {@link Language} tags):
 *
 * <ul>
 *   <li>Arabic-script text is Arabic unless it contains letters Arabic does not use (Persian/Urdu/Pashto/Sindhi/
 *       Kurdish letters such as پ چ ژ گ ک ی ٹ ڈ ڑ ں ے ە). Short Arabic news text is often scored as Persian, Urdu or
 *       Pashto by n-gram models; the guard forbids that, without consulting the model. With such letters the model
 *       decides among the Arabic-script languages only.</li>
 *   <li>Scripts that one language of the model owns decide by themselves: Hangul (Korean), Han with Hiragana or
 *       Katakana (Japanese), Han alone (Chinese), Thai, Greek, Hebrew, Armenian, Georgian, Tamil, Telugu, Kannada,
 *       Malayalam, Gujarati, Gurmukhi (Punjabi) and Sinhala.</li>
 *   <li>Text with no letters at all is {@link Language#UNDETERMINED} with confidence 0.</li>
 * </ul>
 *
 * <p>A script decides when more than half of the letters are in it; the confidence of such a decision is the share
 * of the letters in that script. Latin, Cyrillic, Devanagari and other scripts that several languages share go to
 * the model.
 *
 * <p>Why OpenNLP (figures in docs/DESIGN.md): it is already in the dependency tree, its jar and model are 11 MB
 * (Lingua needs ~104 MB with its Kotlin runtime; Optimaize drags Guava 18), it loads in under half a second and it
 * scored the short Arabic/Persian/Urdu/English/French/Russian news sentences correctly once the script guard is
 * applied.
 *
 * <p>The model is loaded once, lazily, by the first {@link #detect} call that needs it (a script decision never
 * loads it: Arabic input costs no model load), and shared; {@link #detect} is thread-safe (each call uses its own
 * lightweight {@link LanguageDetectorME} over the shared immutable model).
 */
public final class LanguageDetector {

    /** Where the model sits on the class path (inside {@code opennlp-models-langdetect}). */
    static final String MODEL_RESOURCE = "/langdetect-183.bin";

    /** The temperature that turns the model's flat probabilities into a readable confidence ({@link #calibrated}). */
    static final double SHARPEN = 6;

    /** Characters considered per call: enough for a confident guess, bounded for huge inputs. */
    static final int MAX_CHARS = 10_000;

    /** Enough of a file to see its script ({@link #preloadFor}). */
    private static final int HEAD_BYTES = 4096;

    private static final LanguageDetector SHARED = new LanguageDetector();

    /** ISO 639-3 codes of the model whose BCP 47 tag is not simply the two-letter form Java knows. */
    private static final Map<String, String> TAGS = Map.ofEntries(
            Map.entry("pes", "fa"),
            Map.entry("prs", "fa-AF"),
            Map.entry("fas", "fa"),
            Map.entry("zho", "zh"),
            Map.entry("cmn", "zh"),
            Map.entry("cym", "cy"),
            Map.entry("deu", "de"),
            Map.entry("ell", "el"),
            Map.entry("eus", "eu"),
            Map.entry("fra", "fr"),
            Map.entry("hye", "hy"),
            Map.entry("isl", "is"),
            Map.entry("kat", "ka"),
            Map.entry("mkd", "mk"),
            Map.entry("mri", "mi"),
            Map.entry("msa", "ms"),
            Map.entry("zsm", "ms"),
            Map.entry("mya", "my"),
            Map.entry("nld", "nl"),
            Map.entry("ron", "ro"),
            Map.entry("slk", "sk"),
            Map.entry("sqi", "sq"),
            Map.entry("bod", "bo"),
            Map.entry("ces", "cs"),
            Map.entry("lvs", "lv"),
            Map.entry("ekk", "et"),
            Map.entry("nob", "nb"),
            Map.entry("nno", "nn"),
            Map.entry("pnb", "pa"),
            Map.entry("swh", "sw"),
            Map.entry("uzn", "uz"),
            Map.entry("azj", "az"),
            Map.entry("arz", "ar"),
            Map.entry("ara", "ar"),
            Map.entry("ckb", "ckb"),
            Map.entry("lat", "la"));

    /** The Arabic-script languages the model knows (ISO 639-3). */
    private static final List<String> ARABIC_SCRIPT =
            List.of("ara", "arz", "pes", "prs", "fas", "urd", "pus", "snd", "ckb", "uig", "pnb", "bal", "kur", "azb");

    /**
     * The result of a detection.
     *
     * @param language the language, {@link Language#UNDETERMINED} when there was nothing to go on
     * @param confidence 0..1: the share of the letters in the deciding script, or the model's probability for that
     *     language sharpened over the candidates the script allows (see {@link #calibrated}); near 1 for a whole
     *     sentence, low when a runner-up is nearly as likely
     */
    public record Detection(Language language, double confidence) {
        public Detection {
            Objects.requireNonNull(language, "language");
            if (!(confidence >= 0.0 && confidence <= 1.0)) {
                throw new IllegalArgumentException("confidence must be within 0..1: " + confidence);
            }
        }
    }

    private volatile LanguageDetectorModel model;

    /** Creates a detector with its own lazily loaded model; prefer {@link #shared()}, which loads it once per JVM. */
    public LanguageDetector() {}

    /** The JVM-wide instance; its model is loaded on first use. */
    public static LanguageDetector shared() {
        return SHARED;
    }

    /**
     * Detects the language of {@code text}.
     *
     * @param text any text, may be null or empty
     * @return the detection; never null
     * @throws DragomanException (kind INTERNAL) if the bundled model cannot be loaded — a broken installation
     */
    public Detection detect(String text) {
        if (text == null) {
            return new Detection(Language.UNDETERMINED, 0.0);
        }
        String sample = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        ScriptCounts counts = ScriptCounts.of(sample);
        Detection byScript = counts.byScript();
        if (byScript != null) {
            return byScript;
        }
        boolean arabicScript = counts.arabicScript();
        opennlp.tools.langdetect.Language[] ranked = new LanguageDetectorME(model()).predictLanguages(sample);
        List<opennlp.tools.langdetect.Language> allowed = new java.util.ArrayList<>(ranked.length);
        for (opennlp.tools.langdetect.Language candidate : ranked) {
            if (arabicScript == ARABIC_SCRIPT.contains(candidate.getLang())) {
                allowed.add(candidate);
            }
        }
        for (opennlp.tools.langdetect.Language candidate : allowed) {
            Language language = toLanguage(candidate.getLang());
            if (language != null) {
                return new Detection(language, calibrated(candidate.getConfidence(), allowed));
            }
        }
        return new Detection(Language.UNDETERMINED, 0.0);
    }

    /**
     * The model's probabilities are nearly flat over its 103 languages: a correct answer on a whole news sentence
     * gets 0.08–0.13 and a two-word snippet 0.013 (uniform is 0.0097), so the raw number reads as "unsure" even when
     * the answer is plainly right. The confidence reported is the chosen language's share after sharpening the
     * model's distribution over the candidates the script allows, {@code p^T / Σ q^T} with temperature
     * {@value #SHARPEN} (the model's log-odds scaled by T). With T = 6, whole sentences in English, French, German,
     * Spanish, Italian and Russian read 0.96–0.999 and headline-sized or two-word snippets, where the runner-up is
     * nearly as likely, 0.05–0.15 (LanguageDetectorTest pins both). It says how far ahead of the runners-up the
     * answer is, not a measured accuracy.
     */
    static double calibrated(double p, List<opennlp.tools.langdetect.Language> candidates) {
        if (!(p > 0)) {
            return 0.0;
        }
        double sum = 0;
        for (opennlp.tools.langdetect.Language c : candidates) {
            sum += Math.pow(c.getConfidence() / p, SHARPEN);
        }
        return clamp(1 / Math.max(1, sum));
    }

    /**
     * Whether detecting {@code text} needs the model: false when the text has no letters or its script decides the
     * language. Cheap (one pass over at most {@value #MAX_CHARS} characters).
     */
    public static boolean needsModel(String text) {
        if (text == null) {
            return false;
        }
        return ScriptCounts.of(text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text)
                        .byScript()
                == null;
    }

    /**
     * Starts loading the shared detector's model on a daemon thread when the head of {@code file}, a plain file, needs
     * it ({@link #needsModel(String)}), so that the load overlaps a program's start-up on a multi-core machine.
     * Nothing happens for anything else: no file, not a regular file, unreadable (whoever reads it reports that), or a
     * head whose script decides. A failed load is reported, in context, by the first detection that needs the model.
     *
     * @return whether the load was started
     */
    public static boolean preloadFor(Path file) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        byte[] head = new byte[HEAD_BYTES];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException | RuntimeException e) {
            return false;
        }
        if (!needsModel(new String(head, 0, n, StandardCharsets.UTF_8))) {
            return false;
        }
        Thread t = new Thread(
                () -> {
                    try {
                        SHARED.preload();
                    } catch (RuntimeException ignored) {
                        // the same failure is reported, in context, by the first detection that needs the model
                    }
                },
                "dragoman-preload");
        t.setDaemon(true);
        t.start();
        return true;
    }

    /** Loads the model now (it is otherwise loaded on the first {@link #detect} that needs it); returns this. */
    public LanguageDetector preload() {
        model();
        return this;
    }

    /** Whether this detector has loaded its model (tests: script decisions must not). */
    boolean modelLoaded() {
        return model != null;
    }

    /** Maps an ISO 639-3 code of the model to a BCP 47 language, or null when Java knows no such code. */
    static Language toLanguage(String iso3) {
        String tag = TAGS.get(iso3);
        try {
            return Language.of(tag != null ? tag : iso3);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static double share(int part, int whole) {
        return clamp((double) part / whole);
    }

    private static double clamp(double d) {
        if (Double.isNaN(d)) {
            return 0.0;
        }
        return Math.max(0.0, Math.min(1.0, d));
    }

    private LanguageDetectorModel model() {
        LanguageDetectorModel m = model;
        if (m == null) {
            synchronized (this) {
                m = model;
                if (m == null) {
                    m = load();
                    model = m;
                }
            }
        }
        return m;
    }

    private static LanguageDetectorModel load() {
        try (InputStream in = LanguageDetector.class.getResourceAsStream(MODEL_RESOURCE)) {
            if (in == null) {
                throw new DragomanException(
                        DragomanException.Kind.INTERNAL,
                        "the language model " + MODEL_RESOURCE
                                + " is not on the class path; opennlp-models-langdetect is missing from this build");
            }
            return new LanguageDetectorModel(in);
        } catch (IOException e) {
            throw new DragomanException(
                    DragomanException.Kind.INTERNAL,
                    "the language model " + MODEL_RESOURCE + " could not be read: " + e.getMessage(),
                    e);
        }
    }

    /** Letter counts by script. */
    private static final class ScriptCounts {
        /** Scripts that exactly one language of the model is written in (Han and Kana are handled apart). */
        private static final Map<Character.UnicodeScript, Language> OWN_SCRIPTS = Map.ofEntries(
                Map.entry(Character.UnicodeScript.HANGUL, Language.of("ko")),
                Map.entry(Character.UnicodeScript.THAI, Language.of("th")),
                Map.entry(Character.UnicodeScript.GREEK, Language.of("el")),
                Map.entry(Character.UnicodeScript.HEBREW, Language.of("he")),
                Map.entry(Character.UnicodeScript.ARMENIAN, Language.of("hy")),
                Map.entry(Character.UnicodeScript.GEORGIAN, Language.of("ka")),
                Map.entry(Character.UnicodeScript.TAMIL, Language.of("ta")),
                Map.entry(Character.UnicodeScript.TELUGU, Language.of("te")),
                Map.entry(Character.UnicodeScript.KANNADA, Language.of("kn")),
                Map.entry(Character.UnicodeScript.MALAYALAM, Language.of("ml")),
                Map.entry(Character.UnicodeScript.GUJARATI, Language.of("gu")),
                Map.entry(Character.UnicodeScript.GURMUKHI, Language.of("pa")),
                Map.entry(Character.UnicodeScript.SINHALA, Language.of("si")));

        private static final Language CHINESE = Language.of("zh");
        private static final Language JAPANESE = Language.of("ja");

        int letters;
        int arabic;
        /** Arabic-script letters that Arabic itself does not use (Persian, Urdu, Pashto, Kurdish…). */
        int nonArabicLetters;
        /** Han ideographs, and Hiragana/Katakana (Japanese only). */
        int han;

        int kana;
        /** The most frequent script of {@link #OWN_SCRIPTS} (the first seen on a tie) and its letters. */
        Character.UnicodeScript own;

        int ownLetters;
        private Map<Character.UnicodeScript, Integer> others;

        static ScriptCounts of(String text) {
            ScriptCounts c = new ScriptCounts();
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
                i += Character.charCount(cp);
                if (!Character.isLetter(cp)) {
                    continue;
                }
                c.letters++;
                if (cp < 0x0370) {
                    continue; // Latin and its extensions: the model's
                }
                Character.UnicodeScript script = Character.UnicodeScript.of(cp);
                switch (script) {
                    case ARABIC -> {
                        c.arabic++;
                        if (isNonArabicLetter(cp)) {
                            c.nonArabicLetters++;
                        }
                    }
                    case HAN -> c.han++;
                    case HIRAGANA, KATAKANA -> c.kana++;
                    default -> {
                        if (OWN_SCRIPTS.containsKey(script)) {
                            c.countOwn(script);
                        }
                    }
                }
            }
            return c;
        }

        private void countOwn(Character.UnicodeScript script) {
            if (others == null) {
                others = new java.util.EnumMap<>(Character.UnicodeScript.class);
            }
            int n = others.merge(script, 1, Integer::sum);
            if (n > ownLetters) {
                own = script;
                ownLetters = n;
            }
        }

        boolean arabicScript() {
            return arabic * 2 > letters;
        }

        /**
         * The detection the letters decide by themselves — none, Arabic letters only (the guard), or a script one
         * language owns holding more than half of the letters — or null when the model must decide.
         */
        Detection byScript() {
            if (letters == 0) {
                return new Detection(Language.UNDETERMINED, 0.0);
            }
            if (arabicScript() && nonArabicLetters == 0) {
                return new Detection(Language.ARABIC, share(arabic, letters));
            }
            if ((han + kana) * 2 > letters) {
                return new Detection(kana > 0 ? JAPANESE : CHINESE, share(han + kana, letters));
            }
            if (own != null && ownLetters * 2 > letters) {
                return new Detection(OWN_SCRIPTS.get(own), share(ownLetters, letters));
            }
            return null;
        }

        /**
         * Letters of the Arabic script outside the Arabic alphabet: پ چ ژ گ ک ی (Persian), ٹ ڈ ڑ ں ے ہ ھ (Urdu),
         * Pashto/Sindhi/Kurdish additions (U+0679–U+06D3 and U+06D5 ە), and the presentation forms of these.
         * Arabic's own letters are U+0621–U+064A plus ٱ (U+0671).
         */
        static boolean isNonArabicLetter(int ch) {
            if (ch >= '\u0621' && ch <= '\u064A') {
                return false;
            }
            if (ch == '\u0671' || ch == '\u0640') {
                return false;
            }
            return (ch >= '\u0672' && ch <= '\u06D5')
                    || (ch >= '\u06EE' && ch <= '\u06FF')
                    || (ch >= '\u0750' && ch <= '\u077F')
                    || (ch >= '\u08A0' && ch <= '\u08FF');
        }
    }
}
