package dev.dragoman.cli.command;

import dev.dragoman.cli.Console;
import dev.dragoman.pipeline.config.Setting;
import dev.dragoman.pipeline.config.Settings;
import dev.dragoman.pipeline.cost.Budget;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code --max-cost USD} for every command that can call a paid backend (a {@code @Mixin}): unset, it comes from
 * {@code DRAGOMAN_BUDGET} or the file's {@code budget:} key, like any setting. The settings it returns give every
 * backend of the run one shared {@link Budget} ({@link Settings#withBudget}). A flag that is not a positive amount
 * of dollars is a usage error (exit 2) naming the option; a bad {@code DRAGOMAN_BUDGET} or {@code budget:} is refused
 * earlier, when the settings are loaded (exit 78).
 */
public final class BudgetOption {

    @Option(
            names = "--max-cost",
            paramLabel = "USD",
            converter = Dollars.class,
            description = "Stop before any call that could take this run's spending past USD dollars (live prices"
                    + " from the price table and 'prices:'); finished work is kept, exit 4 (default: the"
                    + " configuration's budget, else no cap).")
    Double maxCost;

    /** {@code settings} with this option's budget (none when unset). */
    public Settings apply(Settings settings) {
        return settings.withBudget(maxCost);
    }

    /** Parses {@code --max-cost} with {@link Setting#dollars}, the rule {@code budget:} is checked by. */
    static final class Dollars implements CommandLine.ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            try {
                return Setting.dollars(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** "budget: $0.0123 of $0.50 spent" on stderr when the run had a budget. */
    public static void report(Settings settings, Console console) {
        Budget b = settings.budget();
        if (b != null) {
            console.note(String.format(Locale.ROOT, "budget: $%.4f of $%.2f spent", b.spent(), b.max()));
        }
    }
}
