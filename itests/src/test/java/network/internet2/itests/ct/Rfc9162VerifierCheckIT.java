package network.internet2.itests.ct;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;

import org.junit.Test;

/**
 * Holds {@link Rfc9162Verifier} to published known answers before any
 * integration test trusts it to judge the log. Only the data below is copied
 * from the sources, no code.
 * <p>
 * Merkle tree vectors: repository {@code transparency-dev/merkle}, file
 * {@code proof/verify_test.go} (commit
 * {@code 02194e9afb6c1d95b5381350007963aa70fff472}), variables
 * {@code leaves}, {@code roots}, {@code inclusionProofs},
 * {@code consistencyProofs}; the same data (but for the 6&rarr;7 proof) is in
 * {@code google/certificate-transparency}, file
 * {@code cpp/merkletree/merkle_tree_test.cc}. The sources number leaves from
 * 1; here indexes count from 0. The same vectors are kept for the log's own
 * unit tests in {@code KnownAnswerVectors} of the ct bundle, which this module
 * cannot depend on.
 * <p>
 * SCT vectors: repository {@code google/certificate-transparency-go}, file
 * {@code testdata/certs.go} (commit
 * {@code 21d58232d909f7581dca8b5fc2877eea83ce52ca}): {@code CACertPEM},
 * {@code TestCertPEM}, {@code TestPreCertPEM}, {@code TestEmbeddedCertPEM},
 * {@code TestCertProof}, {@code TestPreCertProof}; and file
 * {@code testdata/keys.go} (commit
 * {@code e76f3f637053b90c8168d29b01ca162cd235ace5}): {@code LogPublicKeyB64}.
 */
public class Rfc9162VerifierCheckIT {

    // --- Merkle tree vectors (transparency-dev/merkle proof/verify_test.go) --

