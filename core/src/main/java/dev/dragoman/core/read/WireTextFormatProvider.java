package dev.dragoman.core.read;

import dev.dragoman.core.error.InvalidInputException;

/**
 * Plain wire copy ({@link WireStoryReader}: headline, date and dateline lines, paragraphs, source and "read also"
 * blocks): asked last, it takes any text no other format claimed — but not a page or a feed, which it would read
 * as garbage: in a build without their formats those are refused, saying what they look like.
 */
public final class WireTextFormatProvider implements ArticleFormatProvider {

    private static final WireStoryReader WIRE = new WireStoryReader();
    private static final FeedFormatProvider FEED = new FeedFormatProvider();
    private static final HtmlFormatProvider HTML = new HtmlFormatProvider();

    @Override
    public String name() {
        return "wire-text";
    }

    @Override
    public boolean recognizes(String text, String name) {
        return true;
    }

    @Override
    public ArticleFormatReader reader() {
        return (text, name) -> {
            for (ArticleFormatProvider markup : new ArticleFormatProvider[] {FEED, HTML}) {
                if (markup.recognizes(text, name)) {
                    throw new InvalidInputException(name + ": looks like an " + markup.description()
                            + ", which this build cannot read yet; give wire text or Dragoman JSON instead");
                }
            }
            return WIRE.read(text, name);
        };
    }

    @Override
    public int precedence() {
        return Integer.MAX_VALUE;
    }

    @Override
    public String description() {
        return "wire text";
    }
}
