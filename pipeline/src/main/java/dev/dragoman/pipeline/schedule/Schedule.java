package dev.dragoman.pipeline.schedule;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import dev.dragoman.core.error.DragomanException;
import dev.dragoman.core.text.Durations;
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

    /**
     * The schedule a front end's options ask for: {@code every} (a duration like 30m) or {@code cron} (five fields)
     * in {@code zone}; all null for a single run.
     *
     * @return the schedule, or null when neither {@code every} nor {@code cron} is given
     * @throws IllegalArgumentException when both are given, a cron lacks its zone, a zone is unknown or given without
     *     a cron, or a value cannot be read (the messages name the options as the CLI spells them)
     */
    static Schedule of(String every, String cron, String zone) {
        if (every != null && cron != null) {
            throw new IllegalArgumentException("--every and --cron exclude each other");
        }
        if (every != null) {
            return every(Durations.parseDuration(every));
        }
        if (cron != null) {
            if (zone == null) {
                throw new IllegalArgumentException(
                        "--cron needs an explicit --zone (e.g. --zone Europe/Berlin or --zone UTC)");
            }
            try {
                return cron(cron, ZoneId.of(zone));
            } catch (java.time.DateTimeException e) {
                throw new IllegalArgumentException("--zone: unknown time zone '" + zone + "'");
            }
        }
        if (zone != null) {
            throw new IllegalArgumentException("--zone only applies to --cron");
        }
        return null;
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
