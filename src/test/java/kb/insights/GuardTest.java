package kb.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Whose request it is (the forwarded address only from a local proxy) and how many it may send. */
class GuardTest {
    @Test
    void xForwardedForCountsOnlyWhenTheConnectionComesFromThisMachine() {
        assertThat(Guard.clientAddress("127.0.0.1", "198.51.100.7")).isEqualTo("198.51.100.7");
        assertThat(Guard.clientAddress("0:0:0:0:0:0:0:1", "2001:DB8::1")).isEqualTo("2001:db8::1");
        // The proxy appends what it saw; whatever the client wrote before it is not trusted.
        assertThat(Guard.clientAddress("127.0.0.1", "6.6.6.6, 198.51.100.7")).isEqualTo("198.51.100.7");
        // From anywhere else the header is the client's own word: ignored.
        assertThat(Guard.clientAddress("203.0.113.5", "198.51.100.7")).isEqualTo("203.0.113.5");
        assertThat(Guard.clientAddress("10.0.0.2", "127.0.0.1")).isEqualTo("10.0.0.2");
        // Not an address: the connection's.
        assertThat(Guard.clientAddress("127.0.0.1", "<script>")).isEqualTo("127.0.0.1");
        assertThat(Guard.clientAddress("127.0.0.1", "x".repeat(5000))).isEqualTo("127.0.0.1");
        assertThat(Guard.clientAddress("127.0.0.1", null)).isEqualTo("127.0.0.1");
    }

    @Test
    void theLimitIsASlidingMinutePerAddress() {
        AtomicLong now = new AtomicLong(Instant.parse("2026-12-01T10:00:00Z").toEpochMilli());
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return Instant.ofEpochMilli(now.get());
            }
        };
        RateLimiter limiter = new RateLimiter(10, clock);
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.acquire("a")).isZero();
            now.addAndGet(1000);
        }
        assertThat(limiter.acquire("a")).isEqualTo(50);
        assertThat(limiter.acquire("b")).isZero();
        now.addAndGet(50_000);
        assertThat(limiter.acquire("a")).isZero();
        assertThat(limiter.acquire("a")).isEqualTo(1);
    }
}
