package network.internet2.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import network.internet2.hypermesh.asset.Allocation;
import network.internet2.hypermesh.asset.AssetRegistry;
import network.internet2.hypermesh.memory.MemoryAccess;
import network.internet2.hypermesh.vm.VmAccess;
import network.internet2.hypermesh.vm.VmRequest;
import network.internet2.hypermesh.vm.VmResult;
import network.internet2.hypermesh.vm.VmResult.Outcome;

/**
 * The VM adapter in the real distribution: a WebAssembly module runs to its
 * exit status inside a VM allocation; a module that loops forever is stopped
 * by its instruction limit, by its wall-clock bound, and inside a CPU
 * allocation's share; the node, the VM allocation and a memory allocation
 * next to it keep working.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class VmAssetsIT extends Internet2TestSupport {

    private static final long MIB = 1024 * 1024;

    /**
     * {@code (module (import "wasi_snapshot_preview1" "proc_exit" (func (param i32)))
     * (func (export "_start") i32.const 7 call 0) (memory (export "memory") 1))}, assembled by hand
     * from the WebAssembly 1.0 binary format (sections type, import, function, memory, export, code).
     */
    static final byte[] EXIT_SEVEN = HexFormat.of().parseHex("0061736d01000000"
            + "01080260017f00600000"
            + "0224" + "01" + "16" + hex("wasi_snapshot_preview1") + "09" + hex("proc_exit") + "0000"
            + "03020101"
            + "0503010001"
            + "0713" + "02" + "06" + hex("_start") + "0001" + "06" + hex("memory") + "0200"
            + "0a08" + "01" + "06" + "004107" + "1000" + "0b");

    /** {@code (module (func (export "_start") (loop (br 0))) (memory (export "memory") 1))}, by hand likewise. */
    static final byte[] LOOP_FOREVER = HexFormat.of().parseHex("0061736d01000000"
            + "0104016000" + "00"
            + "03020100"
            + "0503010001"
            + "0713" + "02" + "06" + hex("_start") + "0000" + "06" + hex("memory") + "0200"
            + "0a09" + "01" + "07" + "00" + "0340" + "0c00" + "0b" + "0b");

    private static String hex(String name) {
        return HexFormat.of().formatHex(name.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    @Override
    protected boolean bootInternet2() {
        return false;
    }

    @Override
    protected String[] extraBootFeatures() {
        return new String[] {"hypermesh-assets", "asset-memory", "asset-cpu", "asset-vm"};
    }

    @Test
    public void modulesRunToTheirExitAndRunawaysAreStoppedWithoutHarm() throws Exception {
        AssetRegistry registry = service(AssetRegistry.class);
        waitUntil("the vm, cpu and memory kinds are offered", Duration.ofSeconds(60),
                () -> registry.kinds().stream().map(AssetRegistry.AssetKind::kind).toList()
                        .containsAll(List.of("vm", "cpu", "memory")));
        Allocation vm = registry.allocate("vm", 16 * MIB, Duration.ofMinutes(10), Allocation.LOCAL_OPERATOR);
        Allocation cpu = registry.allocate("cpu", 250, Duration.ofMinutes(10), Allocation.LOCAL_OPERATOR);
        Allocation neighbour = registry.allocate("memory", MIB, Duration.ofMinutes(10), Allocation.LOCAL_OPERATOR);
        MemoryAccess memory = service(MemoryAccess.class);
        memory.write(neighbour.id(), 0, new byte[] {42});
        VmAccess vms = service(VmAccess.class);

        VmResult exited = vms.execute(vm.id(), request(EXIT_SEVEN, null, 1_000_000, Duration.ofSeconds(10)));
        assertEquals(exited.toString(), Outcome.EXITED, exited.outcome());
        assertEquals(7, exited.exitCode());

        VmResult counted = vms.execute(vm.id(), request(LOOP_FOREVER, null, 5_000_000, Duration.ofSeconds(60)));
        assertEquals(counted.toString(), Outcome.INSTRUCTION_LIMIT, counted.outcome());
        assertTrue("stopped at its limit: " + counted.instructions(), counted.instructions() >= 5_000_000
                && counted.instructions() <= 5_100_000);

        long started = System.nanoTime();
        VmResult timed = vms.execute(vm.id(), request(LOOP_FOREVER, null, 50_000_000_000L, Duration.ofSeconds(2)));
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(timed.toString(), Outcome.WALL_CLOCK_LIMIT, timed.outcome());
        assertTrue("stopped near its 2 s bound, not " + tookMillis + " ms", tookMillis < 15_000);

        VmResult shared = vms.execute(vm.id(), request(LOOP_FOREVER, cpu.id(), 50_000_000_000L,
                Duration.ofSeconds(2)));
        assertTrue(shared.toString(), shared.outcome() == Outcome.WALL_CLOCK_LIMIT
                || shared.outcome() == Outcome.CPU_LIMIT);
        assertTrue("a 250-millicore share executes fewer instructions in 2 s than a free run: " + shared.instructions()
                + " vs " + timed.instructions(), shared.instructions() < timed.instructions());

        VmResult again = vms.execute(vm.id(), request(EXIT_SEVEN, cpu.id(), 1_000_000, Duration.ofSeconds(10)));
        assertEquals("the VM allocation still works after its runaways", Outcome.EXITED, again.outcome());
        assertEquals("the allocation next to it is untouched", 42, memory.read(neighbour.id(), 0, 1)[0]);
        assertTrue(registry.allocations().containsAll(List.of(vm, cpu, neighbour)));
    }

    @Test
    public void theRestInterfaceAllocatesExecutesAndReleases() throws Exception {
        waitUntil("GET /assets lists the vm kind", Duration.ofSeconds(60),
                () -> httpGet("/assets").body().contains("\"vm\""));
        HttpResponse<String> seed = send("POST", "/assets/allocate", "{\"asset_id\":\"memory\",\"amount\":1}");
        assertEquals(seed.body(), 201, seed.statusCode());
        HttpResponse<String> vm = send("POST", "/assets/allocate",
                "{\"kind\":\"vm\",\"amount\":" + 4 * MIB + ",\"lease_seconds\":600}");
        assertEquals(vm.body(), 201, vm.statusCode());
        String id = field(vm.body(), "id");
        assertEquals("/assets/allocations/" + id, vm.headers().firstValue("Location").orElseThrow()
                .replaceFirst("^https?://[^/]+", ""));
        assertTrue(httpGet("/assets/allocations").body().contains(id));

        String module = java.util.Base64.getEncoder().encodeToString(EXIT_SEVEN);
        HttpResponse<String> ran = send("POST", "/assets/allocations/" + id + "/exec",
                "{\"module\":\"" + module + "\",\"max_instructions\":100000}");
        assertEquals(ran.body(), 200, ran.statusCode());
        assertTrue(ran.body(), ran.body().matches("(?s).*\"outcome\"\\s*:\\s*\"exited\".*")
                && ran.body().matches("(?s).*\"exit_code\"\\s*:\\s*7.*"));
        String loop = java.util.Base64.getEncoder().encodeToString(LOOP_FOREVER);
        HttpResponse<String> runaway = send("POST", "/assets/allocations/" + id + "/exec",
                "{\"module\":\"" + loop + "\",\"max_instructions\":1000000}");
        assertEquals(runaway.body(), 200, runaway.statusCode());
        assertTrue(runaway.body(), runaway.body().contains("instruction_limit"));
        HttpResponse<String> garbage = send("POST", "/assets/allocations/" + id + "/exec",
                "{\"module\":\"AAECAw==\"}");
        assertEquals(garbage.body(), 400, garbage.statusCode());

        HttpResponse<String> negative = send("POST", "/assets/allocate", "{\"kind\":\"memory\",\"amount\":-5}");
        assertEquals(negative.body(), 400, negative.statusCode());
        HttpResponse<String> unknown = send("POST", "/assets/allocate", "{\"kind\":\"warp-drive\",\"amount\":1}");
        assertEquals(unknown.body(), 422, unknown.statusCode());

        assertEquals(204, send("DELETE", "/assets/allocations/" + id, null).statusCode());
        HttpResponse<String> again = send("DELETE", "/assets/allocations/" + id, null);
        assertEquals(again.body(), 409, again.statusCode());
        assertTrue(httpGet("/assets/allocations/" + id).body().contains("released"));
        assertEquals(404, send("DELETE", "/assets/allocations/00000000000000000000000000000000", null)
                .statusCode());
    }

    @Test
    public void theShellListsAllocatesAndReleases() throws Exception {
        waitUntil("asset:list shows the vm kind", Duration.ofSeconds(60),
                () -> executeCommand("asset:list").contains("vm"));
        String allocated = executeCommand("asset:allocate memory 2MiB");
        java.util.regex.Matcher id = java.util.regex.Pattern.compile("[0-9a-f]{32}").matcher(allocated);
        assertTrue(allocated, id.find());
        assertTrue(executeCommand("asset:allocations").contains(id.group()));
        executeCommand("asset:release " + id.group());
        assertTrue(service(AssetRegistry.class).find(id.group()).orElseThrow().state() == Allocation.State.RELEASED);
    }

    private static String field(String json, String name) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"")
                .matcher(json);
        assertTrue(json, matcher.find());
        return matcher.group(1);
    }

    private static HttpResponse<String> send(String method, String path, String body) throws Exception {
        URI uri = URI.create("http://[::1]:" + System.getProperty(HTTP_PORT_PROPERTY) + path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build().send(request.build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static VmRequest request(byte[] module, String cpu, long instructions, Duration wallClock) {
        return new VmRequest(module, List.of(), new byte[0], cpu, instructions, wallClock);
    }

    private <T> T service(Class<T> type) throws Exception {
        waitUntil(type.getSimpleName() + " is registered", Duration.ofSeconds(60),
                () -> bundleContext.getServiceReference(type) != null);
        return bundleContext.getService(bundleContext.getServiceReference(type));
    }
}
