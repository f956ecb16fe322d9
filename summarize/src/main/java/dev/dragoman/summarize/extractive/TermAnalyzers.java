package dev.dragoman.summarize.extractive;

import dev.dragoman.core.Language;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.bg.BulgarianAnalyzer;
import org.apache.lucene.analysis.bn.BengaliAnalyzer;
import org.apache.lucene.analysis.ca.CatalanAnalyzer;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.ckb.SoraniAnalyzer;
import org.apache.lucene.analysis.cz.CzechAnalyzer;
import org.apache.lucene.analysis.da.DanishAnalyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.el.GreekAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.eu.BasqueAnalyzer;
import org.apache.lucene.analysis.fa.PersianAnalyzer;
import org.apache.lucene.analysis.fi.FinnishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.ga.IrishAnalyzer;
import org.apache.lucene.analysis.gl.GalicianAnalyzer;
import org.apache.lucene.analysis.hi.HindiAnalyzer;
import org.apache.lucene.analysis.hu.HungarianAnalyzer;
import org.apache.lucene.analysis.hy.ArmenianAnalyzer;
import org.apache.lucene.analysis.id.IndonesianAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.lt.LithuanianAnalyzer;
import org.apache.lucene.analysis.lv.LatvianAnalyzer;
import org.apache.lucene.analysis.ne.NepaliAnalyzer;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.no.NorwegianAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.ro.RomanianAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.sr.SerbianAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.sv.SwedishAnalyzer;
import org.apache.lucene.analysis.ta.TamilAnalyzer;
import org.apache.lucene.analysis.te.TeluguAnalyzer;
import org.apache.lucene.analysis.th.ThaiAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tr.TurkishAnalyzer;

/**
 * The Lucene analyzer per language that turns a sentence into index terms: language-specific normalization,
 * stop words and (light) stemming — for Arabic, {@link ArabicAnalyzer}: orthographic normalization (hamza, alef
 * maqsura, teh marbuta, diacritics, tatweel), Arabic stop words and light prefix/suffix stemming. Languages Lucene
 * does not analyse get the generic Unicode analyzer ({@link StandardAnalyzer}: UAX#29 word breaks, lower case, no
 * stop words, no stemming). Analyzers are created once per language and shared; Lucene analyzers are thread-safe.
 */
final class TermAnalyzers {

    private static final Map<String, Supplier<Analyzer>> BY_LANGUAGE = Map.ofEntries(
            Map.entry("ar", ArabicAnalyzer::new),
            Map.entry("bg", BulgarianAnalyzer::new),
            Map.entry("bn", BengaliAnalyzer::new),
            Map.entry("ca", CatalanAnalyzer::new),
            Map.entry("zh", CJKAnalyzer::new),
            Map.entry("ja", CJKAnalyzer::new),
            Map.entry("ko", CJKAnalyzer::new),
            Map.entry("ckb", SoraniAnalyzer::new),
            Map.entry("cs", CzechAnalyzer::new),
            Map.entry("da", DanishAnalyzer::new),
            Map.entry("de", GermanAnalyzer::new),
            Map.entry("el", GreekAnalyzer::new),
            Map.entry("en", EnglishAnalyzer::new),
            Map.entry("es", SpanishAnalyzer::new),
            Map.entry("eu", BasqueAnalyzer::new),
            Map.entry("fa", PersianAnalyzer::new),
            Map.entry("fi", FinnishAnalyzer::new),
            Map.entry("fr", FrenchAnalyzer::new),
            Map.entry("ga", IrishAnalyzer::new),
            Map.entry("gl", GalicianAnalyzer::new),
            Map.entry("hi", HindiAnalyzer::new),
            Map.entry("hu", HungarianAnalyzer::new),
            Map.entry("hy", ArmenianAnalyzer::new),
            Map.entry("id", IndonesianAnalyzer::new),
            Map.entry("it", ItalianAnalyzer::new),
            Map.entry("lt", LithuanianAnalyzer::new),
            Map.entry("lv", LatvianAnalyzer::new),
            Map.entry("ne", NepaliAnalyzer::new),
            Map.entry("nl", DutchAnalyzer::new),
            Map.entry("no", NorwegianAnalyzer::new),
            Map.entry("nb", NorwegianAnalyzer::new),
            Map.entry("nn", NorwegianAnalyzer::new),
            Map.entry("pt", PortugueseAnalyzer::new),
            Map.entry("ro", RomanianAnalyzer::new),
            Map.entry("ru", RussianAnalyzer::new),
            Map.entry("sr", SerbianAnalyzer::new),
            Map.entry("sv", SwedishAnalyzer::new),
            Map.entry("ta", TamilAnalyzer::new),
            Map.entry("te", TeluguAnalyzer::new),
            Map.entry("th", ThaiAnalyzer::new),
            Map.entry("tr", TurkishAnalyzer::new));

    private static final String GENERIC = "generic";
    private static final Map<String, Analyzer> CACHE = new ConcurrentHashMap<>();

    private TermAnalyzers() {}

    /** The analyzer's name for provenance: the primary language subtag, or "generic". */
    static String name(Language language) {
        String key = language == null ? GENERIC : language.primary();
        return BY_LANGUAGE.containsKey(key) ? key : GENERIC;
    }

    static Analyzer forLanguage(Language language) {
        String key = name(language);
        return CACHE.computeIfAbsent(
                key,
                k -> GENERIC.equals(k)
                        ? new StandardAnalyzer(CharArraySet.EMPTY_SET)
                        : BY_LANGUAGE.get(k).get());
    }

    /** The terms of {@code text} in order. */
    static List<String> terms(Analyzer analyzer, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("t", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                if (term.length() > 0) {
                    out.add(term.toString());
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing a sentence in memory failed", e);
        }
        return out;
    }
}
