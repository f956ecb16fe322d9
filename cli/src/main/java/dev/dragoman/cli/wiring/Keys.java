package dev.dragoman.cli.wiring;

import dev.dragoman.cli.config.BackendConfig;
import java.util.Map;

/** Finds a backend's API key, or says exactly how to provide it. The key itself never appears in a message. */
public final class Keys {

    private Keys() {}

    /**
     * The key for {@code backend}: written in the file, else from its variable. Null when the backend needs none.
     *
     * @throws dev.dragoman.cli.config.ConfigException when the backend needs a key and none is set
     */
    public static String require(BackendConfig backend, Map<String, String> env) {
        if (backend.missingKey(env)) {
            String variable = backend.keyVariable().orElse("an API key variable");
            throw new dev.dragoman.cli.config.ConfigException(capitalize(backend.describe()) + " ("
                    + backend.type().id() + ") needs an API key: export " + variable + "=…"
                    + (backend.fromFile()
                            ? ", or set 'api-key-env' in " + backend.file() + " to the variable that holds it."
                            : "."));
        }
        return backend.apiKey(env).orElse(null);
    }

    private static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
