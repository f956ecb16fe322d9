package dev.dragoman.pipeline.config;

import dev.dragoman.core.error.DragomanException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.function.Supplier;

/**
 * A base URL written in the configuration that cannot be reached (no such host, connection refused) is a
 * configuration problem: the user is told which file and line to fix (exit 78). The same failure at a vendor's
 * default address stays "backend unavailable" (exit 69): the network or the vendor is down, not the file.
 */
public final class Unreachable {

    private Unreachable() {}

    /** Runs {@code work}, turning an unreachable configured base URL into a {@link ConfigException}. */
    public static <T> T asConfigError(BackendConfig backend, Supplier<T> work) {
        try {
            return work.get();
        } catch (DragomanException e) {
            if (backend != null
                    && backend.customBaseUrl()
                    && backend.fromFile()
                    && e.kind() == DragomanException.Kind.BACKEND_UNAVAILABLE
                    && unreachable(e)) {
                throw new ConfigException("Cannot reach " + backend.spec().baseUrl() + ", the base-url of backend '"
                        + backend.name() + "' (" + backend.file() + " line " + backend.line() + "): start the server "
                        + "or fix the address.");
            }
            throw e;
        }
    }

    private static boolean unreachable(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof UnknownHostException
                    || c instanceof ConnectException
                    || c instanceof NoRouteToHostException) {
                return true;
            }
            String m = c.getMessage();
            if (m != null && (m.contains("ConnectException") || m.contains("UnknownHostException"))) {
                return true;
            }
        }
        return false;
    }
}
