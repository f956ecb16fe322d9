package dev.dragoman.summarize.brief;

import dev.dragoman.core.Language;
import dev.dragoman.core.summary.Summary;
import java.util.List;
import java.util.Objects;

/**
 * A cross-lingual brief: the summary in the target language, the source-language sentences it was translated from,
 * and what translating only those cost compared with translating the whole article first.
 *
 * @param summary the brief in the target language (backend "extractive+TRANSLATOR"; its usage is the translation's)
 * @param sourceSentences the sentences chosen in the source language, in document order
 * @param sourceLanguage the article's language
 * @param charactersSent characters sent to the translator: not those of sentences served from a cache, none when the
 *     article is already in the target language
 * @param charactersWholeArticle characters of the headline and main-story paragraphs: what translating the whole
 *     article before summarizing would send
 */
public record Brief(
        Summary summary,
        List<String> sourceSentences,
        Language sourceLanguage,
        long charactersSent,
        long charactersWholeArticle) {

    public Brief {
        Objects.requireNonNull(summary, "summary");
        sourceSentences = List.copyOf(sourceSentences);
    }

    /** Characters sent as a fraction of translating the whole article (0–1; 0 for an empty article). */
    public double sentRatio() {
        return charactersWholeArticle == 0 ? 0 : (double) charactersSent / charactersWholeArticle;
    }
}
