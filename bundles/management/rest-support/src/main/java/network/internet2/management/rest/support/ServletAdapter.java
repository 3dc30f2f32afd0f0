package network.internet2.management.rest.support;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * The servlet side of a REST interface, the same for each: requests other than
 * {@code GET}/{@code HEAD} are authenticated when an authenticator is given, their
 * body is read up to a {@link BodyLimit} (413 beyond), the request goes to the
 * {@link ApiHandler}, and the answer is written with {@code Cache-Control: no-store}
 * and without a body for {@code HEAD}. Refusals met here are written in the
 * interface's {@link ErrorFormat}.
 *
 * <p>A servlet component holds one and delegates its {@code service} method to it.
 */
public final class ServletAdapter {

    private final ApiHandler handler;
    private final ErrorFormat errors;
    /** {@code null} when authentication is off. */
    private final JaasBasicAuthenticator authenticator;
    private final BodyLimit limit;

    /**
     * @param handler       the endpoints
     * @param errors        how refusals are written
     * @param authenticator checks requests other than GET and HEAD, or {@code null} to let them through
     * @param limit         the largest body read
     */
    public ServletAdapter(ApiHandler handler, ErrorFormat errors, JaasBasicAuthenticator authenticator,
            BodyLimit limit) {
        this.handler = handler;
        this.errors = errors;
        this.authenticator = authenticator;
        this.limit = limit;
    }

    /** @return whether requests other than GET and HEAD need credentials */
    public boolean authenticates() {
        return authenticator != null;
    }

    /** Answers one request; the path handed on is the servlet's path info. */
    public void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String method = request.getMethod();
        boolean readOnly = Methods.isRead(method);
        ApiResponse answer;
        try {
            if (!readOnly && authenticator != null) {
                authenticator.authorize(request.getHeader("Authorization"));
            }
            byte[] body = readOnly ? new byte[0] : body(request);
            answer = handler.handle(new ApiRequest(method, request.getPathInfo(), request.getQueryString(),
                    request.getHeader("Accept"), body));
        } catch (ApiException refusal) {
            answer = errors.answer(refusal);
        }
        response.setStatus(answer.status());
        response.setHeader("Content-Type", answer.contentType());
        response.setHeader("Cache-Control", "no-store");
        for (Map.Entry<String, String> header : answer.headers().entrySet()) {
            response.setHeader(header.getKey(), header.getValue());
        }
        response.setContentLength(answer.body().length);
        if (!"HEAD".equals(method)) {
            response.getOutputStream().write(answer.body());
        }
    }

    /**
     * Reads the body, at most {@link BodyLimit#maxBytes()} bytes.
     *
     * @throws ApiException 413 if the body is larger; a body of up to
     *         {@link BodyLimit#drainBytes()} is read to its end first
     */
    private byte[] body(HttpServletRequest request) throws IOException, ApiException {
        long declared = request.getContentLengthLong();
        try (InputStream in = request.getInputStream()) {
            if (declared > limit.maxBytes()) {
                if (declared <= limit.drainBytes()) {
                    drain(in);
                }
                throw tooLarge();
            }
            byte[] body = in.readNBytes(limit.maxBytes() + 1);
            if (body.length > limit.maxBytes()) {
                drain(in);
                throw tooLarge();
            }
            return body;
        }
    }

    private void drain(InputStream in) throws IOException {
        byte[] buffer = new byte[8192];
        long left = limit.drainBytes();
        for (int read = 0; left > 0 && read >= 0; read = in.read(buffer, 0, (int) Math.min(buffer.length, left))) {
            left -= read;
        }
    }

    private ApiException tooLarge() {
        return new ApiException(413, limit.tooLargeMessage());
    }
}
