package dev.dragoman.serve;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The web page: {@code /} (index.html), {@code /app.js}, {@code /style.css} from the class path. Plain HTML, CSS and
 * one script over {@code /api/v1}; a strict Content-Security-Policy (same-origin scripts and styles only; the script
 * writes text with {@code textContent}, never markup).
 */
final class WebPage {

    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    List<Route> routes() {
        return List.of(
                new Route(
                        "GET",
                        "/",
                        Route.Api.DRAGOMAN,
                        false,
                        false,
                        e -> file("index.html", "text/html; charset=utf-8")),
                new Route(
                        "GET",
                        "/app.js",
                        Route.Api.DRAGOMAN,
                        false,
                        false,
                        e -> file("app.js", "text/javascript; charset=utf-8")),
                new Route(
                        "GET",
                        "/style.css",
                        Route.Api.DRAGOMAN,
                        false,
                        false,
                        e -> file("style.css", "text/css; charset=utf-8")));
    }

    private static Reply file(String name, String type) {
        try (InputStream in = WebPage.class.getResourceAsStream("web/" + name)) {
            if (in == null) {
                throw new IllegalStateException("web/" + name + " is missing from this build");
            }
            return new Reply(200, type, in.readAllBytes())
                    .header("Content-Security-Policy", CSP)
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Cache-Control", "no-cache");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
