package kb.web;

/** Reading the few request headers the site honours, tolerant of whatever clients send. */
final class Http {
    private Http() {}

    /** Whether {@code If-None-Match} (a list, possibly {@code *} or weak) names this strong ETag. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.length() > 4096) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("*") || tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code Accept-Encoding} accepts gzip (and does not refuse it with {@code q=0}). */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null || acceptEncoding.length() > 4096) {
            return false;
        }
        for (String part : acceptEncoding.split(",")) {
            String[] pieces = part.strip().split(";");
            String coding = pieces[0].strip();
            if (coding.equalsIgnoreCase("gzip") || coding.equals("*")) {
                for (int i = 1; i < pieces.length; i++) {
                    String p = pieces[i].strip().replace(" ", "");
                    if (p.matches("q=0(\\.0{0,3})?")) {
                        return false;
                    }
                }
                return true;
            }
        }
        return false;
    }
}
