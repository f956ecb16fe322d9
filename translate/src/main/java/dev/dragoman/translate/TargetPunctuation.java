package dev.dragoman.translate;

import dev.dragoman.core.translation.TranslatedSegment;
import dev.dragoman.core.translation.TranslationRequest;
import dev.dragoman.core.translation.TranslationResult;
import java.lang.Character.UnicodeScript;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Fixes a known machine-translation artifact: Arabic punctuation left in a translation into a language not written
 * in Arabic script — "؟" kept beside (or instead of) "?", "،" and "؛" for "," and ";". "Is it over؟?" becomes
 * "Is it over?". Only punctuation is touched, and only when the target's script is known and is not Arabic.
 * Thread-safe if the inner backend is.
 */
public final class TargetPunctuation implements TranslationBackend {

    private final TranslationBackend inner;

    public TargetPunctuation(TranslationBackend inner) {
        this.inner = Objects.requireNonNull(inner, "inner");
    }

    @Override
    public BackendProfile profile() {
        return inner.profile();
    }

    @Override
    public TranslationResult translate(TranslationRequest request) {
        TranslationResult result = inner.translate(request);
        UnicodeScript target = Scripts.of(request.target());
        if (target == null || target == UnicodeScript.ARABIC) {
            return result;
        }
        List<TranslatedSegment> out = new ArrayList<>(result.segments().size());
        boolean changed = false;
        for (TranslatedSegment s : result.segments()) {
            String fixed = clean(s.text());
            changed |= !fixed.equals(s.text());
            out.add(fixed.equals(s.text()) ? s : new TranslatedSegment(fixed, s.fromCache(), s.warnings()));
        }
        return changed
                ? new TranslationResult(out, result.detectedSource(), result.backend(), result.model(), result.usage())
                : result;
    }

    static String clean(String text) {
        if (text.indexOf('؟') < 0 && text.indexOf('،') < 0 && text.indexOf('؛') < 0) {
            return text;
        }
        return text.replace("؟?", "?")
                .replace("?؟", "?")
                .replace('؟', '?')
                .replace("،,", ",")
                .replace(",،", ",")
                .replace('،', ',')
                .replace("؛;", ";")
                .replace(";؛", ";")
                .replace('؛', ';');
    }

    @Override
    public String toString() {
        return "TargetPunctuation(" + inner + ")";
    }
}
