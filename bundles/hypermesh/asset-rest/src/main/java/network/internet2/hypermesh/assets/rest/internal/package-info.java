/**
 * HyperMesh assets REST: the node's asset registry over HTTP, under {@code /assets}
 * on Karaf's HTTP service (loopback-only, {@code [::1]:8181} in both profiles).
 *
 * <p>Reads ({@code GET}, {@code HEAD}) are open. Requests that change or use assets
 * ({@code POST}, {@code DELETE}) need HTTP Basic credentials of a user with role
 * {@code admin} in Karaf's JAAS realm {@code karaf} (401 without, 403 without the
 * role), unless the configuration {@code network.internet2.hypermesh.assets.rest}
 * sets {@code require.authentication = false} (the development profile does).
 * Allocations made here belong to the node's operator, owner
 * {@value network.internet2.hypermesh.asset.Allocation#LOCAL_OPERATOR}.
 *
 * <h2>Endpoints</h2>
 *
 * <h3>{@code GET /assets}: the kinds offered</h3>
 * <pre>
 * curl -g http://[::1]:8181/assets
 * 200 {"kinds": [{"kind": "memory", "unit": "bytes", "total": 8589934592, "allocated": 1048576,
 *                 "available": 8588886016}, …]}
 * </pre>
 *
 * <h3>{@code GET /assets/allocations}: the active allocations</h3>
 * <pre>
 * 200 {"allocations": [{"id": "3f9c0a1b2c3d4e5f60718293a4b5c6d7", "kind": "memory", "amount": 1048576,
 *       "unit": "bytes", "owner": "local-operator", "lease_expiry": "2026-11-24T11:00:00Z",
 *       "proxy_address": "fd3c:1a2b:3c4d:0:3f9c:a1b:2c3d:4e5f", "state": "active", "end_reason": null}, …]}
 * </pre>
 * {@code unit} is {@code null} while no adapter offers the kind; {@code lease_expiry} is ISO 8601;
 * {@code proxy_address} is the allocation's address in the node's ULA prefix (RFC 5952 text).
 *
 * <h3>{@code GET /assets/allocations/<id>}: one allocation, active or ended</h3>
 * 200 with the allocation as above; an ended one has {@code state} {@code released},
 * {@code expired} or {@code revoked} and its {@code end_reason}. 404 for an unknown id,
 * 400 for a malformed one.
 *
 * <h3>{@code POST /assets/allocate}: a new allocation</h3>
 * <pre>
 * curl -g -u admin:… -d '{"kind": "memory", "amount": 1048576, "lease_seconds": 600}' http://[::1]:8181/assets/allocate
 * curl -g -u admin:… -d '{"asset_id": "cpu", "amount": 500}' http://[::1]:8181/assets/allocate
 * 201 Location: /assets/allocations/3f9c…  with the allocation as above, plus
 *     "consensus": {"proof_id": "9b1e…", "verification_ms": 2.41}  (null when no consensus service is installed)
 * </pre>
 * {@code kind} names the asset kind ({@code memory}, {@code cpu}, {@code storage}, {@code gpu},
 * {@code vm}, whatever {@code GET /assets} lists). The seed's form {@code {"asset_id": …, "amount": …}}
 * is accepted: there {@code asset_id} names the <em>kind</em>, not a particular asset. {@code amount}
 * is a whole number in the kind's unit; {@code lease_seconds} defaults to 3600 and may be at most a
 * year here, the registry applying its own maximum ({@code max.lease.seconds}, one day by default).
 * 400 for a body that is not a JSON object, an unknown field, both {@code asset_id} and {@code kind},
 * a missing kind, or an amount or lease that is not a whole number in range (the message names the
 * field); 422 for a kind no adapter offers (the message lists the installed kinds) and other
 * refusals of the registry (lease beyond its maximum, consensus refusal); 409 when the kind has not
 * enough capacity left.
 *
 * <h3>{@code POST /assets/allocations/<id>/renew}: a new lease from now</h3>
 * Body {@code {"lease_seconds": 3600}} or empty (3600 s). 200 with the allocation; 404 unknown,
 * 409 already ended, 422 refused by the registry.
 *
 * <h3>{@code DELETE /assets/allocations/<id>}: release</h3>
 * 204; 404 for an unknown id; 409 with the end reason when the allocation already ended.
 *
 * <h3>{@code POST /assets/allocations/<id>/exec}: run a WebAssembly module in a VM allocation</h3>
 * <pre>
 * curl -g -u admin:… -H 'Content-Type: application/json' \
 *   -d "{\"module\": \"$(base64 -w0 hello.wasm)\", \"args\": [\"world\"]}" \
 *   http://[::1]:8181/assets/allocations/3f9c…/exec
 * 200 {"outcome": "exited", "exit_code": 0, "stdout": "hello world\n", "stdout_base64": false,
 *      "stderr": "", "stderr_base64": false, "output_truncated": false, "instructions": 18234,
 *      "elapsed_ms": 3, "detail": "…"}
 * </pre>
 * Body: {@code module} (base64 of a WASI preview 1 command module, at most 16 MiB; required),
 * {@code args} (array of strings), {@code stdin} (base64), {@code cpu_allocation} (the id of an
 * active cpu allocation whose share the run takes), {@code max_instructions} (default 10^9),
 * {@code timeout_ms} (default 10000, at most 600000). {@code outcome} is one of {@code exited},
 * {@code trapped}, {@code memory_limit}, {@code instruction_limit}, {@code wall_clock_limit},
 * {@code cpu_limit}; {@code exit_code} is -1 unless exited. {@code stdout} and {@code stderr} are
 * text when they are valid UTF-8, otherwise base64, as {@code stdout_base64} and
 * {@code stderr_base64} say; each is cut at 1 MiB ({@code output_truncated}). A run that traps or
 * reaches a limit is still a 200. 503 while the {@code asset-vm} feature is not installed; 404
 * unknown allocation; 409 ended allocation, an allocation that is not a {@code vm} one, or one
 * already running a module; 400 malformed body, invalid module or limits out of range; 413 module
 * over 16 MiB; 422 {@code cpu_allocation} unknown or not a cpu allocation.
 *
 * <h2>Errors and limits</h2>
 * Every refusal is {@code {"error": "…"}} with a message that says what to change (the CA's
 * shape). An unknown path is 404 listing the endpoints; a known path with another method 405 with
 * {@code Allow}. Bodies are read up to 28 MiB (413 beyond): room for the largest module (16 MiB)
 * with 4 MiB of stdin, both in base64 (about 26.7 MiB), and the arguments; a smaller module leaves
 * room for more stdin. Requests other than exec are refused above 64 KiB. Every answer carries
 * {@code Cache-Control: no-store}. The servlet is registered only while an
 * {@link network.internet2.hypermesh.asset.AssetRegistry} is.
 */
package network.internet2.hypermesh.assets.rest.internal;
