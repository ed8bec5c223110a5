"""Units of measure that open an ingredient or parts list line ("125 g", "2 EL", "1 cup")."""

# Metric and kitchen units in the core languages, as written after a number.
UNITS = (
    r"g|gr|kg|mg|ml|cl|dl|l|el|tl|msp|pck|pkg|pkt|oz|lbs?|cups?|c|tbsp|tsp|tbs|"
    r"tablespoons?|teaspoons?|pinch|cloves?|cans?|prisen?|päckchen|stück|stk|becher|dosen?|"
    r"dose/n|bund|zehen?|scheiben?|tassen?|liter|gramm|cuill\w*|càs|càc|cs|cc|cdas?|"
    r"cditas?|cucchia\w*|bicchier\w*|łyżk\w*|łyżeczk\w*|szklank\w*|szt|dag|ст|ч|стакан\w*|"
    r"шт|г|кг|мл|л|colher\w*|xícaras?|x[íi]c"
)
