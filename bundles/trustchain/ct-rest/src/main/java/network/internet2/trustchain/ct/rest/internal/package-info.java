/**
 * TrustChain CT log REST: the node's Certificate Transparency log over HTTP, under
 * {@code /ct} on Karaf's HTTP service (servlet {@code internet2-ct}), on top of the
 * {@link network.internet2.trustchain.ct.TransparencyLog} service. The servlet is
 * registered only while a log is.
 *
 * <p>The RFC 6962 API (section 4), with its JSON field names; binary values are base64:
 * <ul>
 * <li>{@code POST /ct/v1/add-chain} and {@code POST /ct/v1/add-pre-chain}, body
 *     {@code {"chain": [base64 DER, ...]}} leaf first →
 *     {@code {"sct_version": 0, "id", "timestamp", "extensions", "signature"}}
 *     ({@code signature} is the TLS-encoded {@code digitally-signed} structure);</li>
 * <li>{@code GET /ct/v1/get-sth} → {@code {"tree_size", "timestamp", "sha256_root_hash",
 *     "tree_head_signature", "falcon1024_signature"}};</li>
 * <li>{@code GET /ct/v1/get-sth-consistency?first=&second=} → {@code {"consistency": [...]}};</li>
 * <li>{@code GET /ct/v1/get-proof-by-hash?hash=&tree_size=} → {@code {"leaf_index", "audit_path"}};</li>
 * <li>{@code GET /ct/v1/get-entries?start=&end=} (inclusive; the log may answer fewer) →
 *     {@code {"entries": [{"leaf_input", "extra_data"}, ...]}};</li>
 * <li>{@code GET /ct/v1/get-roots} → {@code {"certificates": [base64 DER, ...]}};</li>
 * <li>{@code GET /ct/v1/get-entry-and-proof?leaf_index=&tree_size=} →
 *     {@code {"leaf_input", "extra_data", "audit_path"}}.</li>
 * </ul>
 * And {@code GET /ct/log-list.json}: this log alone in the schema of Chrome's log list v3
 * (see {@code LogList} for how each field is filled).
 *
 * <p>Fields beyond the standards, which their readers ignore as unknown fields:
 * {@code falcon1024_signature} in {@code get-sth}, the base64 FALCON-1024 co-signature
 * of the log over the same tree head, and {@code falcon1024_key} on the log in
 * {@code log-list.json}, the base64 DER SubjectPublicKeyInfo of the FALCON-1024 key
 * that verifies it.
 *
 * <p>Refusals are JSON {@code {"error_message": "...", "success": false}}, as CT logs
 * write them: 400 for bad input (a missing or non-base64 field, a certificate that does
 * not parse, a non-numeric or out-of-range index, {@code first > second},
 * {@code start > end}, a chain the log does not accept), 404 for an unknown path,
 * 405 (with {@code Allow}) for another method, 413 for a body over 1 MiB, 503 while the
 * log cannot accept or read. Input is checked completely before the log is called, so a
 * refused request never changes the log.
 *
 * <p>The GETs are the public, read-only audit API. The two POSTs need HTTP Basic
 * credentials of a user with role {@code admin} in Karaf's JAAS realm {@code karaf}
 * (401/403 otherwise) unless the configuration {@code network.internet2.trustchain.ct.rest}
 * sets {@code require.authentication = false} (the development profile does).
 */
package network.internet2.trustchain.ct.rest.internal;
