package dev.dragoman.translate.markup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.core.Language;
import dev.dragoman.core.translation.TranslatedSegment;
import dev.dragoman.core.translation.TranslationOptions;
import dev.dragoman.core.translation.TranslationRequest;
import dev.dragoman.core.translation.TranslationResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class FragmentTranslatorTest {

    private final List<TranslationRequest> requests = new ArrayList<>();

    /** Upper-cases each segment: the expected output is exact and the markup must be untouched. */
    private final FragmentTranslator fragments = new FragmentTranslator(request -> {
        requests.add(request);
        return new TranslationResult(
                request.segments().stream()
                        .map(s -> TranslatedSegment.of(s.toUpperCase(Locale.ROOT)))
                        .toList(),
                null,
                "upper",
                "",
                null);
    });

    private String one(String html) {
        return fragments
                .translate(List.of(html), Language.ARABIC, Language.ENGLISH, TranslationOptions.DEFAULT)
                .html()
                .get(0);
    }

    @Test
    void should_keep_nested_inline_tags_and_their_attributes() {
        // the shapes of LibreTranslate's open issues on nested tags (#307, #412): inline tags inside inline tags
        String out = one(
                "<p class=\"lead\" id=\"p1\">Hello <b>big <i data-x=\"1\">wide</i> and</b> <a href=\"/w?a=1&amp;b=2\""
                        + " title=\"keep me\">world</a>!</p>");

        assertThat(out)
                .isEqualTo(
                        "<p class=\"lead\" id=\"p1\">HELLO <b>BIG <i data-x=\"1\">WIDE</i> AND</b> <a href=\"/w?a=1&amp;b=2\""
                                + " title=\"keep me\">WORLD</a>!</p>");
    }

    @Test
    void should_send_every_text_run_of_every_fragment_in_one_request_as_plain_text() {
        var result = fragments.translate(
                List.of("<p>one <em>two</em></p>", "three<br>four"),
                null,
                Language.ENGLISH,
                TranslationOptions.DEFAULT.withFormat(TranslationOptions.TextFormat.HTML));

        assertThat(result.html()).containsExactly("<p>ONE <em>TWO</em></p>", "THREE<br>FOUR");
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0).segments()).containsExactly("one", "two", "three", "four");
        assertThat(requests.get(0).options().format()).isEqualTo(TranslationOptions.TextFormat.TEXT);
        assertThat(requests.get(0).source()).isNull();
    }

    @Test
    void should_leave_code_scripts_comments_and_notranslate_parts_alone() {
        String out = one("<div>run <code>ls -l</code><!-- note --><span translate=\"no\">Dragoman</span>"
                + " <span class=\"notranslate\">SANA</span><script>var a = 1;</script></div>");

        assertThat(out)
                .isEqualTo("<div>RUN <code>ls -l</code><!-- note --><span translate=\"no\">Dragoman</span>"
                        + " <span class=\"notranslate\">SANA</span><script>var a = 1;</script></div>");
    }

    @Test
    void should_keep_white_space_around_runs_and_escape_what_the_backend_returns() {
        String out = one("<p>  a &lt; b \n</p><p>\u0645\u0631\u062d\u0628\u0627</p>");

        assertThat(out).isEqualTo("<p>  A &lt; B \n</p><p>\u0645\u0631\u062d\u0628\u0627</p>");
    }

    @Test
    void should_not_call_the_backend_for_markup_without_text() {
        var result = fragments.translate(
                List.of("<img src=\"a.png\" alt=\"x\"><br>"), null, Language.ENGLISH, TranslationOptions.DEFAULT);

        assertThat(result.html()).containsExactly("<img src=\"a.png\" alt=\"x\"><br>");
        assertThat(result.result()).isNull();
        assertThat(requests).isEmpty();
    }
}
