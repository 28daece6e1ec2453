package uk.gov.em.gateway;

import org.junit.jupiter.api.Test;
import uk.gov.em.contracts.BreachType;
import uk.gov.em.testing.RepositoryFiles;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The breach type catalogue of the supplier contract (the repository's {@code docs/api/supplier-api.md}) and
 * the catalogue the gateway validates against ({@link BreachType}) are the same codes, with the same episodes.
 */
class SupplierContractCatalogueTest {

    /** A row of the contract's catalogue: | `CODE` | what happened | yes or nothing |. */
    private static final Pattern CATALOGUE_ROW = Pattern.compile("^\\| `([A-Z0-9_]+)` \\| [^|]+ \\|\\s*(yes)?\\s*\\|$");

    @Test
    void theContractsCatalogueNamesExactlyTheCodesTheGatewayAcceptsWithTheSameEpisodes() {
        Map<String, Boolean> documented = new TreeMap<>();
        RepositoryFiles.read("docs/api/supplier-api.md").lines().map(CATALOGUE_ROW::matcher).filter(Matcher::find)
                .forEach(row -> documented.put(row.group(1), row.group(2) != null));

        Map<String, Boolean> accepted = Arrays.stream(BreachType.values())
                .collect(Collectors.toMap(BreachType::code, BreachType::isEpisode, (a, b) -> a, TreeMap::new));

        assertThat(documented).hasSize(20).isEqualTo(accepted);
    }
}
