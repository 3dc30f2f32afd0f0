/**
 * What the node's REST bundles share, free of any one API: HTTP Basic authentication
 * against Karaf's JAAS realm ({@link network.internet2.management.rest.support.JaasBasicAuthenticator}),
 * requests and answers free of the servlet API ({@link network.internet2.management.rest.support.ApiRequest},
 * {@link network.internet2.management.rest.support.ApiResponse}), refusals with their HTTP status
 * ({@link network.internet2.management.rest.support.ApiException}) rendered in each API's own error
 * shape ({@link network.internet2.management.rest.support.ErrorFormat}), strict JSON
 * ({@link network.internet2.management.rest.support.Json}), method checks
 * ({@link network.internet2.management.rest.support.Methods}) and the servlet plumbing — bounded bodies,
 * authentication of requests that are not reads, headers — in
 * {@link network.internet2.management.rest.support.ServletAdapter}.
 *
 * <p>This package is <em>never exported</em> and its module is not a deployed bundle: each REST
 * bundle (such as {@code trustchain-ca-rest} and {@code trustchain-ct-rest}) embeds a private copy
 * with bnd's {@code -conditionalpackage}, so REST bundles stay independent of one another and no
 * version of this package is ever shared at run time. Hence no {@code @Export} and no
 * {@code @Version} here: public types are public only so that the embedding bundles can use them.
 */
package network.internet2.management.rest.support;
