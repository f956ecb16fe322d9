package dev.dragoman.cli.command;

import dev.dragoman.cli.config.BackendConfig;
import dev.dragoman.cli.config.BackendType;
import dev.dragoman.cli.wiring.ChatModels;
import dev.dragoman.core.error.DragomanException;
import dev.langchain4j.model.chat.ChatModel;
import java.util.Map;

/**
 * One cheap real call to a backend: a one-word chat for a language model. The result carries the latency and, on
 * failure, one line saying why (the CLI's output filter scrubs any key a server might echo).
 */
final class BackendCheck {

    /** The outcome; {@code latencyMillis} is -1 when no call was made. */
    record Result(boolean ok, long latencyMillis, String detail) {}

    private BackendCheck() {}

    static Result run(BackendConfig backend, Map<String, String> env) {
        if (backend.type() == BackendType.EXTRACTIVE) {
            return new Result(true, -1, "embedded and offline: no call needed");
        }
        long start = System.nanoTime();
        try {
            String detail = call(backend, env);
            return new Result(true, (System.nanoTime() - start) / 1_000_000, detail);
        } catch (DragomanException e) {
            return new Result(false, e.kind() == DragomanException.Kind.CONFIGURATION ? -1
                    : (System.nanoTime() - start) / 1_000_000, firstLine(e.getMessage()));
        } catch (RuntimeException e) {
            return new Result(false, (System.nanoTime() - start) / 1_000_000,
                    e.getClass().getSimpleName() + ": " + firstLine(String.valueOf(rootMessage(e))));
        }
    }

    private static String call(BackendConfig backend, Map<String, String> env) {
        if (backend.type().role() == BackendType.Role.LLM) {
            ChatModel model = ChatModels.create(backend, env);
            String answer = model.chat("Reply with the single word OK.");
            return "model " + backend.effectiveModel().orElse("?") + " answered " + quote(answer);
        }
        throw new DragomanException(DragomanException.Kind.INTERNAL,
                "checking " + backend.type().id() + " backends needs the translate module's client, not wired yet");
    }

    private static String quote(String answer) {
        String a = answer == null ? "" : answer.strip().replaceAll("\\s+", " ");
        return "\"" + (a.length() > 40 ? a.substring(0, 40) + "…" : a) + "\"";
    }

    private static String rootMessage(Throwable t) {
        Throwable r = t;
        while (r.getCause() != null && r.getCause() != r) {
            r = r.getCause();
        }
        return r.getMessage() != null ? r.getMessage() : t.getMessage();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        String line = s.lines().findFirst().orElse("");
        return line.length() > 160 ? line.substring(0, 160) + "…" : line;
    }
}
