package dev.dragoman.core.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.core.Article;
import dev.dragoman.core.Language;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The seed article (examples/ in the repo) parses exactly as issue 3 lists. */
class SeedStoryTest {

    static Path seed() {
        return RepoPaths.repoRoot().resolve("examples/sana-2024-06-25-lukashenko.ar.txt");
    }

    @Test
    void should_read_every_field_of_the_seed_story() throws IOException {
        // given
        byte[] bytes = Files.readAllBytes(seed());
        // when
        List<Article> articles = ArticleReaders.standard().read(bytes, "seed.txt");
        // then
        assertThat(articles).hasSize(1);
        Article article = articles.get(0);
        assertThat(article.headline()).isEqualTo("لوكاشينكو يؤكد دعم بلاده لروسيا في المنابر الدولية");
        assertThat(article.published().raw()).isEqualTo("25th, June 2024 GMT");
        assertThat(article.published().date()).isEqualTo(LocalDate.of(2024, 6, 25));
        assertThat(article.dateline().place()).isEqualTo("موسكو");
        assertThat(article.dateline().agency()).isEqualTo("سانا");
        assertThat(article.paragraphTexts()).hasSize(5);
        assertThat(article.paragraphTexts().get(0))
                .isEqualTo(
                        "أكد الرئيس البيلاروسي ألكسندر لوكاشينكو أن لدى روسيا"
                                + " وبيلاروس مواقف مشتركة بشأن جميع القضايا، ويمكن لموسكو دائماً الاعتماد على دعم مينسك في المنابر الدولية.");
        assertThat(article.paragraphTexts().get(2)).startsWith("وعبر لوكاشينكو عن تقديره");
        assertThat(article.paragraphTexts().get(4))
                .startsWith("وبخصوص القضايا الدولية أشار لافروف")
                .endsWith("وليس على أساس إنذار نهائي.");
        assertThat(article.source()).isEqualTo("الوكالة العربية السورية للأنباء");
        assertThat(article.language()).isEqualTo(Language.ARABIC);
        assertThat(article.languageConfidence()).isBetween(0.5, 1.0);
        assertThat(article.unclassified()).isEmpty();

        assertThat(article.related()).hasSize(1);
        Article related = article.related().get(0);
        assertThat(related.headline()).isEqualTo("مصر وروسيا تبحثان مستجدات القضايا الإقليمية والدولية");
        assertThat(related.paragraphTexts()).hasSize(5);
        assertThat(related.paragraphTexts().get(0)).startsWith("بحث وزير الخارجية المصري بدر عبد العاطي");
        assertThat(related.paragraphTexts().get(4)).isEqualTo("كما ناقش الوزيران التطورات فى لبنان وسوريا.");
        assertThat(related.language()).isEqualTo(Language.ARABIC);

        String body = article.bodyText();
        assertThat(body)
                .doesNotContain("مصر وروسيا")
                .doesNotContain("عبد العاطي")
                .doesNotContain("المصدر")
                .doesNotContain("إقرأ أيضاً")
                .doesNotContain("تاريخ النشر")
                .doesNotContain("موسكو-سانا");
        for (String paragraph : related.paragraphTexts()) {
            assertThat(article.paragraphTexts()).doesNotContain(paragraph);
        }
    }

    @Test
    void should_give_the_same_id_when_the_seed_is_read_twice() throws IOException {
        byte[] bytes = Files.readAllBytes(seed());
        Article first = ArticleReaders.standard().readArticle(bytes, "a.txt");
        Article second = ArticleReaders.standard().read(seed()).get(0);
        assertThat(second.id()).isEqualTo(first.id());
    }
}
