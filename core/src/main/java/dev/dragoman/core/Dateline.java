package dev.dragoman.core;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where a story was filed and by which agency: "موسكو-سانا" is place "موسكو", agency "سانا"; "PARIS (AFP) –" is
 * place "PARIS", agency "AFP". Either part may be null when the copy does not carry it. Immutable.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Dateline(String place, String agency) {

    public Dateline {
        place = blankToNull(place);
        agency = blankToNull(agency);
    }

    public static Dateline of(String place, String agency) {
        return new Dateline(place, agency);
    }

    /** True when neither place nor agency is known. Not serialized. */
    @JsonIgnore
    public boolean isEmpty() {
        return place == null && agency == null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
