package dev.offramp.sandbox.unigox;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The contract's closed list of {@code document_type} values, and which of them satisfy the
 * identity-document requirement: any type that is not the selfie and not a back side.
 */
final class KycDocumentTypes {

    static final String SELFIE = "selfie";

    private static final List<String> FAMILIES = List.of("passport", "national_id", "driver_license", "voter_id",
            "resident_card", "id_card", "ghana_card", "ghana_ssnit_card", "kenya_alien_card", "green_book",
            "tax_id", "colombia_ppt");

    private static final Set<String> ALL = all();

    private KycDocumentTypes() {
    }

    static boolean isKnown(String type) {
        return ALL.contains(type);
    }

    static boolean isIdentityFront(String type) {
        return isKnown(type) && !SELFIE.equals(type) && !type.endsWith("_back");
    }

    private static Set<String> all() {
        Set<String> types = new HashSet<>(Set.of("identity_front", "identity_back", SELFIE));
        for (String family : FAMILIES) {
            types.add(family);
            types.add(family + "_front");
            // the contract lists passport and passport_front, but no passport_back
            if (!family.equals("passport")) {
                types.add(family + "_back");
            }
        }
        return Set.copyOf(types);
    }
}
