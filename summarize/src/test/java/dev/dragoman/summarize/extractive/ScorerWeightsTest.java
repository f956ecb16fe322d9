package dev.dragoman.summarize.extractive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dragoman.core.Article;
import dev.dragoman.core.Language;
import dev.dragoman.core.summary.SummaryLength;
import dev.dragoman.core.summary.SummaryOptions;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScorerWeightsTest {

    private static double[] weights(int hot) {
        double[] w = new double[SentenceFeatures.NAMES.size()];
        w[hot] = 1;
        return w;
    }

    @Test
    void should_ship_weights_for_arabic_and_english_in_both_regimes() {
        // when
        ScorerWeights builtIn = ScorerWeights.builtIn();
        // then
        for (Language l : new Language[] {Language.ARABIC, Language.ENGLISH}) {
            for (ScorerWeights.Regime r : ScorerWeights.Regime.values()) {
                assertThat(builtIn.forLanguage(l, r)).as(l + " " + r).hasSize(SentenceFeatures.NAMES.size());
            }
        }
        assertThat(builtIn.forLanguage(Language.of("fr"), ScorerWeights.Regime.SHORT))
                .isNull();
    }

    @Test
    void should_write_and_read_back_the_same_weights() throws Exception {
        // given
        ScorerWeights w = ScorerWeights.of("t1", Map.of("ar.short", weights(2), "ar.long", weights(5)));
        StringWriter out = new StringWriter();
        // when
        w.write(out, "test");
        ScorerWeights back =
                ScorerWeights.read(new ByteArrayInputStream(out.toString().getBytes(StandardCharsets.UTF_8)));
        // then
        assertThat(back.version()).isEqualTo("t1");
        assertThat(back.forLanguage(Language.ARABIC, ScorerWeights.Regime.SHORT))
                .containsExactly(weights(2));
        assertThat(back.forLanguage(Language.ARABIC, ScorerWeights.Regime.LONG)).containsExactly(weights(5));
    }

    @Test
    void should_refuse_weights_of_the_wrong_size() {
        assertThatThrownBy(() -> ScorerWeights.of("bad", Map.of("ar.short", new double[] {1, 2})))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ar.short");
    }

    @Test
    void should_pick_the_sentence_the_weights_favour_and_keep_the_hand_set_model_without_weights() {
        // given: the weights reward only length, so the longest sentence wins a one-sentence summary
        Article article = Article.builder()
                .language(Language.ARABIC)
                .headline("اجتماع وزاري")
                .paragraph("عقد الوزراء اجتماعا اليوم في العاصمة.")
                .paragraph("وناقش المجتمعون خطة طويلة لتطوير شبكة الطرق والمواصلات في المحافظات الشمالية والجنوبية.")
                .build();
        int length = SentenceFeatures.NAMES.indexOf("length");
        ExtractiveSummarizer learned = new ExtractiveSummarizer(
                Clock.systemUTC(),
                ExtractiveSummarizer.Tuning.DEFAULT,
                ScorerWeights.of("t", Map.of("ar.short", weights(length), "ar.long", weights(length))));
        ExtractiveSummarizer hand = learned.withWeights(ScorerWeights.none());
        SummaryOptions one = SummaryOptions.DEFAULT.withLength(SummaryLength.sentences(1));
        // when
        var a = learned.summarize(article, one);
        var b = hand.summarize(article, one);
        // then
        assertThat(a.sentences()).singleElement().asString().startsWith("وناقش");
        assertThat(a.model()).startsWith(ExtractiveSummarizer.LEARNED + "-t/");
        assertThat(b.sentences()).singleElement().asString().startsWith("عقد");
        assertThat(b.model()).startsWith(ExtractiveSummarizer.ALGORITHM + "/");
    }
}
