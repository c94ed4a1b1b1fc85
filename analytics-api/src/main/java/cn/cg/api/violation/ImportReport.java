package cn.cg.api.violation;

import java.util.List;

/**
 * The answer to an import. {@code accepted + rejected + duplicates == rowsRead} always; accepted rows
 * are either new ({@code inserted}) or known cases whose fields changed ({@code updated}).
 */
public record ImportReport(
        long importId,
        String file,
        String format,
        String crs,
        String profile,
        int rowsRead,
        int accepted,
        int inserted,
        int updated,
        int rejected,
        int duplicates,
        List<Rejection> rejections,
        boolean rejectionsTruncated,
        long millis) {
}
