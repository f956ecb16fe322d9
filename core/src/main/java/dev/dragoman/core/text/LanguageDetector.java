package dev.dragoman.core.text;

import dev.dragoman.core.Language;
import dev.dragoman.core.error.DragomanException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * Detects the language of a text with Apache OpenNLP's language detector and its published model
 * ({@code langdetect-183.bin}, 103 languages, ISO 639-3 codes mapped here to BCP 47 {@link Language} tags), guarded
 * by the script:
 *
 * <ul>
 *   <li>Arabic-script text is Arabic unless it contains letters Arabic does not use (Persian/Urdu/Pashto/Sindhi/
 *       Kurdish letters such as پ چ ژ گ ک ی ٹ ڈ ڑ ں ے ە). Short Arabic news text is often scored as Persian, Urdu or
 *       Pashto by n-gram models; the guard forbids that. With such letters the model decides among the
 *       Arabic-script languages only.</li>
 *   <li>Text with no letters at all is {@link Language#UNDETERMINED} with confidence 0.</li>
 * </ul>
 *
 * <p>Why OpenNLP (figures in docs/DESIGN.md): it is already in the dependency tree, its jar and model are 11 MB
 * (Lingua needs ~104 MB with its Kotlin runtime; Optimaize drags Guava 18), it loads in under half a second and it
 * scored the short Arabic/Persian/Urdu/English/French/Russian news sentences correctly once the script guard is
 * applied.
 *
 * <p>The model is loaded once, lazily, on the first {@link #detect} call, and shared; {@link #detect} is
 * thread-safe (each call uses its own lightweight {@link LanguageDetectorME} over the shared immutable model).
 */
public final class LanguageDetector {

    /** Where the model sits on the class path (inside {@code opennlp-models-langdetect}). */
    static final String MODEL_RESOURCE = "/langdetect-183.bin";

    /** Characters considered per call: enough for a confident guess, bounded for huge inputs. */
    static final int MAX_CHARS = 10_000;

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
     * @param confidence 0..1: the model's probability for that language (after the script guard), 1.0 never
     *     claimed unless the model said so
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
        if (counts.letters == 0) {
            return new Detection(Language.UNDETERMINED, 0.0);
        }
        opennlp.tools.langdetect.Language[] ranked = new LanguageDetectorME(model()).predictLanguages(sample);
        boolean arabicScript = counts.arabic * 2 > counts.letters;
        if (arabicScript && counts.nonArabicLetters == 0) {
            // Arabic letters only: the guard. Confidence: Arabic's share among the Arabic-script languages.
            return new Detection(Language.ARABIC, arabicShare(ranked));
        }
        for (opennlp.tools.langdetect.Language candidate : ranked) {
            String code = candidate.getLang();
            if (arabicScript && !ARABIC_SCRIPT.contains(code)) {
                continue;
            }
            if (!arabicScript && ARABIC_SCRIPT.contains(code)) {
                continue;
            }
            Language language = toLanguage(code);
            if (language != null) {
                return new Detection(language, clamp(candidate.getConfidence()));
            }
        }
        return new Detection(Language.UNDETERMINED, 0.0);
    }

    /** Loads the model now (it is otherwise loaded on the first {@link #detect}); returns this detector. */
    public LanguageDetector preload() {
        model();
        return this;
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

    private static double arabicShare(opennlp.tools.langdetect.Language[] ranked) {
        double arabic = 0;
        double script = 0;
        for (opennlp.tools.langdetect.Language l : ranked) {
            if (ARABIC_SCRIPT.contains(l.getLang())) {
                script += l.getConfidence();
                if (l.getLang().equals("ara") || l.getLang().equals("arz")) {
                    arabic += l.getConfidence();
                }
            }
        }
        if (script <= 0) {
            return 0.5;
        }
        // Arabic-only letters are strong evidence by themselves: never report less than an even chance.
        return clamp(Math.max(0.5, arabic / script));
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
        int letters;
        int arabic;
        /** Arabic-script letters that Arabic itself does not use (Persian, Urdu, Pashto, Kurdish…). */
        int nonArabicLetters;

        static ScriptCounts of(String text) {
            ScriptCounts c = new ScriptCounts();
            for (int i = 0; i < text.length(); i++) {
                char ch = text.charAt(i);
                if (!Character.isLetter(ch)) {
                    continue;
                }
                c.letters++;
                if (Character.UnicodeScript.of(ch) == Character.UnicodeScript.ARABIC) {
                    c.arabic++;
                    if (isNonArabicLetter(ch)) {
                        c.nonArabicLetters++;
                    }
                }
            }
            return c;
        }

        /**
         * Letters of the Arabic script outside the Arabic alphabet: پ چ ژ گ ک ی (Persian), ٹ ڈ ڑ ں ے ہ ھ (Urdu),
         * Pashto/Sindhi/Kurdish additions (U+0679–U+06D3 and U+06D5 ە), and the presentation forms of these.
         * Arabic's own letters are U+0621–U+064A plus ٱ (U+0671).
         */
        static boolean isNonArabicLetter(char ch) {
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
