package dev.dragoman.core.read.html;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dragoman.core.Article;
import dev.dragoman.core.Language;
import dev.dragoman.core.Published;
import dev.dragoman.core.error.InvalidInputException;
import dev.dragoman.core.json.Json;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;
import org.jsoup.select.NodeVisitor;

/**
 * Extracts the main article from a news web page with jsoup: headline ({@code og:title}, JSON-LD {@code headline},
 * {@code <h1>}, {@code <title>}), publication date ({@code article:published_time} and similar meta tags, JSON-LD
 * {@code datePublished}, {@code <time datetime>}), byline, canonical URL, language ({@code <html lang>},
 * {@code content-language}, {@code og:locale}) and the body paragraphs.
 *
 * <p>The body is chosen by text density, not by site-specific selectors: navigation, asides, comments, "related"
 * and share boxes, ads, scripts and forms are removed first; then every text block scores its ancestors by length
 * and punctuation (Latin and Arabic commas), penalised by link density and by class/id names that mark clutter, and
 * the best-scoring container (with its qualifying siblings) gives the paragraphs. When the page has too little text
 * in its markup, a JSON-LD {@code articleBody} is used instead. Right-to-left pages need no special handling beyond
 * keeping the text in logical order; {@code dir="rtl"} is recorded in metadata ({@code dir}).
 *
 * <p>Metadata keys: {@code byline}, {@code site}, {@code description}, {@code dir}, {@code reader} ("html").
 * The language is null when the page does not declare one (a detector may fill it in). Stateless and thread-safe.
 */
public final class HtmlArticleReader {

    private static final Pattern UNLIKELY = Pattern.compile(
            "(?i)(^|[-_ ])(ad|ads|adv|advert|advertisement|banner|breadcrumbs?|combx|comments?|community|disqus|"
                    + "extra|footer|gdpr|cookie|header|legends|menu|nav|navbar|related|remark|replies|rss|shoutbox|"
                    + "sidebar|skyscraper|social|sponsor(ed)?|supplemental|promo|popup|pager|pagination|share|sharing|"
                    + "newsletter|subscribe|subscription|signup|tags?|taglist|trending|most-?read|most-?popular|"
                    + "recommended|read-?more|more-?stories|outbrain|taboola|widget|toolbar|login|modal|print|"
                    + "author-?bio|caption|credit|hidden|skip)([-_ ]|$)");
    private static final Pattern MAYBE_CANDIDATE =
            Pattern.compile("(?i)and|article|body|column|content|main|shadow|story|entry|post|text");
    private static final Pattern POSITIVE = Pattern.compile(
            "(?i)article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story|news|detail");
    private static final Pattern NEGATIVE = Pattern.compile(
            "(?i)-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|foot|footer|footnote|gdpr|"
                    + "masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|"
                    + "shopping|tags|tool|widget|taboola|recommend|trending|newsletter|byline|author|dateline|"
                    + "caption|social");
    /** Lines that are page furniture, not article text, in English and Arabic. */
    private static final Pattern BOILERPLATE = Pattern.compile(
            "(?iu)^\\s*(advertisement|sponsored|read more|read also|see also|related( articles| stories)?|more on this|"
                    + "share( this( article)?)?|follow us.*|sign up.*|subscribe.*|comments?|leave a comment.*|"
                    + "إعلان|اقرأ أيضا|إقرأ أيضا|اقرأ أيضاً|إقرأ أيضاً|اقرأ المزيد|إقرأ المزيد|مواضيع ذات صلة|أخبار ذات صلة|"
                    + "شارك|تابعونا.*|اشترك.*|التعليقات|تعليقات)\\s*[:：.…]*\\s*$");

    private static final Pattern BYLINE_LINE =
            Pattern.compile("(?iu)^\\s*(by|بقلم|كتب|كتبت)\\s+[\\p{L} .'\\-،,]{2,80}$");
    private static final Pattern COMMAS = Pattern.compile("[,،、，]");
    private static final Pattern TITLE_SUFFIX = Pattern.compile("\\s+[|\\-–—:«»]\\s+[^|\\-–—:]{2,60}$");
    private static final int MIN_BLOCK_CHARS = 25;
    private static final int MIN_BODY_CHARS = 140;

    /** Reads a page from its bytes; the charset comes from the BOM, the HTTP-equivalent meta tags, or UTF-8. */
    public Article read(byte[] html, String url) {
        try {
            Document doc = Jsoup.parse(new ByteArrayInputStream(html), null, url == null ? "" : url);
            return extract(doc, url);
        } catch (IOException e) {
            throw new InvalidInputException("cannot read HTML page " + describe(url) + ": " + e.getMessage(), e);
        }
    }

