package network.internet2.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import network.internet2.hypermesh.asset.Allocation;
import network.internet2.hypermesh.asset.AssetRegistry;
import network.internet2.hypermesh.proof.ConsensusService;
import network.internet2.trustchain.ca.NodeCertificateProvider;
import network.internet2.trustchain.dns.NameService;

/**
 * The stack's pages in the Felix Web Console, seen as a person sees them: headless Chromium, logged in as the
 * development profile's {@code karaf} user, loads each page of the "Internet 2.0" category and the Configuration
 * page of the DNS server; the test asserts on the DOM after the page's scripts ran and keeps a screenshot of each
 * in {@code target/screenshots/<page>.png}. Chromium is required: without it the test fails and says how to
 * install it.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class WebConsoleIT extends Internet2TestSupport {

    private static final String SCREENSHOTS_PROPERTY = "internet2.itest.screenshots";
    private static final String USER = "karaf";
    private static final String PASSWORD = "karaf";
    private static final String DNS_PID = "network.internet2.trustchain.dns.server";

    /** The stack with HyperMesh (assets, a memory and a CPU adapter, the work engine) at boot; consensus comes later. */
    @Override
    protected boolean bootInternet2() {
        return false;
    }

    @Override
    protected String[] extraBootFeatures() {
        return new String[] {"internet2", "hypermesh-assets", "asset-memory", "asset-cpu", "proof-work"};
    }

    /** Our distribution, told where the screenshots go (the build directory of this module). */
    @Override
    @org.ops4j.pax.exam.Configuration
    public Option[] config() throws IOException {
        String buildDirectory = System.getProperty("project.build.directory", "target");
        List<Option> options = new ArrayList<>(Arrays.asList(super.config()));
        options.add(systemProperty(SCREENSHOTS_PROPERTY).value(
                new File(buildDirectory, "screenshots").getAbsolutePath()));
        return options.toArray(new Option[0]);
    }

    @Test
    public void theStackPageShowsEachLayerWithTrustChainOk() throws Exception {
        waitForPage("internet2-stack", ">TrustChain</a> <span class=\"i2-badge i2-good\">ok</span>");
        String dom = visit("internet2-stack");
        assertTrue(dom, dom.contains(">TrustChain</a> <span class=\"i2-badge i2-good\">ok</span>"));
        assertTrue(dom, dom.contains(">STOQ</a>") && dom.contains(">HyperMesh</a>"));
        assertTrue("the console's menu has our category: " + dom, dom.contains("Internet 2.0"));
        assertTrue(dom, dom.contains("<h3>dns</h3>"));
    }

    @Test
    public void theTrustChainPageShowsTheNodeCertificateAndTheTreeHead() throws Exception {
        NodeCertificateProvider node = service(NodeCertificateProvider.class);
        String[] serial = new String[1];
        waitUntil("the node certificate is issued", Duration.ofSeconds(60), () -> {
            serial[0] = node.current().certificate().getSerialNumber().toString(16);
            return true;
        });
        String nodeRow = "<code>" + serial[0] + "</code> <span class=\"i2-badge i2-good\">node</span>";
        waitForPage("internet2-trustchain", nodeRow);
        String dom = visit("internet2-trustchain");
        assertTrue(dom, dom.contains(nodeRow));
        assertTrue(dom, dom.contains("<td>tree size</td>"));
        assertTrue(dom, dom.contains("<td>root hash</td><td><code>"));
    }

    @Test
    public void theDnsPageListsTheZoneApex() throws Exception {
        String zone = service(NameService.class).zone();
        String apex = "<td>" + zone + "</td><td>SOA</td>";
        waitForPage("internet2-dns", apex);
        String dom = visit("internet2-dns");
        assertTrue(dom, dom.contains("<h2>Zone " + zone + "</h2>"));
        assertTrue(dom, dom.contains(apex));
        assertTrue(dom, dom.contains("<td>node1." + zone + "</td><td>AAAA</td>"));
    }

    @Test
    public void theStoqPageShowsTheListener() throws Exception {
        String listener = "<td>main</td><td><code>[::1]:" + stoqPort() + "</code></td>";
        waitForPage("internet2-stoq", listener);
        String dom = visit("internet2-stoq");
        assertTrue(dom, dom.contains(listener));
        assertTrue(dom, dom.contains("i2-good\">listening"));
        assertTrue(dom, dom.contains("connections</div>"));
    }

    @Test
    public void theHyperMeshPageShowsAssetsAnAllocationAndTheEngines() throws Exception {
        AssetRegistry registry = service(AssetRegistry.class);
        waitUntil("the memory kind is offered", Duration.ofSeconds(60),
                () -> registry.kinds().stream().anyMatch(kind -> kind.kind().equals("memory")));
        // allocated before consensus is installed (the development profile does not require it), so that this
        // test needs no proof engine but work; from then on consensus requires all four, and work is the only one
        Allocation allocation = registry.allocate("memory", 1 << 20, Duration.ofMinutes(10),
                Allocation.LOCAL_OPERATOR);
        featuresService.installFeature("hypermesh-consensus");
        service(ConsensusService.class);
        waitForPage("internet2-hypermesh", "<td>required proofs</td>");
        String dom = visit("internet2-hypermesh");
        assertTrue(dom, dom.contains("<td><code>" + allocation.id() + "</code></td><td>memory</td><td>1 MiB</td>"));
        assertTrue(dom, dom.contains("<tr><td>memory</td>") && dom.contains("<tr><td>cpu</td>"));
        assertTrue(dom, dom.contains("<tr><td>work</td><td><span class=\"i2-badge i2-good\">required</span>"));
        assertTrue("an engine the policy requires and that is not installed is shown missing: " + dom,
                dom.contains("<tr><td>space</td><td><span class=\"i2-badge i2-bad\">missing</span>"));
    }

    @Test
    public void theDnsServersSettingsAreAFormOnTheConfigurationPage() throws Exception {
        String page = "configMgr/" + DNS_PID;
        String dom = visit(page);
        assertTrue("the Configuration page opens the form of " + DNS_PID + ": " + dom,
                dom.contains("Internet 2.0 TrustChain DNS server"));
        assertTrue("the form has the DNS server's port field, holding this node's port " + dnsPort() + ": " + dom,
                Pattern.compile("<textarea name=\"port\"[^>]*>" + dnsPort() + "</textarea>").matcher(dom).find());
    }

    /**
     * Every configuration PID of our components (the {@code configuration-pid} of the components our bundles
     * declare) is described by the metatype of a bundle of ours, which is what makes the Configuration page
     * render it as a form.
     */
    @Test
    public void everyConfigurationOfOursHasAMetatypeForm() throws Exception {
        Set<String> configured = new TreeSet<>();
        Set<String> described = new TreeSet<>();
        for (Bundle bundle : bundleContext.getBundles()) {
            if (bundle.getSymbolicName() == null || !bundle.getSymbolicName().startsWith("network.internet2.")) {
                continue;
            }
            for (URL entry : entries(bundle, "OSGI-INF", "*.xml")) {
                for (Element component : elements(entry, "component")) {
                    String pids = component.getAttribute("configuration-pid");
                    if (!pids.isEmpty() && !"ignore".equals(component.getAttribute("configuration-policy"))) {
                        configured.addAll(Arrays.asList(pids.trim().split("\\s+")));
                    }
                }
            }
            for (URL entry : entries(bundle, "OSGI-INF/metatype", "*.xml")) {
                for (Element designate : elements(entry, "Designate")) {
                    Stream.of(designate.getAttribute("pid"), designate.getAttribute("factoryPid"))
                            .filter(pid -> !pid.isEmpty()).forEach(described::add);
                }
            }
        }
        assertTrue("our bundles declare configurable components: " + configured, configured.contains(DNS_PID));
        Set<String> withoutForm = new TreeSet<>(configured);
        withoutForm.removeAll(described);
        assertEquals("configuration PIDs without a metatype form (add @ObjectClassDefinition and @Designate)",
                Set.of(), withoutForm);
    }

    // --- the pages, as Chromium shows them ------------------------------------------------------------------

    /**
     * Waits until the page's HTML, fetched with the console login, contains {@code expected}: the services it
     * shows come up in their own time after boot.
     */
    private void waitForPage(String page, String expected) throws Exception {
        waitUntil("/system/console/" + page + " shows " + expected, Duration.ofSeconds(120), () -> {
            HttpResponse<String> response = consoleGet(page);
            return response.statusCode() == 200 && response.body().contains(expected);
        });
    }

    /** Loads a console page in headless Chromium: saves its screenshot and returns its DOM after its scripts ran. */
    private String visit(String page) throws Exception {
        HeadlessChromium chromium = HeadlessChromium.find();
        String url = "http://" + USER + ":" + PASSWORD + "@[::1]:" + System.getProperty(HTTP_PORT_PROPERTY)
                + "/system/console/" + page;
        Path screenshot = screenshots().resolve(page.replace('/', '-') + ".png");
        chromium.screenshot(url, screenshot);
        byte[] png = Files.readAllBytes(screenshot);
        assertTrue("a screenshot of " + page + " was written to " + screenshot, png.length > 1000);
        assertArrayEquals("the screenshot is a PNG", new byte[] {(byte) 0x89, 'P', 'N', 'G'},
                Arrays.copyOf(png, 4));
        String dom = chromium.dumpDom(url);
        assertTrue("Chromium was let in (no login page or 401): " + dom, dom.contains("id=\"content\""));
        return dom;
    }

    private static Path screenshots() throws IOException {
        String folder = System.getProperty(SCREENSHOTS_PROPERTY);
        Path path = Path.of(folder == null ? "target/screenshots" : folder);
        Files.createDirectories(path);
        return path;
    }

    private HttpResponse<String> consoleGet(String page) throws IOException, InterruptedException {
        URI uri = URI.create("http://[::1]:" + System.getProperty(HTTP_PORT_PROPERTY) + "/system/console/" + page);
        String login = Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        return client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Basic " + login).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private <T> T service(Class<T> type) throws Exception {
        waitUntil(type.getSimpleName() + " is registered", Duration.ofSeconds(120),
                () -> bundleContext.getServiceReference(type) != null);
        ServiceReference<T> reference = bundleContext.getServiceReference(type);
        return bundleContext.getService(reference);
    }

    private static List<URL> entries(Bundle bundle, String folder, String pattern) {
        Enumeration<URL> found = bundle.findEntries(folder, pattern, false);
        return found == null ? List.of() : java.util.Collections.list(found);
    }

    /** @return the elements of an XML document with this local name, whatever their namespace */
    private static List<Element> elements(URL document, String localName) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        try (InputStream in = document.openStream()) {
            NodeList nodes = factory.newDocumentBuilder().parse(in).getElementsByTagNameNS("*", localName);
            List<Element> elements = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                elements.add((Element) nodes.item(i));
            }
            return elements;
        }
    }

    /**
     * Headless Chromium, run once per call with a fresh profile and bounded in time. Basic-auth credentials in
     * the URL answer the console's login challenge for the page, its resources and its XHRs; a virtual time
     * budget lets the page's scripts (the Configuration page loads its form by XHR) finish before the DOM is
     * dumped or the screenshot taken.
     */
    static final class HeadlessChromium {

        private static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome");
        private static final Duration TIMEOUT = Duration.ofSeconds(90);

        private final Path executable;

        private HeadlessChromium(Path executable) {
            this.executable = executable;
        }

        /** @return Chromium from the PATH; fails the test, saying what to install, if there is none */
        static HeadlessChromium find() {
            String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
            Collection<String> folders = new ArrayList<>(Arrays.asList(path.split(File.pathSeparator)));
            folders.add("/usr/bin");
            for (String name : NAMES) {
                for (String folder : folders) {
                    Path candidate = Path.of(folder, name);
                    if (Files.isExecutable(candidate)) {
                        return new HeadlessChromium(candidate);
                    }
                }
            }
            fail("WebConsoleIT needs headless Chromium and found none of " + NAMES + " on the PATH (" + path
                    + "): install it (Debian: apt-get install chromium); .ci/run installs it for CI");
            throw new AssertionError("unreachable");
        }

        String dumpDom(String url) throws IOException, InterruptedException {
            return run(List.of("--dump-dom", url));
        }

        void screenshot(String url, Path file) throws IOException, InterruptedException {
            Files.deleteIfExists(file);
            run(List.of("--screenshot=" + file.toAbsolutePath(), url));
            assertTrue("Chromium wrote no screenshot to " + file, Files.isRegularFile(file));
        }

        private String run(List<String> arguments) throws IOException, InterruptedException {
            Path work = Files.createTempDirectory("internet2-chromium");
            try {
                List<String> command = new ArrayList<>(List.of(executable.toString(), "--headless=new",
                        "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                        "--hide-scrollbars", "--force-device-scale-factor=1", "--window-size=1280,1000",
                        "--virtual-time-budget=10000", "--user-data-dir=" + work.resolve("profile")));
                command.addAll(arguments);
                Path out = work.resolve("stdout");
                Path err = work.resolve("stderr");
                Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                        .start();
                if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                    fail("Chromium did not finish within " + TIMEOUT + ": " + command);
                }
                String stdout = Files.readString(out);
                if (process.exitValue() != 0) {
                    fail("Chromium exited with " + process.exitValue() + " for " + command + ": "
                            + Files.readString(err));
                }
                return stdout;
            } finally {
                deleteRecursively(work);
            }
        }

        private static void deleteRecursively(Path folder) throws IOException {
            try (Stream<Path> paths = Files.walk(folder)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }
}
