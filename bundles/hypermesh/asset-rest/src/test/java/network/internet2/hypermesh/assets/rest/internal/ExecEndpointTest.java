package network.internet2.hypermesh.assets.rest.internal;

import static network.internet2.hypermesh.assets.rest.internal.AssetEndpointsTest.error;
import static network.internet2.hypermesh.assets.rest.internal.AssetEndpointsTest.json;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

import network.internet2.hypermesh.asset.Allocation;
import network.internet2.hypermesh.asset.AssetException;
import network.internet2.management.rest.support.ApiRequest;
import network.internet2.management.rest.support.ApiResponse;

public class ExecEndpointTest {

    private static final String BODY = "{\"module\": \"" + ExecJsonTest.MODULE + "\", \"args\": [\"world\"]}";

    private final FakeRegistry registry = new FakeRegistry();
    private final FakeVm vm = new FakeVm();
    private FakeVm installed = vm;
    private final AssetEndpoints endpoints = new AssetEndpoints(registry, () -> installed);

    private ApiResponse exec(String id, String body) {
        return endpoints.handle(new ApiRequest("POST", "/allocations/" + id + "/exec", null, null,
                body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    public void runsTheModuleInTheVmAllocationAndAnswersItsResult() throws Exception {
        Allocation machine = registry.granted("vm", 1 << 20);
        ApiResponse response = exec(machine.id(), BODY);
        assertEquals(200, response.status());
        JsonNode result = json(response);
        assertEquals("exited", result.path("outcome").asText());
        assertEquals(0, result.path("exit_code").asInt());
        assertEquals("hello world\n", result.path("stdout").asText());
        assertEquals(18234, result.path("instructions").asLong());
        assertEquals(3, result.path("elapsed_ms").asLong());
        assertEquals(machine.id(), vm.lastAllocation);
        assertArrayEquals(ExecJsonTest.WASM, vm.lastRequest.module());
        assertEquals("world", vm.lastRequest.arguments().get(0));
        assertNull(vm.lastRequest.cpuAllocationId());
    }

    @Test
    public void runsInACpuAllocationWhenOneIsNamed() throws Exception {
        Allocation machine = registry.granted("vm", 1 << 20);
        Allocation cpu = registry.granted("cpu", 500);
        ApiResponse response = exec(machine.id(), "{\"module\": \"" + ExecJsonTest.MODULE + "\", \"cpu_allocation\": \""
                + cpu.id() + "\"}");
        assertEquals(200, response.status());
        assertEquals(cpu.id(), vm.lastRequest.cpuAllocationId());
    }

    @Test
    public void withoutTheVmFeatureExecIsUnavailable() throws Exception {
        Allocation machine = registry.granted("vm", 1 << 20);
        installed = null;
        ApiResponse response = exec(machine.id(), BODY);
        assertEquals(503, response.status());
        assertTrue(error(response), error(response).startsWith("the asset-vm feature is not installed"));
    }

    @Test
    public void refusesAllocationsThatCannotRunModules() throws Exception {
        assertEquals(404, exec("a9", BODY).status());
        Allocation memory = registry.granted("memory", 1024);
        ApiResponse notVm = exec(memory.id(), BODY);
        assertEquals(409, notVm.status());
        assertTrue(error(notVm), error(notVm).startsWith("allocation a1 is a memory allocation; modules run only in "
                + "vm allocations"));
        Allocation machine = registry.granted("vm", 1024);
        registry.release(machine.id(), Allocation.LOCAL_OPERATOR);
        ApiResponse ended = exec(machine.id(), BODY);
        assertEquals(409, ended.status());
        assertTrue(error(ended), error(ended).contains("already ended (released: released by local-operator)"));
        assertNull(vm.lastRequest);
    }

    @Test
    public void aBadCpuAllocationIsUnprocessable() throws Exception {
        Allocation machine = registry.granted("vm", 1 << 20);
        Allocation memory = registry.granted("memory", 1024);
        ApiResponse unknown = exec(machine.id(), "{\"module\": \"" + ExecJsonTest.MODULE
                + "\", \"cpu_allocation\": \"c9\"}");
        assertEquals(422, unknown.status());
        assertTrue(error(unknown), error(unknown).startsWith("cpu_allocation c9 is not an allocation"));
        ApiResponse notCpu = exec(machine.id(), "{\"module\": \"" + ExecJsonTest.MODULE + "\", \"cpu_allocation\": \""
                + memory.id() + "\"}");
        assertEquals(422, notCpu.status());
        assertEquals("cpu_allocation a2 is a memory allocation, not a cpu allocation", error(notCpu));
        Allocation cpu = registry.granted("cpu", 100);
        registry.end(cpu, Allocation.State.EXPIRED, "lease expired");
        ApiResponse ended = exec(machine.id(), "{\"module\": \"" + ExecJsonTest.MODULE + "\", \"cpu_allocation\": \""
                + cpu.id() + "\"}");
        assertEquals(409, ended.status());
        assertNull(vm.lastRequest);
    }

    @Test
    public void anInvalidModuleIsABadRequestAndABusyVmAConflict() throws Exception {
        Allocation machine = registry.granted("vm", 1 << 20);
        vm.invalid = new IllegalArgumentException("not a WebAssembly module: bad magic");
        ApiResponse invalid = exec(machine.id(), BODY);
        assertEquals(400, invalid.status());
        assertEquals("not a WebAssembly module: bad magic", error(invalid));
        vm.invalid = null;
        vm.refusal = new AssetException("VM allocation a1 is already running a module");
        ApiResponse busy = exec(machine.id(), BODY);
        assertEquals(409, busy.status());
        assertEquals("VM allocation a1 is already running a module", error(busy));
    }

    @Test
    public void aMalformedBodyIsABadRequest() throws Exception {
        Allocation machine = registry.granted("vm", 1 << 20);
        assertEquals(400, exec(machine.id(), "{\"module\": 1}").status());
        assertEquals(400, exec(machine.id(), "").status());
        assertNull(vm.lastRequest);
    }
}
