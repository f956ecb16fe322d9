package dev.dragoman.core.translation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.core.Language;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link Translator} passes (published in core's test-jar). A backend's test class extends it
 * and says how to build the translator (against a MockWebServer, a real local server or a scripted model) and which
 * sample segments to use.
 *
 * <p>What it checks: one segment per input, in order (a batch gives the same text per segment as translating each
 * alone — so a backend that shuffles, drops or merges segments fails); no segment handed back untranslated; an
 * empty request costs nothing; the result names its backend; usage is counted; concurrent calls are safe.
 */
public abstract class TranslatorContract {

    /** The translator under test; called once per test method. */
    protected abstract Translator translator();

    /** At least three distinct segments in {@link #source()} that a working backend translates to distinct texts. */
    protected abstract List<String> sampleSegments();

    protected Language source() {
        return Language.ARABIC;
    }

    protected Language target() {
        return Language.ENGLISH;
    }

    /** The backend id every result must carry. */
    protected abstract String expectedBackendId();

    private TranslationRequest request(List<String> segments) {
        return TranslationRequest.of(segments, source(), target());
    }

    @Test
    void should_return_one_translation_per_segment_in_order() {
        // given
        Translator translator = translator();
        List<String> segments = sampleSegments();
        assertThat(segments)
                .as("the contract needs at least three sample segments")
                .hasSizeGreaterThanOrEqualTo(3);
        // when
        TranslationResult batch = translator.translate(request(segments));
        List<String> singles = new ArrayList<>();
        for (String s : segments) {
            singles.add(translator.translate(request(List.of(s))).texts().get(0));
        }
        // then
        assertThat(batch.segments()).hasSameSizeAs(segments);
        assertThat(batch.texts()).containsExactlyElementsOf(singles);
        assertThat(batch.texts()).doesNotHaveDuplicates();
    }

    @Test
    void should_never_hand_back_the_source_text() {
        // given
        Translator translator = translator();
        List<String> segments = sampleSegments();
        // when
        TranslationResult result = translator.translate(request(segments));
        // then
        for (int i = 0; i < segments.size(); i++) {
            assertThat(result.texts().get(i)).as("segment %d", i).isNotBlank().isNotEqualTo(segments.get(i));
        }
    }

    @Test
    void should_name_the_backend_and_count_usage() {
        // when
        TranslationResult result = translator().translate(request(sampleSegments()));
        // then
        assertThat(result.backend()).isEqualTo(expectedBackendId());
        assertThat(result.usage().requests()).isPositive();
        assertThat(result.usage().characters() + result.usage().totalTokens()).isPositive();
        assertThat(result.segments()).allSatisfy(s -> assertThat(s.fromCache()).isFalse());
    }

    @Test
    void should_answer_an_empty_request_without_calling_the_backend() {
        // when
        TranslationResult result = translator().translate(request(List.of()));
        // then
        assertThat(result.segments()).isEmpty();
        assertThat(result.usage().requests()).isZero();
    }

    @Test
    void should_be_safe_to_call_from_several_threads() throws Exception {
        // given
        Translator translator = translator();
        List<String> segments = sampleSegments();
        List<String> expected = translator.translate(request(segments)).texts();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            // when
            List<Future<TranslationResult>> futures = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                futures.add(pool.submit(() -> translator.translate(request(segments))));
            }
            // then
            for (Future<TranslationResult> f : futures) {
                assertThat(f.get().texts()).containsExactlyElementsOf(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
