package dev.dragoman.core.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dragoman.core.json.Json;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BackendSpecTest {

    private static final String KEY = "0f3c9a1e-secret-deepl-key:fx";

    @Test
    void should_serialize_to_json_and_back_unchanged() throws Exception {
        // given
        BackendSpec spec = new BackendSpec(
                "azure",
                "work",
                "https://api.cognitive.microsofttranslator.com",
                null,
                "WORK_AZURE_KEY",
                new BackendSpec.Limits(60, 100_000, 0),
                Duration.ofSeconds(90),
                4,
                Map.of("region", "westeurope"));
        // when
        String json = Json.mapper().writeValueAsString(spec);
        BackendSpec back = Json.mapper().readValue(json, BackendSpec.class);
        // then
        assertThat(back).isEqualTo(spec);
        assertThat(json).contains("\"timeout\":\"PT1M30S\"").contains("\"keyVariable\":\"WORK_AZURE_KEY\"");
    }

    @Test
    void should_read_a_minimal_json_spec_with_defaults_for_what_it_leaves_out() throws Exception {
        // when
        BackendSpec spec = Json.mapper().readValue("{\"type\":\"DeepL\"}", BackendSpec.class);
        // then
        assertThat(spec).isEqualTo(BackendSpec.of("deepl"));
        assertThat(spec.name()).isEqualTo("deepl");
        assertThat(spec.limits()).isEqualTo(BackendSpec.Limits.NONE);
        assertThat(spec.options()).isEmpty();
    }

    @Test
    void should_refuse_a_key_where_the_variable_name_belongs_without_echoing_it() {
        assertThatThrownBy(() -> BackendSpec.of("deepl").withKeyVariable(KEY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NAME of an environment variable")
                .hasMessageNotContaining(KEY);
    }

    @Test
    void should_refuse_options_that_look_like_secrets() {
        for (String name : List.of("api-key", "apiKey", "client_secret", "password", "token")) {
            assertThatThrownBy(() -> BackendSpec.of("azure").withOption(name, KEY))
                    .as(name)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("looks like a secret")
                    .hasMessageNotContaining(KEY);
        }
    }

    @Test
    void should_never_show_a_key_in_json_or_to_string_since_it_only_names_the_variable() throws Exception {
        // given
        BackendSpec spec =
                BackendSpec.of("deepl").withKeyVariable("DEEPL_AUTH_KEY").withOption("region", "eu");
        // when
        String json = Json.mapper().writeValueAsString(spec);
        // then
        assertThat(json).contains("DEEPL_AUTH_KEY").doesNotContain(KEY);
        assertThat(spec.toString()).contains("DEEPL_AUTH_KEY").doesNotContain(KEY);
    }

    @Test
    void should_make_variants_without_changing_the_original() {
        // given
        BackendSpec spec = BackendSpec.of("openai");
        // when
        BackendSpec variant =
                spec.withModel("gpt-4o").withTimeout(Duration.ofMinutes(3)).withAttempts(2);
        // then
        assertThat(spec.model()).isNull();
        assertThat(variant.model()).isEqualTo("gpt-4o");
        assertThat(variant.timeout()).isEqualTo(Duration.ofMinutes(3));
        assertThat(variant.attempts()).isEqualTo(2);
    }

    @Test
    void should_refuse_a_type_that_is_not_a_word() {
        assertThatThrownBy(() -> BackendSpec.of("deep l"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lower-case word");
    }
}
