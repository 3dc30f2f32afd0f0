package network.internet2.trustchain.ca;

import java.time.Duration;
import java.util.Objects;

/**
 * A request to issue a certificate.
 *
 * @param pkcs10   the DER encoding of a PKCS#10 certification request, classical or
 *                 hybrid (carrying a FALCON-1024 public key and alternative signature)
 * @param validity the validity wanted, or {@code null} for the CA's default
 */
public record CertificateRequest(byte[] pkcs10, Duration validity) {

    public CertificateRequest {
        Objects.requireNonNull(pkcs10, "pkcs10");
        pkcs10 = pkcs10.clone();
        if (validity != null && (validity.isNegative() || validity.isZero())) {
            throw new IllegalArgumentException("validity must be positive: " + validity);
        }
    }

    @Override
    public byte[] pkcs10() {
        return pkcs10.clone();
    }
}
