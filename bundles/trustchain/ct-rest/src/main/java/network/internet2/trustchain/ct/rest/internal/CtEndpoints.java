package network.internet2.trustchain.ct.rest.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;

import network.internet2.management.rest.support.ApiException;
import network.internet2.management.rest.support.ApiHandler;
import network.internet2.management.rest.support.ApiRequest;
import network.internet2.management.rest.support.ApiResponse;
import network.internet2.management.rest.support.Json;
import network.internet2.trustchain.ct.InclusionProof;
import network.internet2.trustchain.ct.LogEntry;
import network.internet2.trustchain.ct.LogException;
import network.internet2.trustchain.ct.TransparencyLog;

/**
 * The endpoints of {@code /ct} on top of a {@link TransparencyLog}. Every input is
 * parsed and checked ({@link CtInput}) before the log is called, so refused input
 * never reaches it; the log's own refusals become 400 ({@link LogException.BadRequest}),
 * 503 ({@link LogException.Unavailable}) or 500 (any other {@link LogException}).
 */
final class CtEndpoints implements ApiHandler {

    private final TransparencyLog log;
    private final LogList logList;

    CtEndpoints(TransparencyLog log, LogList logList) {
        this.log = log;
        this.logList = logList;
    }

    /** @return the answer to a request; never throws for bad input */
    @Override
    public ApiResponse handle(ApiRequest request) {
        try {
            CtRoute route = CtRoute.resolve(request.method(), request.path());
            Map<String, Object> answer = switch (route) {
                case ADD_CHAIN -> CtJson.sct(log.addChain(CtInput.chain(request.body())));
                case ADD_PRE_CHAIN -> CtJson.sct(log.addPreChain(CtInput.chain(request.body())));
                case GET_STH -> CtJson.treeHead(log.latestTreeHead());
                case GET_STH_CONSISTENCY -> consistency(request);
                case GET_PROOF_BY_HASH -> proofByHash(request);
                case GET_ENTRIES -> entries(request);
                case GET_ROOTS -> CtJson.roots(log.acceptedRoots());
                case GET_ENTRY_AND_PROOF -> entryAndProof(request);
                case LOG_LIST -> logList.of(log);
            };
            return ApiResponse.json(200, Json.write(answer));
        } catch (ApiException refusal) {
            return CtJson.ERRORS.answer(refusal);
        } catch (LogException.BadRequest e) {
            return CtJson.ERRORS.answer(ApiException.badRequest(e.getMessage()));
        } catch (LogException.Unavailable e) {
            return CtJson.ERRORS.answer(new ApiException(503, "the log is unavailable: " + e.getMessage()
                    + "; try again later"));
        } catch (LogException e) {
            return CtJson.ERRORS.answer(new ApiException(500, "the log failed: " + e.getMessage()));
        }
    }

    private Map<String, Object> consistency(ApiRequest request) throws ApiException, LogException {
        long first = CtInput.index(request, "first");
        long second = CtInput.index(request, "second");
        if (first > second) {
            throw ApiException.badRequest("first (" + first + ") is larger than second (" + second
                    + "); a consistency proof goes from an older, smaller tree to a newer one");
        }
        return CtJson.consistency(log.consistencyProof(first, second));
    }

    private Map<String, Object> proofByHash(ApiRequest request) throws ApiException, LogException {
        byte[] hash = CtInput.hash(request, "hash");
        long treeSize = CtInput.index(request, "tree_size");
        return CtJson.proof(log.inclusionProof(hash, treeSize));
    }

    private Map<String, Object> entries(ApiRequest request) throws ApiException, LogException {
        long start = CtInput.index(request, "start");
        long end = CtInput.index(request, "end");
        if (start > end) {
            throw ApiException.badRequest("start (" + start + ") is larger than end (" + end
                    + "); both are inclusive entry indices, start <= end");
        }
        return CtJson.entries(log.entries(start, end));
    }

    /** The entry at {@code leaf_index} and its audit path in the tree of {@code tree_size} (RFC 6962, 4.8). */
    private Map<String, Object> entryAndProof(ApiRequest request) throws ApiException, LogException {
        long leafIndex = CtInput.index(request, "leaf_index");
        long treeSize = CtInput.index(request, "tree_size");
        if (leafIndex >= treeSize) {
            throw ApiException.badRequest("leaf_index (" + leafIndex + ") is not in a tree of tree_size " + treeSize
                    + "; leaf indices go from 0 to tree_size - 1");
        }
        List<LogEntry> entries = log.entries(leafIndex, leafIndex);
        if (entries.isEmpty()) {
            throw ApiException.badRequest("the log has no entry " + leafIndex);
        }
        LogEntry entry = entries.get(0);
        InclusionProof proof = log.inclusionProof(leafHash(entry.leafInput()), treeSize);
        if (proof.leafIndex() != leafIndex) {
            throw new LogException("the log holds the same leaf at indices " + proof.leafIndex() + " and "
                    + leafIndex + " and proves only the first; use get-proof-by-hash");
        }
        return CtJson.entryAndProof(entry, proof);
    }

    /** @return the Merkle leaf hash SHA-256(0x00 || leaf_input) (RFC 6962, 2.1) */
    static byte[] leafHash(byte[] leafInput) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update((byte) 0x00);
            return sha256.digest(leafInput);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }
}
