package dev.dragoman.core.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dragoman.core.error.DragomanException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProvidersTest {

    record Named(String type) {}

    @Test
    void should_find_a_provider_by_type_whatever_its_case() {
        // given
        Providers<Named> providers = Providers.of("backend", List.of(new Named("a"), new Named("b")), Named::type);
        // then
        assertThat(providers.require(" B ").type()).isEqualTo("b");
        assertThat(providers.types()).containsExactly("a", "b");
    }

    @Test
    void should_name_the_known_types_when_one_is_unknown() {
        // given
        Providers<Named> providers =
                Providers.of("backend", List.of(new Named("deepl"), new Named("apertium")), Named::type);
        // then
        assertThatThrownBy(() -> providers.require("deepel"))
                .isInstanceOfSatisfying(UnknownTypeException.class, e -> {
                    assertThat(e.known()).containsExactly("apertium", "deepl");
                    assertThat(e.kind()).isEqualTo(DragomanException.Kind.CONFIGURATION);
                })
                .hasMessage("Unknown backend type 'deepel': known types are apertium, deepl.");
    }

    @Test
    void should_refuse_two_different_providers_of_one_type() {
        // given
        record Twin(String type) {}
        List<Object> both = List.of(new Named("b"), new Twin("b"));
        // then
        assertThatThrownBy(() ->
                        Providers.of("backend", both, o -> o instanceof Named n ? n.type() : ((Twin) o).type()))
                .isInstanceOf(DragomanException.class)
                .hasMessageContaining("Two backend providers claim the type 'b'");
    }
}