    private static final List<String> LEAVES = List.of(
            "", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f");

    /** Root of the first n leaves at index n; index 0 is SHA-256 of the empty string. */
    private static final List<String> ROOTS = List.of(
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    private record Inclusion(int leafIndex, int treeSize, List<String> path) {
    }

    private record Consistency(int first, int second, List<String> path) {
    }

    private static final List<Inclusion> INCLUSION_PROOFS = List.of(
            new Inclusion(0, 1, List.of()),
            new Inclusion(0, 8, List.of(
                    "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
            new Inclusion(5, 8, List.of(
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                    "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
            new Inclusion(2, 3, List.of(
                    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125")),
            new Inclusion(1, 5, List.of(
                    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")));

    private static final List<Consistency> CONSISTENCY_PROOFS = List.of(
            new Consistency(1, 1, List.of()),
            new Consistency(1, 8, List.of(
                    "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
            new Consistency(6, 8, List.of(
                    "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                    "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
            new Consistency(2, 5, List.of(
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")),
            new Consistency(6, 7, List.of(
                    "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                    "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")));

    // --- SCT vectors (google/certificate-transparency-go testdata) ----------

    private static final String LOG_PUBLIC_KEY_B64 =
            "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEmXg8sUUzwBYaWrRb+V0IopzQ6o3UyEJ04r5ZrRXGdpYM8K+hB0pXrGRLI0eeWz+3skXrS0IO83AhA3GpRL6s6w==";

    private static final String CA_CERT =
            "MIIC0DCCAjmgAwIBAgIBADANBgkqhkiG9w0BAQUFADBVMQswCQYDVQQGEwJHQjEk"
            + "MCIGA1UEChMbQ2VydGlmaWNhdGUgVHJhbnNwYXJlbmN5IENBMQ4wDAYDVQQIEwVX"
            + "YWxlczEQMA4GA1UEBxMHRXJ3IFdlbjAeFw0xMjA2MDEwMDAwMDBaFw0yMjA2MDEw"
            + "MDAwMDBaMFUxCzAJBgNVBAYTAkdCMSQwIgYDVQQKExtDZXJ0aWZpY2F0ZSBUcmFu"
            + "c3BhcmVuY3kgQ0ExDjAMBgNVBAgTBVdhbGVzMRAwDgYDVQQHEwdFcncgV2VuMIGf"
            + "MA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDVimhTYhCicRmTbneDIRgcKkATxtB7"
            + "jHbrkVfT0PtLO1FuzsvRyY2RxS90P6tjXVUJnNE6uvMa5UFEJFGnTHgW8iQ8+EjP"
            + "KDHM5nugSlojgZ88ujfmJNnDvbKZuDnd/iYx0ss6hPx7srXFL8/BT/9Ab1zURmnL"
            + "svfP34b7arnRsQIDAQABo4GvMIGsMB0GA1UdDgQWBBRfnYgNyHPmVNT4DdjmsMEk"
            + "tEfDVTB9BgNVHSMEdjB0gBRfnYgNyHPmVNT4DdjmsMEktEfDVaFZpFcwVTELMAkG"
            + "A1UEBhMCR0IxJDAiBgNVBAoTG0NlcnRpZmljYXRlIFRyYW5zcGFyZW5jeSBDQTEO"
            + "MAwGA1UECBMFV2FsZXMxEDAOBgNVBAcTB0VydyBXZW6CAQAwDAYDVR0TBAUwAwEB"
            + "/zANBgkqhkiG9w0BAQUFAAOBgQAGCMxKbWTyIF4UbASydvkrDvqUpdryOvw4BmBt"
            + "OZDQoeojPUApV2lGOwRmYef6HReZFSCa6i4Kd1F2QRIn18ADB8dHDmFYT9czQiRy"
            + "f1HWkLxHqd81TbD26yWVXeGJPE3VICskovPkQNJ0tU4b03YmnKliibduyqQQkOFP"
            + "OwqULg==";

    private static final String TEST_CERT =
            "MIICyjCCAjOgAwIBAgIBBjANBgkqhkiG9w0BAQUFADBVMQswCQYDVQQGEwJHQjEk"
            + "MCIGA1UEChMbQ2VydGlmaWNhdGUgVHJhbnNwYXJlbmN5IENBMQ4wDAYDVQQIEwVX"
            + "YWxlczEQMA4GA1UEBxMHRXJ3IFdlbjAeFw0xMjA2MDEwMDAwMDBaFw0yMjA2MDEw"
            + "MDAwMDBaMFIxCzAJBgNVBAYTAkdCMSEwHwYDVQQKExhDZXJ0aWZpY2F0ZSBUcmFu"
            + "c3BhcmVuY3kxDjAMBgNVBAgTBVdhbGVzMRAwDgYDVQQHEwdFcncgV2VuMIGfMA0G"
            + "CSqGSIb3DQEBAQUAA4GNADCBiQKBgQCx+jeTYRH4eS2iCBw/5BklAIUx3H8sZXvZ"
            + "4d5HBBYLTJ8Z1UraRHBATBxRNBuPH3U43d0o2aykg2n8VkbdzHYX+BaKrltB1DMx"
            + "/KLa38gE1XIIlJBh+e75AspHzojGROAA8G7uzKvcndL2iiLMsJ3Hbg28c1J3ZbGj"
            + "eoxnYlPcwQIDAQABo4GsMIGpMB0GA1UdDgQWBBRqDZgqO2LES20u9Om7egGqnLeY"
            + "4jB9BgNVHSMEdjB0gBRfnYgNyHPmVNT4DdjmsMEktEfDVaFZpFcwVTELMAkGA1UE"
            + "BhMCR0IxJDAiBgNVBAoTG0NlcnRpZmljYXRlIFRyYW5zcGFyZW5jeSBDQTEOMAwG"
            + "A1UECBMFV2FsZXMxEDAOBgNVBAcTB0VydyBXZW6CAQAwCQYDVR0TBAIwADANBgkq"
            + "hkiG9w0BAQUFAAOBgQAXHNhKrEFKmgMPIqrI9oiwgbJwm4SLTlURQGzXB/7QKFl6"
            + "n678Lu4peNYzqqwU7TI1GX2ofg9xuIdfGsnniygXSd3t0Afj7PUGRfjL9mclbNah"
            + "ZHteEyA7uFgt59Zpb2VtHGC5X0Vrf88zhXGQjxxpcn0kxPzNJJKVeVgU0drA5g==";

    private static final String TEST_PRECERT =
            "MIIC3zCCAkigAwIBAgIBBzANBgkqhkiG9w0BAQUFADBVMQswCQYDVQQGEwJHQjEk"
            + "MCIGA1UEChMbQ2VydGlmaWNhdGUgVHJhbnNwYXJlbmN5IENBMQ4wDAYDVQQIEwVX"
            + "YWxlczEQMA4GA1UEBxMHRXJ3IFdlbjAeFw0xMjA2MDEwMDAwMDBaFw0yMjA2MDEw"
            + "MDAwMDBaMFIxCzAJBgNVBAYTAkdCMSEwHwYDVQQKExhDZXJ0aWZpY2F0ZSBUcmFu"
            + "c3BhcmVuY3kxDjAMBgNVBAgTBVdhbGVzMRAwDgYDVQQHEwdFcncgV2VuMIGfMA0G"
            + "CSqGSIb3DQEBAQUAA4GNADCBiQKBgQC+75jnwmh3rjhfdTJaDB0ym+3xj6r015a/"
            + "BH634c4VyVui+A7kWL19uG+KSyUhkaeb1wDDjpwDibRc1NyaEgqyHgy0HNDnKAWk"
            + "EM2cW9tdSSdyba8XEPYBhzd+olsaHjnu0LiBGdwVTcaPfajjDK8VijPmyVCfSgWw"
            + "FAn/Xdh+tQIDAQABo4HBMIG+MB0GA1UdDgQWBBQgMVQa8lwF/9hli2hDeU9ekDb3"
            + "tDB9BgNVHSMEdjB0gBRfnYgNyHPmVNT4DdjmsMEktEfDVaFZpFcwVTELMAkGA1UE"
            + "BhMCR0IxJDAiBgNVBAoTG0NlcnRpZmljYXRlIFRyYW5zcGFyZW5jeSBDQTEOMAwG"
            + "A1UECBMFV2FsZXMxEDAOBgNVBAcTB0VydyBXZW6CAQAwCQYDVR0TBAIwADATBgor"
            + "BgEEAdZ5AgQDAQH/BAIFADANBgkqhkiG9w0BAQUFAAOBgQACocOeAVr1Tf8CPDNg"
            + "h1//NDdVLx8JAb3CVDFfM3K3I/sV+87MTfRxoM5NjFRlXYSHl/soHj36u0YtLGhL"
            + "BW/qe2O0cP8WbjLURgY1s9K8bagkmyYw5x/DTwjyPdTuIo+PdPY9eGMR3QpYEUBf"
            + "kGzKLC0+6/yBmWTr2M98CIY/vg==";

    private static final String TEST_EMBEDDED_CERT =
            "MIIDWTCCAsKgAwIBAgIBBzANBgkqhkiG9w0BAQUFADBVMQswCQYDVQQGEwJHQjEk"
            + "MCIGA1UEChMbQ2VydGlmaWNhdGUgVHJhbnNwYXJlbmN5IENBMQ4wDAYDVQQIEwVX"
            + "YWxlczEQMA4GA1UEBxMHRXJ3IFdlbjAeFw0xMjA2MDEwMDAwMDBaFw0yMjA2MDEw"
            + "MDAwMDBaMFIxCzAJBgNVBAYTAkdCMSEwHwYDVQQKExhDZXJ0aWZpY2F0ZSBUcmFu"
            + "c3BhcmVuY3kxDjAMBgNVBAgTBVdhbGVzMRAwDgYDVQQHEwdFcncgV2VuMIGfMA0G"
            + "CSqGSIb3DQEBAQUAA4GNADCBiQKBgQC+75jnwmh3rjhfdTJaDB0ym+3xj6r015a/"
            + "BH634c4VyVui+A7kWL19uG+KSyUhkaeb1wDDjpwDibRc1NyaEgqyHgy0HNDnKAWk"
            + "EM2cW9tdSSdyba8XEPYBhzd+olsaHjnu0LiBGdwVTcaPfajjDK8VijPmyVCfSgWw"
            + "FAn/Xdh+tQIDAQABo4IBOjCCATYwHQYDVR0OBBYEFCAxVBryXAX/2GWLaEN5T16Q"
            + "Nve0MH0GA1UdIwR2MHSAFF+diA3Ic+ZU1PgN2OawwSS0R8NVoVmkVzBVMQswCQYD"
            + "VQQGEwJHQjEkMCIGA1UEChMbQ2VydGlmaWNhdGUgVHJhbnNwYXJlbmN5IENBMQ4w"
            + "DAYDVQQIEwVXYWxlczEQMA4GA1UEBxMHRXJ3IFdlboIBADAJBgNVHRMEAjAAMIGK"
            + "BgorBgEEAdZ5AgQCBHwEegB4AHYA3xwuwRUAlFJHqWFoMl3cXHlZ6PfG04j8AC4L"
            + "vT9012QAAAE92yffkwAABAMARzBFAiBIL2dRrzXbplQ2vh/WZA89v5pBQpSVkkUw"
            + "KI+j5eI+BgIhAOTtwNs6xXKx4vXoq2poBlOYfc9BAn3+/6EFUZ2J7b8IMA0GCSqG"
            + "SIb3DQEBBQUAA4GBAIoMS+8JnUeSea+goo5on5HhxEIb4tJpoupspOghXd7dyhUE"
            + "oR58h8S3foDw6XkDUmjyfKIOFmgErlVvMWmB+Wo5Srer/T4lWsAERRP+dlcMZ5Wr"
            + "5HAxM9MD+J86+mu8/FFzGd/ZW5NCQSEfY0A1w9B4MHpoxgdaLiDInza4kQyg";

    private static final String TEST_CERT_PROOF =
            "00df1c2ec11500945247a96168325ddc5c7959e8f7c6d388fc002e0bbd3f74d7"
            + "640000013ddb27ded900000403004730450220606e10ae5c2d5a1b0aed49dc49"
            + "37f48de71a4e9784e9c208dfbfe9ef536cf7f2022100beb29c72d7d06d61d06b"
            + "db38a069469aa86fe12e18bb7cc45689a2c0187ef5a5";

    private static final String TEST_PRECERT_PROOF =
            "00df1c2ec11500945247a96168325ddc5c7959e8f7c6d388fc002e0bbd3f74d7"
            + "640000013ddb27df9300000403004730450220482f6751af35dba65436be1fd6"
            + "640f3dbf9a41429495924530288fa3e5e23e06022100e4edc0db3ac572b1e2f5"
            + "e8ab6a680653987dcf41027dfeffa105519d89edbf08";

    /** DER of the OIDs 1.3.6.1.4.1.11129.2.4.3 (precertificate poison) and .2 (SCT list). */
    private static final String POISON_OID = "060a2b06010401d679020403";
    private static final String SCT_LIST_OID = "060a2b06010401d679020402";

    // --- Merkle roots ------------------------------------------------------

    @Test
    public void publishedRootsFollowFromTheLeavesByTheRfc6962Definition() {
        for (int n = 0; n <= 8; n++) {
            assertEquals("root of " + n + " leaves", ROOTS.get(n), hex(merkleTreeHash(leafHashes(n))));
        }
    }

    // --- inclusion ---------------------------------------------------------

    @Test
    public void acceptsEveryPublishedInclusionProof() {
        for (Inclusion v : INCLUSION_PROOFS) {
            assertTrue(v.toString(), verifyInclusion(v, v.leafIndex(), v.treeSize(), hashes(v.path()), root(v.treeSize())));
        }
    }

    @Test
    public void rejectsAnInclusionProofWithAChangedPathElement() {
        for (Inclusion v : INCLUSION_PROOFS) {
            for (int i = 0; i < v.path().size(); i++) {
                List<byte[]> changed = hashes(v.path());
                changed.get(i)[0] ^= 8;
                assertFalse(v + " element " + i, verifyInclusion(v, v.leafIndex(), v.treeSize(), changed, root(v.treeSize())));
                changed = hashes(v.path());
                changed.set(i, root(0));
                assertFalse(v + " element " + i, verifyInclusion(v, v.leafIndex(), v.treeSize(), changed, root(v.treeSize())));
            }
        }
    }

    @Test
    public void rejectsAnInclusionProofForTheWrongLeafIndex() {
        for (Inclusion v : INCLUSION_PROOFS) {
            for (long wrong : new long[] {v.leafIndex() - 1, v.leafIndex() + 1, v.leafIndex() ^ 2, v.treeSize()}) {
                assertFalse(v + " at index " + wrong, verifyInclusion(v, wrong, v.treeSize(), hashes(v.path()), root(v.treeSize())));
            }
        }
    }

    @Test
    public void rejectsAnInclusionProofForTheWrongTreeSize() {
        for (Inclusion v : INCLUSION_PROOFS) {
            for (long wrong : new long[] {v.treeSize() * 2L, v.treeSize() / 2, 0, -1}) {
                assertFalse(v + " at size " + wrong, verifyInclusion(v, v.leafIndex(), wrong, hashes(v.path()), root(v.treeSize())));
            }
            for (int size = v.leafIndex() + 1; size <= 8; size++) {
                if (size != v.treeSize()) {
                    assertFalse(v + " against size " + size,
                            verifyInclusion(v, v.leafIndex(), size, hashes(v.path()), root(size)));
                }
            }
        }
    }

    @Test
    public void rejectsAnInclusionProofAgainstTheWrongRootOrLeaf() {
        for (Inclusion v : INCLUSION_PROOFS) {
            List<byte[]> path = hashes(v.path());
            for (int size = 0; size <= 8; size++) {
                if (size != v.treeSize()) {
                    assertFalse(v + " root " + size, verifyInclusion(v, v.leafIndex(), v.treeSize(), path, root(size)));
                }
            }
            byte[] flipped = root(v.treeSize());
            flipped[31] ^= 1;
            assertFalse(v + " flipped root", verifyInclusion(v, v.leafIndex(), v.treeSize(), path, flipped));
            byte[] wrongLeaf = Rfc9162Verifier.leafHash("WrongLeaf".getBytes(StandardCharsets.US_ASCII));
            assertFalse(v + " wrong leaf",
                    Rfc9162Verifier.verifyInclusion(wrongLeaf, v.leafIndex(), v.treeSize(), path, root(v.treeSize())));
        }
    }

    @Test
    public void rejectsAnInclusionProofWithAnElementAddedOrRemoved() {
        for (Inclusion v : INCLUSION_PROOFS) {
            byte[] root = root(v.treeSize());
            for (UnaryOperator<List<byte[]>> edit : pathEdits(root)) {
                List<byte[]> edited = edit.apply(hashes(v.path()));
                if (edited != null) {
                    assertFalse(v + " edited", verifyInclusion(v, v.leafIndex(), v.treeSize(), edited, root));
                }
            }
        }
    }

    // --- consistency -------------------------------------------------------

    @Test
    public void acceptsEveryPublishedConsistencyProof() {
        for (Consistency v : CONSISTENCY_PROOFS) {
            assertTrue(v.toString(), Rfc9162Verifier.verifyConsistency(
                    v.first(), v.second(), root(v.first()), root(v.second()), hashes(v.path())));
        }
    }

    @Test
    public void rejectsAConsistencyProofWithAChangedPathElement() {
        for (Consistency v : CONSISTENCY_PROOFS) {
            for (int i = 0; i < v.path().size(); i++) {
                List<byte[]> changed = hashes(v.path());
                changed.get(i)[0] ^= 16;
                assertFalse(v + " element " + i, Rfc9162Verifier.verifyConsistency(
                        v.first(), v.second(), root(v.first()), root(v.second()), changed));
            }
        }
    }

    @Test
    public void rejectsAConsistencyProofForTheWrongSizes() {
        for (Consistency v : CONSISTENCY_PROOFS) {
            long[][] wrongSizes = {
                {v.first() - 1, v.second()}, {v.first() + 1, v.second()}, {v.first() ^ 2, v.second()},
                {v.first(), v.second() * 2L}, {v.first(), v.second() / 2}, {v.second(), v.first()}};
            for (long[] sizes : wrongSizes) {
                if (sizes[0] == v.first() && sizes[1] == v.second()) {
                    continue;
                }
                assertFalse(v + " as " + sizes[0] + "->" + sizes[1], Rfc9162Verifier.verifyConsistency(
                        sizes[0], sizes[1], root(v.first()), root(v.second()), hashes(v.path())));
            }
        }
    }

    @Test
    public void rejectsAConsistencyProofAgainstWrongOrSwappedRoots() {
        for (Consistency v : CONSISTENCY_PROOFS) {
            List<byte[]> path = hashes(v.path());
            for (int size = 0; size <= 8; size++) {
                if (size != v.first() && !ROOTS.get(size).equals(ROOTS.get(v.first()))) {
                    assertFalse(v + " first root " + size, Rfc9162Verifier.verifyConsistency(
                            v.first(), v.second(), root(size), root(v.second()), path));
                }
                if (size != v.second()) {
                    assertFalse(v + " second root " + size, Rfc9162Verifier.verifyConsistency(
                            v.first(), v.second(), root(v.first()), root(size), path));
                }
            }
            if (v.first() != v.second()) {
                assertFalse(v + " swapped", Rfc9162Verifier.verifyConsistency(
                        v.first(), v.second(), root(v.second()), root(v.first()), path));
            }
        }
    }

    @Test
    public void rejectsAConsistencyProofWithAnElementAddedOrRemoved() {
        for (Consistency v : CONSISTENCY_PROOFS) {
            for (UnaryOperator<List<byte[]>> edit : pathEdits(root(v.second()))) {
                List<byte[]> edited = edit.apply(hashes(v.path()));
                if (edited != null) {
                    assertFalse(v + " edited", Rfc9162Verifier.verifyConsistency(
                            v.first(), v.second(), root(v.first()), root(v.second()), edited));
                }
            }
        }
    }

    @Test
    public void acceptsTheTrivialConsistencyCasesOnlyWithoutAProof() {
        List<byte[]> none = List.of();
        List<byte[]> one = List.of(root(0));
        for (int n = 0; n <= 8; n++) {
            assertTrue("0->" + n, Rfc9162Verifier.verifyConsistency(0, n, root(0), root(n), none));
            assertTrue(n + "->" + n, Rfc9162Verifier.verifyConsistency(n, n, root(n), root(n), none));
            assertFalse("0->" + n + " with a proof", Rfc9162Verifier.verifyConsistency(0, n, root(0), root(n), one));
            assertFalse(n + "->" + n + " with a proof", Rfc9162Verifier.verifyConsistency(n, n, root(n), root(n), one));
        }
        assertFalse("0->3 from a non-empty root", Rfc9162Verifier.verifyConsistency(0, 3, root(1), root(3), none));
        assertFalse("3->3 with different roots", Rfc9162Verifier.verifyConsistency(3, 3, root(3), root(4), none));
        assertFalse("1->2 without a proof", Rfc9162Verifier.verifyConsistency(1, 2, root(1), root(2), none));
    }

    /**
     * Beyond the published vectors: every inclusion (index, size) and
     * consistency (first, second) pair up to eight leaves, with proofs built
     * here from the RFC 6962 section 2.1.1 PATH and 2.1.2 PROOF definitions,
     * which must also reproduce each published proof.
     */
    @Test
    public void agreesWithRfc6962PathAndProofForEveryPairUpToEightLeaves() {
        for (Inclusion v : INCLUSION_PROOFS) {
            assertEquals(v.toString(), v.path(), hexes(path(v.leafIndex(), leafHashes(v.treeSize()))));
        }
        for (Consistency v : CONSISTENCY_PROOFS) {
            assertEquals(v.toString(), v.path(), hexes(proof(v.first(), leafHashes(v.second()))));
        }
        for (int n = 1; n <= 8; n++) {
            for (int i = 0; i < n; i++) {
                assertTrue(i + "/" + n, Rfc9162Verifier.verifyInclusion(
                        Rfc9162Verifier.leafHash(leaf(i)), i, n, path(i, leafHashes(n)), root(n)));
            }
            for (int m = 1; m <= n; m++) {
                assertTrue(m + "->" + n, Rfc9162Verifier.verifyConsistency(
                        m, n, root(m), root(n), proof(m, leafHashes(n))));
            }
        }
    }

    // --- signature inputs --------------------------------------------------

    @Test
    public void treeHeadSignatureInputIsTheRfc6962Layout() {
        byte[] input = Rfc9162Verifier.treeHeadSignatureInput(0x0102030405060708L, 9, root(8));
        assertEquals("00" + "01" + "0102030405060708" + "0000000000000009" + ROOTS.get(8), hex(input));
    }

    @Test
    public void sctSignatureInputsAreTheRfc6962Layout() {
        byte[] x509 = Rfc9162Verifier.sctSignatureInputX509(0x13ddb27ded9L, bytes("0a0b0c"), new byte[0]);
        assertEquals("00" + "00" + "0000013ddb27ded9" + "0000" + "000003" + "0a0b0c" + "0000", hex(x509));
        String issuerKeyHash = "11".repeat(32);
        byte[] precert = Rfc9162Verifier.sctSignatureInputPrecert(7, bytes(issuerKeyHash), bytes("0a0b"), bytes("0102"));
        assertEquals("00" + "00" + "0000000000000007" + "0001" + issuerKeyHash + "000002" + "0a0b" + "0002" + "0102",
                hex(precert));
    }

    @Test
    public void verifiesThePublishedSctOverTheTestCertificate() throws Exception {
        Rfc9162Verifier.Sct sct = Rfc9162Verifier.parseSct(bytes(TEST_CERT_PROOF));
        assertEquals(0, sct.version());
        assertEquals("df1c2ec11500945247a96168325ddc5c7959e8f7c6d388fc002e0bbd3f74d764", hex(sct.logId()));
        assertEquals(0x13ddb27ded9L, sct.timestamp());
        assertEquals(0, sct.extensions().length);
        // The log ID is the SHA-256 of the log's public key (RFC 6962 section 3.2).
        assertArrayEquals(sct.logId(), sha256(logKey().getEncoded()));

        byte[] input = Rfc9162Verifier.sctSignatureInputX509(sct.timestamp(), certificate(TEST_CERT).getEncoded(), sct.extensions());
        assertTrue(Rfc9162Verifier.verifyDigitallySigned(sct.digitallySigned(), logKey(), input));
        assertFalse("another timestamp", Rfc9162Verifier.verifyDigitallySigned(sct.digitallySigned(), logKey(),
                Rfc9162Verifier.sctSignatureInputX509(sct.timestamp() + 1, certificate(TEST_CERT).getEncoded(), sct.extensions())));
        assertFalse("another certificate", Rfc9162Verifier.verifyDigitallySigned(sct.digitallySigned(), logKey(),
                Rfc9162Verifier.sctSignatureInputX509(sct.timestamp(), certificate(CA_CERT).getEncoded(), sct.extensions())));
    }

    @Test
    public void verifiesThePublishedSctOverTheTestPrecertificate() throws Exception {
        byte[] issuerKeyHash = sha256(certificate(CA_CERT).getPublicKey().getEncoded());
        byte[] tbsFromPrecert = withoutExtension(certificate(TEST_PRECERT).getTBSCertificate(), POISON_OID);
        byte[] tbsFromFinal = withoutExtension(certificate(TEST_EMBEDDED_CERT).getTBSCertificate(), SCT_LIST_OID);
        assertArrayEquals("the precertificate and the final certificate describe the same TBS", tbsFromPrecert, tbsFromFinal);

        Rfc9162Verifier.Sct sct = Rfc9162Verifier.parseSct(bytes(TEST_PRECERT_PROOF));
        byte[] input = Rfc9162Verifier.sctSignatureInputPrecert(sct.timestamp(), issuerKeyHash, tbsFromPrecert, sct.extensions());
        assertTrue(Rfc9162Verifier.verifyDigitallySigned(sct.digitallySigned(), logKey(), input));
        byte[] poisoned = certificate(TEST_PRECERT).getTBSCertificate();
        assertFalse("TBS still poisoned", Rfc9162Verifier.verifyDigitallySigned(sct.digitallySigned(), logKey(),
                Rfc9162Verifier.sctSignatureInputPrecert(sct.timestamp(), issuerKeyHash, poisoned, sct.extensions())));
        assertFalse("another issuer", Rfc9162Verifier.verifyDigitallySigned(sct.digitallySigned(), logKey(),
                Rfc9162Verifier.sctSignatureInputPrecert(sct.timestamp(), sha256(logKey().getEncoded()), tbsFromPrecert, sct.extensions())));
    }

    @Test
    public void readsTheEmbeddedSctListThroughBothOctetStringLayers() throws Exception {
        byte[] extensionValue = certificate(TEST_EMBEDDED_CERT).getExtensionValue(Rfc9162Verifier.SCT_LIST_OID);
        List<byte[]> scts = Rfc9162Verifier.parseSctList(extensionValue);
        assertEquals(1, scts.size());
        assertEquals(TEST_PRECERT_PROOF, hex(scts.get(0)));

        byte[] innerLayerOnly = java.util.Arrays.copyOfRange(extensionValue, 2, extensionValue.length);
        assertEquals(TEST_PRECERT_PROOF, hex(Rfc9162Verifier.parseSctList(innerLayerOnly).get(0)));

        byte[] two = tls16(concat(tls16(bytes(TEST_CERT_PROOF)), tls16(bytes(TEST_PRECERT_PROOF))));
        List<byte[]> both = Rfc9162Verifier.parseSctList(der(0x04, der(0x04, two)));
        assertEquals(List.of(TEST_CERT_PROOF, TEST_PRECERT_PROOF), hexes(both));
    }

    @Test
    public void rejectsMalformedSctsAndSctLists() {
        byte[] sct = bytes(TEST_CERT_PROOF);
        assertThrows(IllegalArgumentException.class, () -> Rfc9162Verifier.parseSct(concat(sct, new byte[] {0})));
        assertThrows(IllegalArgumentException.class,
                () -> Rfc9162Verifier.parseSct(java.util.Arrays.copyOf(sct, sct.length - 1)));
        byte[] version2 = sct.clone();
        version2[0] = 1;
        assertThrows(IllegalArgumentException.class, () -> Rfc9162Verifier.parseSct(version2));
        assertThrows(IllegalArgumentException.class, () -> Rfc9162Verifier.parseSctList(der(0x04, der(0x04, tls16(new byte[0])))));
        assertThrows(IllegalArgumentException.class, () -> Rfc9162Verifier.parseSctList(tls16(tls16(sct))));
        assertThrows(IllegalArgumentException.class,
                () -> Rfc9162Verifier.parseSctList(der(0x04, der(0x04, concat(tls16(tls16(sct)), new byte[] {0})))));
    }

    @Test
    public void rejectsTamperedSignaturesAndOtherAlgorithms() throws Exception {
        Rfc9162Verifier.Sct sct = Rfc9162Verifier.parseSct(bytes(TEST_CERT_PROOF));
        byte[] input = Rfc9162Verifier.sctSignatureInputX509(sct.timestamp(), certificate(TEST_CERT).getEncoded(), sct.extensions());
        byte[] good = sct.digitallySigned();
        assertTrue(Rfc9162Verifier.verifyDigitallySigned(good, logKey(), input));

        byte[] otherHash = good.clone();
        otherHash[0] = 5; // sha384
        byte[] otherSignature = good.clone();
        otherSignature[1] = 1; // rsa
        byte[] badLength = good.clone();
        badLength[3]++;
        byte[] flipped = good.clone();
        flipped[flipped.length - 1] ^= 1;
        for (byte[] bad : List.of(otherHash, otherSignature, badLength, flipped, java.util.Arrays.copyOf(good, 10), new byte[0])) {
            assertFalse(hex(bad), Rfc9162Verifier.verifyDigitallySigned(bad, logKey(), input));
        }
        assertFalse("another key", Rfc9162Verifier.verifyDigitallySigned(good, freshKey().getPublic(), input));
    }

    @Test
    public void verifiesATreeHeadSignedWithAFreshKey() throws Exception {
        KeyPair key = freshKey();
        byte[] input = Rfc9162Verifier.treeHeadSignatureInput(1_700_000_000_000L, 8, root(8));
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(key.getPrivate());
        signer.update(input);
        byte[] digitallySigned = concat(new byte[] {4, 3}, tls16(signer.sign()));

        assertTrue(Rfc9162Verifier.verifyDigitallySigned(digitallySigned, key.getPublic(), input));
        assertFalse(Rfc9162Verifier.verifyDigitallySigned(digitallySigned, key.getPublic(),
                Rfc9162Verifier.treeHeadSignatureInput(1_700_000_000_000L, 7, root(8))));
        assertFalse(Rfc9162Verifier.verifyDigitallySigned(digitallySigned, key.getPublic(),
                Rfc9162Verifier.treeHeadSignatureInput(1_700_000_000_000L, 8, root(7))));
    }

    // --- reference definitions (RFC 6962 section 2.1), test-side only ------

    private static List<byte[]> leafHashes(int n) {
        List<byte[]> hashes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            hashes.add(Rfc9162Verifier.leafHash(leaf(i)));
        }
        return hashes;
    }

    /** MTH over leaf hashes: the largest power of two k &lt; n splits the tree. */
    private static byte[] merkleTreeHash(List<byte[]> leafHashes) {
        int n = leafHashes.size();
        if (n == 0) {
            return sha256(new byte[0]);
        }
        if (n == 1) {
            return leafHashes.get(0);
        }
        int k = split(n);
        return sha256(new byte[] {1}, merkleTreeHash(leafHashes.subList(0, k)), merkleTreeHash(leafHashes.subList(k, n)));
    }

    /** PATH(m, D[n]). */
    private static List<byte[]> path(int m, List<byte[]> d) {
        int n = d.size();
        List<byte[]> result = new ArrayList<>();
        if (n <= 1) {
            return result;
        }
        int k = split(n);
        if (m < k) {
            result.addAll(path(m, d.subList(0, k)));
            result.add(merkleTreeHash(d.subList(k, n)));
        } else {
            result.addAll(path(m - k, d.subList(k, n)));
            result.add(merkleTreeHash(d.subList(0, k)));
        }
        return result;
    }

    /** PROOF(m, D[n]) = SUBPROOF(m, D[n], true). */
    private static List<byte[]> proof(int m, List<byte[]> d) {
        return m == d.size() ? new ArrayList<>() : subproof(m, d, true);
    }

    private static List<byte[]> subproof(int m, List<byte[]> d, boolean complete) {
        int n = d.size();
        List<byte[]> result = new ArrayList<>();
        if (m == n) {
            if (!complete) {
                result.add(merkleTreeHash(d));
            }
            return result;
        }
        int k = split(n);
        if (m <= k) {
            result.addAll(subproof(m, d.subList(0, k), complete));
            result.add(merkleTreeHash(d.subList(k, n)));
        } else {
            result.addAll(subproof(m - k, d.subList(k, n), false));
            result.add(merkleTreeHash(d.subList(0, k)));
        }
        return result;
    }

    private static int split(int n) {
        int k = 1;
        while (k * 2 < n) {
            k *= 2;
        }
        return k;
    }

    // --- helpers -----------------------------------------------------------

    private static boolean verifyInclusion(Inclusion v, long index, long size, List<byte[]> path, byte[] root) {
        return Rfc9162Verifier.verifyInclusion(Rfc9162Verifier.leafHash(leaf(v.leafIndex())), index, size, path, root);
    }

    /** Ways to corrupt a proof by adding or removing an element; null where they do not apply. */
    private static List<UnaryOperator<List<byte[]>>> pathEdits(byte[] root) {
        byte[] someHash = bytes("abacaba000000000000000000000000000000000000000000060061e00123456");
        return List.of(
                p -> add(p, p.size(), someHash),
                p -> add(p, p.size(), root),
                p -> add(p, 0, someHash),
                p -> add(p, 0, root),
                p -> p.isEmpty() ? null : add(p, 0, p.get(0)),
                p -> p.isEmpty() ? null : new ArrayList<>(p.subList(0, p.size() - 1)),
                p -> p.size() < 2 ? null : new ArrayList<>(p.subList(1, p.size())));
    }

    private static List<byte[]> add(List<byte[]> p, int at, byte[] element) {
        List<byte[]> copy = new ArrayList<>(p);
        copy.add(at, element);
        return copy;
    }

    private static byte[] leaf(int index) {
        return bytes(LEAVES.get(index));
    }

    private static byte[] root(long treeSize) {
        return bytes(ROOTS.get(Math.toIntExact(treeSize)));
    }

    private static List<byte[]> hashes(List<String> hex) {
        List<byte[]> result = new ArrayList<>();
        hex.forEach(h -> result.add(bytes(h)));
        return result;
    }

    private static List<String> hexes(List<byte[]> values) {
        return values.stream().map(Rfc9162VerifierCheckIT::hex).toList();
    }

    private static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    private static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                digest.update(part);
            }
            return digest.digest();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] tls16(byte[] b) {
        return concat(new byte[] {(byte) (b.length >>> 8), (byte) b.length}, b);
    }

    private static X509Certificate certificate(String base64Der) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(base64Der)));
    }

    private static PublicKey logKey() throws Exception {
        return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(LOG_PUBLIC_KEY_B64)));
    }

    private static KeyPair freshKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    // --- minimal DER surgery to rebuild a precertificate's TBS -------------

    /**
     * The TBSCertificate with the extension of the given (DER-encoded) OID
     * removed, as RFC 6962 section 3.2 signs it for a precertificate.
     */
    private static byte[] withoutExtension(byte[] tbs, String oidDer) {
        List<byte[]> fields = children(tbs);
        for (int i = 0; i < fields.size(); i++) {
            if ((fields.get(i)[0] & 0xff) == 0xa3) {
                List<byte[]> kept = new ArrayList<>();
                for (byte[] extension : children(children(fields.get(i)).get(0))) {
                    if (!hex(children(extension).get(0)).equals(oidDer)) {
                        kept.add(extension);
                    }
                }
                fields.set(i, der(0xa3, der(0x30, concat(kept.toArray(new byte[0][])))));
            }
        }
        return der(0x30, concat(fields.toArray(new byte[0][])));
    }

    /** The complete encodings of the elements inside a constructed DER value (single-byte tags). */
    private static List<byte[]> children(byte[] tlv) {
        List<byte[]> result = new ArrayList<>();
        int offset = headerLength(tlv, 0);
        while (offset < tlv.length) {
            int end = offset + headerLength(tlv, offset) + contentLength(tlv, offset);
            result.add(java.util.Arrays.copyOfRange(tlv, offset, end));
            offset = end;
        }
        return result;
    }

    private static int headerLength(byte[] b, int at) {
        int first = b[at + 1] & 0xff;
        return first < 0x80 ? 2 : 2 + (first & 0x7f);
    }

    private static int contentLength(byte[] b, int at) {
        int first = b[at + 1] & 0xff;
        if (first < 0x80) {
            return first;
        }
        int length = 0;
        for (int i = 0; i < (first & 0x7f); i++) {
            length = (length << 8) | (b[at + 2 + i] & 0xff);
        }
        return length;
    }

    private static byte[] der(int tag, byte[] content) {
        int n = content.length;
        byte[] length = n < 0x80 ? new byte[] {(byte) n}
                : n < 0x100 ? new byte[] {(byte) 0x81, (byte) n}
                : new byte[] {(byte) 0x82, (byte) (n >>> 8), (byte) n};
        return concat(new byte[] {(byte) tag}, length, content);
    }
}
