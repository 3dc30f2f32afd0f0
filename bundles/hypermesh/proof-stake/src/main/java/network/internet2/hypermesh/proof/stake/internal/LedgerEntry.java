package network.internet2.hypermesh.proof.stake.internal;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import network.internet2.hypermesh.proof.stake.StakeEntry.Kind;

/**
 * One signed entry of the stake ledger, as recorded in its journal.
 *
 * <p>The signature is made with the account's staking key over
 * {@link #signedMessage(byte[])}: a tag, the ledger id, the height, the
 * account, the kind and the amount, and for the deposit that registers an
 * account also the key's algorithm and encoding, so that it cannot be moved to
 * another ledger, height, account or amount, nor a registration to another key.
 *
 * <p>Journal form (fields separated by one space; the account URL-encoded,
 * binary fields base64):
 * <pre>
 * deposit  &lt;height&gt; &lt;account&gt; &lt;amount&gt; &lt;key algorithm | -&gt; &lt;SubjectPublicKeyInfo | -&gt; &lt;signature&gt;
 * withdraw &lt;height&gt; &lt;account&gt; &lt;amount&gt; &lt;signature&gt;
 * </pre>
 * Only the canonical form is read back: a line that parses but would be
 * written differently is refused.
 *
 * @param height       the ledger height after this entry
 * @param account      the account it changes
 * @param kind         deposit or withdrawal
 * @param amount       how much it moves
 * @param keyAlgorithm the staking key's algorithm when this deposit registers the account, else {@code null}
 * @param publicKey    the staking key's X.509 SubjectPublicKeyInfo when this deposit registers the account, else {@code null}
 * @param signature    the account's staking signature over {@link #signedMessage(byte[])}
 */
record LedgerEntry(long height, String account, Kind kind, long amount, String keyAlgorithm, byte[] publicKey,
        byte[] signature) {

    static final String ENTRY_TAG = "internet2.network/hypermesh/proof/stake/ledger-entry/v1";

    private static final String DEPOSIT = "deposit";
    private static final String WITHDRAW = "withdraw";
    private static final String NONE = "-";
    /** Longest account name, in UTF-8 bytes (a DNS name is at most 253). */
    static final int MAX_ACCOUNT_BYTES = 255;

    LedgerEntry {
        publicKey = publicKey == null ? null : publicKey.clone();
        signature = signature.clone();
    }

    @Override
    public byte[] publicKey() {
        return publicKey == null ? null : publicKey.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /** @return whether this deposit registers its account's staking key */
    boolean registers() {
        return keyAlgorithm != null;
    }

    /** @return the bytes the account's staking key signs for this entry in the ledger {@code ledgerId} */
    byte[] signedMessage(byte[] ledgerId) {
        return message(ledgerId, height, account, kind, amount, keyAlgorithm, publicKey);
    }

    static byte[] message(byte[] ledgerId, long height, String account, Kind kind, long amount, String keyAlgorithm,
            byte[] publicKey) {
        return Canonical.tagged(ENTRY_TAG)
                .bytes(ledgerId)
                .u64(height)
                .text(account)
                .u8(kind == Kind.DEPOSIT ? 1 : 2)
                .u64(amount)
                .text(keyAlgorithm == null ? "" : keyAlgorithm)
                .bytes(publicKey == null ? new byte[0] : publicKey)
                .toBytes();
    }

    /** @return the journal form of this entry */
    String toPayload() {
        Base64.Encoder base64 = Base64.getEncoder();
        String head = (kind == Kind.DEPOSIT ? DEPOSIT : WITHDRAW) + " " + height + " "
                + URLEncoder.encode(account, StandardCharsets.UTF_8) + " " + amount;
        if (kind == Kind.WITHDRAW) {
            return head + " " + base64.encodeToString(signature);
        }
        return head + " " + (registers() ? keyAlgorithm : NONE) + " "
                + (registers() ? base64.encodeToString(publicKey) : NONE) + " " + base64.encodeToString(signature);
    }

    /**
     * Reads an entry from its journal form.
     *
     * @throws IllegalArgumentException saying what is wrong with it
     */
    static LedgerEntry parse(String payload) {
        String[] fields = payload.split(" ", -1);
        boolean deposit = DEPOSIT.equals(fields[0]);
        if (!deposit && !WITHDRAW.equals(fields[0])) {
            throw new IllegalArgumentException("unknown entry kind '" + fields[0] + "'");
        }
        int expected = deposit ? 7 : 5;
        if (fields.length != expected) {
            throw new IllegalArgumentException(fields[0] + " entry has " + fields.length + " fields, not " + expected);
        }
        Base64.Decoder base64 = Base64.getDecoder();
        try {
            long height = Long.parseLong(fields[1]);
            String account = URLDecoder.decode(fields[2], StandardCharsets.UTF_8);
            long amount = Long.parseLong(fields[3]);
            String algorithm = null;
            byte[] key = null;
            if (deposit && !(NONE.equals(fields[4]) && NONE.equals(fields[5]))) {
                algorithm = fields[4];
                key = base64.decode(fields[5]);
            }
            byte[] signature = base64.decode(fields[expected - 1]);
            LedgerEntry entry = new LedgerEntry(height, account, deposit ? Kind.DEPOSIT : Kind.WITHDRAW, amount,
                    algorithm, key, signature);
            if (!entry.toPayload().equals(payload)) {
                throw new IllegalArgumentException("entry is not in its canonical form");
            }
            return entry;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("height or amount is not a number", e);
        }
        // IllegalArgumentException from URL or base64 decoding passes through with its own message
    }

    /** @return what is wrong with {@code account} as an account name, or {@code null} if nothing */
    static String accountProblem(String account) {
        if (account == null || account.isEmpty()) {
            return "an account is named by a node identity, e.g. node1.internet2.network; none was given";
        }
        byte[] utf8 = account.getBytes(StandardCharsets.UTF_8);
        if (utf8.length > MAX_ACCOUNT_BYTES) {
            return "account name is longer than " + MAX_ACCOUNT_BYTES + " bytes";
        }
        if (!new String(utf8, StandardCharsets.UTF_8).equals(account)
                || account.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            return "account name '" + account.strip() + "' holds a space, a control character or a broken "
                    + "character: use the node's certificate identity, e.g. node1.internet2.network";
        }
        return null;
    }
}
