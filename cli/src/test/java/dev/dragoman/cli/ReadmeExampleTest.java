package dev.dragoman.cli;

import static dev.dragoman.core.testing.ReadmeSnippets.block;
import static dev.dragoman.core.testing.ReadmeSnippets.dedent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.core.Article;
import dev.dragoman.core.Language;
import dev.dragoman.core.cache.ResultCache;
import dev.dragoman.core.cache.sqlite.SqliteResultCache;
import dev.dragoman.core.ratelimit.RateLimiter;
import dev.dragoman.core.read.ArticleReaders;
import dev.dragoman.core.retry.Retrier;
import dev.dragoman.core.summary.Summary;
import dev.dragoman.core.summary.SummaryOptions;
import dev.dragoman.core.usage.UsageMeter;
import dev.dragoman.pipeline.config.ConfigLoader;
import dev.dragoman.pipeline.config.DragomanConfig;
import dev.dragoman.summarize.extractive.ExtractiveSummarizer;
import dev.dragoman.summarize.llm.LlmSummarizer;
import dev.dragoman.translate.ArticleTranslator;
import dev.dragoman.translate.TranslationBackend;
import dev.dragoman.translate.Translators;
import dev.dragoman.translate.llm.LlmTranslator;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The README's "Library use" snippet, copied verbatim between the markers below so that it compiles with the build;
 * a test fails as soon as the README and this copy drift apart. The README's configuration example must load, too.
 */
class ReadmeExampleTest {

    private static final Path README = Path.of("..", "README.md");
    private static final Path SELF = Path.of("src", "test", "java", "dev", "dragoman", "cli", "ReadmeExampleTest.java");

    /** Not run (it calls OpenAI with a real key); compiled on every build. */
    @SuppressWarnings("unused")
    static void readmeExample() throws Exception {
        // spotless:off
        // README-BEGIN
        ChatModel model = OpenAiChatModel.builder().apiKey(System.getenv("OPENAI_API_KEY"))
                .modelName("gpt-4o-mini").maxRetries(0).build(); // Dragoman's Retrier does the retrying
        Article article = ArticleReaders.standard()
                .readArticle(Path.of("examples/sana-2024-06-25-lukashenko.ar.txt"));
        try (ResultCache cache = SqliteResultCache.open(Path.of("dragoman-cache.db"))) {
            TranslationBackend llm = Translators.standard(LlmTranslator.builder(model).build(),
                    Retrier.withDefaults(), RateLimiter.perMinute(60, 0), new UsageMeter(), false);
            Article english = new ArticleTranslator(llm, cache).translate(article, Language.ENGLISH).article();
            Summary gist = new ExtractiveSummarizer().summarize(article, SummaryOptions.DEFAULT);
            Summary inEnglish = LlmSummarizer.builder(model, "openai").cache(cache).build()
                    .summarize(article, SummaryOptions.DEFAULT.withOutputLanguage(Language.ENGLISH));
            System.out.println(english.headline() + "\n" + gist.text() + "\n" + inEnglish.text());
        }
        // README-END
        // spotless:on
    }

    @Test
    void should_hold_the_readme_library_snippet_verbatim() throws Exception {
        // given
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        String self = Files.readString(SELF, StandardCharsets.UTF_8);
        // when
        String inReadme = block(readme, "```java\n", "```");
        String copy = block(self, "// README-BEGIN\n", "        // README-END");
        // then
        assertThat(dedent(copy)).isEqualTo(dedent(inReadme));
        assertThat(inReadme.lines().count()).isBetween(8L, 16L);
    }

    @Test
    void should_load_the_readme_configuration_example() throws Exception {
        // given
        String yaml = block(Files.readString(README, StandardCharsets.UTF_8), "```yaml\n", "```");
        // when
        DragomanConfig config = ConfigLoader.parse(Path.of("README.md"), yaml);
        // then
        assertThat(config.backends().keySet()).containsExactly("gpt", "local", "deepl");
        assertThat(config.backends().get("local").type()).isEqualTo("ollama");
        assertThat(config.backends().get("deepl").spec().limits().charactersPerMinute())
                .isEqualTo(100000);
        assertThat(config.backends().get("deepl").fallback()).containsExactly("gpt", "apertium");
    }
}
