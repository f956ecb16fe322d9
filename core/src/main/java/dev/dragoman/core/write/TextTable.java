package dev.dragoman.core.write;

import java.util.List;
import java.util.Locale;

/**
 * A plain-text table for terminals: each column padded to its widest cell plus two spaces, the last column not
 * padded, trailing spaces stripped, one line per row ending in {@code \n}. Stateless.
 */
public final class TextTable {

    private TextTable() {}

    /**
     * @param rows the header first, then the rows; every row has as many cells as the header, none null
     * @return the table, or an empty string for no rows
     */
    public static String render(List<String[]> rows) {
        if (rows.isEmpty()) {
            return "";
        }
        int[] widths = new int[rows.get(0).length];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                widths[i] = Math.max(widths[i], r[i].length());
            }
        }
        StringBuilder table = new StringBuilder();
        for (String[] r : rows) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                sb.append(i == r.length - 1 ? r[i] : String.format(Locale.ROOT, "%-" + widths[i] + "s  ", r[i]));
            }
            table.append(sb.toString().stripTrailing()).append('\n');
        }
        return table.toString();
    }
}