    /** Reads a page from its text. {@code url} (nullable) resolves relative links and names the page in errors. */
    public Article read(String html, String url) {
        return extract(Jsoup.parse(html, url == null ? "" : url), url);
    }

    /**
     * The {@link dev.dragoman.core.read.ArticleFormatReader} form: one article from decoded page text; {@code name}
     * is used as the page's URL when it is an http(s) URL (to resolve links), and names the page in errors.
     */
    public List<Article> readFormat(String html, String name) {
        String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
        boolean url = lower.startsWith("http://") || lower.startsWith("https://");
        try {
            return List.of(read(html, url ? name : null));
        } catch (InvalidInputException e) {
            throw url ? e : new InvalidInputException(name + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads an already parsed document. The document is modified (clutter is removed).
     *
     * @throws InvalidInputException when no article text can be found
     */
    public Article extract(Document doc, String url) {
        Article.Builder builder = Article.builder();
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("reader", "html");
        JsonNode ld = JsonLd.findArticle(doc);

        String headline = headline(doc, ld);
        Published published = published(doc, ld);
        String byline = byline(doc, ld);
        Language language = language(doc, ld);
        String canonical = firstNonBlank(attr(doc, "link[rel=canonical]", "abs:href"), meta(doc, "og:url"), url);
        String site = firstNonBlank(meta(doc, "og:site_name"), JsonLd.text(ld, "publisher", "name"));
        String description = firstNonBlank(meta(doc, "og:description"), meta(doc, "description"));
        String dir = firstNonBlank(
                doc.select("html").attr("dir"),
                doc.body() == null ? null : doc.body().attr("dir"));

        clean(doc);
        for (Element time : doc.select("time")) {
            Element parent = time.parent();
            if (parent != null
                    && parent != doc.body()
                    && parent.text().strip().equals(time.text().strip())) {
                parent.remove(); // a date line on its own, already read above; not body text
            }
        }
        List<String> paragraphs = bodyParagraphs(doc, headline, byline);
        if (chars(paragraphs) < MIN_BODY_CHARS && ld != null && ld.hasNonNull("articleBody")) {
            List<String> fromLd = splitPlain(ld.get("articleBody").asText());
            if (chars(fromLd) > chars(paragraphs)) {
                paragraphs = fromLd;
                metadata.put("bodySource", "json-ld");
            }
        }
        if (paragraphs.isEmpty()) {
            throw new InvalidInputException("no article text found in HTML page " + describe(url)
                    + ": the page has no paragraphs of text outside navigation and page furniture");
        }
        if (headline == null) {
            headline = "";
        }
        if (byline != null) {
            metadata.put("byline", byline);
        }
        if (site != null) {
            metadata.put("site", site);
        }
        if (description != null) {
            metadata.put("description", description);
        }
        if (dir != null) {
            metadata.put("dir", dir.toLowerCase(Locale.ROOT));
        }
        paragraphs = Leads.takeDateline(paragraphs, builder);
        for (String p : paragraphs) {
            builder.paragraph(p.replace("\u0000", "")); // HTML5 ignores NUL in body text; jsoup keeps it
        }
        return builder.headline(headline.replace("\u0000", ""))
                .published(published)
                .language(language)
                .url(canonical == null || canonical.isBlank() ? null : canonical)
                .source(site)
                .metadata(metadata)
                .build();
    }

    // ---------------------------------------------------------------- metadata

    private static String headline(Document doc, JsonNode ld) {
        String og = firstNonBlank(meta(doc, "og:title"), meta(doc, "twitter:title"), JsonLd.text(ld, "headline"));
        if (og != null) {
            return clean(og);
        }
        Element h1 = doc.selectFirst("article h1, main h1, [itemprop=headline], h1");
        if (h1 != null && !h1.text().isBlank()) {
            return clean(h1.text());
        }
        String title = doc.title();
        if (title != null && !title.isBlank()) {
            return clean(TITLE_SUFFIX.matcher(title.strip()).replaceFirst(""));
        }
        return null;
    }

    private static Published published(Document doc, JsonNode ld) {
        String raw = firstNonBlank(
                meta(doc, "article:published_time"),
                meta(doc, "og:published_time"),
                meta(doc, "datePublished"),
                meta(doc, "pubdate"),
                meta(doc, "publishdate"),
                meta(doc, "publish-date"),
                meta(doc, "parsely-pub-date"),
                meta(doc, "sailthru.date"),
                meta(doc, "dc.date.issued"),
                meta(doc, "dcterms.created"),
                meta(doc, "date"),
                JsonLd.text(ld, "datePublished"),
                attr(doc, "[itemprop=datePublished]", "content"),
                attr(doc, "[itemprop=datePublished]", "datetime"),
                attr(
                        doc,
                        "article time[datetime], main time[datetime], time[pubdate][datetime], time[datetime]",
                        "datetime"),
                JsonLd.text(ld, "dateModified"),
                meta(doc, "article:modified_time"));
        return raw == null ? null : HtmlDates.parse(raw);
    }

    private static String byline(Document doc, JsonNode ld) {
        String fromMeta =
                firstNonBlank(meta(doc, "author"), meta(doc, "article:author"), meta(doc, "byl"), JsonLd.authors(ld));
        if (fromMeta != null && !fromMeta.startsWith("http")) {
            return clean(fromMeta.replaceFirst("(?i)^by\\s+", ""));
        }
        for (Element e :
                doc.select("[rel=author], [itemprop=author], .byline, .author, .author-name, [class*=byline]")) {
            String text = e.text().strip();
            if (!text.isEmpty() && text.length() <= 100) {
                return clean(text.replaceFirst("(?iu)^(by|بقلم|كتب|كتبت)\\s+", ""));
            }
        }
        return null;
    }

    private static Language language(Document doc, JsonNode ld) {
        String tag = firstNonBlank(
                doc.select("html").attr("lang"),
                doc.select("html").attr("xml:lang"),
                doc.body() == null ? null : doc.body().attr("lang"),
                attr(doc, "meta[http-equiv~=(?i)content-language]", "content"),
                JsonLd.text(ld, "inLanguage"),
                meta(doc, "og:locale"),
                meta(doc, "language"));
        if (tag == null) {
            return null;
        }
        try {
            Language language = Language.of(tag.split(",")[0].strip());
            return Language.UNDETERMINED.equals(language) ? null : language;
        } catch (IllegalArgumentException e) {
            return null; // an unusable declaration: leave the language to detection
        }
    }

    static String meta(Document doc, String name) {
        for (Element m : doc.select("meta[property], meta[name], meta[itemprop]")) {
            String key = firstNonBlank(m.attr("property"), m.attr("name"), m.attr("itemprop"));
            if (key != null && key.equalsIgnoreCase(name)) {
                String content = m.attr("content");
                if (!content.isBlank()) {
                    return content.strip();
                }
            }
        }
        return null;
    }

    private static String attr(Document doc, String css, String attribute) {
        Element e = doc.selectFirst(css);
        if (e == null) {
            return null;
        }
        String value = e.attr(attribute);
        return value.isBlank() ? null : value.strip();
    }

    // ---------------------------------------------------------------- cleaning

    private static void clean(Document doc) {
        doc.select("script, style, noscript, template, iframe, object, embed, form, button, input, select, textarea, "
                        + "svg, canvas, nav, aside, footer, menu, dialog, figure, figcaption, picture, video, audio, "
                        + "[hidden], [aria-hidden=true], [role=navigation], [role=banner], [role=contentinfo], "
                        + "[role=complementary], [role=dialog], [role=alert], [itemprop=comment], ins.adsbygoogle, "
                        + "link, meta")
                .remove();
        // <header> holds the headline and byline (read above), or site navigation: neither belongs to the body.
        doc.select("header").remove();
        Element body = doc.body();
        if (body == null) {
            return;
        }
        List<Element> unlikely = new ArrayList<>();
        for (Element e : body.getAllElements()) {
            if (e == body || e.tagName().equals("article") || e.tagName().equals("main")) {
                continue;
            }
            String names = e.className() + " " + e.id();
            if (names.isBlank()) {
                continue;
            }
            if (UNLIKELY.matcher(names).find()
                    && !MAYBE_CANDIDATE.matcher(names).find()) {
                unlikely.add(e);
            }
        }
        unlikely.forEach(Element::remove);
    }

    // ---------------------------------------------------------------- main content

    private List<String> bodyParagraphs(Document doc, String headline, String byline) {
        Element body = doc.body();
        if (body == null) {
            return List.of();
        }
        Map<Element, Double> scores = new IdentityHashMap<>();
        for (Element block : body.select("p, pre, td, blockquote, li, div, section, article, main, span")) {
            String text = blockText(block);
            if (text.length() < MIN_BLOCK_CHARS) {
                continue;
            }
            double score = 1 + COMMAS.matcher(text).results().count() + Math.min(text.length() / 100, 3);
            Element ancestor = block.parent();
            for (int level = 0; ancestor != null && level < 3; level++, ancestor = ancestor.parent()) {
                if (ancestor == doc) {
                    break;
                }
                double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
                scores.merge(ancestor, initialScore(ancestor) + score / divider, (a, b) -> a + score / divider);
            }
        }
        Element top = null;
        double topScore = 0;
        for (Map.Entry<Element, Double> e : scores.entrySet()) {
            double s = e.getValue() * (1 - linkDensity(e.getKey()));
            if (top == null || s > topScore) {
                top = e.getKey();
                topScore = s;
            }
        }
        if (top == null) {
            top = body;
        }
        top = promoteIfSplit(top, topScore, scores);

        List<Element> containers = new ArrayList<>();
        Element parent = top.parent();
        if (parent != null && top != body) {
            double threshold = Math.max(10, topScore * 0.2);
            for (Element sibling : parent.children()) {
                if (sibling == top) {
                    containers.add(sibling);
                    continue;
                }
                Double s = scores.get(sibling);
                if (s != null && s * (1 - linkDensity(sibling)) >= threshold) {
                    containers.add(sibling);
                } else if (sibling.tagName().equals("p")) {
                    String text = sibling.text();
                    double ld = linkDensity(sibling);
                    if ((text.length() > 80 && ld < 0.25)
                            || (text.length() > 0 && ld == 0 && text.matches("(?s).*[.!?؟。]\\s*$"))) {
                        containers.add(sibling);
                    }
                }
            }
        } else {
            containers.add(top);
        }

        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String headlineKey = key(headline);
        for (Element container : containers) {
            for (Block b : blocks(container)) {
                String text = b.text();
                if (text.isEmpty()
                        || b.linkChars() > text.length() * 0.5
                        || BOILERPLATE.matcher(text).matches()) {
                    continue;
                }
                if (headlineKey != null && key(text).equals(headlineKey)) {
                    continue;
                }
                if (out.isEmpty()
                        && (BYLINE_LINE.matcher(text).matches()
                                || (byline != null && text.length() < byline.length() + 15 && text.contains(byline)))) {
                    continue;
                }
                if (seen.add(text)) {
                    out.add(text);
                }
            }
        }
        return out;
    }

    /** When the best container's parent scores nearly as well, the text is split across siblings: take the parent. */
    private static Element promoteIfSplit(Element top, double topScore, Map<Element, Double> scores) {
        Element candidate = top;
        Element parent = top.parent();
        int steps = 0;
        while (parent != null && !parent.tagName().equals("body") && steps < 3) {
            Double parentScore = scores.get(parent);
            if (parentScore == null) {
                break;
            }
            double adjusted = parentScore * (1 - linkDensity(parent));
            if (adjusted < topScore * 0.9) {
                break;
            }
            candidate = parent;
            parent = parent.parent();
            steps++;
        }
        return candidate;
    }

    private static double initialScore(Element e) {
        double score = switch (e.tagName()) {
            case "div", "article", "main", "section" -> 5;
            case "pre", "td", "blockquote" -> 3;
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
            default -> 0;
        };
        if (e.tagName().equals("article") || e.tagName().equals("main") || "articleBody".equals(e.attr("itemprop"))) {
            score += 15;
        }
        String names = e.className() + " " + e.id();
        if (!names.isBlank()) {
            if (NEGATIVE.matcher(names).find()) {
                score -= 25;
            }
            if (POSITIVE.matcher(names).find()) {
                score += 25;
            }
        }
        return score;
    }

    /** The text a block contributes itself: all of a p/pre/li, only the direct inline text of a div. */
    private static String blockText(Element block) {
        switch (block.tagName()) {
            case "p", "pre", "li", "blockquote" -> {
                return block.text();
            }
            default -> {
                StringBuilder sb = new StringBuilder();
                for (Node child : block.childNodes()) {
                    if (child instanceof TextNode t) {
                        sb.append(t.text());
                    } else if (child instanceof Element c
                            && !c.isBlock()
                            && !c.tagName().equals("span")) {
                        sb.append(c.text());
                    }
                }
                return sb.toString().strip();
            }
        }
    }

    private static double linkDensity(Element e) {
        int total = e.text().length();
        if (total == 0) {
            return 0;
        }
        int links = 0;
        for (Element a : e.select("a")) {
            links += a.text().length();
        }
        return Math.min(1, (double) links / total);
    }

    private record Block(String text, int linkChars) {}

    /** Splits a container into text blocks at block-level elements and double line breaks, in document order. */
    private static List<Block> blocks(Element container) {
        List<Block> out = new ArrayList<>();
        StringBuilder buffer = new StringBuilder();
        int[] linkChars = {0};
        int[] brRun = {0};
        Runnable flush = () -> {
            String text = clean(buffer.toString());
            if (!text.isEmpty()) {
                out.add(new Block(text, Math.min(linkChars[0], text.length())));
            }
            buffer.setLength(0);
            linkChars[0] = 0;
        };
        container.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    String text = t.getWholeText();
                    if (!text.isBlank()) {
                        brRun[0] = 0;
                    }
                    buffer.append(text);
                    if (insideLink(t, container)) {
                        linkChars[0] += t.text().strip().length();
                    }
                } else if (node instanceof Element e) {
                    if (e.tagName().equals("br")) {
                        brRun[0]++;
                        if (brRun[0] >= 2) {
                            flush.run();
                        } else {
                            buffer.append(' ');
                        }
                    } else if (isBreaking(e)) {
                        flush.run();
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && isBreaking(e)) {
                    flush.run();
                }
            }
        });
        flush.run();
        return out;
    }

