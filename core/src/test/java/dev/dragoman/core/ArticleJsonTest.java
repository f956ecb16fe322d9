package dev.dragoman.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dragoman.core.json.Json;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArticleJsonTest {

    private static Article sample() {
        Article related =
                Article.builder().headline("مصر وروسيا").paragraph("بحث الوزير").build();
        return Article.builder()
                .language(Language.of("ar"), 0.99)
                .headline("لوكاشينكو يؤكد")
                .published(Published.ofDate("25th, June 2024 GMT", LocalDate.of(2024, 6, 25)))
                .dateline(Dateline.of("موسكو", "سانا"))
                .paragraph("أكد الرئيس")
                .paragraph("وقال")
                .source("الوكالة العربية السورية للأنباء")
                .addRelated(related)
                .build();
    }

    @Test
    void should_round_trip_through_json_with_the_documented_field_names() throws Exception {
        // given
        Article article = sample();
        // when
        String json = Json.mapper().writeValueAsString(article);
        JsonNode tree = Json.mapper().readTree(json);
        Article back = Json.mapper().readValue(json, Article.class);
        // then
        assertThat(back).isEqualTo(article);
        assertThat(tree.get("language").asText()).isEqualTo("ar");
        assertThat(tree.get("published").get("raw").asText()).isEqualTo("25th, June 2024 GMT");
        assertThat(tree.get("published").get("date").asText()).isEqualTo("2024-06-25");
        assertThat(tree.get("dateline").get("place").asText()).isEqualTo("موسكو");
        assertThat(tree.get("paragraphs").get(0).get("text").asText()).isEqualTo("أكد الرئيس");
        assertThat(tree.get("related").get(0).get("headline").asText()).isEqualTo("مصر وروسيا");
        assertThat(tree.get("id").asText()).hasSize(32);
    }

    @Test
    void should_give_the_same_id_to_the_same_story_whatever_its_diacritics_and_spacing() {
        Article plain = Article.builder()
                .headline("دعم بلاده")
                .paragraph("أكد  الرئيس ٢٥")
                .build();
        Article marked = Article.builder()
                .headline("دَعْمُ بلادِه")
                .paragraph("أكد الرئيس 25")
                .build();
        Article other =
                Article.builder().headline("دعم بلاده").paragraph("أكد الوزير").build();

        assertThat(marked.id()).isEqualTo(plain.id());
        assertThat(other.id()).isNotEqualTo(plain.id());
    }

    @Test
    void should_normalize_language_tags() {
        assertThat(Language.of("ara")).isEqualTo(Language.ARABIC);
        assertThat(Language.of("en_GB").tag()).isEqualTo("en-GB");
        assertThat(Language.ARABIC.isRightToLeft()).isTrue();
        assertThat(Language.ENGLISH.isRightToLeft()).isFalse();
        assertThat(Language.of("es").iso3()).isEqualTo("spa");
        assertThat(List.of(Language.of("pt-BR").primary())).containsExactly("pt");
    }
}
