package network.internet2.trustchain.ct.rest.internal;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import network.internet2.management.rest.support.ErrorFormat;
import network.internet2.trustchain.ct.InclusionProof;
import network.internet2.trustchain.ct.LogEntry;
import network.internet2.trustchain.ct.SignedCertificateTimestamp;
import network.internet2.trustchain.ct.SignedTreeHead;

/**
 * The JSON objects of RFC 6962, section 4, with its field names; binary values are
 * base64 (standard alphabet, padded). Maps keep the RFC's field order.
 */
final class CtJson {

    /** {@code sct_version} of an RFC 6962 SCT: {@code v1(0)}. */
    static final int SCT_VERSION_V1 = 0;

    /**
     * Refusals as CT logs write them: {@code {"error_message": "...", "success": false}}.
     */
    static final ErrorFormat ERRORS = message -> {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error_message", message);
        body.put("success", false);
        return body;
    };

    /** Not RFC 6962: the FALCON-1024 co-signature over the same tree head, in {@code get-sth}. */
    static final String FALCON_SIGNATURE = "falcon1024_signature";

    private CtJson() {
    }

    /** {@code add-chain}, {@code add-pre-chain} (4.1, 4.2): {@code sct_version, id, timestamp, extensions, signature}. */
    static Map<String, Object> sct(SignedCertificateTimestamp sct) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("sct_version", SCT_VERSION_V1);
        answer.put("id", base64(sct.logId()));
        answer.put("timestamp", sct.timestamp());
        answer.put("extensions", base64(sct.extensions()));
        answer.put("signature", base64(sct.signature()));
        return answer;
    }

    /**
     * {@code get-sth} (4.3): {@code tree_size, timestamp, sha256_root_hash, tree_head_signature}, and
     * {@value #FALCON_SIGNATURE}, which RFC 6962 clients ignore as an unknown field.
     */
    static Map<String, Object> treeHead(SignedTreeHead head) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("tree_size", head.treeSize());
        answer.put("timestamp", head.timestamp());
        answer.put("sha256_root_hash", base64(head.rootHash()));
        answer.put("tree_head_signature", base64(head.signature()));
        answer.put(FALCON_SIGNATURE, base64(head.postQuantumSignature()));
        return answer;
    }

    /** {@code get-sth-consistency} (4.4): {@code consistency}. */
    static Map<String, Object> consistency(List<byte[]> nodes) {
        return Map.of("consistency", base64(nodes));
    }

    /** {@code get-proof-by-hash} (4.5): {@code leaf_index, audit_path}. */
    static Map<String, Object> proof(InclusionProof proof) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("leaf_index", proof.leafIndex());
        answer.put("audit_path", base64(proof.auditPath()));
        return answer;
    }

    /** {@code get-entries} (4.6): {@code entries: [{leaf_input, extra_data}]}. */
    static Map<String, Object> entries(List<LogEntry> entries) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (LogEntry entry : entries) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("leaf_input", base64(entry.leafInput()));
            item.put("extra_data", base64(entry.extraData()));
            list.add(item);
        }
        return Map.of("entries", list);
    }

    /** {@code get-roots} (4.7): {@code certificates}, base64 DER. */
    static Map<String, Object> roots(List<X509Certificate> roots) {
        List<String> certificates = new ArrayList<>();
        for (X509Certificate root : roots) {
            try {
                certificates.add(base64(root.getEncoded()));
            } catch (CertificateEncodingException e) {
                throw new IllegalStateException("the log holds a root that cannot be encoded: " + e.getMessage(), e);
            }
        }
        return Map.of("certificates", certificates);
    }

    /** {@code get-entry-and-proof} (4.8): {@code leaf_input, extra_data, audit_path}. */
    static Map<String, Object> entryAndProof(LogEntry entry, InclusionProof proof) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("leaf_input", base64(entry.leafInput()));
        answer.put("extra_data", base64(entry.extraData()));
        answer.put("audit_path", base64(proof.auditPath()));
        return answer;
    }

    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static List<String> base64(List<byte[]> nodes) {
        return nodes.stream().map(CtJson::base64).toList();
    }
}
