package dev.dragoman.core.backend;

import dev.dragoman.core.error.DragomanException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The providers of one service interface found on a class path, by type name (the way LangChain4j's
 * {@code ServiceHelper} loads its {@code *BuilderFactory}s). Two providers claiming one type is an error naming
 * both classes; asking for a type nobody provides is an {@link UnknownTypeException} naming the known ones. There is
 * no "first available" guessing. Immutable and thread-safe once loaded.
 *
 * @param <P> the service interface
 */
public final class Providers<P> {

    private final String what;
    private final Map<String, P> byType;

    private Providers(String what, Map<String, P> byType) {
        this.what = what;
        this.byType = Collections.unmodifiableMap(byType);
    }

    /**
     * Loads every {@code spi} provider {@code loader} can see.
     *
     * @param what what the providers make, for messages ({@code "backend"}, {@code "cache store"})
     * @param typeOf a provider's type name
     * @param loader where to look; null for the thread's context class loader, else {@code spi}'s own
     * @throws DragomanException (configuration) when two providers claim one type
     */
    public static <P> Providers<P> load(String what, Class<P> spi, Function<P, String> typeOf, ClassLoader loader) {
        ClassLoader l = loader;
        if (l == null) {
            l = Thread.currentThread().getContextClassLoader();
        }
        if (l == null) {
            l = spi.getClassLoader();
        }
        List<P> found = new ArrayList<>();
        ServiceLoader.load(spi, l).forEach(found::add);
        if (found.isEmpty() && l != spi.getClassLoader()) {
            ServiceLoader.load(spi, spi.getClassLoader()).forEach(found::add);
        }
        return of(what, found, typeOf);
    }

    /** Providers given explicitly (tests, or a process that builds its own list). */
    public static <P> Providers<P> of(String what, Collection<? extends P> providers, Function<P, String> typeOf) {
        Map<String, P> byType = new TreeMap<>();
        for (P p : providers) {
            String type = typeOf.apply(p);
            P previous = byType.putIfAbsent(type, p);
            if (previous != null && !previous.getClass().equals(p.getClass())) {
                throw new DragomanException(
                        DragomanException.Kind.CONFIGURATION,
                        "Two " + what + " providers claim the type '" + type + "': "
                                + previous.getClass().getName() + " and "
                                + p.getClass().getName()
                                + "; remove one of them from the class path.");
            }
        }
        return new Providers<>(what, byType);
    }

    /** The provider of {@code type}, if any. */
    public Optional<P> find(String type) {
        return type == null ? Optional.empty() : Optional.ofNullable(byType.get(normalize(type)));
    }

    /**
     * The provider of {@code type}.
     *
     * @throws UnknownTypeException naming the known types
     */
    public P require(String type) {
        return find(type).orElseThrow(() -> new UnknownTypeException(what, type, types()));
    }

    /** The known type names, sorted. */
    public List<String> types() {
        return List.copyOf(byType.keySet());
    }

    /** Every provider, by type name. */
    public Collection<P> all() {
        return byType.values();
    }

    private static String normalize(String type) {
        return type.strip().toLowerCase(java.util.Locale.ROOT);
    }
}
