package dev.dragoman.cli;

import dev.dragoman.core.Language;
import picocli.CommandLine;

/**
 * Every language option ({@code --to}, {@code --from}, {@code --lang}, {@code --translate-to}, {@code --brief}) and
 * its configured default, parsed once by {@link Language#parse}: a BCP 47 tag or a language's name ("english",
 * "Arabic"); anything else is a usage error (exit 2) at once, naming the option.
 */
final class LanguageConverter implements CommandLine.ITypeConverter<Language> {

    @Override
    public Language convert(String value) {
        try {
            return Language.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
