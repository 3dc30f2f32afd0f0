package network.internet2.trustchain.ca;

import java.math.BigInteger;

/** No certificate with the given serial was issued by this CA. */
public class UnknownCertificateException extends CaException {

    private static final long serialVersionUID = 1L;

    public UnknownCertificateException(BigInteger serial) {
        super("no certificate with serial " + serial.toString(16) + " was issued by this CA");
    }
}
