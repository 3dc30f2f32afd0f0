package network.internet2.hypermesh.assets.rest.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import network.internet2.hypermesh.vm.VmAccess;
import network.internet2.hypermesh.vm.VmRequest;
import network.internet2.hypermesh.vm.VmResult;
import network.internet2.management.rest.support.ApiException;
import network.internet2.management.rest.support.Json;

/**
 * The body of {@code POST /assets/allocations/<id>/exec} and its answer.
 *
 * <p>The body is read with its own strict mapper: the shared one caps strings at
 * Jackson's default of 20 million characters, less than a 16 MiB module in base64.
 */
final class ExecJson {

    /** Instructions a run may execute when the request names no limit. */
    static final long DEFAULT_MAX_INSTRUCTIONS = 1_000_000_000L;
    /** Wall-clock bound of a run when the request names none: 10 s. */
    static final long DEFAULT_TIMEOUT_MS = 10_000;
    /** The longest wall-clock bound accepted: 10 minutes, as the request holds an HTTP thread meanwhile. */
    static final long MAX_TIMEOUT_MS = 600_000;

    static final String MODULE = "module";
    static final String ARGS = "args";
    static final String STDIN = "stdin";
    static final String CPU_ALLOCATION = "cpu_allocation";
    static final String MAX_INSTRUCTIONS = "max_instructions";
    static final String TIMEOUT_MS = "timeout_ms";

    private static final Set<String> FIELDS = Set.of(MODULE, ARGS, STDIN, CPU_ALLOCATION, MAX_INSTRUCTIONS,
            TIMEOUT_MS);
    private static final String EXAMPLE = "{\"module\": \"<base64 of the .wasm file, e.g. base64 -w0 app.wasm>\", "
            + "\"args\": [\"--verbose\"], \"stdin\": \"<base64, optional>\"}";

    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(AssetRestServlet.MAX_BODY_BYTES)
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private ExecJson() {
    }

    /**
     * Parses and checks an exec body.
     *
     * @throws ApiException 400 naming the field at fault, 413 for a module over {@link VmAccess#MAX_MODULE_BYTES}
     */
    static VmRequest request(byte[] body) throws ApiException {
        JsonNode request;
        try {
            request = MAPPER.readTree(body);
        } catch (IOException e) {
            String why = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
            throw ApiException.badRequest("the body is not valid JSON (" + why + "); send " + EXAMPLE);
        }
        BodyFields.object(request, FIELDS, EXAMPLE);
        if (!BodyFields.present(request, MODULE)) {
            throw ApiException.badRequest("\"module\" is missing; send the WebAssembly module in base64, as in "
                    + EXAMPLE);
        }
        byte[] module = base64(request, MODULE);
        if (module.length == 0) {
            throw ApiException.badRequest("\"module\" is empty; send the WebAssembly module in base64");
        }
        if (module.length > VmAccess.MAX_MODULE_BYTES) {
            throw new ApiException(413, "the module has " + module.length + " bytes; at most "
                    + VmAccess.MAX_MODULE_BYTES / (1024 * 1024) + " MiB are run");
        }
        String cpu = BodyFields.text(request, CPU_ALLOCATION);
        return new VmRequest(module, arguments(request), BodyFields.present(request, STDIN) ? base64(request, STDIN)
                : new byte[0], cpu == null ? null : Route.id(cpu),
                BodyFields.wholeNumber(request, MAX_INSTRUCTIONS, 1, Long.MAX_VALUE, DEFAULT_MAX_INSTRUCTIONS),
                Duration.ofMillis(BodyFields.wholeNumber(request, TIMEOUT_MS, 1, MAX_TIMEOUT_MS, DEFAULT_TIMEOUT_MS)));
    }

    /**
     * {@code outcome} ({@code exited}, {@code trapped}, {@code memory_limit}, {@code instruction_limit},
     * {@code wall_clock_limit}, {@code cpu_limit}), {@code exit_code} (-1 unless exited),
     * {@code stdout} and {@code stderr} (text if valid UTF-8, else base64, as
     * {@code stdout_base64} and {@code stderr_base64} say), {@code output_truncated},
     * {@code instructions}, {@code elapsed_ms}, {@code detail}.
     */
    static byte[] result(VmResult result) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("outcome", result.outcome().name().toLowerCase(Locale.ROOT));
        answer.put("exit_code", result.exitCode());
        output(answer, "stdout", result.stdout());
        output(answer, "stderr", result.stderr());
        answer.put("output_truncated", result.outputTruncated());
        answer.put("instructions", result.instructions());
        answer.put("elapsed_ms", result.elapsed() == null ? null : result.elapsed().toMillis());
        answer.put("detail", result.detail());
        return Json.write(answer);
    }

    private static void output(Map<String, Object> answer, String name, byte[] bytes) {
        try {
            answer.put(name, StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString());
            answer.put(name + "_base64", false);
        } catch (CharacterCodingException e) {
            answer.put(name, Base64.getEncoder().encodeToString(bytes));
            answer.put(name + "_base64", true);
        }
    }

    private static List<String> arguments(JsonNode request) throws ApiException {
        if (!BodyFields.present(request, ARGS)) {
            return List.of();
        }
        JsonNode args = request.get(ARGS);
        if (!args.isArray()) {
            throw ApiException.badRequest("\"args\" must be an array of strings such as [\"--verbose\", \"in.txt\"]");
        }
        List<String> arguments = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            if (!args.get(i).isTextual()) {
                throw ApiException.badRequest("\"args\"[" + i + "] must be a string, not "
                        + ApiException.abbreviate(args.get(i).toString()));
            }
            arguments.add(args.get(i).asText());
        }
        return arguments;
    }

    private static byte[] base64(JsonNode request, String field) throws ApiException {
        JsonNode value = request.get(field);
        if (!value.isTextual()) {
            throw ApiException.badRequest("\"" + field + "\" must be a base64 string");
        }
        try {
            return Base64.getDecoder().decode(value.asText());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("\"" + field + "\" is not valid base64 (" + e.getMessage()
                    + "); encode without line breaks, e.g. base64 -w0");
        }
    }
}
