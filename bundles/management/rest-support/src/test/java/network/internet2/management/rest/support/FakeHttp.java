package network.internet2.management.rest.support;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import javax.servlet.ReadListener;
import javax.servlet.ServletInputStream;
import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * Hand-made servlet requests and responses for tests of REST servlets, without a
 * container: only what {@link ServletAdapter} uses is answered, anything else
 * fails the test. Shared with the REST bundles' tests through this module's test jar.
 */
public final class FakeHttp {

    private FakeHttp() {
    }

    /** A request to build and send. */
    public static final class Request {
        private final String method;
        private final String pathInfo;
        private String query;
        private byte[] body = new byte[0];
        private Long declaredLength;
        private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        private int bytesRead;

        public Request(String method, String pathInfo) {
            this.method = method;
            this.pathInfo = pathInfo;
        }

        public Request query(String rawQuery) {
            this.query = rawQuery;
            return this;
        }

        public Request body(byte[] content) {
            this.body = content.clone();
            return this;
        }

        public Request body(String content) {
            return body(content.getBytes(StandardCharsets.UTF_8));
        }

        /** Sends the body without a {@code Content-Length}, as chunked transfer does. */
        public Request chunked() {
            this.declaredLength = -1L;
            return this;
        }

        public Request header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        /** @return how many body bytes the servlet read */
        public int bytesRead() {
            return bytesRead;
        }

        /** @return the request as the servlet API sees it */
        public HttpServletRequest build() {
            ByteArrayInputStream content = new ByteArrayInputStream(body);
            ServletInputStream in = new ServletInputStream() {
                @Override
                public int read() {
                    int next = content.read();
                    if (next >= 0) {
                        bytesRead++;
                    }
                    return next;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    int read = content.read(buffer, offset, length);
                    if (read > 0) {
                        bytesRead += read;
                    }
                    return read;
                }

                @Override
                public boolean isFinished() {
                    return content.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }
            };
            long length = declaredLength != null ? declaredLength : body.length;
            return (HttpServletRequest) Proxy.newProxyInstance(FakeHttp.class.getClassLoader(),
                    new Class<?>[] {HttpServletRequest.class}, (proxy, called, arguments) -> {
                        switch (called.getName()) {
                            case "getMethod": return method;
                            case "getPathInfo": return pathInfo;
                            case "getQueryString": return query;
                            case "getHeader": return headers.get((String) arguments[0]);
                            case "getContentLengthLong": return length;
                            case "getContentLength": return (int) Math.min(Integer.MAX_VALUE, length);
                            case "getInputStream": return in;
                            case "toString": return method + " " + pathInfo;
                            default: throw new UnsupportedOperationException("FakeHttp request: " + called);
                        }
                    });
        }
    }

    /** What a servlet answered. */
    public static final class Response {
        private int status = 200;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();
        private Integer contentLength;

        public int status() {
            return status;
        }

        /** @return a header, by name in any case, or {@code null} */
        public String header(String name) {
            for (Map.Entry<String, String> header : headers.entrySet()) {
                if (header.getKey().equalsIgnoreCase(name)) {
                    return header.getValue();
                }
            }
            return null;
        }

        public byte[] body() {
            return body.toByteArray();
        }

        public String text() {
            return body.toString(StandardCharsets.UTF_8);
        }

        /** @return the declared {@code Content-Length}, or {@code null} */
        public Integer contentLength() {
            return contentLength;
        }

        /** @return the response as the servlet API sees it */
        public HttpServletResponse build() {
            ServletOutputStream out = new ServletOutputStream() {
                @Override
                public void write(int b) {
                    body.write(b);
                }

                @Override
                public void write(byte[] bytes, int offset, int length) {
                    body.write(bytes, offset, length);
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    throw new UnsupportedOperationException();
                }
            };
            return (HttpServletResponse) Proxy.newProxyInstance(FakeHttp.class.getClassLoader(),
                    new Class<?>[] {HttpServletResponse.class}, (proxy, called, arguments) -> {
                        switch (called.getName()) {
                            case "setStatus": status = (Integer) arguments[0]; return null;
                            case "setHeader": headers.put((String) arguments[0], (String) arguments[1]); return null;
                            case "setContentLength": contentLength = (Integer) arguments[0]; return null;
                            case "getOutputStream": return out;
                            case "toString": return "response " + status;
                            default: throw new UnsupportedOperationException("FakeHttp response: " + called);
                        }
                    });
        }
    }

    /** A servlet's {@code service} method. */
    @FunctionalInterface
    public interface Service {
        void service(HttpServletRequest request, HttpServletResponse response) throws IOException;
    }

    /** @return what the service answered to the request */
    public static Response send(Service service, Request request) throws IOException {
        Response response = new Response();
        service.service(request.build(), response.build());
        return response;
    }

    /** @return an {@code Authorization: Basic …} header value */
    public static String basic(String user, String password) {
        return "Basic " + java.util.Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
