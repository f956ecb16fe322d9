package dev.dragoman.core.llm;

import dev.dragoman.core.error.DragomanException;
import dev.dragoman.core.error.DragomanException.Kind;
import dev.dragoman.core.error.ErrorMapper;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.ModelNotFoundException;

/** Ollama: a model that is not pulled answers 404 {@code model "NAME" not found}; the fix is {@code ollama pull NAME}. */
final class OllamaErrorMapper extends LlmErrorMapper {

    OllamaErrorMapper(ErrorMapper http, String model) {
        super(http, model);
    }

    @Override
    protected DragomanException provider(RuntimeException e) {
        String t = text(e);
        boolean notFound = e instanceof ModelNotFoundException
                || (e instanceof HttpException h && h.statusCode() == 404)
                || (t.contains("model") && t.contains("not found"));
        return notFound ? modelNotFound(e) : null;
    }

    @Override
    protected DragomanException modelNotFound(RuntimeException e) {
        return new DragomanException(
                Kind.CONFIGURATION,
                name() + ": the model is not on the server (" + said(e) + "); run: ollama pull "
                        + (model().isBlank() ? "MODEL" : model()),
                e);
    }
}
