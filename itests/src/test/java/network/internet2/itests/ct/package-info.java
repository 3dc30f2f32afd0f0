/**
 * Certificate Transparency checks made from outside the log: an independent
 * verifier written from RFC 9162 and RFC 6962 alone, which integration tests
 * use to judge the proofs, tree heads and SCTs the running log hands out
 * without trusting any of the log's own code.
 */
package network.internet2.itests.ct;
