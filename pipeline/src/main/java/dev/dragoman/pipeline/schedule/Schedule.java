package dev.dragoman.pipeline.schedule;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import dev.dragoman.core.error.DragomanException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;

/** When the next run starts, strictly after a given instant. Immutable and thread-safe. */
@FunctionalInterface
public interface Schedule {

    Instant nextAfter(Instant after);

    /** Human description for log lines ("every PT30M", "cron '0 7 * * *' in Europe/Berlin"). */
    default String describe() {
        return toString();
    }

    /** A fixed interval: the next run starts {@code every} after the previous one ended. */
    static Schedule every(Duration every) {
        if (every.isNegative() || every.isZero()) {
            throw usage("--every must be a positive duration");
        }
        return new Schedule() {
            @Override
            public Instant nextAfter(Instant after) {
                return after.plus(every);
            }

            @Override
            public String describe() {
                return "every " + every.toString().substring(2).toLowerCase(Locale.ROOT);
            }
        };
    }

    /** A Unix cron expression (five fields) evaluated in an explicit zone, with cron-utils. */
    static Schedule cron(String expression, ZoneId zone) {
        ExecutionTime time;
        try {
            time = ExecutionTime.forCron(new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX))
                    .parse(expression)
                    .validate());
        } catch (IllegalArgumentException e) {
            throw usage("--cron '" + expression + "' is not a five-field cron expression: " + e.getMessage());
        }
        return new Schedule() {
            @Override
            public Instant nextAfter(Instant after) {
                return time.nextExecution(ZonedDateTime.ofInstant(after, zone))
                        .map(ZonedDateTime::toInstant)
                        .orElseThrow(() -> usage("--cron '" + expression + "' never fires again"));
            }

            @Override
            public String describe() {
                return "cron '" + expression + "' in " + zone.getId();
            }
        };
    }

    private static DragomanException usage(String message) {
        return new DragomanException(DragomanException.Kind.CONFIGURATION, message);
    }
}
