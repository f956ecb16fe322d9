package dev.dragoman.pipeline.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dragoman.core.backend.BackendSpec;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Configuration that cannot work is refused when it is loaded, naming the file, the line and the field. */
class ConfigValidationTest {

    private static final Path FILE = Path.of("/etc/dragoman/config.yaml");

    @ParameterizedTest(name = "base-url {0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "not a url        | is not a URL",
                "htp://example.org | must start with http:// or https://",
                "'http://[::1'    | is not a URL",
                "https://         | is not a URL",
                "file:///etc/passwd | must start with http:// or https://",
                "localhost:11434  | must start with http:// or https://"
            })
    void should_refuse_a_base_url_that_cannot_be_called_naming_file_line_and_field(String url, String problem) {
        String yaml = "backends:\n  gpt:\n    type: openai\n    model: gpt-4o-mini\n    base-url: " + url + "\n";
        assertThatThrownBy(() -> ConfigLoader.parse(FILE, yaml))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("Configuration error in " + FILE + " line 5: 'base-url' of backend 'gpt' ")
                .hasMessageContaining(problem);
    }

    @Test
    void should_accept_ordinary_base_urls() {
        String yaml = "backends:\n"
                + "  a:\n    type: openai\n    base-url: https://api.openai.com/v1\n"
                + "  b:\n    type: ollama\n    base-url: http://127.0.0.1:11434\n"
                + "  c:\n    type: openai\n    base-url: http://[::1]:8080/v1\n";
        assertThat(ConfigLoader.parse(FILE, yaml).backends()).hasSize(3);
    }

    @Test
    void should_refuse_a_model_name_with_spaces() {
        String yaml = "backends:\n  gpt:\n    type: openai\n    model: gpt 4o mini\n";
        assertThatThrownBy(() -> ConfigLoader.parse(FILE, yaml))
                .hasMessageStartingWith("Configuration error in " + FILE + " line 4: 'model' of backend 'gpt'");
    }

    @ParameterizedTest(name = "cache url {0}")
    @CsvSource(
            delimiter = '|',
            value = {"'redis://[bad' | not a URL", "not a url | not a URL", "localhost | scheme"})
    void should_refuse_a_cache_url_that_cannot_work(String url, String problem) {
        String yaml = "cache:\n  store: redis\n  url: " + url + "\n";
        assertThatThrownBy(() -> ConfigLoader.parse(FILE, yaml))
                .hasMessageStartingWith("Configuration error in " + FILE + " line 3: 'cache.url': ")
                .hasMessageContaining(problem);
    }

    @Test
    void should_let_a_provider_of_its_own_use_another_scheme() {
        assertThat(BackendSpec.baseUrlProblem("grpc://models.internal:50051")).isNull();
        assertThat(BackendSpec.baseUrlProblem("ftp://example.org")).contains("http://");
    }

    @Test
    void should_refuse_the_same_base_url_in_a_spec_built_without_a_file() {
        assertThatThrownBy(() -> new BackendSpec("openai", "gpt", "htp://x", null, null, null, null, 0, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must start with http:// or https://");
    }
}
