package network.internet2.trustchain.ca.internal;

import java.security.cert.X509Certificate;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

import network.internet2.trustchain.ca.CaException;
import network.internet2.trustchain.ca.CaUnavailableException;
import network.internet2.trustchain.ct.LogException;
import network.internet2.trustchain.ct.SignedCertificateTimestamp;
import network.internet2.trustchain.ct.TransparencyLog;

/**
 * Logs precertificates in the node's {@link TransparencyLog}, looked up in the
 * service registry at each issuance (so that the order in which the CA, the log
 * and their users start never matters). When the log is missing or refuses, the
 * issuance fails with the reason — unless CT is configured optional, in which
 * case a missing log means a certificate without SCTs.
 */
final class LoggingThroughTransparencyLog implements PrecertificateLog {

    private final BundleContext context;
    private final boolean required;

    LoggingThroughTransparencyLog(BundleContext context, boolean required) {
        this.context = context;
        this.required = required;
    }

    @Override
    public byte[] log(List<X509Certificate> chain) throws CaException {
        ServiceReference<TransparencyLog> reference = context.getServiceReference(TransparencyLog.class);
        TransparencyLog log = reference == null ? null : context.getService(reference);
        if (log == null) {
            if (required) {
                throw new CaUnavailableException("the Certificate Transparency log is not available (install "
                        + "feature trustchain-ct, or set require.certificate.transparency = false); nothing was issued");
            }
            return null;
        }
        try {
            SignedCertificateTimestamp sct = log.addPreChain(chain);
            return sctList(List.of(sct.encoded()));
        } catch (LogException.BadRequest e) {
            throw new CaException("the CT log refused the precertificate (" + e.getMessage()
                    + "); nothing was issued", e);
        } catch (LogException e) {
            throw new CaUnavailableException("the CT log cannot accept the precertificate now (" + e.getMessage()
                    + "); nothing was issued", e);
        } finally {
            context.ungetService(reference);
        }
    }

    /** RFC 6962 section 3.3: {@code SignedCertificateTimestampList}, a 16-bit-length list of 16-bit-length SCTs. */
    static byte[] sctList(List<byte[]> serializedScts) {
        int total = 0;
        for (byte[] sct : serializedScts) {
            total += 2 + sct.length;
        }
        if (total > 0xFFFF) {
            throw new IllegalArgumentException("SCT list of " + total + " bytes does not fit 16 bits");
        }
        byte[] list = new byte[2 + total];
        list[0] = (byte) (total >>> 8);
        list[1] = (byte) total;
        int at = 2;
        for (byte[] sct : serializedScts) {
            list[at++] = (byte) (sct.length >>> 8);
            list[at++] = (byte) sct.length;
            System.arraycopy(sct, 0, list, at, sct.length);
            at += sct.length;
        }
        return list;
    }
}
