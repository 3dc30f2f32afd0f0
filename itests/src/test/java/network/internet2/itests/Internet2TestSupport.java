package network.internet2.itests;

import static org.ops4j.pax.exam.CoreOptions.maven;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;

import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.osgi.framework.BundleContext;

/**
 * Boots our own distribution (karaf-distribution's tar.gz) with Pax Exam, on
 * random free ports so that tests never collide with a running node, and
 * offers what the tests need: the injected {@link FeaturesService}, shell
 * commands, HTTP on the node's loopback port, bounded waits.
 *
 * <p>Subclasses that want a container without the {@code internet2} feature
 * (to install one feature alone) override {@link #bootInternet2()}.
 */
public abstract class Internet2TestSupport {

    /** Karaf's own boot features of our distribution, without {@code internet2}. */
    private static final String KARAF_BOOT_FEATURES = "package,scr,log,ssh,framework,system,eventadmin,feature,"
            + "shell,management,service,jaas,deployer,diagnostic,bundle,config,kar";

    static final String HTTP_PORT_PROPERTY = "internet2.itest.http.port";
    static final String DNS_PORT_PROPERTY = "internet2.itest.dns.port";
    static final String STOQ_PORT_PROPERTY = "internet2.itest.stoq.port";

    @Inject
    protected BundleContext bundleContext;

    @Inject
    protected FeaturesService featuresService;

    @Inject
    protected SessionFactory sessionFactory;

    /** @return whether the container boots with the {@code internet2} feature, as the distribution does */
    protected boolean bootInternet2() {
        return true;
    }

    /** @return our features to boot in a container that does not boot {@code internet2} */
    protected String[] extraBootFeatures() {
        return new String[0];
    }

    @Configuration
    public Option[] config() throws IOException {
        // the tar.gz this build just made (copied by the pom), else the installed one
        String built = System.getProperty("internet2.distribution");
        String distribution = built != null && new File(built).isFile()
                ? new File(built).toURI().toString()
                : maven().groupId("network.internet2").artifactId("internet2-distribution").type("tar.gz")
                        .versionAsInProject().getURL();
        String buildDirectory = System.getProperty("project.build.directory", "target");
        String httpPort = String.valueOf(freePort());
        String dnsPort = String.valueOf(freePort());
        String stoqPort = String.valueOf(freePort());
        List<Option> options = new ArrayList<>(List.of(
                karafDistributionConfiguration().frameworkUrl(distribution).name("internet2")
                        .unpackDirectory(new File(buildDirectory, "exam")).useDeployFolder(false),
                configureConsole().ignoreLocalConsole(),
                logLevel(LogLevel.INFO),
                editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", httpPort),
                editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", String.valueOf(freePort())),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort",
                        String.valueOf(freePort())),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort",
                        String.valueOf(freePort())),
                editConfigurationFilePut("etc/network.internet2.trustchain.dns.server.cfg", "port", dnsPort),
                systemProperty(HTTP_PORT_PROPERTY).value(httpPort),
                systemProperty(DNS_PORT_PROPERTY).value(dnsPort),
                editConfigurationFilePut("etc/network.internet2.stoq.transport.cfg", "port", stoqPort),
                systemProperty(STOQ_PORT_PROPERTY).value(stoqPort)));
        String localRepository = System.getProperty("internet2.maven.local");
        if (localRepository != null) {
            // the node finds Pax Exam's bundles in the Maven repository this build uses
            options.add(editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg",
                    "org.ops4j.pax.url.mvn.localRepository", localRepository));
        }
        if (!bootInternet2()) {
            String extra = String.join(",", extraBootFeatures());
            options.add(editConfigurationFilePut("etc/org.apache.karaf.features.cfg", "featuresBoot",
                    extra.isEmpty() ? KARAF_BOOT_FEATURES : KARAF_BOOT_FEATURES + "," + extra));
        }
        return options.toArray(new Option[0]);
    }

    /** @return the port the node's DNS server listens on in this container (UDP and TCP on [::1]) */
    protected static int dnsPort() {
        return Integer.getInteger(DNS_PORT_PROPERTY);
    }

    /** @return the UDP port the node's STOQ transport listens on in this container ([::1]) */
    protected static int stoqPort() {
        return Integer.getInteger(STOQ_PORT_PROPERTY);
    }

    /** A port that is free on the IPv6 loopback now. */
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(loopback(), 0));
            return socket.getLocalPort();
        }
    }

    /** The IPv6 loopback, built from its bytes: no resolver involved. */
    protected static Inet6Address loopback() throws IOException {
        byte[] address = new byte[16];
        address[15] = 1;
        return (Inet6Address) InetAddress.getByAddress(address);
    }

    /** Runs a Karaf shell command as the test's session and returns what it printed. */
    protected String executeCommand(String command) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
                InputStream in = InputStream.nullInputStream()) {
            Session session = sessionFactory.create(in, out, out);
            try {
                Object result = session.execute(command);
                if (result != null) {
                    out.println(result);
                }
            } finally {
                session.close();
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** GET on the node's HTTP service over {@code [::1]}. */
    protected HttpResponse<String> httpGet(String path) throws IOException, InterruptedException {
        URI uri = URI.create("http://[::1]:" + System.getProperty(HTTP_PORT_PROPERTY) + path);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        return client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Waits until {@code condition} holds, checking every 100 ms, for at most
     * {@code timeout}; fails with {@code what} otherwise. Exceptions thrown by
     * the condition count as "not yet".
     */
    protected static void waitUntil(String what, Duration timeout, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (Boolean.TRUE.equals(condition.call())) {
                    return;
                }
            } catch (Exception e) {
                last = e;
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        AssertionError failure = new AssertionError("timed out after " + timeout + " waiting until " + what);
        if (last != null) {
            failure.initCause(last);
        }
        throw failure;
    }
}
