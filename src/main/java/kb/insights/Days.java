package kb.insights;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** The day a row belongs to: the UTC date, the same on every replica whatever its time zone. */
public final class Days {
    private Days() {}

    /** The UTC date of an instant. */
    public static LocalDate of(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    /** Today in UTC by the clock. */
    public static LocalDate today(Clock clock) {
        return of(clock.instant());
    }
}
