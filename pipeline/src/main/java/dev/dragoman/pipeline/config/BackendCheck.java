package dev.dragoman.pipeline.config;

import dev.dragoman.core.Language;
import dev.dragoman.core.error.DragomanException;
import dev.dragoman.core.error.Reasons;
import dev.dragoman.core.translation.TranslationRequest;
import dev.dragoman.core.translation.TranslationResult;
import dev.dragoman.pipeline.backend.Backends;
import dev.dragoman.translate.TranslationBackend;
import dev.dragoman.translate.deepl.DeepLTranslator;
import dev.langchain4j.model.chat.ChatModel;
import java.util.List;

/**
 * One cheap real call to a backend: a one-word chat for a language model, the usage query for DeepL, a two-word
 * translation (en→es) for the other machine-translation services. The result carries the latency and, on
 * failure, one line saying why (keys registered with {@code Secrets} are masked in errors and by the front ends). For
 * {@code dragoman backends --check} and any front end's health check.
 */
public final class BackendCheck {

    /** The outcome; {@code latencyMillis} is -1 when no call was made. */
    public record Result(boolean ok, long latencyMillis, String detail) {}

    private BackendCheck() {}

    /** @param backends the factory for {@code backend} (its keys, the shared HTTP client) */
    public static Result run(BackendConfig backend, Backends backends) {
        if (!backends.canTranslate(backend.type())) {
            return new Result(true, -1, "embedded and offline: no call needed");
        }
        long start = System.nanoTime();
        try {
            String detail = call(backend, backends);
            return new Result(true, (System.nanoTime() - start) / 1_000_000, detail);
        } catch (DragomanException e) {
            return new Result(
                    false,
                    e.kind() == DragomanException.Kind.CONFIGURATION ? -1 : (System.nanoTime() - start) / 1_000_000,
                    firstLine(e.getMessage()));
        } catch (RuntimeException e) {
            return new Result(false, (System.nanoTime() - start) / 1_000_000, firstLine(Reasons.of(e)));
        }
    }

    private static String call(BackendConfig backend, Backends backends) {
        if (backends.languageModel(backend.type())) {
            ChatModel model = backends.chatModel(backend.spec());
            String answer = model.chat("Reply with the single word OK.");
            return "model " + backend.spec().model() + " answered " + quote(answer);
        }
        TranslationBackend mt = backends.rawTranslator(backend.spec());
        if (mt instanceof DeepLTranslator deepl) {
            DeepLTranslator.DeepLUsage usage = deepl.usage();
            return "usage " + usage.characterCount() + " of " + usage.characterLimit() + " characters this period";
        }
        TranslationResult r =
                mt.translate(TranslationRequest.of(List.of("Good morning"), Language.ENGLISH, Language.of("es")));
        return "translated \"Good morning\" (en→es): " + quote(r.texts().get(0));
    }

    private static String quote(String answer) {
        String a = answer == null ? "" : answer.strip().replaceAll("\\s+", " ");
        return "\"" + (a.length() > 40 ? a.substring(0, 40) + "…" : a) + "\"";
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        String line = s.lines().findFirst().orElse("");
        return line.length() > 160 ? line.substring(0, 160) + "…" : line;
    }
}
