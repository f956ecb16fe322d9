package dev.dragoman.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.core.Language;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LanguageDetectorTest {

    private final LanguageDetector detector = LanguageDetector.shared();

    @Test
    void should_never_call_arabic_news_persian_or_urdu() {
        for (String sentence : LanguageSamples.SENTENCES.get("ar")) {
            LanguageDetector.Detection d = detector.detect(sentence);
            assertThat(d.language()).as(sentence).isEqualTo(Language.ARABIC);
            // two words only: the hard case for n-gram models
            String twoWords = String.join(" ", List.of(sentence.split(" ")).subList(0, 2));
            assertThat(detector.detect(twoWords).language()).as(twoWords).isEqualTo(Language.ARABIC);
        }
    }

    @Test
    void should_recognize_short_news_sentences_in_six_languages() {
        int right = 0;
        int total = 0;
        Map<String, String> wrong = new ConcurrentHashMap<>();
        for (Map.Entry<String, List<String>> e : LanguageSamples.SENTENCES.entrySet()) {
            for (String sentence : e.getValue()) {
                total++;
                Language got = detector.detect(sentence).language();
                if (got.primary().equals(e.getKey())) {
                    right++;
                } else {
                    wrong.put(sentence, got.tag());
                }
            }
        }
        // every Arabic sentence, and every Persian/Urdu one that has a letter Arabic lacks, must be right; a Persian
        // sentence written only with letters Arabic shares ("سازمان ملل خواستار آتش بس شد") is called Arabic by design
        assertThat(wrong.keySet())
                .noneMatch(s -> LanguageSamples.SENTENCES.get("ar").contains(s)
                        || s.chars().anyMatch(c -> c >= 0x0672 && c <= 0x06D5));
        assertThat((double) right / total).as("accuracy, wrong: %s", wrong).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void should_decide_arabic_and_single_language_scripts_without_loading_the_model() {
        // given
        LanguageDetector fresh = new LanguageDetector();
        Map<String, String> samples = Map.of(
                "ar", "أكد الرئيس دعم بلاده للحوار مع CNN",
                "ko", "대통령은 대화에 대한 지지를 재확인했다",
                "ja", "大統領は対話への支持を改めて表明した",
                "zh", "总统重申支持对话",
                "th", "ประธานาธิบดียืนยันการสนับสนุนการเจรจา",
                "el", "Ο πρόεδρος επιβεβαίωσε τη στήριξή του στον διάλογο",
                "he", "הנשיא חזר על תמיכתו בדיאלוג",
                "hy", "Նախագահը վերահաստատեց իր աջակցությունը",
                "ka", "პრეზიდენტმა დაადასტურა მხარდაჭერა");
        // when / then
        samples.forEach((tag, text) -> {
            LanguageDetector.Detection d = fresh.detect(text);
            assertThat(d.language().primary()).as(text).isEqualTo(tag);
            assertThat(d.confidence()).as(text).isGreaterThan(0.5);
            assertThat(LanguageDetector.needsModel(text)).as(text).isFalse();
        });
        assertThat(fresh.modelLoaded()).isFalse();
    }

    @Test
    void should_ask_the_model_for_shared_scripts_and_arabic_script_with_persian_letters() {
        // given
        LanguageDetector fresh = new LanguageDetector();
        // when
        Language english =
                fresh.detect("Oil prices rise on global markets today").language();
        // then
        assertThat(english).isEqualTo(Language.ENGLISH);
        assertThat(fresh.modelLoaded()).isTrue();
        assertThat(LanguageDetector.needsModel("Цены на нефть растут")).isTrue();
        assertThat(LanguageDetector.needsModel("وزیر امور خارجه با همتای عمانی خود دیدار کرد"))
                .isTrue();
        assertThat(LanguageDetector.needsModel("12:30 — 2024")).isFalse();
    }

    @Test
    void should_preload_only_for_a_file_whose_head_needs_the_model(@TempDir Path dir) throws IOException {
        // given
        Path french = Files.writeString(dir.resolve("fr.txt"), "Les prix du pétrole montent sur les marchés.");
        Path arabic = Files.writeString(dir.resolve("ar.txt"), "ارتفعت أسعار النفط في الأسواق العالمية اليوم");
        // when / then
        assertThat(LanguageDetector.preloadFor(french)).isTrue();
        assertThat(LanguageDetector.preloadFor(arabic)).isFalse();
        assertThat(LanguageDetector.preloadFor(dir)).isFalse();
        assertThat(LanguageDetector.preloadFor(dir.resolve("missing.txt"))).isFalse();
    }

    @Test
    void should_let_persian_and_urdu_letters_lift_the_arabic_guard() {
        assertThat(detector.detect("وزیر امور خارجه با همتای عمانی خود دیدار کرد")
                        .language()
                        .primary())
                .isEqualTo("fa");
        assertThat(detector.detect("کابینہ نے نئے بجٹ کی منظوری دے دی")
                        .language()
                        .primary())
                .isEqualTo("ur");
    }

    @Test
    void should_read_as_confident_on_a_whole_sentence_and_unsure_on_a_snippet() {
        // given
        Map<String, String> sentences = Map.of(
                "en", "The president of Belarus said on Tuesday that his country would continue to support Russia.",
                "fr", "Le président biélorusse a affirmé mardi le soutien de son pays à la Russie.",
                "de", "Der Präsident sagte am Dienstag, sein Land werde Russland weiter unterstützen.",
                "es", "El presidente dijo el martes que su país seguirá apoyando a Rusia.",
                "it", "Il presidente ha detto martedì che il suo paese continuerà a sostenere la Russia.",
                "ru", "Президент заявил во вторник, что его страна продолжит поддерживать Россию.");
        // when / then
        sentences.forEach((tag, text) -> {
            LanguageDetector.Detection d = detector.detect(text);
            assertThat(d.language().primary()).as(text).isEqualTo(tag);
            assertThat(d.confidence()).as(text).isGreaterThan(0.9);
        });
        assertThat(detector.detect("Hello world").confidence()).isLessThan(0.3);
        assertThat(detector.detect("Lukashenko affirms support for Russia").confidence())
                .isLessThan(0.5);
    }

    @Test
    void should_report_confidence_between_zero_and_one_and_nothing_for_no_letters() {
        assertThat(detector.detect("Le président réaffirme son soutien au dialogue")
                        .confidence())
                .isBetween(0.0, 1.0);
        assertThat(detector.detect("12:30 — 2024 / 25").language()).isEqualTo(Language.UNDETERMINED);
        assertThat(detector.detect("").confidence()).isZero();
        assertThat(detector.detect(null).language()).isEqualTo(Language.UNDETERMINED);
    }

    @Test
    void should_map_model_codes_to_bcp47() {
        assertThat(LanguageDetector.toLanguage("ara")).isEqualTo(Language.ARABIC);
        assertThat(LanguageDetector.toLanguage("pes").tag()).isEqualTo("fa");
        assertThat(LanguageDetector.toLanguage("urd").tag()).isEqualTo("ur");
        assertThat(LanguageDetector.toLanguage("rus").tag()).isEqualTo("ru");
        assertThat(LanguageDetector.toLanguage("cmn").tag()).isEqualTo("zh");
    }

    @Test
    void should_give_the_same_answers_from_many_threads() throws Exception {
        // given
        LanguageDetector fresh = new LanguageDetector();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Language>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String s = i % 2 == 0
                        ? "Oil prices rise on global markets today"
                        : "ارتفاع أسعار النفط في الأسواق العالمية";
                results.add(pool.submit(() -> fresh.detect(s).language()));
            }
            // then
            for (int i = 0; i < results.size(); i++) {
                assertThat(results.get(i).get(30, TimeUnit.SECONDS))
                        .isEqualTo(i % 2 == 0 ? Language.ENGLISH : Language.ARABIC);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
