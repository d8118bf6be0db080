package harmony.adapters.http.client;

import com.sun.net.httpserver.HttpExchange;
import harmony.core.port.out.WebhookDeliveries.Attempt;
import harmony.core.port.out.WebhookDeliveries.Delivery;
import harmony.core.port.out.WebhookDeliveries.Endpoint;
import harmony.core.port.out.WebhookDeliveries.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static harmony.adapters.http.client.LocalServer.respond;
import static org.assertj.core.api.Assertions.assertThat;

class WebhookSenderTest {
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String BODY = "{\"type\":\"conversation.completed\",\"timestamp\":\"2026-11-28T16:00:00Z\","
            + "\"data\":{\"id\":\"c1\",\"title\":\"Kundé call\"}}";
    private static final WebhookSettings QUICK = new WebhookSettings(Duration.ofSeconds(2), Duration.ofSeconds(2), 4,
            Duration.ofSeconds(5), Duration.ofSeconds(15));

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T16:00:00Z"));
    private final List<Duration> waits = new ArrayList<>();
    /** Runs each retry at once, after noting its wait and moving the clock past it. */
    private final Delays fakeDelays = d -> {
        waits.add(d);
        clock.advance(d);
        return Runnable::run;
    };
    private final List<Map<String, String>> received = new CopyOnWriteArrayList<>();
    private LocalServer receiver;
    private WebhookSender sender;

    @BeforeEach
    void start() throws Exception {
        receiver = LocalServer.on("127.0.0.1");
        sender = new WebhookSender(new PublicAddressGuard(AllowList.parse("127.0.0.1"), HostResolver.SYSTEM), QUICK, clock, fakeDelays);
    }

    @AfterEach
    void stop() {
        sender.close();
        receiver.close();
    }

    @Test
    void signsPerThePublishedStandardWebhooksExample() {
        // The scheme's reference libraries' own test vector.
        assertThat(StandardWebhookSignature.sign(SECRET, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330,
                "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void newSecretsHaveTheSchemesFormAndDiffer() {
        String a = StandardWebhookSignature.newSecret();
        assertThat(a).startsWith("whsec_");
        assertThat(StandardWebhookSignature.key(a)).hasSize(32);
        assertThat(StandardWebhookSignature.newSecret()).isNotEqualTo(a);
    }

    @Test
    void deliversTheBodySignedWithTheStandardHeaders() {
        receiver.route("/hook", recording(ex -> respond(ex, 204, null, new byte[0])));

        Delivery delivery = sender.deliver(endpoint("/hook"), new Message("msg_1", BODY)).join();

        assertThat(delivery.delivered()).isTrue();
        assertThat(delivery.attempts()).containsExactly(new Attempt(1, clock.start, 204, null));
        Map<String, String> request = received.get(0);
        assertThat(request).containsEntry("webhook-id", "msg_1")
                .containsEntry("webhook-timestamp", Long.toString(clock.start.getEpochSecond()))
                .containsEntry("content-type", "application/json")
                .containsEntry("body", BODY);
        assertThat(request.get("webhook-signature"))
                .isEqualTo("v1," + independentHmac(SECRET, "msg_1." + clock.start.getEpochSecond() + "." + BODY));
    }

    @Test
    void retriesServerErrorsWithDoublingWaitsAndSignsEachAttemptAfresh() {
        AtomicInteger calls = new AtomicInteger();
        receiver.route("/hook", recording(ex -> respond(ex, calls.incrementAndGet() < 3 ? 503 : 200, null, new byte[0])));

        Delivery delivery = sender.deliver(endpoint("/hook"), new Message("msg_2", BODY)).join();

        assertThat(delivery.delivered()).isTrue();
        assertThat(delivery.attempts()).extracting(Attempt::statusCode).containsExactly(503, 503, 200);
        assertThat(delivery.attempts()).extracting(Attempt::error).containsExactly("answered 503", "answered 503", null);
        assertThat(waits).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(10));
        assertThat(received).extracting(r -> r.get("webhook-id")).containsOnly("msg_2");
        assertThat(received).extracting(r -> r.get("webhook-timestamp")).doesNotHaveDuplicates();
        for (Map<String, String> r : received) {
            assertThat(r.get("webhook-signature"))
                    .isEqualTo("v1," + independentHmac(SECRET, "msg_2." + r.get("webhook-timestamp") + "." + BODY));
        }
    }

    @Test
    void givesUpAfterTheLastAttemptWithWaitsCapped() {
        receiver.route("/hook", recording(ex -> respond(ex, 500, null, new byte[0])));

        Delivery delivery = sender.deliver(endpoint("/hook"), new Message("msg_3", BODY)).join();

        assertThat(delivery.delivered()).isFalse();
        assertThat(delivery.attempts()).extracting(Attempt::number).containsExactly(1, 2, 3, 4);
        assertThat(waits).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(15));
        assertThat(delivery.attempts()).extracting(Attempt::at)
                .containsExactly(clock.start, clock.start.plusSeconds(5), clock.start.plusSeconds(15), clock.start.plusSeconds(30));
    }

