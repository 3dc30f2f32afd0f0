package network.internet2.trustchain.ca.internal;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What the CA core needs to know, independent of how it is configured.
 *
 * @param directory            where the CA keeps its keys, certificates and journal
 * @param passphraseFile       the file holding the key-encryption passphrase (created if missing)
 * @param zone                 the DNS zone every certified name must lie in
 * @param leafValidity         default validity of issued certificates
 * @param intermediateValidity validity of intermediates
 * @param rootValidity         validity of the root
 * @param requirePostQuantum   whether every certificate must carry a FALCON-1024 signature
 *                             (false only where a profile explicitly allows classical-only)
 */
record CaSettings(Path directory, Path passphraseFile, String zone, Duration leafValidity,
        Duration intermediateValidity, Duration rootValidity, boolean requirePostQuantum) {
}
