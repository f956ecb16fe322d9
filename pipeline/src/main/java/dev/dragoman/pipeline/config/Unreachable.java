package dev.dragoman.pipeline.config;

import dev.dragoman.core.error.DragomanException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.function.Supplier;

/**
 * A base URL written in the configuration that cannot be reached (no such host, connection refused) is named with
 * the file and line it comes from, so the user knows what to start or fix. It stays "backend unavailable" (exit
 * 69), as at a vendor's default address and as in {@code batch}: a local server that is down is not a broken file.
 */
public final class Unreachable {

    private Unreachable() {}

    /** Runs {@code work}, naming the file and line of an unreachable configured base URL in the failure. */
    public static <T> T namingTheSetting(BackendConfig backend, Supplier<T> work) {
        try {
            return work.get();
        } catch (DragomanException e) {
            if (backend != null
                    && backend.customBaseUrl()
                    && backend.fromFile()
                    && e.kind() == DragomanException.Kind.BACKEND_UNAVAILABLE
                    && unreachable(e)) {
                throw new DragomanException(
                        DragomanException.Kind.BACKEND_UNAVAILABLE,
                        "Cannot reach " + backend.spec().baseUrl() + ", the base-url of backend '"
                                + backend.name() + "' (" + backend.file() + " line " + backend.line()
                                + "): start the server "
                                + "or fix the address.",
                        e);
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
