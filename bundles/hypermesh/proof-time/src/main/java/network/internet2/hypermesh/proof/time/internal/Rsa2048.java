package network.internet2.hypermesh.proof.time.internal;

import java.math.BigInteger;

/**
 * The group of unknown order the VDF squares in: integers modulo RSA-2048.
 */
final class Rsa2048 {

    /**
     * RSA-2048 from the RSA Factoring Challenge (RSA Laboratories, 1991;
     * listed at https://en.wikipedia.org/wiki/RSA_numbers#RSA-2048): 617 decimal
     * digits, 2048 bits, and no factorisation has been published. Its
     * generator's primes were destroyed, so nobody knows the group's order,
     * which is what makes x^(2^T) cost T sequential squarings. Checked in
     * {@code Rsa2048Test}: digit count, bit length, oddness, no small factor,
     * and its published hexadecimal ends.
     */
    static final String DECIMAL =
            "2519590847565789349402718324004839857142928212620403202777713783604366202070759555626401852588078440"
            + "6918290641249515082189298559149176184502808489120072844992687392807287776735971418347270261896375014"
            + "9718246911650776133798590957000973304597488084284017974291006424586918171951187461215151726546322822"
            + "1686998754918242243363725908514186546204357679842338718477444792073993423658482382428119816381501067"
            + "4810451660377306056201619676256133844143603833904414952634432190114657544454178424020924616515723350"
            + "7787077498171257724679629263863563732899121548314381678998850404453640235273819513786365643912120103"
            + "97122822120720357";

    static final BigInteger MODULUS = new BigInteger(DECIMAL);

    private Rsa2048() {
    }
}