    private static boolean isBreaking(Element e) {
        return e.isBlock()
                || switch (e.tagName()) {
                    case "p",
                            "div",
                            "li",
                            "h1",
                            "h2",
                            "h3",
                            "h4",
                            "h5",
                            "h6",
                            "blockquote",
                            "pre",
                            "section",
                            "article",
                            "td",
                            "tr",
                            "table",
                            "ul",
                            "ol",
                            "dd",
                            "dt",
                            "hr" -> true;
                    default -> false;
                };
    }

    private static boolean insideLink(Node node, Element stop) {
        for (Node n = node.parent(); n != null && n != stop; n = n.parent()) {
            if (n instanceof Element e && e.tagName().equals("a")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The paragraphs of an HTML fragment (a feed item's {@code content:encoded}, a description): split at block
     * elements and double line breaks, entities decoded, white space collapsed, link lists and furniture lines
     * ("Read more", "اقرأ أيضاً") dropped. Plain text without markup comes back one paragraph per line.
     */
    public static List<String> fragmentParagraphs(String html) {
        if (html == null || html.isBlank()) {
            return List.of();
        }
        Document doc = Jsoup.parseBodyFragment(html);
        doc.select("script, style, iframe, img, figure, figcaption, form, button, nav, aside")
                .remove();
        List<String> out = new ArrayList<>();
        for (Block b : blocks(doc.body())) {
            String text = b.text();
            if (text.isEmpty()
                    || b.linkChars() > text.length() * 0.5
                    || BOILERPLATE.matcher(text).matches()) {
                continue;
            }
            out.add(text);
        }
        if (doc.body().children().isEmpty() && html.contains("\n")) {
            return splitPlain(
                    org.jsoup.parser.Parser.unescapeEntities(html, false)); // plain text: lines are paragraphs
        }
        return out;
    }

    // ---------------------------------------------------------------- text helpers

    static List<String> splitPlain(String text) {
        List<String> out = new ArrayList<>();
        for (String line : text.split("\\R\\s*\\R|\\R")) {
            String c = clean(line);
            if (!c.isEmpty()) {
                out.add(c);
            }
        }
        return out;
    }

    /** Collapses white space (including no-break spaces) and strips. */
    static String clean(String text) {
        return text == null
                ? ""
                : text.replaceAll("[\\s\\u00A0\\u2007\\u202F]+", " ").strip();
    }

    private static String key(String text) {
        return text == null ? null : clean(text).toLowerCase(Locale.ROOT);
    }

    private static int chars(List<String> paragraphs) {
        int n = 0;
        for (String p : paragraphs) {
            n += p.length();
        }
        return n;
    }

    static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }

    private static String describe(String url) {
        return url == null || url.isBlank() ? "(no URL)" : "'" + url + "'";
    }

    static Elements ldScripts(Document doc) {
        return doc.select("script[type=application/ld+json]");
    }

    static JsonNode parseJson(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (IOException e) {
            return null; // a broken JSON-LD block is common on the web; the page's markup still counts
        }
    }
}
