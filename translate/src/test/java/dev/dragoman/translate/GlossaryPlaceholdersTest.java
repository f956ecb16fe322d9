package dev.dragoman.translate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.core.Language;
import dev.dragoman.core.translation.Glossary;
import dev.dragoman.core.translation.TranslatedSegment;
import dev.dragoman.core.translation.TranslationOptions;
import dev.dragoman.core.translation.TranslationRequest;
import dev.dragoman.core.translation.TranslationResult;
import dev.dragoman.core.usage.Usage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class GlossaryPlaceholdersTest {

    private static final Glossary GLOSSARY = new Glossary(List.of(
            new Glossary.Entry("سانا", "SANA", Language.ARABIC, Language.ENGLISH),
            new Glossary.Entry("مجلس الأمن", "Security Council", null, null),
            Glossary.Entry.keep("Reuters")));

    /** What the engine received, and an engine that answers each segment through {@code engine}. */
    private final List<TranslationRequest> sent = new ArrayList<>();

    private dev.dragoman.core.translation.Translator engine(UnaryOperator<String> engine) {
        return r -> {
            sent.add(r);
            return new TranslationResult(
                    r.segments().stream().map(engine).map(TranslatedSegment::of).toList(), null, "x", "", Usage.NONE);
        };
    }

    private static TranslationRequest request(String... segments) {
        return new TranslationRequest(
                List.of(segments),
                Language.ARABIC,
                Language.ENGLISH,
                TranslationOptions.DEFAULT.withGlossary(GLOSSARY));
    }

    @Test
    void should_send_terms_as_tokens_and_put_the_targets_back() {
        // given: an engine that translates the words it knows and copies tokens, with a space inside one
        UnaryOperator<String> apy = s -> s.replace("قالت", "said")
                .replace("إن", "that")
                .replace("اجتمع", "met")
                .replace("{2}", "{ 2 }");
        // when
        TranslationResult result =
                GlossaryPlaceholders.TOKENS.translate(request("قالت وسانا إن مجلس الأمن اجتمع"), engine(apy));
        // then
        assertThat(sent.get(0).segments()).containsExactly("قالت و {1} إن {2} اجتمع");
        assertThat(sent.get(0).options().format()).isEqualTo(TranslationOptions.TextFormat.TEXT);
        assertThat(result.texts()).containsExactly("said و SANA that Security Council met");
    }

    @Test
    void should_not_take_a_number_the_source_already_uses_as_a_token() {
        // when
        TranslationResult result =
                GlossaryPlaceholders.TOKENS.translate(request("{1} Reuters"), engine(UnaryOperator.identity()));
        // then
        assertThat(sent.get(0).segments()).containsExactly("{1} {2}");
        assertThat(result.texts()).containsExactly("{1} Reuters");
    }

    @Test
    void should_read_tokens_back_in_arabic_indic_digits() {
        // when
        TranslationResult result =
                GlossaryPlaceholders.TOKENS.translate(request("Reuters"), engine(s -> s.replace("{1}", "{١}")));
        // then
        assertThat(result.texts()).containsExactly("Reuters");
    }

    @Test
    void should_send_plain_text_as_html_with_notranslate_spans_and_return_plain_text() {
        // given: an engine in HTML mode that adds a style attribute (Google does between RTL and LTR) and entities
        UnaryOperator<String> google = s -> s.replace("<span translate", "<span style=\"direction:ltr\" translate")
                .replace("قالت", "it&#39;s said");
        // when
        TranslationResult result = GlossaryPlaceholders.HTML.translate(
                request("قالت سانا <عاجل>\nو Reuters", "بلا مصطلح & شيء"), engine(google));
        // then
        TranslationRequest out = sent.get(0);
        assertThat(out.options().format()).isEqualTo(TranslationOptions.TextFormat.HTML);
        assertThat(out.segments())
                .containsExactly(
                        "قالت <span translate=\"no\" class=\"notranslate\" id=\"dg1\">SANA</span> &lt;عاجل&gt;<br>و "
                                + "<span translate=\"no\" class=\"notranslate\" id=\"dg2\">Reuters</span>",
                        "بلا مصطلح &amp; شيء");
        assertThat(result.texts()).containsExactly("it's said SANA <عاجل>\nو Reuters", "بلا مصطلح & شيء");
    }

    @Test
    void should_leave_tags_of_an_html_segment_alone() {
        // given
        TranslationRequest html = new TranslationRequest(
                List.of("<a title=\"Reuters\">Reuters</a>"),
                Language.ARABIC,
                Language.ENGLISH,
                TranslationOptions.DEFAULT.withGlossary(GLOSSARY).withFormat(TranslationOptions.TextFormat.HTML));
        // when
        TranslationResult result = GlossaryPlaceholders.HTML.translate(html, engine(UnaryOperator.identity()));
        // then
        assertThat(sent.get(0).segments())
                .containsExactly("<a title=\"Reuters\"><span translate=\"no\" class=\"notranslate\" id=\"dg1\">"
                        + "Reuters</span></a>");
        assertThat(result.texts()).containsExactly("<a title=\"Reuters\">Reuters</a>");
    }

    @Test
    void should_send_a_request_without_terms_unchanged() {
        // when
        GlossaryPlaceholders.HTML.translate(request("لا شيء هنا"), engine(UnaryOperator.identity()));
        // then
        assertThat(sent.get(0)).isEqualTo(request("لا شيء هنا"));
    }

    @Test
    void should_leave_a_lost_placeholder_for_the_glossary_check_to_flag() {
        // when: the engine drops the token
        TranslationResult result =
                GlossaryPlaceholders.TOKENS.translate(request("سانا"), engine(s -> s.replace("{1}", "the agency")));
        // then
        assertThat(result.texts()).containsExactly("the agency");
        assertThat(GlossaryCheck.problems("سانا", result.texts().get(0), GLOSSARY.entries()))
                .containsExactly("glossary: 'سانا' should be 'SANA'");
    }
}
