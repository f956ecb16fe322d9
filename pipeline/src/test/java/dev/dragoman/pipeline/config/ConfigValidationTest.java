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

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "requests-per-minute: -5    | 'requests-per-minute' in backend 'gpt' is '-5', not a positive whole number",
                "characters-per-minute: lots | 'characters-per-minute' in backend 'gpt' is 'lots', not a positive whole"
                        + " number",
                "tokens-per-minute: 0       | 'tokens-per-minute' in backend 'gpt' is '0', not a positive whole number",
                "attempts: 2.5              | 'attempts' in backend 'gpt' is '2.5', not a positive whole number",
                "timeout: soon              | 'timeout' in backend 'gpt': 'soon' is not a duration"
            })
    void should_refuse_a_backend_limit_that_cannot_work_naming_file_line_and_field(String line, String problem) {
        String yaml = "backends:\n  gpt:\n    type: openai\n    model: gpt-4o-mini\n    " + line + "\n";
        assertThatThrownBy(() -> ConfigLoader.parse(FILE, yaml))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("Configuration error in " + FILE + " line 5: " + problem);
    }

    @ParameterizedTest(name = "option {0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "max-wait: banana | option 'max-wait' in backend 'gpt': ",
                "num-ctx: -4 | option 'num-ctx' in backend 'gpt' is '-4', not a positive whole number",
                "max-output: lots | option 'max-output' in backend 'gpt' is 'lots', not a positive whole number"
            })
    void should_refuse_a_typed_backend_option_at_load_naming_file_line_and_option(String line, String problem) {
        String yaml = "backends:\n  gpt:\n    type: openai\n    model: gpt-4o-mini\n    options:\n      " + line + "\n";
        assertThatThrownBy(() -> ConfigLoader.parse(FILE, yaml))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("Configuration error in " + FILE + " line 6: " + problem);
    }

    @Test
    void should_keep_an_untyped_backend_option_as_written() {
        String yaml = "backends:\n  gpt:\n    type: openai\n    model: gpt-4o-mini\n    options:\n"
                + "      max-wait: 300s\n      organization: acme\n";
        assertThat(ConfigLoader.parse(FILE, yaml).backends().get("gpt").spec().options())
                .containsEntry("max-wait", "300s")
                .containsEntry("organization", "acme");
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

    @Test
    void should_refuse_a_mistyped_price_field_naming_its_line() {
        String yaml = "prices:\n  my-model:\n    input_cost_per_tokn: 0.000001\n";
        assertThatThrownBy(() -> ConfigLoader.parse(FILE, yaml))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("Configuration error in " + FILE + " line 3: unknown price field "
                        + "'input_cost_per_tokn' for 'my-model' (did you mean 'input_cost_per_token'?)");
    }

    @Test
    void should_refuse_a_price_that_is_not_a_number_of_dollars() {
        String yaml = "prices:\n  my-model: { input_cost_per_token: $0.01 }\n";
        assertThatThrownBy(() -> ConfigLoader.parse(FILE, yaml))
                .hasMessageStartingWith("Configuration error in " + FILE + " line 2: 'input_cost_per_token' for"
                        + " 'my-model' is '$0.01', not a number of dollars");
    }

    @Test
    void should_put_the_configurations_prices_over_a_price_file_over_the_shipped_table(
            @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        // given a file pricing two models, the configuration one of them again
        Path file = dir.resolve("prices.json");
        java.nio.file.Files.writeString(
                file,
                "{\"sample_spec\": {}, \"gpt-4o-mini\": {\"input_cost_per_token\": 1e-6},"
                        + " \"house-model\": {\"input_cost_per_token\": 2e-6}}");
        String yaml = "prices:\n  house-model: { input_cost_per_token: 0.000003 }\n";
        Settings settings =
                new Settings(ConfigLoader.parse(FILE, yaml), java.util.Map.of("DRAGOMAN_PRICES", file.toString()));

        // when
        var prices = settings.prices();

        // then
        assertThat(prices.find("openai", "gpt-4o-mini").orElseThrow().inputPerToken())
                .isEqualTo(1e-6);
        assertThat(prices.find("openai", "house-model").orElseThrow().inputPerToken())
                .isEqualTo(3e-6);
        assertThat(prices.find("deepl", null)).isPresent(); // the shipped table below both
    }
}