    @Test
    void endpointsThatAreDownHoldNoThreadBetweenAttemptsAndDelayNoOtherDelivery() throws Exception {
        AtomicInteger failed = new AtomicInteger();
        receiver.route("/down", ex -> {
            failed.incrementAndGet();
            respond(ex, 503, null, new byte[0]);
        });
        receiver.route("/up", recording(ex -> respond(ex, 204, null, new byte[0])));
        // Real timers and a wait far longer than the test: every failing delivery is parked on a timer.
        WebhookSettings slowRetries = new WebhookSettings(Duration.ofSeconds(2), Duration.ofSeconds(2), 3,
                Duration.ofMinutes(5), Duration.ofMinutes(5));
        try (WebhookSender real = new WebhookSender(new PublicAddressGuard(AllowList.parse("127.0.0.1"), HostResolver.SYSTEM),
                slowRetries, Clock.systemUTC(), Delays.SYSTEM)) {
            List<java.util.concurrent.CompletableFuture<Delivery>> parked = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                parked.add(real.deliver(endpoint("/down"), new Message("msg_down_" + i, BODY)));
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (failed.get() < 40 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(failed).as("every first attempt was made").hasValue(40);

            long start = System.nanoTime();
            Delivery healthy = real.deliver(endpoint("/up"), new Message("msg_up", BODY)).get(10, java.util.concurrent.TimeUnit.SECONDS);

            assertThat(healthy.delivered()).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThat(parked).noneMatch(java.util.concurrent.CompletableFuture::isDone);
            assertThat(Thread.getAllStackTraces().values()).as("threads inside the sender while 40 deliveries wait")
                    .noneMatch(stack -> java.util.Arrays.stream(stack).anyMatch(f -> f.getClassName().equals(WebhookSender.class.getName())));
        }
    }

    @Test
    void closingEndsADeliveryWaitingToRetryWithTheAttemptsItMade() throws Exception {
        receiver.route("/down", recording(ex -> respond(ex, 503, null, new byte[0])));
        WebhookSettings slowRetries = new WebhookSettings(Duration.ofSeconds(2), Duration.ofSeconds(2), 3,
                Duration.ofMinutes(5), Duration.ofMinutes(5));
        WebhookSender real = new WebhookSender(new PublicAddressGuard(AllowList.parse("127.0.0.1"), HostResolver.SYSTEM),
                slowRetries, Clock.systemUTC(), Delays.SYSTEM);
        var parked = real.deliver(endpoint("/down"), new Message("msg_close", BODY));
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (received.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        Thread.sleep(100); // the first answer is in; the second attempt waits on its 5-minute timer

        real.close();

        Delivery delivery = parked.get(5, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(delivery.delivered()).isFalse();
        assertThat(delivery.attempts()).extracting(Attempt::statusCode).containsExactly(503);
    }

    @Test
    void closingKeepsTheAttemptInFlightInTheDeliveryLog() throws Exception {
        java.util.concurrent.CountDownLatch arrived = new java.util.concurrent.CountDownLatch(1);
        receiver.route("/slow", ex -> {
            arrived.countDown();
            Thread.sleep(300);
            respond(ex, 204, null, new byte[0]);
        });
        WebhookSender real = new WebhookSender(new PublicAddressGuard(AllowList.parse("127.0.0.1"), HostResolver.SYSTEM),
                QUICK, Clock.systemUTC(), Delays.SYSTEM);
        var outstanding = real.deliver(endpoint("/slow"), new Message("msg_slow", BODY));
        assertThat(arrived.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

        real.close();

        Delivery delivery = outstanding.get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(delivery.attempts()).as("the attempt the receiver got is logged").hasSize(1);
    }

    @Test
    void aClientErrorIsFinal() {
        receiver.route("/hook", recording(ex -> respond(ex, 400, null, new byte[0])));

        Delivery delivery = sender.deliver(endpoint("/hook"), new Message("msg_4", BODY)).join();

        assertThat(delivery.delivered()).isFalse();
        assertThat(delivery.attempts()).extracting(Attempt::statusCode).containsExactly(400);
        assertThat(waits).isEmpty();
    }

    @Test
    void redirectsAreNotFollowed() {
        receiver.route("/hook", recording(ex -> LocalServer.redirect(ex, 307, "/elsewhere")))
                .route("/elsewhere", recording(ex -> respond(ex, 200, null, new byte[0])));

        Delivery delivery = sender.deliver(endpoint("/hook"), new Message("msg_5", BODY)).join();

        assertThat(delivery.delivered()).isFalse();
        assertThat(received).hasSize(1);
    }

    @Test
    void aSlowEndpointTimesOutAndIsRetried() {
        AtomicInteger calls = new AtomicInteger();
        receiver.route("/hook", recording(ex -> {
            if (calls.incrementAndGet() == 1) {
                Thread.sleep(10_000);
            }
            respond(ex, 200, null, new byte[0]);
        }));

        Delivery delivery = sender.deliver(endpoint("/hook"), new Message("msg_6", BODY)).join();

        assertThat(delivery.delivered()).isTrue();
        assertThat(delivery.attempts().get(0).statusCode()).isZero();
        assertThat(delivery.attempts().get(0).error()).contains("timed out");
        assertThat(delivery.attempts()).hasSize(2);
    }

    @Test
    void anEndpointThatIsDownIsRetried() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        Delivery delivery = sender.deliver(new Endpoint(URI.create("http://127.0.0.1:" + closedPort + "/hook"), SECRET),
                new Message("msg_7", BODY)).join();

        assertThat(delivery.delivered()).isFalse();
        assertThat(delivery.attempts()).hasSize(4).allSatisfy(a -> assertThat(a.error()).isNotBlank());
    }

    @Test
    void neverDeliversToAPrivateAddressAndDoesNotRetryIt() throws Exception {
        try (ConnectionCounter counter = new ConnectionCounter("127.0.0.1", 0);
             WebhookSender strict = new WebhookSender(PublicAddressGuard.strict(), QUICK, clock, fakeDelays)) {
            for (String url : List.of("http://127.0.0.1:%d/h", "http://2130706433:%d/h", "http://localhost:%d/h",
                    "http://[::ffff:127.0.0.1]:%d/h")) {
                Delivery delivery = strict.deliver(new Endpoint(URI.create(String.format(url, counter.port())), SECRET),
                        new Message("msg_8", BODY)).join();
                assertThat(delivery.delivered()).isFalse();
                assertThat(delivery.attempts()).singleElement()
                        .satisfies(a -> assertThat(a.error()).startsWith("refused"));
            }
            assertThat(counter.connections()).isZero();
            assertThat(waits).isEmpty();
        }
    }

    @Test
    void tellsWhichEndpointsCanBeSubscribedWithoutSendingAnything() throws Exception {
        try (ConnectionCounter counter = new ConnectionCounter("127.0.0.1", 0);
             WebhookSender strict = new WebhookSender(new PublicAddressGuard(AllowList.NONE,
                     host -> List.of(java.net.InetAddress.getByName("93.184.216.34"))), QUICK, clock, fakeDelays)) {
            assertThat(strict.acceptsEndpoint(URI.create("https://hooks.example.com/harmony"))).isTrue();
            assertThat(strict.acceptsEndpoint(URI.create("http://127.0.0.1:" + counter.port() + "/h"))).isFalse();
            assertThat(strict.acceptsEndpoint(URI.create("http://0x7f.1:" + counter.port() + "/h"))).isFalse();
            assertThat(strict.acceptsEndpoint(URI.create("http://[fd00:ec2::254]/h"))).isFalse();
            assertThat(strict.acceptsEndpoint(URI.create("ftp://hooks.example.com/h"))).isFalse();
            assertThat(counter.connections()).isZero();
        }
        assertThat(received).isEmpty();
    }

    private LocalServer.Handler recording(LocalServer.Handler then) {
        return ex -> {
            received.add(headersAndBody(ex));
            then.handle(ex);
        };
    }

    private static Map<String, String> headersAndBody(HttpExchange ex) {
        Map<String, String> seen = new ConcurrentHashMap<>();
        ex.getRequestHeaders().forEach((name, values) -> seen.put(name.toLowerCase(), values.get(0)));
        seen.put("body", (String) ex.getAttribute("body"));
        return seen;
    }

    private Endpoint endpoint(String path) {
        return new Endpoint(receiver.url(path), SECRET);
    }

    /** HMAC-SHA256 computed here from the spec's words, not with the code under test. */
    private static String independentHmac(String secret, String signedContent) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(signedContent.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** A clock the fake sleep moves forward. */
    private static final class MutableClock extends Clock {
        final Instant start;
        private Instant now;

        MutableClock(Instant start) {
            this.start = start;
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
