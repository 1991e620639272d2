package kb.insights;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code limit} requests per address in any sliding minute. Remembers only the last
 * {@code limit} times of each address, in memory, per replica; addresses quiet for a minute are forgotten.
 */
public final class RateLimiter {
    private static final long WINDOW_MILLIS = 60_000;
    private static final int FORGET_ABOVE = 10_000;

    private final int limit;
    private final Clock clock;
    private final Map<String, Deque<Long>> recent = new ConcurrentHashMap<>();

    public RateLimiter(int limit, Clock clock) {
        this.limit = limit;
        this.clock = clock;
    }

    /** Counts a request; 0 when it may go on, else the seconds until the address may send again. */
    public long acquire(String address) {
        long now = clock.millis();
        if (recent.size() > FORGET_ABOVE) {
            recent.values().removeIf(times -> {
                synchronized (times) {
                    return times.isEmpty() || now - times.peekLast() >= WINDOW_MILLIS;
                }
            });
        }
        Deque<Long> times = recent.computeIfAbsent(address, a -> new ArrayDeque<>(limit));
        synchronized (times) {
            while (!times.isEmpty() && now - times.peekFirst() >= WINDOW_MILLIS) {
                times.pollFirst();
            }
            if (times.size() >= limit) {
                return Math.max(1, (times.peekFirst() + WINDOW_MILLIS - now + 999) / 1000);
            }
            times.addLast(now);
            return 0;
        }
    }
}
