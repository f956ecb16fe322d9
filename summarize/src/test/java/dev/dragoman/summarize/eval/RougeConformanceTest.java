package dev.dragoman.summarize.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dragoman.core.json.Json;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reproduces the ROUGE-1.5.5 vectors of rouge-score's tests to 4 decimals: from the copy in test resources (see its
 * ATTRIBUTION.md), and from {@code ../shared/data/eval/rouge-conformance/} when that directory exists.
 */
class RougeConformanceTest {

    static Stream<Arguments> inRepoCases() throws Exception {
        return cases(resourceDir());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inRepoCases")
    void should_reproduce_the_rouge_155_vector(String name, JsonNode testCase, Path dir) throws IOException {
        check(testCase, dir);
    }

    @Test
    void should_reproduce_every_vector_of_the_shared_conformance_set_when_present() throws Exception {
        Path shared = sharedDir();
        Assumptions.assumeTrue(shared != null, "../shared/data/eval/rouge-conformance not found: skipped");
        List<Arguments> all = cases(shared).toList();
        assertThat(all).hasSizeGreaterThanOrEqualTo(18);
        for (Arguments a : all) {
            check((JsonNode) a.get()[1], shared);
        }
    }

    @Test
    void should_score_hand_computed_english_examples() {
        // given
        Rouge rouge = Rouge.unstemmed();
        String reference = "The cat sat on the mat.";
        String candidate = "the cat, on the mat";

        // when / then: 5 of 6 unigrams; bigrams 3 of 5 (ref) / 3 of 4 (cand); LCS 5
        assertThat(rouge.score(Rouge.Type.ROUGE_1, reference, candidate).f()).isCloseTo(10.0 / 11, within(1e-9));
        Rouge.Score r2 = rouge.score(Rouge.Type.ROUGE_2, reference, candidate);
        assertThat(r2.precision()).isCloseTo(0.75, within(1e-9));
        assertThat(r2.recall()).isCloseTo(0.6, within(1e-9));
        assertThat(r2.f()).isCloseTo(2 * 0.75 * 0.6 / 1.35, within(1e-9));
        Rouge.Score rl = rouge.score(Rouge.Type.ROUGE_L, reference, candidate);
        assertThat(rl.precision()).isEqualTo(1.0);
        assertThat(rl.recall()).isCloseTo(5.0 / 6, within(1e-9));
    }

    @Test
    void should_porter_stem_only_tokens_longer_than_three_characters() {
        // given
        Rouge stemmed = Rouge.porterStemmed();

        // when
        List<String> tokens = stemmed.tokenize("Running dogs run");
        Rouge.Score s = stemmed.score(Rouge.Type.ROUGE_1, "the dogs run", "running dogs");

        // then
        assertThat(tokens).containsExactly("run", "dog", "run");
        assertThat(s.precision()).isEqualTo(1.0);
        assertThat(s.recall()).isCloseTo(2.0 / 3, within(1e-9));
    }

    @Test
    void should_keep_arabic_and_fold_hamza_diacritics_tatweel_and_digits() {
        // given: the reference drops the hamza, the candidate has harakat, shadda, tatweel and Arabic-Indic digits
        Rouge rouge = Rouge.unstemmed();
        String reference = "قال الرئيس ان 25 شخصا قتلوا";
        String candidate = "قالَ الرئيـــسُ إنّ ٢٥ شخصاً قُتلوا";

        // when
        Rouge.Score s = rouge.score(Rouge.Type.ROUGE_1, reference, candidate);

        // then
        assertThat(rouge.tokenize(candidate)).containsExactly("قال", "الرييس", "ان", "25", "شخصا", "قتلوا");
        assertThat(s.f()).isEqualTo(1.0);
    }

    @Test
    void should_take_the_best_reference_per_type() {
        // when
        var scores = Rouge.unstemmed().scoreMulti(List.of("alpha beta", "gamma delta"), "gamma delta");

        // then
        assertThat(scores.get(Rouge.Type.ROUGE_1).f()).isEqualTo(1.0);
        assertThat(scores.get(Rouge.Type.ROUGE_2).f()).isEqualTo(1.0);
    }

    private static void check(JsonNode c, Path dir) throws IOException {
        boolean stem = c.path("stem").asBoolean(false);
        Rouge rouge = stem ? Rouge.porterStemmed() : Rouge.unstemmed();
        String target = text(c, dir, "target");
        String prediction = text(c, dir, "prediction");
        JsonNode expected = c.get("expected");
        int places = Math.min(c.path("places").asInt(5), 4);
        double tolerance = 0.5 * Math.pow(10, -places) + 1e-9;
        for (String typeId : c.get("type").asText().split("\\|")) {
            Rouge.Score s = rouge.score(Rouge.Type.ofId(typeId), target, prediction);
            String what = c.get("name").asText() + " " + typeId;
            assertThat(round(s.precision(), places))
                    .as(what + " p")
                    .isCloseTo(expected.get("p").asDouble(), within(tolerance));
            assertThat(round(s.recall(), places))
                    .as(what + " r")
                    .isCloseTo(expected.get("r").asDouble(), within(tolerance));
            assertThat(round(s.f(), places))
                    .as(what + " f")
                    .isCloseTo(expected.get("f").asDouble(), within(tolerance));
        }
    }

    private static double round(double v, int places) {
        double scale = Math.pow(10, places);
        return Math.round(v * scale) / scale;
    }

    private static String text(JsonNode c, Path dir, String which) throws IOException {
        if (c.has(which)) {
            return c.get(which).asText();
        }
        String content = Files.readString(dir.resolve(c.get(which + "_file").asText()), StandardCharsets.UTF_8);
        if (!c.has(which + "_line")) {
            return content;
        }
        return content.split("\n", -1)[c.get(which + "_line").asInt()];
    }

    private static Stream<Arguments> cases(Path dir) throws IOException {
        JsonNode root = Json.mapper().readTree(Files.readString(dir.resolve("expected.json"), StandardCharsets.UTF_8));
        List<Arguments> out = new ArrayList<>();
        for (JsonNode c : root.get("cases")) {
            out.add(Arguments.of(c.get("name").asText(), c, dir));
        }
        return out.stream();
    }

    private static Path resourceDir() throws URISyntaxException {
        return Path.of(RougeConformanceTest.class
                        .getResource("/rouge-conformance/expected.json")
                        .toURI())
                .getParent();
    }

    static Path sharedDir() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path dir = p.resolve("shared/data/eval/rouge-conformance");
            if (Files.isRegularFile(dir.resolve("expected.json"))) {
                return dir;
            }
        }
        return null;
    }
}
