package dev.dragoman.pipeline.config;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.LogManager;

/**
 * How much library logging a front end shows (slf4j-simple and java.util.logging, both on stderr). A front end
 * reports failures in its own words, so at normal verbosity other libraries' logs (sqlite-jdbc's loader, Jedis,
 * Jetty, OkHttp) are off and Dragoman's show errors only; {@code VERBOSE} shows everything from INFO up; {@code
 * QUIET} nothing. A server adds its warnings and one access-log line per request. Call before the first logger
 * exists; an explicit {@code -Dorg.slf4j.simpleLogger.defaultLogLevel} or JUL configuration wins.
 */
public final class LogLevels {

    /** How talkative a run is. */
    public enum Verbosity {
        QUIET,
        NORMAL,
        VERBOSE;

        /**
         * The verbosity a command line asks for: {@code -q}/{@code --quiet} wins over {@code -v}/{@code --verbose};
         * nothing after {@code --} counts.
         */
        public static Verbosity of(String... args) {
            Verbosity v = NORMAL;
            for (String a : args) {
                if (a.equals("--")) {
                    break;
                }
                if (a.equals("-q") || a.equals("--quiet")) {
                    return QUIET;
                }
                if (a.equals("-v") || a.equals("--verbose")) {
                    v = VERBOSE;
                }
            }
            return v;
        }
    }

    private static final String JUL_LEVEL = "dragoman.jul.level";

    private LogLevels() {}

    public static void configure(Verbosity verbosity, boolean server) {
        String level = switch (verbosity) {
            case QUIET -> "off";
            case NORMAL -> "error";
            case VERBOSE -> "info";
        };
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", level.equals("error") ? "off" : level);
            System.setProperty("org.slf4j.simpleLogger.log.dev.dragoman", level);
        }
        if (System.getProperty("java.util.logging.config.class") == null
                && System.getProperty("java.util.logging.config.file") == null) {
            // java.util.logging is configured only if something uses it: no cost at start-up
            System.setProperty("java.util.logging.config.class", JulLevel.class.getName());
            System.setProperty(JUL_LEVEL, level.equals("info") ? "INFO" : "OFF");
        }
        if (System.getProperty("org.slf4j.simpleLogger.showThreadName") == null) {
            System.setProperty("org.slf4j.simpleLogger.showThreadName", "false");
        }
        if (server && verbosity != Verbosity.QUIET) {
            // backend failures and one JSON access-log line per request on stderr
            System.setProperty("org.slf4j.simpleLogger.log.dev.dragoman.serve", level.equals("info") ? "info" : "warn");
            System.setProperty("org.slf4j.simpleLogger.log.dev.dragoman.serve.access", "info");
        }
    }

    /** Sets java.util.logging's level when it first starts ({@code java.util.logging.config.class}). */
    public static final class JulLevel {
        public JulLevel() throws IOException {
            String config = ".level=" + System.getProperty(JUL_LEVEL, "OFF")
                    + "\nhandlers=java.util.logging.ConsoleHandler\njava.util.logging.ConsoleHandler.level=ALL\n";
            LogManager.getLogManager()
                    .readConfiguration(new ByteArrayInputStream(config.getBytes(StandardCharsets.UTF_8)));
        }
    }
}
