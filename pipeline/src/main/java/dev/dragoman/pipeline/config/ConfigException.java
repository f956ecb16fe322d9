package dev.dragoman.pipeline.config;

import dev.dragoman.core.error.DragomanException;

/**
 * The configuration is missing, malformed or names something that does not exist. The message is one sentence
 * naming the file (and line, when known) and the fix; the CLI exits with 78 (EX_CONFIG).
 */
public final class ConfigException extends DragomanException {

    public ConfigException(String message) {
        super(Kind.CONFIGURATION, message);
    }
}
