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
import java.util.function.UnaryOperator;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.Test;

class FragmentTranslatorTest {

    private final List<TranslationRequest> requests = new ArrayList<>();

    /** Upper-cases text; an HTML segment's text only, the way a markup-aware backend (DeepL, Google) answers. */
    private final FragmentTranslator markupAware = over(html -> {
        Document d = Jsoup.parseBodyFragment(html);
        d.outputSettings().prettyPrint(false);
        d.body().traverse((node, depth) -> {
            if (node instanceof TextNode t) {
                t.text(t.getWholeText().toUpperCase(Locale.ROOT));
            }
        });
        return d.body().html();
    });

    /** Upper-cases whatever it is sent, tags and attribute values included: a backend without an HTML mode. */
    private final FragmentTranslator markupBlind = over(s -> s.toUpperCase(Locale.ROOT));

    private FragmentTranslator over(UnaryOperator<String> html) {
        return new FragmentTranslator(request -> {
            requests.add(request);
            boolean markup = request.options().format() == TranslationOptions.TextFormat.HTML;
            return new TranslationResult(
                    request.segments().stream()
                            .map(s -> TranslatedSegment.of(markup ? html.apply(s) : s.toUpperCase(Locale.ROOT)))
                            .toList(),
                    null,
                    "upper",
                    "",
                    null);
        });
    }

    private static FragmentTranslator.Result run(FragmentTranslator f, String... html) {
        return f.translate(List.of(html), Language.ARABIC, Language.ENGLISH, TranslationOptions.DEFAULT);
    }

    @Test
    void should_send_a_sentence_split_by_nested_inline_tags_as_one_segment() {
        // LibreTranslate issue 806: the two halves of one sentence in separate <em><span> were translated apart
        String in = "<a href=\"#\" target=\"_blank\" rel=\"noopener\"><em><span style=\"color: #ff0000;\">View the"
                + " complete range of</span></em> <em><span style=\"color: #ff0000;\">drawer systems here!</span></em></a>";

        FragmentTranslator.Result r = run(markupAware, in);

        assertThat(requests).hasSize(1);
        assertThat(requests.get(0).segments()).containsExactly(in);
        assertThat(requests.get(0).options().format()).isEqualTo(TranslationOptions.TextFormat.HTML);
        assertThat(r.html().get(0))
                .isEqualTo(
                        "<a href=\"#\" target=\"_blank\" rel=\"noopener\"><em><span style=\"color: #ff0000;\">VIEW THE"
                                + " COMPLETE RANGE OF</span></em> <em><span style=\"color: #ff0000;\">DRAWER SYSTEMS HERE!</span>"
                                + "</em></a>");
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void should_keep_nested_inline_tags_and_attributes_when_the_backend_mangles_markup() {
        String in =
                "<p class=\"lead\" id=\"p1\">Hello <b>big <i data-x=\"1\">wide</i> and</b> <a href=\"/w?a=1&amp;b=2\""
                        + " title=\"keep me\">world</a>!</p>";

        FragmentTranslator.Result r = run(markupBlind, in);

        assertThat(r.html().get(0))
                .isEqualTo("<p class=\"lead\" id=\"p1\">HELLO <b>BIG <i data-x=\"1\">WIDE</i> AND</b> <a"
                        + " href=\"/w?a=1&amp;b=2\" title=\"keep me\">WORLD</a>!</p>");
        assertThat(r.warnings()).singleElement().asString().contains("changed the markup");
        assertThat(requests).hasSize(2);
        assertThat(requests.get(1).segments()).containsExactly("Hello", "big", "wide", "and", "world", "!");
    }

    @Test
    void should_send_plain_blocks_as_text_and_every_fragment_in_one_request_per_kind() {
        FragmentTranslator.Result r = run(markupAware, "<p>one</p><p>two <em>three</em></p>", "four<br>five");

        assertThat(r.html()).containsExactly("<p>ONE</p><p>TWO <em>THREE</em></p>", "FOUR<br>FIVE");
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0).segments()).containsExactly("two <em>three</em>");
        assertThat(requests.get(1).segments()).containsExactly("one", "four", "five"); // a line break ends a unit
        assertThat(requests.get(1).options().format()).isEqualTo(TranslationOptions.TextFormat.TEXT);
    }

    @Test
    void should_leave_code_scripts_comments_and_notranslate_parts_alone() {
        String in = "<div>run <code>ls -l</code><!-- note --><span translate=\"no\">Dragoman</span>"
                + " <span class=\"notranslate\">SANA</span><script>var a = 1;</script></div>";

        FragmentTranslator.Result r = run(markupAware, in);

        assertThat(r.html().get(0))
                .isEqualTo("<div>RUN <code>ls -l</code><!-- note --><span translate=\"no\">Dragoman</span>"
                        + " <span class=\"notranslate\">SANA</span><script>var a = 1;</script></div>");
        assertThat(requests)
                .singleElement()
                .satisfies(q -> assertThat(q.segments()).containsExactly("run"));
    }

    @Test
    void should_keep_white_space_around_runs_and_escape_what_the_backend_returns() {
        FragmentTranslator.Result r = run(markupAware, "<p>  a &lt; b \n</p><p>\u0645\u0631\u062d\u0628\u0627</p>");

        assertThat(r.html().get(0)).isEqualTo("<p>  A &lt; B \n</p><p>\u0645\u0631\u062d\u0628\u0627</p>");
    }

    @Test
    void should_not_call_the_backend_for_markup_without_text() {
        FragmentTranslator.Result r = run(markupAware, "<img src=\"a.png\" alt=\"x\"><br>");

        assertThat(r.html()).containsExactly("<img src=\"a.png\" alt=\"x\"><br>");
        assertThat(r.results()).isEmpty();
        assertThat(requests).isEmpty();
    }
}
