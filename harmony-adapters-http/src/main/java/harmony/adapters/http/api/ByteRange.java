package harmony.adapters.http.api;

/** One HTTP byte range ({@code bytes=a-b}, {@code bytes=a-}, {@code bytes=-n}); others are ignored. */
record ByteRange(Long first, Long last, Long suffix) {

    /** The range asked for, or null for the whole file (absent, multi-range or unparseable headers). */
    static ByteRange parse(String header) {
        if (header == null || !header.startsWith("bytes=") || header.contains(",")) {
            return null;
        }
        String spec = header.substring(6).trim();
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return null;
        }
        try {
            String a = spec.substring(0, dash).trim();
            String b = spec.substring(dash + 1).trim();
            if (a.isEmpty()) {
                return b.isEmpty() ? null : new ByteRange(null, null, Long.parseLong(b));
            }
            long first = Long.parseLong(a);
            Long last = b.isEmpty() ? null : Long.parseLong(b);
            if (last != null && last < first) {
                return null;
            }
            return new ByteRange(first, last, null);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    boolean satisfiable(long total) {
        return suffix != null ? suffix > 0 && total > 0 : first < total;
    }

    long start(long total) {
        return suffix != null ? Math.max(0, total - suffix) : first;
    }

    long end(long total) {
        return suffix != null || last == null ? total - 1 : Math.min(last, total - 1);
    }
}
