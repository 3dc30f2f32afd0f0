package network.internet2.itests.ct;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Durability under {@code kill -9}: the real distribution runs as its own
 * process; eight clients issue certificates over the CA's REST interface; the
 * node is killed with SIGKILL in the middle of that burst, started again, and
 * every certificate the CA acknowledged (HTTP 201) must still be known to the
 * CA and its precertificate entry provably included in the log's new signed
 * tree head (checked with {@link Rfc9162Verifier}). Bounded: at most 2,000
 * requests and 20 seconds of load.
 */
public class CrashRecoveryIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SUBMITTERS = 8;
    private static final int KILL_AFTER_ACKNOWLEDGED = 40;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Path home;
    private int httpPort;
    private Process node;

    @Before
    public void unpack() throws Exception {
        Path build = Path.of(System.getProperty("project.build.directory", "target"));
        home = Files.createTempDirectory(Files.createDirectories(build.resolve("crash")), "node-");
        run(List.of("tar", "-xzf", System.getProperty("internet2.distribution"), "-C", home.toString(),
                "--strip-components=1"));
        httpPort = freePort();
        set("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", httpPort);
        set("etc/org.apache.karaf.shell.cfg", "sshPort", freePort());
        set("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", freePort());
        set("etc/org.apache.karaf.management.cfg", "rmiServerPort", freePort());
        set("etc/network.internet2.trustchain.dns.server.cfg", "port", freePort());
        String repository = System.getProperty("internet2.maven.local");
        if (repository != null) {
            set("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository", repository);
        }
    }

    @After
    public void stop() {
        if (node != null) {
            kill(node);
        }
    }

    @Test
    public void everyAcknowledgedCertificateSurvivesKill9() throws Exception {
        node = start();
        waitUntilReady();
        Collection<Issued> acknowledged = new ConcurrentLinkedQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService clients = Executors.newFixedThreadPool(SUBMITTERS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        java.util.concurrent.atomic.AtomicInteger sent = new java.util.concurrent.atomic.AtomicInteger();
        for (int c = 0; c < SUBMITTERS; c++) {
            int client = c;
            clients.submit(() -> {
                while (!stop.get() && System.nanoTime() < deadline && sent.incrementAndGet() <= 2000) {
                    try {
                        Issued issued = issue("crash" + client + "-" + sent.get() + ".internet2.network");
                        if (issued != null) {
                            acknowledged.add(issued);
                        }
                    } catch (InterruptedException e) {
                        return;
                    } catch (Exception connectionLost) {
                        // after the kill: not acknowledged, nothing is owed
                    }
                }
            });
        }
        while (acknowledged.size() < KILL_AFTER_ACKNOWLEDGED && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        kill(node); // SIGKILL in the middle of the burst
        stop.set(true);
        clients.shutdown();
        assertTrue(clients.awaitTermination(30, TimeUnit.SECONDS));
        List<Issued> owed = new ArrayList<>(acknowledged);
        assertTrue("the burst got going: " + owed.size() + " acknowledged", owed.size() >= KILL_AFTER_ACKNOWLEDGED);

        node = start();
        waitUntilReady();
        JsonNode logList = get("/ct/log-list.json");
        PublicKey logKey = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(
                Base64.getDecoder().decode(logList.path("operators").path(0).path("logs").path(0).path("key").asText())));
        JsonNode sth = get("/ct/v1/get-sth");
        long size = sth.path("tree_size").asLong();
        byte[] root = Base64.getDecoder().decode(sth.path("sha256_root_hash").asText());
        assertTrue("the tree head after restart is signed", Rfc9162Verifier.verifyDigitallySigned(
                Base64.getDecoder().decode(sth.path("tree_head_signature").asText()), logKey,
                Rfc9162Verifier.treeHeadSignatureInput(sth.path("timestamp").asLong(), size, root)));
        assertTrue(size >= owed.size());
        for (Issued issued : owed) {
            HttpResponse<String> known = http.send(HttpRequest.newBuilder(uri("/trustchain/ca/certificates/"
                    + issued.serial())).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals("the CA knows " + issued.serial() + " after the crash", 200, known.statusCode());
            Rfc9162Verifier.Sct sct = LoggedCertificates.embeddedSct(issued.certificate());
            byte[] leafHash = Rfc9162Verifier.leafHash(LoggedCertificates.precertLeafInput(sct.timestamp(),
                    LoggedCertificates.issuerKeyHash(issued.issuer()),
                    LoggedCertificates.loggedTbs(issued.certificate())));
            JsonNode proof = get("/ct/v1/get-proof-by-hash?tree_size=" + size + "&hash="
                    + java.net.URLEncoder.encode(Base64.getEncoder().encodeToString(leafHash), StandardCharsets.US_ASCII));
            List<byte[]> path = new ArrayList<>();
            proof.path("audit_path").forEach(node -> path.add(Base64.getDecoder().decode(node.asText())));
            assertTrue("entry of " + issued.serial() + " included after the crash", Rfc9162Verifier.verifyInclusion(
                    leafHash, proof.path("leaf_index").asLong(), size, path, root));
        }
        System.out.printf("crash test: %d certificates acknowledged before kill -9, all present after restart "
                + "(tree size %d)%n", owed.size(), size);
    }

    private record Issued(String serial, X509Certificate certificate, X509Certificate issuer) {
    }

    private Issued issue(String name) throws Exception {
        String pem = "-----BEGIN CERTIFICATE REQUEST-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(LoggedCertificates.request(name))
                + "\n-----END CERTIFICATE REQUEST-----\n";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/trustchain/ca/certificates"))
                .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString(pem)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            return null;
        }
        JsonNode body = JSON.readTree(response.body());
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        X509Certificate certificate = (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(
                body.path("certificate").asText().getBytes(StandardCharsets.US_ASCII)));
        X509Certificate issuer = (X509Certificate) factory.generateCertificates(new ByteArrayInputStream(
                body.path("chain").asText().getBytes(StandardCharsets.US_ASCII))).iterator().next();
        return new Issued(body.path("serial").asText(), certificate, issuer);
    }

    private Process start() throws IOException {
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(
                        home.resolve("console.out").toFile()));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        return builder.start();
    }

    private void waitUntilReady() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            try {
                if (status("/health") == 200 && status("/trustchain/ca/root") == 200
                        && status("/ct/v1/get-sth") == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the node did not become ready; see " + home.resolve("data/log/karaf.log"));
    }

    private int status(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(5)).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(path + ": " + response.body(), 200, response.statusCode());
        return JSON.readTree(response.body());
    }

    private URI uri(String path) {
        return URI.create("http://[::1]:" + httpPort + path);
    }

    private static void kill(Process process) {
        process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void set(String file, String key, Object value) throws IOException {
        Path path = home.resolve(file);
        String text = Files.exists(path) ? Files.readString(path) : "";
        Pattern line = Pattern.compile("(?m)^\\s*" + Pattern.quote(key) + "\\s*=.*$");
        String replaced = line.matcher(text).find() ? line.matcher(text).replaceAll(key + " = " + value)
                : text + (text.endsWith("\n") || text.isEmpty() ? "" : "\n") + key + " = " + value + "\n";
        Files.writeString(path, replaced);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("::1", 0));
            return socket.getLocalPort();
        }
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed");
        }
    }
}
