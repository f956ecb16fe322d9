package dev.dragoman.translate;

import static dev.dragoman.translate.Fakes.translit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dragoman.core.Article;
import dev.dragoman.core.Language;
import dev.dragoman.core.Paragraph;
import dev.dragoman.core.cache.CacheEntry;
import dev.dragoman.core.cache.CacheException;
import dev.dragoman.core.cache.CacheKey;
import dev.dragoman.core.cache.MemoryResultCache;
import dev.dragoman.core.cache.ResultCache;
import dev.dragoman.core.error.DragomanException;
import dev.dragoman.core.translation.TranslatedSegment;
import dev.dragoman.core.translation.TranslationOptions;
import dev.dragoman.core.translation.TranslationRequest;
import dev.dragoman.core.translation.TranslationResult;
import dev.dragoman.core.usage.Usage;
import dev.dragoman.core.usage.UsageMeter;
import dev.dragoman.core.write.OutputFormat;
import dev.dragoman.translate.Fakes.RecordingBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ArticleTranslatorTest {

    private final MemoryResultCache cache = new MemoryResultCache();

    @Test
    void should_translate_every_part_in_place_and_keep_related_stories_apart() {
        // given
        Article seed = Fakes.seed();
        RecordingBackend backend = new RecordingBackend();
        ArticleTranslator translator = new ArticleTranslator(backend, cache);
        // when
        ArticleTranslation result = translator.translate(seed, Language.ENGLISH);
        // then
        Article en = result.article();
        assertThat(en.language()).isEqualTo(Language.ENGLISH);
        assertThat(en.headline()).isEqualTo(translit(seed.headline()));
        assertThat(en.dateline().place()).isEqualTo(translit("موسكو"));
        assertThat(en.dateline().agency()).isEqualTo(translit("سانا"));
        assertThat(en.paragraphTexts())
                .containsExactlyElementsOf(
                        seed.paragraphTexts().stream().map(Fakes::translit).toList());
        assertThat(en.source()).isEqualTo(translit(seed.source()));
        assertThat(en.published()).isEqualTo(seed.published());
        assertThat(en.related()).hasSize(1);
        Article related = en.related().get(0);
        assertThat(related.headline()).isEqualTo(translit(seed.related().get(0).headline()));
        assertThat(related.paragraphTexts()).hasSize(5).doesNotContainAnyElementsOf(en.paragraphTexts());
        assertThat(related.language()).isEqualTo(Language.ENGLISH);
        assertThat(en.metadata()).containsEntry("translatedFrom", seed.id());
        assertThat(en.id()).isNotEqualTo(seed.id());
        // one request carries all 15 parts
        assertThat(backend.requests).hasSize(1);
        assertThat(backend.requests.get(0).segments()).hasSize(15);
        assertThat(backend.requests.get(0).source()).isEqualTo(Language.ARABIC);
        TranslationProvenance p = result.provenance();
        assertThat(p.backend()).isEqualTo("fake");
        assertThat(p.model()).isEqualTo("fake-1");
        assertThat(p.source()).isEqualTo(Language.ARABIC);
        assertThat(p.parts()).hasSize(15).noneMatch(TranslationProvenance.Part::fromCache);
        assertThat(p.parts())
                .extracting(TranslationProvenance.Part::part)
                .contains(
                        "headline",
                        "dateline.place",
                        "paragraph[4]",
                        "source",
                        "related[0].headline",
                        "related[0].paragraph[4]");
        assertThat(p.degraded()).isFalse();
        assertThat(p.usage().requests()).isEqualTo(1);
    }

    @Test
    void should_keep_per_part_which_fallback_translated_it_and_show_it_in_every_output() {
        // given a translator whose results came from a fallback backend (a chain whose first backend ran out of quota)
        RecordingBackend fallback = new RecordingBackend();
        String why = "translated by fallback backend 'ap' (apertium): 'dl' (deepl) has used up its quota";
        TranslationBackend chain = TranslationBackend.of(
                fallback.profile(), request -> fallback.translate(request).withFallback(why));

        // when
        ArticleTranslation result = ArticleTranslator.over(chain).translate(Fakes.seed(), Language.ENGLISH);

        // then the provenance says so per part, the result is degraded, and it is no quality warning
        TranslationProvenance p = result.provenance();
        assertThat(p.parts()).hasSize(15).allMatch(part -> why.equals(part.fallback()));
        assertThat(p.degraded()).isTrue();
        assertThat(p.warnings()).isEmpty();
        assertThat(p.fallbacks()).hasSize(15).contains("headline: " + why);
        assertThat(p.notices()).isEqualTo(p.fallbacks());
        // and each output shows it: the text as warnings, JSON in the provenance's parts
        String text = ArticleTranslationWriter.of(OutputFormat.TEXT, false).write(Fakes.seed(), result);
        assertThat(text).contains("Warning: headline: " + why);
        String json = ArticleTranslationWriter.of(OutputFormat.JSON, false).write(Fakes.seed(), result);
        assertThat(json).contains("\"fallback\" : \"" + why + "\"");
    }

    @Test
    void should_resend_only_the_edited_paragraph() {
        // given
        Article seed = Fakes.seed();
        RecordingBackend backend = new RecordingBackend();
        ArticleTranslator translator = new ArticleTranslator(backend, cache);
        translator.translate(seed, Language.ENGLISH);
        List<Paragraph> edited = new ArrayList<>(seed.paragraphs());
        edited.set(2, Paragraph.of(seed.paragraphs().get(2).text() + " وأضاف أن القمة ستعقد في تموز."));
        Article changed = seed.toBuilder().id(null).paragraphs(edited).build();
        // when
        ArticleTranslation again = translator.translate(changed, Language.ENGLISH);
        // then
        assertThat(backend.requests).hasSize(2);
        assertThat(backend.requests.get(1).segments())
                .containsExactly(edited.get(2).text());
        assertThat(again.article().paragraphTexts().get(2))
                .isEqualTo(translit(edited.get(2).text()));
        assertThat(again.provenance().partsFromCache()).isEqualTo(14);
        assertThat(again.provenance().usage().requests()).isEqualTo(1);
    }

    @Test
    void should_send_nothing_when_everything_is_cached() {
        // given
        Article seed = Fakes.seed();
        RecordingBackend backend = new RecordingBackend();
        UsageMeter meter = new UsageMeter();
        ArticleTranslator translator = new ArticleTranslator(backend, cache, meter, null);
        ArticleTranslation cold = translator.translate(seed, Language.ENGLISH);
        // when
        ArticleTranslation warm = translator.translate(seed, Language.ENGLISH);
        // then
        assertThat(backend.requests).hasSize(1);
        assertThat(warm.article()).isEqualTo(cold.article());
        assertThat(warm.provenance().parts()).allMatch(TranslationProvenance.Part::fromCache);
        assertThat(warm.provenance().usage()).isEqualTo(Usage.NONE);
        assertThat(meter.savedByBackend().get("fake").characters()).isPositive();
    }

    @Test
    void should_pack_misses_into_as_few_requests_as_the_limits_allow() {
        // given at most 4 segments per request
        RecordingBackend backend = new RecordingBackend(BackendProfile.mt("fake", "", BatchLimits.of(4, 0), false));
        ArticleTranslator translator = new ArticleTranslator(backend, cache);
        // when
        translator.translate(Fakes.seed(), Language.ENGLISH);
        // then 15 parts -> 4 + 4 + 4 + 3
        assertThat(backend.requests).extracting(r -> r.segments().size()).containsExactly(4, 4, 4, 3);
    }

    @Test
    void should_respect_a_character_limit_and_send_an_oversized_segment_alone() {
        // given
        List<String> segments = List.of("a".repeat(30), "b".repeat(30), "c".repeat(100), "d".repeat(10));
        // when
        List<int[]> batches = SegmentPacker.pack(segments, BatchLimits.of(0, 70));
        // then
        assertThat(batches).extracting(b -> b[1] - b[0]).containsExactly(2, 1, 1);
    }

    @Test
    void should_send_each_storys_headline_as_context_where_the_backend_takes_one() {
        // given
        Article seed = Fakes.seed();
        RecordingBackend backend = new RecordingBackend(BackendProfile.mt("ctx", "", BatchLimits.of(50, 0), true));
        ArticleTranslator translator = new ArticleTranslator(backend, cache);
        // when
        translator.translate(seed, Language.ENGLISH);
        // then
        assertThat(backend.requests).hasSize(2);
        assertThat(backend.requests.get(0).options().context()).isEqualTo(seed.headline());
        assertThat(backend.requests.get(0).segments()).hasSize(9);
        assertThat(backend.requests.get(1).options().context())
                .isEqualTo(seed.related().get(0).headline());
        assertThat(backend.requests.get(1).segments()).hasSize(6);
    }

    @Test
    void should_keep_earlier_batches_cached_when_a_later_batch_fails() {
        // given a backend that fails its second request
        AtomicInteger calls = new AtomicInteger();
        RecordingBackend inner = new RecordingBackend(BackendProfile.mt("fake", "", BatchLimits.of(8, 0), false));
        TranslationBackend flaky = TranslationBackend.of(inner.profile(), r -> {
            if (calls.incrementAndGet() == 2) {
                throw new DragomanException(DragomanException.Kind.BACKEND_UNAVAILABLE, "HTTP 503");
            }
            return inner.translate(r);
        });
        ArticleTranslator translator = new ArticleTranslator(flaky, cache);
        // when
        assertThatThrownBy(() -> translator.translate(Fakes.seed(), Language.ENGLISH))
                .isInstanceOf(DragomanException.class);
        ArticleTranslation retried = translator.translate(Fakes.seed(), Language.ENGLISH);
        // then the first batch was not paid twice
        assertThat(cache.size()).isEqualTo(15);
        assertThat(inner.requests).extracting(r -> r.segments().size()).containsExactly(8, 7);
        assertThat(retried.provenance().partsFromCache()).isEqualTo(8);
    }

    @Test
    void should_never_cache_a_flagged_segment() {
        // given a backend that hands the headline back untranslated, twice
        Article seed = Fakes.seed();
        RecordingBackend inner = new RecordingBackend();
        TranslationBackend lazy = TranslationBackend.of(inner.profile(), r -> {
            TranslationResult ok = inner.translate(r);
            List<TranslatedSegment> segs = new ArrayList<>(ok.segments());
            for (int i = 0; i < segs.size(); i++) {
                if (r.segments().get(i).equals(seed.headline())) {
                    segs.set(i, TranslatedSegment.of(seed.headline()));
                }
            }
            return new TranslationResult(segs, null, ok.backend(), ok.model(), ok.usage());
        });
        ArticleTranslator translator = new ArticleTranslator(new CompletenessGuard(lazy, false), cache);
        // when
        ArticleTranslation result = translator.translate(seed, Language.ENGLISH);
        // then
        assertThat(result.provenance().degraded()).isTrue();
        assertThat(result.provenance().warnings())
                .containsExactly("headline: returned unchanged (identical to the source)");
        assertThat(cache.size()).isEqualTo(14);
        assertThat(inner.requests).hasSize(2);
        assertThat(inner.requests.get(1).segments()).containsExactly(seed.headline());
    }

    @Test
    void should_translate_even_when_the_cache_store_fails() {
        // given
        ResultCache broken = new ResultCache() {
            @Override
            public Optional<CacheEntry> get(CacheKey key) {
                throw new CacheException("disk full", null);
            }

            @Override
            public void put(CacheKey key, CacheEntry entry) {
                throw new CacheException("disk full", null);
            }
        };
        RecordingBackend backend = new RecordingBackend();
        // when
        ArticleTranslation result = new ArticleTranslator(backend, broken).translate(Fakes.seed(), Language.ENGLISH);
        // then
        assertThat(result.article().headline()).isEqualTo(translit(Fakes.seed().headline()));
        assertThat(backend.requests).hasSize(1);
    }

    @Test
    void should_key_the_cache_by_target_language_and_options() {
        // given
        Article seed = Fakes.seed();
        RecordingBackend backend = new RecordingBackend();
        ArticleTranslator translator = new ArticleTranslator(backend, cache);
        translator.translate(seed, Language.ENGLISH);
        // when
        translator.translate(seed, Language.FRENCH);
        translator.translate(
                seed,
                null,
                Language.ENGLISH,
                TranslationOptions.DEFAULT.withFormality(TranslationOptions.Formality.MORE));
        // then
        assertThat(backend.requests).hasSize(3);
    }

    @Test
    void should_send_each_repeated_text_once() {
        // given
        Article a = Article.builder()
                .language(Language.ARABIC)
                .headline("عاجل")
                .paragraph("نص الفقرة الأولى من الخبر")
                .paragraph("نص الفقرة الأولى من الخبر")
                .build();
        RecordingBackend backend = new RecordingBackend();
        // when
        ArticleTranslation result = new ArticleTranslator(backend, cache).translate(a, Language.ENGLISH);
        // then
        assertThat(backend.sentSegments()).containsExactly("عاجل", "نص الفقرة الأولى من الخبر");
        assertThat(result.article().paragraphTexts()).hasSize(2).containsOnly(translit("نص الفقرة الأولى من الخبر"));
    }

    @Test
    void should_ask_for_detection_when_the_article_language_is_unknown() {
        // given
        Article a = Article.builder().headline("عاجل").paragraph("نص").build();
        RecordingBackend backend = new RecordingBackend();
        // when
        new ArticleTranslator(backend, cache).translate(a, Language.ENGLISH);
        // then
        TranslationRequest sent = backend.requests.get(0);
        assertThat(sent.source()).isNull();
    }

    @Test
    void should_see_the_seed_structure_the_tests_rely_on_from_the_wire_reader() {
        Article read = Fakes.seed();
        Article hand = Fakes.handBuiltSeed();
        assertThat(read.headline()).isEqualTo(hand.headline());
        assertThat(read.dateline()).isEqualTo(hand.dateline());
        assertThat(read.paragraphTexts()).isEqualTo(hand.paragraphTexts());
        assertThat(read.source()).isEqualTo(hand.source());
        assertThat(read.related()).hasSize(1);
        assertThat(read.related().get(0).headline())
                .isEqualTo(hand.related().get(0).headline());
        assertThat(read.related().get(0).paragraphTexts())
                .isEqualTo(hand.related().get(0).paragraphTexts());
    }

    @Test
    void should_leave_an_article_already_in_the_target_language_untouched_and_say_so() {
        // given
        Article en = Article.builder()
                .language(Language.ENGLISH)
                .headline("Lukashenko backs Russia")
                .paragraph("Belarus will always support Russia, he said.")
                .build();
        RecordingBackend backend = new RecordingBackend();
        // when
        ArticleTranslation result = new ArticleTranslator(backend, cache).translate(en, Language.ENGLISH);
        // then
        assertThat(backend.requests).isEmpty();
        assertThat(result.article()).isEqualTo(en);
        assertThat(result.provenance().parts()).isEmpty();
        assertThat(result.provenance().usage()).isEqualTo(Usage.NONE);
    }

    @Test
    void should_fail_in_strict_mode_naming_the_segment_but_keep_what_was_translated() {
        // given a backend that never translates the source line
        Article seed = Fakes.seed();
        RecordingBackend inner = new RecordingBackend();
        TranslationBackend lazy = TranslationBackend.of(inner.profile(), r -> {
            TranslationResult ok = inner.translate(r);
            List<TranslatedSegment> segs = new ArrayList<>(ok.segments());
            for (int i = 0; i < segs.size(); i++) {
                if (r.segments().get(i).equals(seed.source())) {
                    segs.set(i, TranslatedSegment.of(seed.source()));
                }
            }
            return new TranslationResult(segs, null, ok.backend(), ok.model(), ok.usage());
        });
        ArticleTranslator translator = new ArticleTranslator(Translators.standard(lazy, null, null, null, true), cache);
        // when / then
        assertThatThrownBy(() -> translator.translate(seed, Language.ENGLISH))
                .isInstanceOfSatisfying(DragomanException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DragomanException.Kind.QUALITY);
                    assertThat(e.getMessage()).contains("returned unchanged").contains(seed.source());
                });
        assertThat(cache.size()).isZero();
    }

    @Test
    void should_cut_a_part_too_large_for_one_request_at_sentences_and_join_it_back() {
        // given a backend that takes at most 120 characters per request, and a 5-sentence paragraph of ~250
        String sentence = "أكد الرئيس البيلاروسي أن لدى روسيا وبيلاروس مواقف مشتركة.";
        String paragraph = String.join(
                " ",
                sentence,
                sentence.replace("روسيا", "الصين"),
                sentence.replace("روسيا", "الهند"),
                sentence.replace("روسيا", "مصر"),
                sentence.replace("روسيا", "إيران"));
        Article a = Article.builder()
                .language(Language.ARABIC)
                .headline("عاجل")
                .paragraph(paragraph)
                .build();
        RecordingBackend backend = new RecordingBackend(BackendProfile.mt("small", "", BatchLimits.of(0, 120), false));
        // when
        ArticleTranslation result = new ArticleTranslator(backend, cache).translate(a, Language.ENGLISH);
        // then every request fits, and the paragraph comes back whole, in order
        assertThat(backend.requests).allSatisfy(r -> assertThat(r.characters()).isLessThanOrEqualTo(120));
        assertThat(backend.sentSegments()).hasSizeGreaterThan(2);
        List<String> pieces =
                backend.sentSegments().stream().filter(t -> !t.equals("عاجل")).toList();
        assertThat(String.join(" ", pieces)).isEqualTo(paragraph);
        assertThat(result.article().paragraphTexts())
                .containsExactly(
                        String.join(" ", pieces.stream().map(Fakes::translit).toList()));
        assertThat(result.provenance().parts())
                .extracting(TranslationProvenance.Part::part)
                .contains("paragraph[0]#0", "paragraph[0]#1");
    }
}
